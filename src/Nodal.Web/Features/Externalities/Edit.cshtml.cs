using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Actions;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Externalities;

/// <summary>Records a negative externality (/externalities/new) or changes one (/externalities/{id}/edit).</summary>
[Requires(Capability.ManageMonitoring)]
public sealed class EditModel(ExternalityService service, ActionListService list, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ExternalityInput Input { get; set; } = new();
    public Externality? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Externality? Current { get; private set; }
    public ActionLookups Lookups { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ActionOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentOptions { get; private set; } = [];
    /// <summary>The code offered when creating: the next free X-NN.</summary>
    public string? SuggestedCode { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? plan, CancellationToken ct)
    {
        if (Id is { } id)
        {
            var x = await service.FindAsync(id, ct);
            if (x is null) return NotFound();
            Existing = x;
            Input = ExternalityInput.From(x);
        }
        else
        {
            Input = new ExternalityInput { PlanId = plan ?? await service.CurrentPlanIdAsync(ct), State = Nodal.Core.Monitoring.ExternalityState.Watch };
            Input.Code = SuggestedCode = await service.NextCodeAsync(ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Externality? x = null;
        if (Id is { } id)
        {
            x = await service.FindAsync(id, ct);
            if (x is null) return NotFound();
            Existing = x;
        }
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var validation = await service.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
                ModelState.AddModelError($"Input.{e.PropertyName}", e.ErrorMessage);
            return Page();
        }
        if (x is null)
        {
            x = await service.CreateAsync(Input, ct);
            TempData["Notice"] = L["{0} was added.", x.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/externalities/{x.Id}");
        }
        try
        {
            await service.UpdateAsync(x, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await service.ReloadAsync(x.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", x.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/externalities/{x.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        var plan = Lookups.PlanId;
        var lang = Languages.Current;
        var actions = plan is null ? [] : await db.Actions.AsNoTracking().Where(a => a.PlanId == plan).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        ActionOptions = actions.Select(a => new SelectListItem($"{a.Code} — {ActionDisplay.Shorten(a.Title.Get(lang, tenant.DefaultLanguage), 80)}", a.Id.ToString())).ToList();
        DepartmentOptions = await relations.DepartmentOptionsAsync(ct);
    }
}
