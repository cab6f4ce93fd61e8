using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Plans;

public sealed class DetailsModel(PlanService plans, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public StrategicPlan Plan { get; private set; } = null!;
    public List<AnalysisItem> Analysis { get; private set; } = [];
    public List<Axis> Axes { get; private set; } = [];
    public List<Objective> Objectives { get; private set; } = [];
    public Dictionary<Guid, int> ActionsPerObjective { get; private set; } = [];
    public Dictionary<Guid, Department> Departments { get; private set; } = [];
    public int ActionCount { get; private set; }
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    [BindProperty] public AdoptionInput Adoption { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Adoption = new AdoptionInput { AdoptedOn = DateOnly.FromDateTime(DateTime.UtcNow), Version = Plan.Version };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return false;
        Plan = p;
        Analysis = await plans.AnalysisAsync(id, ct);
        Axes = await plans.AxesAsync(id, ct);
        Objectives = await plans.ObjectivesAsync(id, ct);
        ActionsPerObjective = await db.Actions.Where(a => a.PlanId == id && a.ObjectiveId != null)
            .GroupBy(a => a.ObjectiveId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        ActionCount = await db.Actions.CountAsync(a => a.PlanId == id, ct);
        Departments = await plans.DepartmentsAsync(ct);
        Versions = await plans.VersionsAsync(id, ct);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return true;
    }

    /// <summary>Moves the plan along its life cycle; adopting needs the date, body and act.</summary>
    [Requires(Capability.ManagePlans)]
    public async Task<IActionResult> OnPostStatusAsync(Guid id, PlanStatus to, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        try
        {
            var result = await plans.ChangeStatusAsync(p, to, Adoption, ct);
            if (!result.IsValid)
            {
                await LoadAsync(id, ct);
                result.AddTo(ModelState, "Adoption");
                AdoptTarget = to;
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it and try again."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/plans/{id}");
        }
        TempData["Notice"] = to == PlanStatus.Adopted
            ? L["The plan was adopted; version {0} is frozen.", (await plans.VersionsAsync(id, ct)).Count].Value
            : L["The plan is now: {0}.", to.Label(L)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{id}");
    }

    public PlanStatus? AdoptTarget { get; private set; }

    [Requires(Capability.ManagePlans)]
    public async Task<IActionResult> OnPostCurrentAsync(Guid id, long? version, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        try { await plans.MakeCurrentAsync(p, version, ct); }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it and try again."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/plans/{id}");
        }
        TempData["Notice"] = L["{0} is now the current plan.", p.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{id}");
    }

    [Requires(Capability.ManagePlans)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => plans.DeleteAsync(p, version, ct), p.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/plans/{id}", $"/{tenant.OrganizationSlug}/plans");
    }

}
