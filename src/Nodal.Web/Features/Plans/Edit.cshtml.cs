namespace Nodal.Web.Features.Plans;

/// <summary>Drafts a plan (/plans/new) or changes one (/plans/{id}/edit).</summary>
[Requires(Capability.ManagePlans)]
public sealed class EditModel(PlanService plans, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public PlanInput Input { get; set; } = new();
    public StrategicPlan? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            var year = DateTime.UtcNow.Year;
            Input = new PlanInput { StartYear = year, EndYear = year + 3 };
            return Page();
        }
        var p = await plans.FindAsync(Id.Value, ct);
        if (p is null) return NotFound();
        Input = PlanInput.From(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        StrategicPlan? p = null;
        if (Id is not null)
        {
            p = await plans.FindAsync(Id.Value, ct);
            if (p is null) return NotFound();
        }
        var validation = await plans.ValidateAsync(Input, p is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        if (p is null)
        {
            p = await plans.CreateAsync(Input, ct);
            TempData["Notice"] = L["The plan {0} was drafted.", p.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/plans/{p.Id}");
        }
        try
        {
            await plans.UpdateAsync(p, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await plans.ReloadAsync<StrategicPlan>(p.Id);
            ModelState.Clear();
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The plan {0} was saved.", p.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{p.Id}");
    }
}
