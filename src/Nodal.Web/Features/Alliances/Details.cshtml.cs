using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Alliances;

/// <summary>An alliance or declaration: its text and source, commitments, co-signatories, promoter and follow-up; everyone reads.</summary>
public sealed class DetailsModel(AllianceService alliances, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Alliance Alliance { get; private set; } = null!;
    public IReadOnlyList<RelationRef> CoSignatories { get; private set; } = [];
    public RelationRef? Promoter { get; private set; }
    public IReadOnlyList<FollowUpAction> FollowUps { get; private set; } = [];
    public FollowUp FollowUp { get; private set; } = new(0, 0, null);
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var a = await alliances.FindAsync(id, ct);
        if (a is null) return NotFound();
        Alliance = a;
        var parties = await relations.CounterpartsAsync([.. a.CoSignatoryIds, .. a.PromoterId is { } p ? [p] : Array.Empty<Guid>()], ct);
        CoSignatories = a.CoSignatoryIds.Where(parties.ContainsKey).Select(c => parties[c]).OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (a.PromoterId is { } promoter) Promoter = parties.GetValueOrDefault(promoter);
        FollowUps = await alliances.FollowUpActionsAsync(a.FollowUpActionIds, ct);
        FollowUp = AllianceService.Summarize(FollowUps);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return Page();
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var a = await alliances.FindAsync(id, ct);
        if (a is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => alliances.DeleteAsync(a, version, ct), a.Title.Get(Languages.Current, tenant.DefaultLanguage), $"/{tenant.OrganizationSlug}/alliances/{id}", $"/{tenant.OrganizationSlug}/alliances");
    }
}
