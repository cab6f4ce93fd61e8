using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nodal.Web.Features.Members;

[Requires(Capability.ManageMembers)]
public sealed class IndexModel(MemberService members, NodalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public MemberListQuery Query { get; set; } = new();
    public PagedList<MemberRow> List { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    /// <summary>An htmx search refreshes only the table.</summary>
    public bool IsHtmx { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsHtmx = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        List = await members.ListAsync(Query, ct);
        if (!IsHtmx)
        {
            var lang = Languages.Current;
            Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct))
                .Select(d => new SelectListItem($"{d.Code} — {d.Name.Get(lang)}", d.Id.ToString())).ToList();
        }
    }
}
