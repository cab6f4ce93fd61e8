using Nodal.Core.Relations;

namespace Nodal.Web.Features.Counterparts;

/// <summary>Adds a counterpart (/counterparts/new) or changes one (/counterparts/{id}/edit), with the gazetteer picker.</summary>
[Requires(Capability.ManageRelations)]
public sealed class EditModel(CounterpartService counterparts, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public CounterpartInput Input { get; set; } = new();
    /// <summary>The gazetteer search box.</summary>
    [BindProperty(Name = "q")] public string? Place { get; set; }
    public Counterpart? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Counterpart? Current { get; private set; }
    /// <summary>Set when the save was stopped because other counterparts look like this one.</summary>
    public IReadOnlyList<DuplicateRef> Duplicates { get; private set; } = [];
    public GazetteerCandidates Candidates { get; private set; } = new([], null, null);

    public async Task<IActionResult> OnGetAsync([FromQuery] CounterpartKind? kind, CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new CounterpartInput { Kind = kind };
        }
        else
        {
            var c = await counterparts.FindAsync(Id.Value, ct);
            if (c is null) return NotFound();
            Existing = c;
            Input = CounterpartInput.From(c);
        }
        Candidates = new([], Input.GazetteerId, null);
        return Page();
    }

    /// <summary>Without JavaScript: "Search the gazetteer" shows the form again with the cities found.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (Id is not null && (Existing = await counterparts.FindAsync(Id.Value, ct)) is null) return NotFound();
        ModelState.Clear();
        var query = Place?.Trim() ?? "";
        Candidates = new(query.Length == 0 ? [] : Gazetteer.Search(query, Input.Country), Input.GazetteerId, query);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Counterpart? c = null;
        if (Id is not null)
        {
            c = await counterparts.FindAsync(Id.Value, ct);
            if (c is null) return NotFound();
            Existing = c;
        }
        Candidates = new([], Input.GazetteerId, null);
        if (!ModelState.IsValid) return Page();

        var validation = await counterparts.ValidateAsync(Input, Id, ct);
        Candidates = new([], Input.GazetteerId, null);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        if (!Input.AllowDuplicate && (c is null || CounterpartService.IdentityChanged(c, Input)))
        {
            Duplicates = await counterparts.DuplicatesAsync(Input, Id, ct);
            if (Duplicates.Count > 0)
            {
                ModelState.AddModelError("Input.AllowDuplicate", L["Another counterpart looks like this one: {0}. Check it; if this is a different counterpart, tick the box and save again.",
                    string.Join("; ", Duplicates.Select(d => $"{d.Code} — {d.Name}"))]);
                return Page();
            }
        }

        if (c is null)
        {
            c = await counterparts.CreateAsync(Input, ct);
            TempData["Notice"] = L["The counterpart {0} was added.", c.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/counterparts/{c.Id}");
        }
        try
        {
            await counterparts.UpdateAsync(c, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await counterparts.ReloadAsync(c.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The counterpart {0} was saved.", c.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/counterparts/{c.Id}");
    }
}
