namespace Nodal.Web.Features.Relations;

/// <summary>The registry's front page: how many relations of each kind, and where to find them.</summary>
public sealed class IndexModel(NodalDbContext db, Nodal.Web.Features.Agreements.AgreementListService agreementList) : PageModel
{
    public int Counterparts { get; private set; }
    public int Agreements { get; private set; }
    public int Memberships { get; private set; }
    public int Alliances { get; private set; }
    public int Projects { get; private set; }
    public int Missions { get; private set; }
    /// <summary>Agreements that need attention: expiring within 90 days (30-day ones first) or dormant.</summary>
    public IReadOnlyList<Nodal.Web.Features.Agreements.AgreementRow> NeedsAttention { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counterparts = await db.Counterparts.CountAsync(ct);
        Agreements = await db.Agreements.CountAsync(ct);
        Memberships = await db.NetworkMemberships.CountAsync(ct);
        Alliances = await db.Alliances.CountAsync(ct);
        Projects = await db.Projects.CountAsync(ct);
        Missions = await db.Missions.CountAsync(ct);
        NeedsAttention = await agreementList.NeedingAttentionAsync(ct);
    }
}
