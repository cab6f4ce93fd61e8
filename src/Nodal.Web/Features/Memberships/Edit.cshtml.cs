using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Missions;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Memberships;

/// <summary>Adds a membership (/memberships/new) or changes one (/memberships/{id}/edit).</summary>
[Requires(Capability.ManageRelations)]
public sealed class EditModel(MembershipService service, RelationLookups relations, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public MembershipInput Input { get; set; } = new();
    /// <summary>Working groups as typed, one per line.</summary>
    [BindProperty] public string? WorkingGroupsText { get; set; }
    public NetworkMembership? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Networks { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var m = await service.FindAsync(id, ct);
            if (m is null) return NotFound();
            Input = MembershipInput.From(m);
        }
        else
        {
            Input = new MembershipInput { Currency = tenant.Currency };
        }
        WorkingGroupsText = string.Join("\n", Input.WorkingGroups);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NetworkMembership? m = null;
        if (Id is { } id)
        {
            m = await service.FindAsync(id, ct);
            if (m is null) return NotFound();
        }
        Input.WorkingGroups = ListText.Split([WorkingGroupsText], ListText.Names);
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var validation = await service.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
                ModelState.AddModelError(e.PropertyName.StartsWith("WorkingGroups", StringComparison.Ordinal) ? nameof(WorkingGroupsText) : $"Input.{e.PropertyName}", e.ErrorMessage);
            return Page();
        }
        if (m is null)
        {
            m = await service.CreateAsync(Input, ct);
            TempData["Notice"] = L["The membership was added."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/memberships/{m.Id}");
        }
        try
        {
            await service.UpdateAsync(m, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await service.ReloadAsync(m.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The membership was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/memberships/{m.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Networks = await relations.CounterpartOptionsAsync(ct, CounterpartKind.CityNetwork);
        Departments = await relations.DepartmentOptionsAsync(ct);
    }
}
