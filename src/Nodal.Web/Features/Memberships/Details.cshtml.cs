using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Missions;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Memberships;

/// <summary>A membership: roles held, reports due, and what it brought (actions and missions with the network).</summary>
public sealed class DetailsModel(MembershipService service, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public NetworkMembership Membership { get; private set; } = null!;
    public RelationRef? Network { get; private set; }
    public RelationRef? Department { get; private set; }
    public IReadOnlyList<NetworkRoleHeld> Roles { get; private set; } = [];
    public IReadOnlyList<MembershipReport> Reports { get; private set; } = [];
    public IReadOnlyList<RelationRef> Actions { get; private set; } = [];
    public IReadOnlyList<(RelationRef Ref, DateOnly Start)> Missions { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public DateOnly Today => service.Today;
    [BindProperty] public RoleInput Role { get; set; } = new();
    [BindProperty] public ReportInput Report { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await service.FindAsync(id, ct);
        if (m is null) return false;
        Membership = m;
        (var roles, var reports) = await service.ChildrenAsync(id, ct);
        Roles = roles;
        Reports = reports;
        Network = (await relations.CounterpartsAsync([m.NetworkId], ct)).GetValueOrDefault(m.NetworkId);
        Department = await relations.DepartmentAsync(m.LeadDepartmentId, ct);
        var network = m.NetworkId;
        var actionIds = await db.Actions.AsNoTracking().Where(a => a.CounterpartIds.Contains(network)).Select(a => a.Id).ToListAsync(ct);
        Actions = await relations.ActionsAsync(actionIds, ct);
        var lang = Languages.Current;
        var missions = await db.Missions.AsNoTracking().Where(x => x.CounterpartIds.Contains(network)).OrderByDescending(x => x.Start)
            .Select(x => new { x.Id, x.Title, x.Start }).ToListAsync(ct);
        Missions = missions.Select(x => (new RelationRef(x.Id, x.Title.Get(lang, tenant.DefaultLanguage), $"/{tenant.OrganizationSlug}/missions/{x.Id}"), x.Start)).ToList();
        if (tenant.Can(Capability.ReadHistory))
        {
            var children = await db.NetworkRoles.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(r => r.MembershipId == id).Select(r => r.Id)
                .Concat(db.MembershipReports.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(r => r.MembershipId == id).Select(r => r.Id)).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return true;
    }

    private IActionResult Back(Guid id, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/{tenant.OrganizationSlug}/memberships/{id}");
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostRoleAsync(Guid id, CancellationToken ct)
    {
        var m = await service.FindAsync(id, ct);
        if (m is null) return NotFound();
        var validation = await new RoleValidator(L).ValidateAsync(Role, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddTo(ModelState, prefix: nameof(Role));
            await LoadAsync(id, ct);
            return Page();
        }
        await service.AddRoleAsync(m, Role, ct);
        return Back(id, L["The role was added."]);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        var m = await service.FindAsync(id, ct);
        if (m is null) return NotFound();
        var validation = await new ReportValidator(L, tenant.DefaultLanguage).ValidateAsync(Report, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddTo(ModelState, prefix: nameof(Report));
            await LoadAsync(id, ct);
            return Page();
        }
        await service.AddReportAsync(m, Report, ct);
        return Back(id, L["The report was added."]);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostSubmittedAsync(Guid id, Guid reportId, CancellationToken ct)
    {
        var r = await service.FindReportAsync(id, reportId, ct);
        if (r is null) return NotFound();
        await service.MarkSubmittedAsync(r, null, ct);
        return Back(id, L["The report is marked submitted today."]);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid roleId, CancellationToken ct)
    {
        var r = await service.FindRoleAsync(id, roleId, ct);
        if (r is null) return NotFound();
        await service.RemoveAsync(r, ct);
        return Back(id, L["The role was removed."]);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var m = await service.FindAsync(id, ct);
        if (m is null) return NotFound();
        try
        {
            await service.DeleteAsync(m, version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Back(id, L["Someone else changed this record after you loaded it. Review it before deleting."]);
        }
        TempData["Notice"] = L["The membership was moved to the Trash. You can restore it from there."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/memberships");
    }
}
