
namespace Nodal.Web.Features.Organizations;

[Requires(Capability.ManageOrganization)]
public sealed class EditModel(NodalDbContext db, OrganizationService orgs, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public Organization? Current { get; private set; }
    /// <summary>After a lost race: the fields whose saved value differs from what this person sent, with that saved value.</summary>
    public List<(string Field, string Value)> Differences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Input = OrganizationInput.From(await orgs.CurrentAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var org = await orgs.CurrentAsync(ct);
        var validation = await orgs.ValidateAsync(Input, creating: false, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await orgs.UpdateAsync(org, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Current = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == org.Id, ct);
            Differences = Compare(Input, Current);
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The profile was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/profile");
    }

    private List<(string Field, string Value)> Compare(OrganizationInput input, Organization current)
    {
        var mine = new Organization { DormancyMonths = current.DormancyMonths };
        input.ApplyTo(mine, includeSlug: false);
        var lang = Languages.Current;
        var result = new List<(string, string)>();
        void Add(bool differs, string field, string? value)
        {
            if (differs) result.Add((field, string.IsNullOrEmpty(value) ? "—" : value));
        }
        foreach (var l in LocalizedText.Languages)
            Add((mine.Name[l] ?? "") != (current.Name[l] ?? ""), L["Name"] + " (" + l + ")", current.Name[l]);
        Add(mine.Kind != current.Kind, L["Kind of government"], L[current.Kind.ToString()]);
        Add(mine.Country != current.Country, L["Country"], Countries.Name(current.Country, lang));
        Add(mine.Population != current.Population, L["Population"], current.Population?.ToString("N0"));
        Add(mine.WorkingLanguages != current.WorkingLanguages, L["Working languages"], string.Join(", ", current.Languages.Select(Languages.NativeName)));
        Add(mine.DefaultLanguage != current.DefaultLanguage, L["Main language"], Languages.NativeName(current.DefaultLanguage));
        Add(mine.Currency != current.Currency, L["Currency"], current.Currency);
        Add(mine.Website != current.Website, L["Website"], current.Website);
        Add(mine.DormancyMonths != current.DormancyMonths, L["Dormancy period of agreements (months)"], current.DormancyMonths.ToString(System.Globalization.CultureInfo.CurrentCulture));
        Add(mine.IatiOrganisationId != current.IatiOrganisationId, L["IATI organisation identifier (optional)"], current.IatiOrganisationId);
        return result;
    }
}
