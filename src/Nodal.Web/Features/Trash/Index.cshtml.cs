using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nodal.Web.Features.Trash;

[Requires(Capability.ManageTrash)]
public sealed class IndexModel(TrashService trash, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public TrashListQuery Query { get; set; } = new();
    public PagedList<TrashItem> List { get; private set; } = null!;
    /// <summary>An htmx search refreshes only the list.</summary>
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await trash.ListAsync(Query, ct);
    }

    /// <summary>The kinds to filter by, in the reader's language.</summary>
    public IEnumerable<SelectListItem> KindOptions() =>
        TrashService.Kinds.Keys.Select(k => new SelectListItem(L[k], k)).OrderBy(i => i.Text, StringComparer.CurrentCulture);

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
