using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>A project: every field, partners, transactions with totals, agreements, the actions that serve it, its history.</summary>
public sealed class DetailsModel(ProjectService projects, RelationLookups lookups, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public CooperationProject Project { get; private set; } = null!;
    public IReadOnlyList<ProjectPartner> Partners { get; private set; } = [];
    public IReadOnlyList<ProjectTransaction> Transactions { get; private set; } = [];
    public IReadOnlyList<TransactionTotal> Totals { get; private set; } = [];
    public IReadOnlyDictionary<Guid, RelationRef> Agreements { get; private set; } = new Dictionary<Guid, RelationRef>();
    public IReadOnlyDictionary<Guid, RelationRef> Counterparts { get; private set; } = new Dictionary<Guid, RelationRef>();
    public IReadOnlyList<(Guid Id, string Code, string Title)> Actions { get; private set; } = [];
    public string? LeadDepartment { get; private set; }
    /// <summary>The organization's IATI organisation identifier (our projects' identifiers start with it).</summary>
    public string? OrganisationId { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanEdit => tenant.Can(Capability.ManageRelations);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await projects.FindAsync(id, ct);
        if (p is null) return NotFound();
        Project = p;
        Partners = await projects.PartnersAsync(id, ct);
        Transactions = await projects.TransactionsAsync(id, ct);
        Totals = ProjectService.Totals(Transactions);
        Agreements = await lookups.AgreementsAsync(p.AgreementIds, ct);
        Counterparts = await lookups.CounterpartsAsync(Partners.Where(x => x.CounterpartId is not null).Select(x => x.CounterpartId!.Value), ct);
        var lang = Languages.Current;
        var actions = await db.Actions.AsNoTracking().Where(a => a.ProjectIds.Contains(id)).OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        Actions = actions.Select(a => (a.Id, a.Code, a.Title.Get(lang, tenant.DefaultLanguage))).ToList();
        OrganisationId = await db.Organizations.AsNoTracking().Where(o => o.Id == tenant.OrganizationId).Select(o => o.IatiOrganisationId).FirstOrDefaultAsync(ct);
        if (p.LeadDepartmentId is { } dept)
            LeadDepartment = await db.Departments.AsNoTracking().Where(d => d.Id == dept).Select(d => d.Code).FirstOrDefaultAsync(ct);
        if (tenant.Can(Capability.ReadHistory))
        {
            var children = await db.ProjectPartners.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.ProjectId == id).Select(x => x.Id)
                .Concat(db.ProjectTransactions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.ProjectId == id).Select(x => x.Id)).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return Page();
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var p = await projects.FindAsync(id, ct);
        if (p is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => projects.DeleteAsync(p, version, ct), p.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/projects/{id}", $"/{tenant.OrganizationSlug}/projects");
    }
}
