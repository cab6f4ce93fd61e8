using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>Adds a project (/projects/new) or changes one (/projects/{id}/edit).</summary>
[Requires(Capability.ManageRelations)]
public sealed partial class EditModel(ProjectService projects, RelationLookups lookups, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Empty sector pickers offered after the chosen ones.</summary>
    public const int BlankSectors = 2;

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public CooperationProject? Existing { get; private set; }
    public CooperationProject? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Agreements { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new ProjectInput { Kind = CooperationKind.Decentralized, OurRole = ProjectRole.Funder, Status = ProjectStatus.Pipeline, Currency = tenant.Currency };
        }
        else
        {
            var p = await projects.FindAsync(Id.Value, ct);
            if (p is null) return NotFound();
            Existing = p;
            Input = ProjectInput.From(p);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CooperationProject? p = null;
        if (Id is not null)
        {
            p = await projects.FindAsync(Id.Value, ct);
            if (p is null) return NotFound();
            Existing = p;
        }
        // Countries and regions arrive as comma-separated text; sectors one per picker.
        Input.Countries = ListText.Split(Input.Countries, ListText.Codes, upper: true);
        Input.Regions = ListText.Split(Input.Regions, ListText.Codes);
        Input.Sectors = Input.Sectors.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();

        var validation = await projects.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            AddErrors(validation);
            return Page();
        }
        if (p is null)
        {
            p = await projects.CreateAsync(Input, ct);
            TempData["Notice"] = L["The project {0} was added.", p.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/projects/{p.Id}");
        }
        try
        {
            await projects.UpdateAsync(p, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await projects.ReloadAsync(p.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The project {0} was saved.", p.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/projects/{p.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agreements = await lookups.AgreementOptionsAsync(ct);
        Departments = await lookups.DepartmentOptionsAsync(ct);
    }

    /// <summary>The sector pickers: one per chosen sector, then empty ones.</summary>
    public IReadOnlyList<string> SectorRows => [.. Input.Sectors, .. Enumerable.Repeat("", BlankSectors)];

    private void AddErrors(ValidationResult validation)
    {
        foreach (var e in validation.Errors)
        {
            var field = ListItemPattern().Match(e.PropertyName) is { Success: true } m ? m.Groups[1].Value : e.PropertyName;
            ModelState.AddModelError($"Input.{field}", e.ErrorMessage);
        }
    }

    [GeneratedRegex(@"^(Sectors|Countries|Regions|Support|AgreementIds)\[\d+\]$")]
    private static partial Regex ListItemPattern();

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
