
namespace Nodal.Web.Features.Members;

[Requires(Capability.ManageMembers)]
public sealed class IndexModel(MemberService members) : PageModel
{
    public List<MemberRow> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Members = await members.ListAsync(ct);
}
