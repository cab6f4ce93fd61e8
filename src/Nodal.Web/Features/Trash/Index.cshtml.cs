
namespace Nodal.Web.Features.Trash;

[Requires(Capability.ManageTrash)]
public sealed class IndexModel(TrashService trash, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<TrashItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await trash.ListAsync(ct);

    public async Task<IActionResult> OnPostRestoreAsync(string kind, Guid id, CancellationToken ct)
    {
        switch (await trash.RestoreAsync(kind, id, ct))
        {
            case RestoreOutcome.NotFound: return NotFound();
            case RestoreOutcome.Occupied: TempData["Notice"] = L["It cannot be restored: another record has taken its place."].Value; break;
            default: TempData["Notice"] = L["The record was restored."].Value; break;
        }
        return Redirect($"/{tenant.OrganizationSlug}/trash");
    }
}
