using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Plans;

/// <summary>One objective: what it is, the actions that serve it, its history.</summary>
public sealed class ObjectiveModel(PlanService plans, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public StrategicPlan Plan { get; private set; } = null!;
    public Objective Objective { get; private set; } = null!;
    public List<Axis> Axes { get; private set; } = [];
    public Department? Owner { get; private set; }
    public List<PolicyAction> Actions { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid id, CancellationToken ct)
    {
        var p = await plans.FindAsync(planId, ct);
        var o = p is null ? null : await plans.FindObjectiveAsync(planId, id, ct);
        if (p is null || o is null) return NotFound();
        Plan = p;
        Objective = o;
        Axes = (await plans.AxesAsync(planId, ct)).Where(a => o.AxisIds.Contains(a.Id)).ToList();
        Owner = o.OwnerDepartmentId is { } d ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, ct) : null;
        Actions = await db.Actions.AsNoTracking().Where(a => a.ObjectiveId == id).OrderBy(a => a.Code).ToListAsync(ct);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return Page();
    }

    [Requires(Capability.ManagePlans)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid planId, Guid id, long? version, CancellationToken ct)
    {
        var o = await plans.FindObjectiveAsync(planId, id, ct);
        if (o is null) return NotFound();
        try
        {
            if (!await plans.TryDeleteObjectiveAsync(o, version, ct))
            {
                TempData["Notice"] = L["Actions serve this objective: move them to another objective or to the Trash first."].Value;
                return Redirect($"/{tenant.OrganizationSlug}/plans/{planId}/objectives/{id}");
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it before deleting."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/plans/{planId}/objectives/{id}");
        }
        TempData["Notice"] = L["{0} was moved to the Trash. You can restore it from there.", o.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{planId}#objectives");
    }
}
