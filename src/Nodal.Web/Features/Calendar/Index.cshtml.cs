namespace Nodal.Web.Features.Calendar;

/// <summary>The calendar: the last 30 days and the next 12 months, month by month; the iCalendar feed for managers.</summary>
public sealed class IndexModel(CalendarService calendar, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>missions, events, agreements or reports; everything when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    public IReadOnlyList<IGrouping<(int Year, int Month), CalendarItem>> Months { get; private set; } = [];
    public DateOnly Today => calendar.Today;
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>The feed's address, for those who manage it; null when there is none.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (From, To) = calendar.DefaultWindow();
        var items = await calendar.ItemsAsync(From, To, tenant.OrganizationSlug ?? "", Languages.Current, ct);
        items = Kind?.ToLowerInvariant() switch
        {
            "missions" => items.Where(i => i.Kind == CalendarItemKind.Mission).ToList(),
            "events" => items.Where(i => i.Kind == CalendarItemKind.Event).ToList(),
            "agreements" => items.Where(i => i.Kind is CalendarItemKind.AgreementExpiry or CalendarItemKind.ExpiryNotice).ToList(),
            "reports" => items.Where(i => i.Kind == CalendarItemKind.ReportDue).ToList(),
            _ => items,
        };
        Months = items.GroupBy(i => (i.Start.Year, i.Start.Month)).OrderBy(g => g.Key).ToList();
        if (tenant.Can(Capability.ManageRelations) && await calendar.FeedSecretAsync(ct) is { } secret)
            FeedUrl = $"{Request.Scheme}://{Request.Host}{CalendarService.FeedPath(secret)}";
    }

    /// <summary>Makes the feed, or gives it a new address (the old one stops working).</summary>
    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        var had = await calendar.FeedSecretAsync(ct) is not null;
        await calendar.RegenerateFeedAsync(ct);
        TempData["Notice"] = (had ? L["The feed has a new address; the old one no longer works."] : L["The calendar feed was created."]).Value;
        return Redirect($"/{tenant.OrganizationSlug}/calendar#feed");
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await calendar.RevokeFeedAsync(ct);
        TempData["Notice"] = L["The calendar feed was revoked; its address no longer works."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/calendar#feed");
    }
}
