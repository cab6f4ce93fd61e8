
namespace Nodal.Web.Features.Trash;

[Requires(Capability.ManageTrash)]
public sealed class IndexModel(TrashService trash, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<TrashItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await trash.ListAsync(ct);

    public async Task<IActionResult> OnPostRestoreAsync(string kind, Guid id, CancellationToken ct)
    {
        if (!await trash.RestoreAsync(kind, id, ct)) return NotFound();
        TempData["Notice"] = L["The record was restored."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/trash");
    }
}
