using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Actions;

public sealed class DetailsModel(ActionService actions, ActionListService list, Nodal.Web.Features.Relations.RelationLookups relations, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public PolicyAction Action { get; private set; } = null!;
    public IReadOnlyList<ActionMilestone> Milestones { get; private set; } = [];
    public IReadOnlyList<ActionBudget> Budgets { get; private set; } = [];
    public ActionLookups Lookups { get; private set; } = null!;
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The linked counterparts, agreements and projects, with their links (deleted ones left out).</summary>
    public IReadOnlyList<Nodal.Web.Features.Relations.RelationRef> Counterparts { get; private set; } = [];
    public IReadOnlyList<Nodal.Web.Features.Relations.RelationRef> Agreements { get; private set; } = [];
    public IReadOnlyList<Nodal.Web.Features.Relations.RelationRef> Projects { get; private set; } = [];
    public DateOnly Today => actions.Today;
    /// <summary>The objective chosen in the attach form (kept when it answers with an error).</summary>
    public Guid? ObjectiveId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await actions.FindAsync(id, ct);
        if (a is null) return false;
        Action = a;
        (Milestones, Budgets) = await actions.ChildrenAsync(id, ct);
        Lookups = await list.LookupsAsync(a.PlanId, ct);
        CanEdit = actions.CanEdit(a);
        var counterparts = await relations.CounterpartsAsync(a.CounterpartIds, ct);
        Counterparts = a.CounterpartIds.Where(counterparts.ContainsKey).Select(x => counterparts[x]).ToList();
        var agreements = await relations.AgreementsAsync(a.AgreementIds, ct);
        Agreements = a.AgreementIds.Where(agreements.ContainsKey).Select(x => agreements[x]).ToList();
        var projects = await relations.ProjectsAsync(a.ProjectIds, ct);
        Projects = a.ProjectIds.Where(projects.ContainsKey).Select(x => projects[x]).ToList();
        if (tenant.Can(Capability.ReadHistory))
        {
            // The action's own changes and those of its milestones and budget lines, removed ones included.
            var children = await db.Milestones.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(m => m.ActionId == id).Select(m => m.Id)
                .Concat(db.Budgets.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(b => b.ActionId == id).Select(b => b.Id)).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return true;
    }

    [Requires(Capability.EditActions)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var a = await actions.FindAsync(id, ct);
        if (a is null) return NotFound();
        if (!actions.CanEdit(a)) return Forbid();
        return await this.MoveToTrashAsync(L, () => actions.DeleteAsync(a, version, ct), a.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/actions/{id}", $"/{tenant.OrganizationSlug}/actions");
    }

    /// <summary>Attaches a reactive action to an objective: from today it counts as planned.</summary>
    [Requires(Capability.EditActions)]
    public async Task<IActionResult> OnPostAttachAsync(Guid id, Guid? objectiveId, long? version, CancellationToken ct)
    {
        var a = await actions.FindAsync(id, ct);
        if (a is null) return NotFound();
        if (!actions.CanEdit(a)) return Forbid();
        var validation = await actions.ValidateAttachAsync(a, objectiveId, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, prefix: "");
            ObjectiveId = objectiveId;
            await LoadAsync(id, ct);
            return Page();
        }
        try
        {
            await actions.AttachAsync(a, objectiveId!.Value, version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this action after you loaded it. Review it and attach it again."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/actions/{id}");
        }
        TempData["Notice"] = L["{0} is attached to an objective: it counts as planned from today.", a.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/actions/{id}");
    }
}
