using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Office;

[Requires(Capability.ManageOffice)]
public sealed class UnitEditModel(OfficeService office, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public OfficeUnitInput Input { get; set; } = new();
    public string? Conflict { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        if (await office.FindUnitAsync(Id.Value, ct) is not { } u) return NotFound();
        Input = OfficeUnitInput.From(u);
        History = await HistoryQuery.ForRecordAsync(db, u.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = Id is null ? new OfficeUnit() : await office.FindUnitAsync(Id.Value, ct);
        if (unit is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await office.ValidateAsync(Input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        Input.ApplyTo(unit);
        try
        {
            await office.SaveAsync(unit, Input.Version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.OfficeUnits.AsNoTracking().FirstAsync(x => x.Id == unit.Id, ct);
            Conflict = $"{current.Describe(Languages.Current)}, {current.Staff}";
            Input.Version = current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", unit.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/office");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        if (Id is null || await office.FindUnitAsync(Id.Value, ct) is not { } u) return NotFound();
        var org = tenant.OrganizationSlug;
        return await this.MoveToTrashAsync(L, () => office.DeleteAsync(u, version, ct), u.Describe(Languages.Current), $"/{org}/office/units/{u.Id}/edit", $"/{org}/office");
    }
}
