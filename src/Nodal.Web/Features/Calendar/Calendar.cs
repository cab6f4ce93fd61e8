using System.Globalization;
using System.Security.Cryptography;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Calendar;

/// <summary>What a calendar item is about.</summary>
public enum CalendarItemKind
{
    Mission = 1,
    Event = 2,
    AgreementExpiry = 3,
    /// <summary>A reminder ahead of an agreement's expiry (90 and 30 days before).</summary>
    ExpiryNotice = 4,
    ReportDue = 5,
}

/// <summary>One dated item of the calendar: all-day, from <see cref="Start"/> to <see cref="End"/> inclusive.</summary>
public sealed record CalendarItem(
    string Uid, Guid RecordId, CalendarItemKind Kind, DateOnly Start, DateOnly End, string Title, string? Description,
    string? Location, string Path, bool Overdue, int? DaysBefore);

/// <summary>
/// The dates ahead: missions and events, agreement expiries with their 90- and 30-day notices, and reports due to networks.
/// Read for the page, the JSON API and the iCalendar feed alike.
/// </summary>
public sealed class CalendarService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public static readonly int[] NoticeDays = [90, 30];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The page's window: the last 30 days and the next 12 months.</summary>
    public (DateOnly From, DateOnly To) DefaultWindow() => (Today.AddDays(-30), Today.AddMonths(12));

    /// <summary>Items that touch [from, to], sorted by start; reports overdue and not submitted are always included.</summary>
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(DateOnly from, DateOnly to, string slug, string language, CancellationToken ct)
    {
        var today = Today;
        var items = new List<CalendarItem>();

        var missions = await db.Missions.AsNoTracking().Where(m => m.Start <= to && m.End >= from && m.Status != MissionStatus.Cancelled)
            .Select(m => new { m.Id, m.Kind, m.EventKind, m.Title, m.Start, m.End, m.City, m.Country, m.Status }).ToListAsync(ct);
        foreach (var m in missions)
        {
            var isEvent = m.Kind is MissionKind.HostedEvent or MissionKind.AttendedEvent;
            var description = m.Kind.Label(L) + (m.EventKind is { } ek ? " · " + ek.Label(L) : "") + " · " + m.Status.Label(L);
            var location = string.Join(", ", new[] { m.City, m.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            items.Add(new CalendarItem($"{m.Id}@nodal", m.Id, isEvent ? CalendarItemKind.Event : CalendarItemKind.Mission, m.Start, m.End,
                m.Title.Get(language, tenant.DefaultLanguage), description, location.Length == 0 ? null : location, $"/{slug}/missions/{m.Id}", false, null));
        }

        var latest = to.AddDays(NoticeDays.Max());
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.Signed) && a.ExpiresOn != null && a.ExpiresOn >= from && a.ExpiresOn <= latest)
            .Select(a => new { a.Id, a.Code, a.Title, a.ExpiresOn, a.Renewal }).ToListAsync(ct);
        foreach (var a in agreements)
        {
            var expires = a.ExpiresOn!.Value;
            var title = $"{a.Code} — {a.Title.Get(language, tenant.DefaultLanguage)}";
            var path = $"/{slug}/agreements/{a.Id}";
            if (expires <= to)
                items.Add(new CalendarItem($"{a.Id}@nodal", a.Id, CalendarItemKind.AgreementExpiry, expires, expires,
                    L["Agreement expires: {0}", title], a.Renewal.Label(L), null, path, false, null));
            foreach (var days in NoticeDays)
            {
                var on = expires.AddDays(-days);
                if (on < from || on > to) continue;
                items.Add(new CalendarItem($"{a.Id}-notice{days}@nodal", a.Id, CalendarItemKind.ExpiryNotice, on, on,
                    L["Agreement expires in {0} days: {1}", days, title], L["Expires on {0}.", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], null, path, false, days));
            }
        }

        var windowStart = from;
        var reports = await (from r in db.MembershipReports.AsNoTracking()
                             join ms in db.NetworkMemberships.AsNoTracking() on r.MembershipId equals ms.Id
                             join n in db.Counterparts.AsNoTracking() on ms.NetworkId equals n.Id into nets
                             from n in nets.DefaultIfEmpty()
                             where r.SubmittedOn == null && r.Due <= to && (r.Due >= windowStart || r.Due < today)
                             select new { r.Id, r.Title, r.Due, MembershipId = ms.Id, Network = n == null ? null : (n.Acronym ?? n.Name) })
            .ToListAsync(ct);
        foreach (var r in reports)
        {
            var title = r.Title.Get(language, tenant.DefaultLanguage);
            var summary = r.Network is null ? L["Report due: {0}", title] : L["Report due to {0}: {1}", r.Network, title];
            items.Add(new CalendarItem($"{r.Id}@nodal", r.Id, CalendarItemKind.ReportDue, r.Due, r.Due, summary, null, null,
                $"/{slug}/memberships/{r.MembershipId}", r.Due < today, null));
        }
        return items.OrderBy(i => i.Start).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>32 random bytes, base64url: the secret part of the feed's address.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<string?> FeedSecretAsync(CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == tenant.OrganizationId).Select(o => o.CalendarFeedSecret).FirstOrDefaultAsync(ct);

    /// <summary>Makes a new secret (the old address stops working) and returns it.</summary>
    public async Task<string> RegenerateFeedAsync(CancellationToken ct)
    {
        var org = await db.Organizations.FirstAsync(o => o.Id == tenant.OrganizationId, ct);
        org.CalendarFeedSecret = NewSecret();
        await db.SaveChangesAsync(ct);
        return org.CalendarFeedSecret;
    }

    public async Task RevokeFeedAsync(CancellationToken ct)
    {
        var org = await db.Organizations.FirstAsync(o => o.Id == tenant.OrganizationId, ct);
        org.CalendarFeedSecret = null;
        await db.SaveChangesAsync(ct);
    }

    public static string FeedPath(string secret) => $"/calendar/{secret}.ics";
}
