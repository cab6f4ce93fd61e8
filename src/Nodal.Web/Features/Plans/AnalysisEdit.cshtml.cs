using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Plans;

/// <summary>Adds or changes a finding of a plan's territorial analysis.</summary>
[Requires(Capability.ManagePlans)]
public sealed class AnalysisEditModel(PlanService plans, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid PlanId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public AnalysisItemInput Input { get; set; } = new();
    public StrategicPlan Plan { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<AnalysisKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));
    public IEnumerable<SelectListItem> Areas => Enum.GetValues<TerritoryArea>().Select(a => new SelectListItem(a.Label(L), a.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var p = await plans.FindAsync(PlanId, ct);
        if (p is null) return NotFound();
        Plan = p;
        if (Id is null) return Page();
        var item = await plans.FindAnalysisItemAsync(PlanId, Id.Value, ct);
        if (item is null) return NotFound();
        Input = AnalysisItemInput.From(item);
        History = await HistoryQuery.ForRecordAsync(db, item.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var p = await plans.FindAsync(PlanId, ct);
        if (p is null) return NotFound();
        Plan = p;
        AnalysisItem? item = null;
        if (Id is not null && (item = await plans.FindAnalysisItemAsync(PlanId, Id.Value, ct)) is null) return NotFound();
        var validation = await plans.ValidateAsync(Input, item is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await plans.SaveAnalysisItemAsync(PlanId, item, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.AnalysisItems.AsNoTracking().FirstAsync(a => a.Id == Id, ct);
            Conflict = true;
            Input.Version = current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The finding was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{PlanId}#analysis");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        var item = Id is null ? null : await plans.FindAnalysisItemAsync(PlanId, Id.Value, ct);
        if (item is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => plans.DeleteAsync(item, version, ct), item.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/plans/{PlanId}/analysis/{Id}/edit", $"/{tenant.OrganizationSlug}/plans/{PlanId}#analysis");
    }
}
