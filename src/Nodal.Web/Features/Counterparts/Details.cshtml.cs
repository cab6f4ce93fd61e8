using Nodal.Core.Relations;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Counterparts;

public sealed class DetailsModel(CounterpartService counterparts, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Counterpart Counterpart { get; private set; } = null!;
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public CounterpartRelated Related { get; private set; } = null!;
    public IReadOnlyList<DuplicateRef> Duplicates { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanEdit => tenant.Can(Capability.ManageRelations);
    public bool CanReadContacts => tenant.Can(Capability.ReadContacts);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await counterparts.FindAsync(id, ct);
        if (c is null) return NotFound();
        Counterpart = c;
        if (CanReadContacts) Contacts = await counterparts.ContactsAsync(id, ct);
        Related = await counterparts.RelatedAsync(id, ct);
        Duplicates = await counterparts.DuplicatesAsync(CounterpartInput.From(c), id, ct);
        if (tenant.Can(Capability.ReadHistory))
        {
            // The counterpart's own changes; its contacts' too for those who may see contacts.
            var ids = new List<Guid> { id };
            if (CanReadContacts)
                ids.AddRange(await db.Contacts.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.CounterpartId == id).Select(x => x.Id).ToListAsync(ct));
            History = await HistoryQuery.ForRecordsAsync(db, ids, ct);
        }
        return Page();
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var c = await counterparts.FindAsync(id, ct);
        if (c is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => counterparts.DeleteAsync(c, version, ct), c.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/counterparts/{id}", $"/{tenant.OrganizationSlug}/counterparts");
    }
}
