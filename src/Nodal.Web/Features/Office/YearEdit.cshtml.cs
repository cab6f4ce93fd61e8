using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Office;

[Requires(Capability.ManageOffice)]
public sealed class YearEditModel(OfficeService office, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public OfficeYearInput Input { get; set; } = new();
    public string? Conflict { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == tenant.OrganizationId, ct);
            Input = new OfficeYearInput { Year = DateTime.UtcNow.Year, Currency = org.Currency };
            return Page();
        }
        if (await office.FindYearAsync(Id.Value, ct) is not { } y) return NotFound();
        Input = OfficeYearInput.From(y);
        History = await HistoryQuery.ForRecordAsync(db, y.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var year = Id is null ? new OfficeYear() : await office.FindYearAsync(Id.Value, ct);
        if (year is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await office.ValidateAsync(Input, Id, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        Input.ApplyTo(year);
        try
        {
            await office.SaveAsync(year, Input.Version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.OfficeYears.AsNoTracking().FirstAsync(x => x.Id == year.Id, ct);
            Conflict = $"{current.Year}: {current.Staff}, {Money.Format(current.Budget, current.Currency)}";
            Input.Version = current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["{0} was saved.", year.Year].Value;
        return Redirect($"/{tenant.OrganizationSlug}/office");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        if (Id is null || await office.FindYearAsync(Id.Value, ct) is not { } y) return NotFound();
        var org = tenant.OrganizationSlug;
        return await this.MoveToTrashAsync(L, () => office.DeleteAsync(y, version, ct), y.Describe(Languages.Current), $"/{org}/office/years/{y.Id}/edit", $"/{org}/office");
    }
}
