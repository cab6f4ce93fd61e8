using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Departments;

public sealed class DetailsModel(DepartmentService departments, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Department Department { get; private set; } = null!;
    public IReadOnlyList<FocalPointDto> FocalPoints { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var d = await departments.FindAsync(id, ct);
        if (d is null) return NotFound();
        Department = d;
        FocalPoints = await departments.FocalPointsAsync(id, ct);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return Page();
    }

    [Requires(Capability.ManageDepartments)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var d = await departments.FindAsync(id, ct);
        if (d is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => departments.DeleteAsync(d, version, ct), d.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/departments/{id}", $"/{tenant.OrganizationSlug}/departments");
    }
}
