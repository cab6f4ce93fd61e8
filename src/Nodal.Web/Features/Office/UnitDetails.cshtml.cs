using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Office;

/// <summary>One unit of the office, read-only, with its history for those who may read history.</summary>
public sealed class UnitDetailsModel(OfficeService office, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public OfficeUnit Unit { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await office.FindUnitAsync(id, ct) is not { } u) return NotFound();
        Unit = u;
        History = await office.HistoryAsync(id, ct);
        return Page();
    }

    [Requires(Capability.ManageOffice)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        if (await office.FindUnitAsync(id, ct) is not { } u) return NotFound();
        var org = tenant.OrganizationSlug;
        return await this.MoveToTrashAsync(L, () => office.DeleteAsync(u, version, ct), u.Describe(Languages.Current), $"/{org}/office/units/{id}", $"/{org}/office");
    }
}
