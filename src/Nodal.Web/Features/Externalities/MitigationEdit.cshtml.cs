using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Actions;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Externalities;

/// <summary>Adds a mitigation measure to an externality or changes one.</summary>
[Requires(Capability.ManageMonitoring)]
public sealed class MitigationEditModel(ExternalityService service, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid ExternalityId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public MitigationInput Input { get; set; } = new();
    public Externality Externality { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ActionOptions { get; private set; } = [];
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Mitigation? Current { get; private set; }

    private string Back => $"/{tenant.OrganizationSlug}/externalities/{ExternalityId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (ok, found) = await LoadAsync(ct);
        if (!ok) return NotFound();
        Input = found is { } m ? MitigationInput.From(m) : new MitigationInput { Status = MitigationStatus.Planned };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (ok, found) = await LoadAsync(ct);
        if (!ok) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await service.ValidateMitigationAsync(Externality, Input, found is not null, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors) ModelState.AddModelError($"Input.{e.PropertyName}", e.ErrorMessage);
            return Page();
        }
        try
        {
            await service.SaveMitigationAsync(Externality, found, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await service.ReloadMitigationAsync(Id!.Value, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The mitigation measures of {0} were saved.", Externality.Code].Value;
        return Redirect(Back);
    }

    /// <summary>Whether the externality (and the measure, when changing one) exists here; the measure, null when adding one.</summary>
    private async Task<(bool Found, Mitigation? Mitigation)> LoadAsync(CancellationToken ct)
    {
        var x = await service.FindAsync(ExternalityId, ct);
        if (x is null) return (false, null);
        Externality = x;
        Mitigation? m = null;
        if (Id is { } id && (m = await service.FindMitigationAsync(ExternalityId, id, ct)) is null) return (false, null);
        Departments = await relations.DepartmentOptionsAsync(ct);
        var lang = Languages.Current;
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == x.PlanId).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        ActionOptions = actions.Select(a => new SelectListItem($"{a.Code} — {ActionDisplay.Shorten(a.Title.Get(lang, tenant.DefaultLanguage), 80)}", a.Id.ToString())).ToList();
        return (true, m);
    }
}
