using Microsoft.AspNetCore.Mvc.RazorPages;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Data;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Organizations;

public sealed class ProfileModel(NodalDbContext db, OrganizationService orgs, TenantContext tenant) : PageModel
{
    public Organization Org { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Org = await orgs.CurrentAsync(ct);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, Org.Id, ct);
    }
}
