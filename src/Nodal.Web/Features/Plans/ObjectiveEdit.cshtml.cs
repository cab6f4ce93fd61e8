using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nodal.Web.Features.Plans;

/// <summary>Adds or changes an objective of a plan.</summary>
[Requires(Capability.ManagePlans)]
public sealed class ObjectiveEditModel(PlanService plans, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid PlanId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ObjectiveInput Input { get; set; } = new();
    public StrategicPlan Plan { get; private set; } = null!;
    public List<Axis> Axes { get; private set; } = [];
    public Dictionary<Guid, Department> Departments { get; private set; } = [];
    public bool Conflict { get; private set; }

    public IEnumerable<SelectListItem> Families => Enum.GetValues<ObjectiveFamily>().Select(f => new SelectListItem(f.Label(L), f.ToString()));
    public IEnumerable<SelectListItem> AxisItems => Axes.Select(a => new SelectListItem($"{a.Name.Get(Languages.Current, tenant.DefaultLanguage)} ({a.Kind.Label(L)})", a.Id.ToString()));
    public IEnumerable<SelectListItem> DepartmentItems => Departments.Values.OrderBy(d => d.Code)
        .Select(d => new SelectListItem($"{d.Code} — {d.Name.Get(Languages.Current, tenant.DefaultLanguage)}", d.Id.ToString()));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var p = await plans.FindAsync(PlanId, ct);
        if (p is null) return false;
        Plan = p;
        Axes = await plans.AxesAsync(PlanId, ct);
        Departments = await plans.DepartmentsAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Id is null) return Page();
        var o = await plans.FindObjectiveAsync(PlanId, Id.Value, ct);
        if (o is null) return NotFound();
        Input = ObjectiveInput.From(o);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Objective? o = null;
        if (Id is not null && (o = await plans.FindObjectiveAsync(PlanId, Id.Value, ct)) is null) return NotFound();
        var validation = await plans.ValidateAsync(PlanId, Input, o?.Id, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            o = await plans.SaveObjectiveAsync(PlanId, o, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            Input.Version = (await db.Objectives.AsNoTracking().FirstAsync(x => x.Id == Id, ct)).Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The objective {0} was saved.", o.Code].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{PlanId}/objectives/{o.Id}");
    }
}
