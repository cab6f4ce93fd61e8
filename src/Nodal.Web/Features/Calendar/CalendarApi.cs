using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.Calendar;

public sealed record CalendarItemDto(string Uid, Guid RecordId, CalendarItemKind Kind, DateOnly Start, DateOnly End, string Title,
    string? Description, string? Location, string Url, bool Overdue, int? DaysBefore);

public static class CalendarApi
{
    /// <summary>The longest span the JSON calendar answers for at once.</summary>
    public const int MaxDays = 3 * 366;

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar", async Task<Results<Ok<IReadOnlyList<CalendarItemDto>>, ValidationProblem>> (DateOnly? from, DateOnly? to, CalendarService calendar, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var (defaultFrom, defaultTo) = calendar.DefaultWindow();
                var start = from ?? defaultFrom;
                var end = to ?? (from is { } f ? f.AddMonths(12) : defaultTo);
                if (end < start || end.DayNumber - start.DayNumber > MaxDays)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [L["Ask for at most three years, ending after the start."]] },
                        title: L["The request has invalid fields."]);
                var items = await calendar.ItemsAsync(start, end, tenant.OrganizationSlug ?? "", Languages.Current, ct);
                return TypedResults.Ok<IReadOnlyList<CalendarItemDto>>(items.Select(i => new CalendarItemDto(i.Uid, i.RecordId, i.Kind, i.Start, i.End, i.Title,
                    i.Description, i.Location, i.Path, i.Overdue, i.DaysBefore)).ToList());
            })
            .WithTags("Missions")
            .WithName("GetCalendar").WithSummary("The calendar")
            .WithDescription("Dated items between from and to (ISO dates; by default the last 30 days and the next 12 months; three years at most): missions and events "
                             + "(not cancelled), expiries of active and signed agreements with their notices 90 and 30 days before, and reports due to networks not yet submitted "
                             + "(overdue ones are always included, flagged). Each item has a stable uid, inclusive start and end dates and the path of its record.");
        return api;
    }

    /// <summary>The organization's iCalendar feed at its secret address, for calendar applications (no sign-in).</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", async (string secret, NodalDbContext db, TenantContext tenant, CalendarService calendar, HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrEmpty(secret) || secret.Length > 64) return Results.NotFound();
                var org = await db.Organizations.AsNoTracking().Where(o => o.CalendarFeedSecret == secret)
                    .Select(o => new { o.Id, o.Slug, o.Name, o.DefaultLanguage }).FirstOrDefaultAsync(ct);
                if (org is null) return Results.NotFound();
                tenant.EnterAsSystem(org.Id);
                var language = LocalizedText.Normalize(org.DefaultLanguage);
                // Summaries and descriptions in the organization's main language, whoever subscribes.
                var culture = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
                IReadOnlyList<CalendarItem> items;
                try
                {
                    var (from, to) = calendar.DefaultWindow();
                    items = await calendar.ItemsAsync(from.AddMonths(-11), to, org.Slug, language, ct);
                }
                finally
                {
                    CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
                }
                var site = $"{http.Request.Scheme}://{http.Request.Host}";
                var ics = Write(items, org.Name.Get(language), site, calendar.Today);
                http.Response.Headers.CacheControl = "private, max-age=900";
                return Results.Text(ics, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The items as an RFC 5545 calendar: all-day events (DTEND exclusive), stable UIDs, a link to each record.</summary>
    public static string Write(IEnumerable<CalendarItem> items, string calendarName, string site, DateOnly today)
    {
        var cal = new Ical.Net.Calendar { ProductId = "-//Nodal//Calendar//EN" };
        cal.AddProperty("X-WR-CALNAME", calendarName);
        cal.AddProperty("METHOD", "PUBLISH");
        var stamp = new CalDateTime(DateTime.UtcNow.ToUniversalTime());
        foreach (var i in items)
        {
            var e = new CalendarEvent
            {
                Uid = i.Uid,
                Summary = i.Title,
                Description = i.Description,
                Location = i.Location,
                DtStart = new CalDateTime(i.Start),
                DtEnd = new CalDateTime(i.End.AddDays(1)),
                DtStamp = stamp,
                Url = new Uri(site + i.Path),
                Categories = [i.Kind.ToString()],
                Transparency = "TRANSPARENT",
            };
            cal.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(cal) ?? "";
    }
}
