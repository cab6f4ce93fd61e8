using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>Adds a partner to a project, changes or removes one.</summary>
[Requires(Capability.ManageRelations)]
public sealed class PartnerEditModel(ProjectService projects, RelationLookups lookups, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid ProjectId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public PartnerInput Input { get; set; } = new();
    public CooperationProject Project { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Counterparts { get; private set; } = [];
    public bool Conflict { get; private set; }

    private string Back => $"/{tenant.OrganizationSlug}/projects/{ProjectId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } found) return NotFound();
        if (found.Partner is { } x)
            Input = new PartnerInput { CounterpartId = x.CounterpartId, Name = x.Name, Role = x.Role, IatiRef = x.IatiRef, IatiType = x.IatiType, Version = x.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } found) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await projects.ValidatePartnerAsync(Input, Id is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await projects.SavePartnerAsync(Project, found.Partner, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            var current = await projects.ReloadPartnerAsync(ProjectId, Id!.Value, ct);
            if (current is null) return NotFound();
            Input.Version = current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The partners of {0} were saved.", Project.Code].Value;
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { Partner: { } x }) return NotFound();
        return await this.MoveToTrashAsync(L, () => projects.DeletePartnerAsync(Project, x, version, ct), x.Name, Back, Back);
    }

    private async Task<(CooperationProject Project, ProjectPartner? Partner)?> LoadAsync(CancellationToken ct)
    {
        var p = await projects.FindAsync(ProjectId, ct);
        if (p is null) return null;
        Project = p;
        ProjectPartner? x = null;
        if (Id is { } id && (x = await projects.FindPartnerAsync(ProjectId, id, ct)) is null) return null;
        Counterparts = await lookups.CounterpartOptionsAsync(ct);
        return (p, x);
    }
}
