using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Plans;

/// <summary>Adds or changes an axis of a plan.</summary>
[Requires(Capability.ManagePlans)]
public sealed class AxisEditModel(PlanService plans, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid PlanId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public AxisInput Input { get; set; } = new();
    public StrategicPlan Plan { get; private set; } = null!;
    public List<AnalysisItem> Analysis { get; private set; } = [];
    public bool Conflict { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<AxisKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));
    public IEnumerable<SelectListItem> Findings => Analysis.Select(a => new SelectListItem($"{a.Kind.Label(L)} · {a.Statement.Get(Languages.Current, tenant.DefaultLanguage)}", a.Id.ToString()));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var p = await plans.FindAsync(PlanId, ct);
        if (p is null) return false;
        Plan = p;
        Analysis = await plans.AnalysisAsync(PlanId, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Id is null) return Page();
        var axis = await plans.FindAxisAsync(PlanId, Id.Value, ct);
        if (axis is null) return NotFound();
        Input = AxisInput.From(axis);
        History = await HistoryQuery.ForRecordAsync(db, axis.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Axis? axis = null;
        if (Id is not null && (axis = await plans.FindAxisAsync(PlanId, Id.Value, ct)) is null) return NotFound();
        var validation = await plans.ValidateAsync(PlanId, Input, axis is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await plans.SaveAxisAsync(PlanId, axis, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            Input.Version = (await db.Axes.AsNoTracking().FirstAsync(a => a.Id == Id, ct)).Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The axis was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{PlanId}#axes");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        var axis = Id is null ? null : await plans.FindAxisAsync(PlanId, Id.Value, ct);
        if (axis is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => plans.DeleteAsync(axis, version, ct), axis.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/plans/{PlanId}/axes/{Id}/edit", $"/{tenant.OrganizationSlug}/plans/{PlanId}#axes");
    }
}
