namespace Nodal.Web.Features.Memberships;

/// <summary>The organization's memberships of city networks; current or past.</summary>
public sealed class IndexModel(NodalDbContext db, MembershipService service) : PageModel
{
    /// <summary>current, past, or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }
    public IReadOnlyList<MembershipRow> Rows { get; private set; } = [];
    public DateOnly Today => service.Today;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await MembershipsApi.ListAsync(db, service.Today, Filter, ct);
}
