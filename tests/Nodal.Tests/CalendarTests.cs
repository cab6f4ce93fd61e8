using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nodal.Core;
using Nodal.Core.Relations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>The calendar page, its JSON and its iCalendar feed (read back by ical.js, a parser that is not the writer), on each database.</summary>
public abstract partial class CalendarTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Fixture(string Mission, Guid MissionId, DateOnly MissionStart, string Agreement, Guid AgreementId, DateOnly Expires,
        string Report, DateOnly ReportDue, string Overdue, string Submitted, string Cancelled);

    /// <summary>A mission in 40 days, an active agreement expiring in 120 days, a report due in 60 days, one overdue and one submitted.</summary>
    private async Task<Fixture> SeedAsync()
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await app.WithDbAsync(async db =>
        {
            var start = Today.AddDays(40);
            var mission = new Mission { OrganizationId = orgId, Kind = MissionKind.OutboundMission, Title = new LocalizedText($"Misión a Dakar {tag}", $"Mission to Dakar {tag}", null),
                Start = start, End = start.AddDays(2), City = "Dakar", Country = "SN" };
            var cancelled = new Mission { OrganizationId = orgId, Kind = MissionKind.InboundVisit, Title = new LocalizedText($"Visita anulada {tag}", null, null),
                Start = start, End = start, Status = MissionStatus.Cancelled };
            var expires = Today.AddDays(120);
            var agreement = new Agreement { OrganizationId = orgId, Code = $"AG-{tag}", Kind = AgreementKind.Twinning, Title = new LocalizedText($"Hermanamiento {tag}", null, null),
                Status = AgreementStatus.Active, ExpiresOn = expires };
            var network = new Counterpart { OrganizationId = orgId, Code = $"CP-{tag}", Kind = CounterpartKind.CityNetwork, Name = $"Red {tag}", Acronym = $"R{tag}" };
            var membership = new NetworkMembership { OrganizationId = orgId, NetworkId = network.Id, Since = new DateOnly(2015, 1, 1) };
            var report = new MembershipReport { OrganizationId = orgId, MembershipId = membership.Id, Title = new LocalizedText($"Informe anual {tag}", null, null), Due = Today.AddDays(60) };
            var overdue = new MembershipReport { OrganizationId = orgId, MembershipId = membership.Id, Title = new LocalizedText($"Informe atrasado {tag}", null, null), Due = Today.AddDays(-10) };
            var submitted = new MembershipReport { OrganizationId = orgId, MembershipId = membership.Id, Title = new LocalizedText($"Informe entregado {tag}", null, null), Due = Today.AddDays(20), SubmittedOn = Today };
            db.AddRange(mission, cancelled, agreement, network, membership, report, overdue, submitted);
            await db.SaveChangesAsync();
            return new Fixture(mission.Title.Es!, mission.Id, start, agreement.Code, agreement.Id, expires, report.Title.Es!, report.Due, overdue.Title.Es!, submitted.Title.Es!, cancelled.Title.Es!);
        }, orgId);
    }

    /// <summary>The part of the page under the heading of a month.</summary>
    private static string MonthSection(string html, DateOnly day)
    {
        var at = html.IndexOf($"id=\"month-{day:yyyy}-{day:MM}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no section for {day:yyyy-MM}");
        var end = html.IndexOf("</section>", at, StringComparison.Ordinal);
        return html[at..end];
    }

    [Fact]
    public async Task The_calendar_lists_missions_expiries_with_their_notices_and_reports_in_their_months()
    {
        var f = await SeedAsync();
        using var web = await app.SignInAsync(Viewer, language: "en");
        var html = await web.GetHtmlAsync("/solmar/calendar?culture=en");
        Assert.Contains(f.Mission.Replace("Misión a", "Mission to"), MonthSection(html, f.MissionStart)); // in the reader's language
        Assert.Contains($"<time datetime=\"{f.MissionStart:yyyy-MM-dd}\">", MonthSection(html, f.MissionStart));
        Assert.Contains($"Agreement expires: {f.Agreement}", MonthSection(html, f.Expires));
        Assert.Contains($"Agreement expires in 90 days: {f.Agreement}", MonthSection(html, f.Expires.AddDays(-90)));
        Assert.Contains($"Agreement expires in 30 days: {f.Agreement}", MonthSection(html, f.Expires.AddDays(-30)));
        Assert.Contains(f.Report, MonthSection(html, f.ReportDue));
        var overdue = MonthSection(html, Today.AddDays(-10));
        Assert.Matches(new Regex(Regex.Escape(f.Overdue) + @"[\s\S]*?Overdue"), overdue);
        Assert.DoesNotContain(f.Submitted, html);
        Assert.DoesNotContain(f.Cancelled, html);
        Assert.DoesNotContain("id=\"feed\"", html); // a viewer does not manage the feed

        var onlyReports = await web.GetHtmlAsync("/solmar/calendar?kind=reports&culture=en");
        Assert.Contains(f.Report, onlyReports);
        Assert.DoesNotContain("Dakar", onlyReports);

        using var api = await app.ApiClientAsync(Viewer);
        var items = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/calendar?from={Today:yyyy-MM-dd}&to={Today.AddMonths(6):yyyy-MM-dd}"))!;
        var mission = items.Single(i => (string)i!["uid"]! == $"{f.MissionId}@nodal")!;
        Assert.Equal(f.MissionStart.ToString("yyyy-MM-dd"), (string)mission["start"]!);
        Assert.Equal(f.MissionStart.AddDays(2).ToString("yyyy-MM-dd"), (string)mission["end"]!);
        Assert.Contains(items, i => (string)i!["uid"]! == $"{f.AgreementId}-notice90@nodal" && (string)i["start"]! == f.Expires.AddDays(-90).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/calendar?from=2027-01-01&to=2026-01-01")).StatusCode);
    }

    [Fact]
    public async Task The_feed_is_made_read_by_ical_js_given_a_new_address_and_revoked()
    {
        var f = await SeedAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-secret-at-all.ics")).StatusCode);

        using var web = await app.SignInAsync(Coordinator, language: "en");
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync("/solmar/calendar?handler=Regenerate", new())).StatusCode);
        var url = FeedUrl(await web.GetHtmlAsync("/solmar/calendar"));

        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var feed = ReadWithIcalJs(await response.Content.ReadAsStringAsync());
        var events = feed["events"]!.AsArray();
        // Solmar's main language is Spanish: the summaries are in Spanish; dates are all-day, the end exclusive.
        var mission = events.Single(e => (string)e!["uid"]! == $"{f.MissionId}@nodal")!;
        Assert.Equal(f.Mission, (string)mission["summary"]!);
        Assert.True((bool)mission["isDate"]!);
        Assert.Equal(f.MissionStart.ToString("yyyy-MM-dd"), (string)mission["start"]!);
        Assert.Equal(f.MissionStart.AddDays(3).ToString("yyyy-MM-dd"), (string)mission["end"]!);
        Assert.Equal("Dakar, SN", (string)mission["location"]!);
        Assert.EndsWith($"/solmar/missions/{f.MissionId}", (string)mission["url"]!);
        var notice = events.Single(e => (string)e!["uid"]! == $"{f.AgreementId}-notice30@nodal")!;
        Assert.Equal($"El acuerdo vence dentro de 30 días: {f.Agreement} — Hermanamiento {f.Agreement[3..]}", (string)notice["summary"]!);
        Assert.Equal(f.Expires.AddDays(-30).ToString("yyyy-MM-dd"), (string)notice["start"]!);
        Assert.Contains(events, e => ((string)e!["summary"]!).Contains(f.Report, StringComparison.Ordinal) && (string)e["start"]! == f.ReportDue.ToString("yyyy-MM-dd"));

        // A new address: the old one stops working.
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync("/solmar/calendar?handler=Regenerate", new())).StatusCode);
        var url2 = FeedUrl(await web.GetHtmlAsync("/solmar/calendar"));
        Assert.NotEqual(url, url2);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url2)).StatusCode);

        // Only relations managers manage it.
        using var viewer = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync("/solmar/calendar?handler=Revoke", new())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url2)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync("/solmar/calendar?handler=Revoke", new())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url2)).StatusCode);
        Assert.DoesNotContain("id=\"feed-url\"", await web.GetHtmlAsync("/solmar/calendar"));
    }

    private static string FeedUrl(string html)
    {
        var m = FeedPattern().Match(html);
        Assert.True(m.Success, "the page shows no feed address");
        return new Uri(WebUtility.HtmlDecode(m.Groups[1].Value)).PathAndQuery;
    }

    [GeneratedRegex("id=\"feed-url\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex FeedPattern();

    /// <summary>Parses the feed with ical.js (installed by test.sh from tests/Nodal.BrowserTests/package.json) in node.</summary>
    private static JsonObject ReadWithIcalJs(string ics)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nodal.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var module = Path.Combine(dir.FullName, "tests", "Nodal.BrowserTests", "node_modules", "ical.js", "dist", "ical.js");
        Assert.True(File.Exists(module), $"ical.js is missing at {module}: run npm ci in tests/Nodal.BrowserTests (test.sh does)");
        var work = Directory.CreateTempSubdirectory("nodal-ics-");
        try
        {
            var icsPath = Path.Combine(work.FullName, "feed.ics");
            File.WriteAllText(icsPath, ics);
            var script = Path.Combine(work.FullName, "read.mjs");
            File.WriteAllText(script, $$"""
                import ICAL from {{System.Text.Json.JsonSerializer.Serialize(new Uri(module).AbsoluteUri)}};
                import { readFileSync } from 'node:fs';
                const cal = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
                const events = cal.getAllSubcomponents('vevent').map(v => {
                  const e = new ICAL.Event(v);
                  return { uid: e.uid, summary: e.summary, location: e.location, isDate: e.startDate.isDate,
                           start: e.startDate.toString(), end: e.endDate.toString(), url: v.getFirstPropertyValue('url') };
                });
                console.log(JSON.stringify({ name: cal.getFirstPropertyValue('x-wr-calname'), events }));
                """);
            var psi = new ProcessStartInfo("node", [script, icsPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var node = Process.Start(psi)!;
            var stdout = node.StandardOutput.ReadToEnd();
            var stderr = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.True(node.ExitCode == 0, $"ical.js could not read the feed: {stderr}\n{ics}");
            return JsonNode.Parse(stdout)!.AsObject();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

public sealed class CalendarTestsOnSqlite(SqliteApp app) : CalendarTests<SqliteApp>(app);
public sealed class CalendarTestsOnPostgres(PostgresApp app) : CalendarTests<PostgresApp>(app);
