using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Office;

/// <summary>One year of the office's capacity, read-only, with its history for those who may read history.</summary>
public sealed class YearDetailsModel(OfficeService office, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public OfficeYear Year { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await office.FindYearAsync(id, ct) is not { } y) return NotFound();
        Year = y;
        History = await office.HistoryAsync(id, ct);
        return Page();
    }

    [Requires(Capability.ManageOffice)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        if (await office.FindYearAsync(id, ct) is not { } y) return NotFound();
        var org = tenant.OrganizationSlug;
        return await this.MoveToTrashAsync(L, () => office.DeleteAsync(y, version, ct), y.Describe(Languages.Current), $"/{org}/office/years/{id}", $"/{org}/office");
    }
}
