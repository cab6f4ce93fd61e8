using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Monitoring;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Externalities;

/// <summary>A mitigation measure as the externality's page shows it.</summary>
public sealed record MitigationView(Mitigation Mitigation, RelationRef? Department, RelationRef? Action, bool Overdue);

/// <summary>
/// One externality: what drives it, who gains and who pays, the indicators watching it, its mitigation measures, a small
/// form to record a review of its state, and its history; everyone reads, coordinators change.
/// </summary>
public sealed class DetailsModel(ExternalityService service, RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Externality Externality { get; private set; } = null!;
    public string? PlanTitle { get; private set; }
    public RelationRef? Department { get; private set; }
    public IReadOnlyList<(Guid Id, string Code, string Statement)> DriverObjectives { get; private set; } = [];
    public IReadOnlyList<RelationRef> DriverActions { get; private set; } = [];
    public IReadOnlyList<WatchingIndicator> Indicators { get; private set; } = [];
    public IReadOnlyList<MitigationView> Mitigations { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public DateOnly Today => service.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var x = await service.FindAsync(id, ct);
        if (x is null) return NotFound();
        await LoadAsync(x, ct);
        return Page();
    }

    /// <summary>Records a review: the state chosen, reviewed today.</summary>
    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostStateAsync(Guid id, ExternalityState? state, long? version, CancellationToken ct)
    {
        var x = await service.FindAsync(id, ct);
        if (x is null) return NotFound();
        var back = $"/{tenant.OrganizationSlug}/externalities/{id}";
        if (state is not { } s || !Enum.IsDefined(s))
        {
            ModelState.AddModelError("state", L["Choose the state of the externality."]);
            await LoadAsync(x, ct);
            return Page();
        }
        try
        {
            await service.ChangeStateAsync(x, s, version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Your changes were not saved."].Value;
            return Redirect(back);
        }
        TempData["Notice"] = L["The state was recorded as reviewed today: {0}.", s.Label(L)].Value;
        return Redirect(back);
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var x = await service.FindAsync(id, ct);
        if (x is null) return NotFound();
        var org = tenant.OrganizationSlug;
        return await this.MoveToTrashAsync(L, () => service.DeleteAsync(x, version, ct), x.Describe(Languages.Current), $"/{org}/externalities/{id}", $"/{org}/externalities?plan={x.PlanId}");
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostRemoveMitigationAsync(Guid id, Guid mitigationId, long? version, CancellationToken ct)
    {
        var y = await service.FindAsync(id, ct) is null ? null : await service.FindMitigationAsync(id, mitigationId, ct);
        if (y is null) return NotFound();
        var back = $"/{tenant.OrganizationSlug}/externalities/{id}";
        return await this.MoveToTrashAsync(L, () => service.DeleteMitigationAsync(y, version, ct), y.Describe(Languages.Current), back, back);
    }

    private async Task LoadAsync(Externality x, CancellationToken ct)
    {
        Externality = x;
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        PlanTitle = (await db.Plans.AsNoTracking().Where(p => p.Id == x.PlanId).Select(p => p.Title).FirstOrDefaultAsync(ct))?.Get(lang, fallback);
        Department = await relations.DepartmentAsync(x.OwnerDepartmentId, ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => x.DriverObjectiveIds.Contains(o.Id)).OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Statement }).ToListAsync(ct);
        DriverObjectives = objectives.Select(o => (o.Id, o.Code, o.Statement.Get(lang, fallback))).ToList();
        DriverActions = await relations.ActionsAsync(x.DriverActionIds, ct);
        Indicators = await service.WatchingAsync(x.Id, ct);

        var mitigations = await service.MitigationsAsync(x.Id, ct);
        var departments = new Dictionary<Guid, RelationRef>();
        foreach (var d in mitigations.Select(m => m.OwnerDepartmentId).OfType<Guid>().Distinct())
            if (await relations.DepartmentAsync(d, ct) is { } r) departments[d] = r;
        var actions = (await relations.ActionsAsync(mitigations.Select(m => m.ActionId).OfType<Guid>(), ct)).ToDictionary(a => a.Id);
        var today = Today;
        Mitigations = mitigations.Select(m => new MitigationView(m,
            m.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            m.ActionId is { } a ? actions.GetValueOrDefault(a) : null,
            ExternalityService.IsOverdue(m, today))).ToList();

        if (tenant.Can(Capability.ReadHistory))
        {
            var ids = await db.Mitigations.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(m => m.ExternalityId == x.Id).Select(m => m.Id).ToListAsync(ct);
            ids.Add(x.Id);
            History = await HistoryQuery.ForRecordsAsync(db, ids, ct);
        }
    }
}
