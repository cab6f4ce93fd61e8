using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Missions;

public sealed class DetailsModel(MissionService missions, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Mission Mission { get; private set; } = null!;
    public IReadOnlyList<RelationRef> Counterparts { get; private set; } = [];
    public RelationRef? Agreement { get; private set; }
    public IReadOnlyList<RelationRef> FollowUps { get; private set; } = [];
    public RelationRef? Department { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var m = await missions.FindAsync(id, ct);
        if (m is null) return NotFound();
        Mission = m;
        var parties = await relations.CounterpartsAsync(m.CounterpartIds, ct);
        Counterparts = m.CounterpartIds.Where(parties.ContainsKey).Select(c => parties[c]).ToList();
        if (m.AgreementId is { } ag) Agreement = (await relations.AgreementsAsync([ag], ct)).GetValueOrDefault(ag);
        FollowUps = await relations.ActionsAsync(m.FollowUpActionIds, ct);
        Department = await relations.DepartmentAsync(m.LeadDepartmentId, ct);
        CanEdit = missions.CanEdit(m);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return Page();
    }

    [Requires(Capability.LogRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var m = await missions.FindAsync(id, ct);
        if (m is null) return NotFound();
        if (!missions.CanEdit(m)) return Forbid();
        return await this.MoveToTrashAsync(L, () => missions.DeleteAsync(m, version, ct), m.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/missions/{id}", $"/{tenant.OrganizationSlug}/missions");
    }
}
