using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Nodal.Core.Reference;
using Nodal.Core.Relations;
using Nodal.Data;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// Agreements in spreadsheets: export and re-import without change, an edited cell as one update, twinning lists naming
/// partners by city (existing counterpart, new city from the gazetteer, ambiguous and unknown names refused), the life
/// cycle on import, hostile files and roles; on each database.
/// </summary>
public abstract partial class AgreementSpreadsheetTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private sealed record Counts(int Agreements, int Counterparts, int Audit);

    private Task<Counts> CountsAsync(Guid org) => app.WithDbAsync(async db => new Counts(
        await db.Agreements.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(),
        await db.Counterparts.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(),
        await db.AuditEntries.CountAsync()), org);

    private static async Task<HttpResponseMessage> ImportAsync(WebClient web, byte[] file, string name, string language = "en")
    {
        var page = await web.GetHtmlAsync("/solmar/agreements/import");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "antiforgery token on the import page");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await web.Http.PostAsync($"/solmar/agreements/import?culture={language}", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<td class=\"govuk-table__cell govuk-table__cell--numeric\">(\\d+)</td>")]
    private static partial Regex ErrorRowPattern();

    /// <summary>The error table's cells, one row a line, for failure messages.</summary>
    private static string Errors(string html) => string.Join("\n", Regex.Matches(html, "<tr class=\"govuk-table__row\">(.*?)</tr>", RegexOptions.Singleline)
        .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>|\\s+", " ").Trim()));

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task An_export_re_imports_as_no_change_and_one_edited_title_in_the_workbook_is_one_update()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator);
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var export = await web.Http.GetByteArrayAsync($"/solmar/agreements/export?format={format}");
            var before = await CountsAsync(solmar);
            var response = await ImportAsync(web, export, "agreements." + format);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{format}: {(int)response.StatusCode} {await BodyAsync(response)}");
            Assert.Equal(before, await CountsAsync(solmar)); // nothing written, not even an audit entry
        }

        // The workbook: typed dates, frozen header with filters, drop-downs, a Help sheet.
        var xlsx = await web.Http.GetByteArrayAsync("/solmar/agreements/export?format=xlsx");
        using (var book = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var sheet = book.Worksheet("Agreements");
            var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(["Code", "Kind", "Title es", "Title en", "Title fr", "Status", "Parties", "Partner city", "Partner country", "Subjects",
                "Signed on", "In force from", "Expires on", "Renewal terms", "Signatories", "Commitments es", "Commitments en", "Commitments fr",
                "Summary es", "Summary en", "Summary fr", "Lead department"], headers);
            var genoa = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "AG-0002");
            Assert.Equal(new DateTime(2023, 9, 21), genoa.Cell(headers.IndexOf("Signed on") + 1).GetDateTime());
            Assert.Equal("CP-0001", genoa.Cell(headers.IndexOf("Parties") + 1).GetString());
            Assert.Equal("IT", genoa.Cell(headers.IndexOf("Partner country") + 1).GetString());
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled);
            Assert.Contains(sheet.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber == headers.IndexOf("Kind") + 1));
            Assert.Contains(book.Worksheets, w => w.Name == "Help");
        }

        // The list's filters apply: only the twinnings.
        var twinnings = Encoding.UTF8.GetString(await web.Http.GetByteArrayAsync("/solmar/agreements/export?format=csv&kind=Twinning"));
        Assert.StartsWith("\uFEFFCode,Kind,", twinnings);
        Assert.Contains("AG-0003,Twinning", twinnings);
        Assert.DoesNotContain("AG-0005", twinnings);

        // One title changed in the workbook: that agreement alone is written.
        using (var book = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var sheet = book.Worksheet("Agreements");
            var column = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "Title en").Address.ColumnNumber;
            sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "AG-0003").Cell(column).SetValue("Solmar–Rosario twinning (youth)");
            using var edited = new MemoryStream();
            book.SaveAs(edited);
            xlsx = edited.ToArray();
        }
        var counts = await CountsAsync(solmar);
        var updated = await ImportAsync(web, xlsx, "edited.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Equal(counts with { Audit = counts.Audit + 1 }, await CountsAsync(solmar));
        var rosario = await app.WithDbAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Code == "AG-0003"), solmar);
        Assert.Equal("Solmar–Rosario twinning (youth)", rosario.Title.En);
        Assert.Equal("Hermanamiento Solmar–Rosario", rosario.Title.Es);
        Assert.Contains("1 updated", WebUtility.HtmlDecode(await web.GetHtmlAsync("/solmar/agreements/import")));
    }

    [Fact]
    public async Task A_twinning_list_names_partners_by_city_and_ambiguous_or_unknown_cities_stop_the_whole_import()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var tampere = Gazetteer.Match("Tampere", "FI");
        Assert.Equal(Gazetteer.MatchKind.Unique, tampere.Kind);
        var springfield = Gazetteer.Match("Springfield", "US");
        Assert.Equal(Gazetteer.MatchKind.Ambiguous, springfield.Kind);
        var bordeaux = Gazetteer.Search("Bordeaux", "FR")[0];

        // The minimal twinning list: kind, title (in the main language), partner city and country.
        const string header = "Kind,Title,Partner city,Partner country\r\n";
        const string good = "Twinning,Hermanamiento con Génova (lista),Genoa,IT\r\nTwinning,Hermanamiento con Tampere,Tampere,FI\r\n";
        var file = Csv(header + good + "Twinning,Hermanamiento con Springfield,Springfield,us\r\nTwinning,Hermanamiento con Burdeos,Bordeau,FR\r\n");
        var before = await CountsAsync(solmar);
        var response = await ImportAsync(web, file, "twins.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await BodyAsync(response);
        Assert.Equal(before, await CountsAsync(solmar)); // nothing written: no agreement, no counterpart

        Assert.Equal(["4", "5"], ErrorRowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList());
        Assert.Contains($"Springfield, US: {springfield.Candidates.Count} cities of the gazetteer have this name:", html);
        Assert.All(springfield.Candidates.Take(10), c => Assert.Contains($"id {c.Id}", html));
        Assert.Contains($"{springfield.Candidates[0].Name}, {springfield.Candidates[0].Admin1} (id {springfield.Candidates[0].Id}, {springfield.Candidates[0].Population:N0})", html);
        Assert.Contains("Register the one meant as a counterpart and give its code in Parties.", html);
        Assert.Contains("Bordeau, FR: no city of the gazetteer has this name. Did you mean:", html);
        Assert.Contains($"id {bordeaux.Id}", html);
        Assert.DoesNotContain("Tampere, FI:", html);
        Assert.DoesNotContain("Genoa, IT:", html);

        // Without the two bad rows: two agreements, and Tampere registered as a city placed from the gazetteer.
        var fine = await ImportAsync(web, Csv(header + good), "twins.csv");
        Assert.True(fine.StatusCode == HttpStatusCode.Redirect, await BodyAsync(fine));
        var after = await CountsAsync(solmar);
        Assert.Equal(before.Agreements + 2, after.Agreements);
        Assert.Equal(before.Counterparts + 1, after.Counterparts);
        var (created, city, genoa) = await app.WithDbAsync(async db =>
        {
            var agreements = await db.Agreements.AsNoTracking().Where(a => a.Title.Es!.StartsWith("Hermanamiento con ")).OrderBy(a => a.Code).ToListAsync();
            var c = await db.Counterparts.AsNoTracking().SingleAsync(x => x.GazetteerId == tampere.Candidates[0].Id);
            var g = await db.Counterparts.AsNoTracking().SingleAsync(x => x.Code == "CP-0001");
            return (agreements, c, g);
        }, solmar);
        Assert.Equal(2, created.Count);
        Assert.All(created, a => Assert.Matches("^AG-\\d{4}$", a.Code));
        Assert.All(created, a => Assert.Equal((AgreementKind.Twinning, AgreementStatus.Draft), (a.Kind, a.Status)));
        Assert.Equal([genoa.Id], created.Single(a => a.Title.Es!.Contains("Génova")).PartyIds);
        Assert.Equal([city.Id], created.Single(a => a.Title.Es!.Contains("Tampere")).PartyIds);
        Assert.Equal((CounterpartKind.City, "FI", tampere.Candidates[0].Latitude), (city.Kind, city.Country, city.Latitude));
        Assert.Matches("^CP-\\d{4}$", city.Code);

        // The same list again: the counterparts exist now, and Code-less rows add agreements but no further counterpart.
        var again = await ImportAsync(web, Csv(header + "Twinning,Otro hermanamiento con Tampere,TAMPERE,fi\r\n"), "again.csv");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(after.Counterparts, (await CountsAsync(solmar)).Counterparts);
    }

    [Fact]
    public async Task A_status_change_must_be_a_step_of_the_life_cycle()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        // AG-0011 is under legal review: it cannot become active, nor renewed.
        var before = await CountsAsync(solmar);
        var illegal = await ImportAsync(web, Csv("Code,Status\r\nAG-0011,Active\r\nAG-0003,Renewed\r\n"), "s.csv");
        Assert.Equal(HttpStatusCode.OK, illegal.StatusCode);
        var html = await BodyAsync(illegal);
        Assert.True(html.Contains("An agreement cannot go from Legal review to Active."), Errors(html));
        Assert.Contains("To renew an agreement, use Renew: it creates the renewal.", html);
        Assert.Equal(before, await CountsAsync(solmar));

        // A new agreement cannot arrive renewed either, but may arrive active.
        var renewed = await ImportAsync(web, Csv("Kind,Title es,Parties,Status,Signed on\r\nFriendship,Amistad renovada,CP-0002,Renewed,2020-01-01\r\n"), "n.csv");
        Assert.Contains("To renew an agreement, use Renew: it creates the renewal.", await BodyAsync(renewed));

        // The next step is allowed, and is one change.
        var legal = await ImportAsync(web, Csv("Code,Status\r\nAG-0011,Approved\r\n"), "s.csv");
        Assert.Equal(HttpStatusCode.Redirect, legal.StatusCode);
        var dakar = await app.WithDbAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Code == "AG-0011"), solmar);
        Assert.Equal(AgreementStatus.Approved, dakar.Status);
        Assert.Equal(before.Audit + 1, (await CountsAsync(solmar)).Audit);

        var active = await ImportAsync(web, Csv("Kind,Title es,Parties,Status,Signed on\r\nFriendship,Amistad vigente,CP-0002,Active,2020-01-01\r\n"), "n.csv");
        Assert.Equal(HttpStatusCode.Redirect, active.StatusCode);
        Assert.Equal(AgreementStatus.Active, await app.WithDbAsync(db => db.Agreements.Where(a => a.Title.Es == "Amistad vigente").Select(a => a.Status).SingleAsync(), solmar));
    }

    [Fact]
    public async Task Row_errors_are_reported_in_the_users_language()
    {
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var response = await ImportAsync(web, Csv("Kind,Title es,Parties,Signed on,Lead department\r\nPlaneta,Título,CP-9999,ayer,XYZ\r\nTwinning,,CP-0001,,\r\n"), "e.csv", "es");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await BodyAsync(response);
        Assert.Contains("Planeta no es uno de los valores permitidos", html);
        Assert.Contains("No hay ninguna contraparte con el código CP-9999.", html);
        Assert.Contains("No hay ningún departamento con el código XYZ.", html);
        Assert.Contains("Escriba una fecha como 2026-03-31.", html);
        Assert.True(html.Contains("Indique el título en Español"), Errors(html));
    }

    [Fact]
    public async Task Hostile_files_are_refused_cleanly_and_a_viewer_cannot_import()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var template = await web.Http.GetByteArrayAsync("/solmar/agreements/template?format=xlsx");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1 };
        var cases = new (string Name, byte[] File, string Expected)[]
        {
            ("png named .xlsx", png, "not a spreadsheet"),
            ("truncated xlsx", template[..(template.Length / 2)], "damaged or incomplete"),
            ("doctype in a sheet", WithDoctype(template), "DOCTYPE"),
            ("latin-1 csv", Encoding.Latin1.GetBytes("Kind,Title es,Parties\r\nTwinning,Acción,CP-0001\r\n"), "not in UTF-8"),
            ("too big", new byte[11 * 1024 * 1024], "larger than"),
        };
        var before = await CountsAsync(solmar);
        foreach (var (name, file, expected) in cases)
        {
            var response = await ImportAsync(web, file, "agreements.xlsx");
            var body = await BodyAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.True(body.Contains(expected, StringComparison.OrdinalIgnoreCase), $"{name}: no “{expected}”");
            Assert.Equal(before, await CountsAsync(solmar));
        }

        using var viewer = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/solmar/agreements/import")).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Csv("Kind,Title es,Parties\r\nTwinning,X,CP-0001\r\n")), "file", "a.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Http.PostAsync("/solmar/agreements/import", form)).StatusCode);
        Assert.Equal(before, await CountsAsync(solmar));
        // Reading is allowed: the export and the template.
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/solmar/agreements/export?format=csv")).StatusCode);
        Assert.DoesNotContain("/solmar/agreements/import", await viewer.GetHtmlAsync("/solmar/agreements"));
        Assert.Contains("/solmar/agreements/import", await web.GetHtmlAsync("/solmar/agreements"));
    }

    /// <summary>A workbook whose sheet declares a DTD with an entity.</summary>
    private static byte[] WithDoctype(byte[] xlsx)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            var root = Regex.Match(xml, @"<([A-Za-z]+:)?worksheet\b");
            xml = xml.Insert(root.Index, $"<!DOCTYPE {root.Value[1..]} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return buffer.ToArray();
    }
}

public sealed class AgreementSpreadsheetTestsOnSqlite(SqliteApp app) : AgreementSpreadsheetTests<SqliteApp>(app);
public sealed class AgreementSpreadsheetTestsOnPostgres(PostgresApp app) : AgreementSpreadsheetTests<PostgresApp>(app);
