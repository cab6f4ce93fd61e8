using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>
/// One agreement: parties, status with its next steps, health banner, ledger (entries written here and the linked
/// actions, missions and projects), documents and history.
/// </summary>
[RequestSizeLimit(AgreementDocumentService.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AgreementDocumentService.MaxBytes + 1024 * 1024)]
public sealed class DetailsModel(AgreementService agreements, AgreementDocumentService documents, RelationLookups lookups, NodalDbContext db,
    TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, RelationRef> Parties { get; private set; } = new Dictionary<Guid, RelationRef>();
    public string? LeadDepartment { get; private set; }
    public AgreementHealthInfo Health { get; private set; } = null!;
    public int DormancyMonths { get; private set; }
    public IReadOnlyList<LedgerItem> Ledger { get; private set; } = [];
    public IReadOnlyList<AgreementDocument> Documents { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public RelationRef? Renews { get; private set; }
    public RelationRef? RenewedBy { get; private set; }
    public bool CanManage => tenant.Can(Capability.ManageRelations);
    public bool CanLog { get; private set; }
    public DateOnly Today => agreements.Today;

    [BindProperty] public LedgerInput Entry { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Entry = new LedgerInput { On = Today };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return false;
        Agreement = a;
        Parties = await lookups.CounterpartsAsync(a.PartyIds, ct);
        LeadDepartment = (await lookups.DepartmentAsync(a.LeadDepartmentId, ct))?.Label;
        DormancyMonths = await agreements.DormancyMonthsAsync(ct);
        Health = agreements.Health(a, await agreements.ActivityDatesAsync(a.Id, ct), DormancyMonths);
        Ledger = await agreements.LedgerAsync(a.Id, ct);
        Documents = await documents.ListAsync(a.Id, ct);
        var related = new List<Guid>();
        if (a.RenewsId is { } r) related.Add(r);
        var renewedBy = await db.Agreements.AsNoTracking().Where(x => x.RenewsId == a.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (renewedBy is { } rb) related.Add(rb);
        var refs = await lookups.AgreementsAsync(related, ct);
        Renews = a.RenewsId is { } r2 && refs.TryGetValue(r2, out var x1) ? x1 : null;
        RenewedBy = renewedBy is { } rb2 && refs.TryGetValue(rb2, out var x2) ? x2 : null;
        CanLog = agreements.CanLog(a);
        if (tenant.Can(Capability.ReadHistory))
        {
            var children = await db.LedgerEntries.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(e => e.AgreementId == id).Select(e => e.Id)
                .Concat(db.AgreementDocuments.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(e => e.AgreementId == id).Select(e => e.Id)).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return true;
    }

    private IActionResult Back(Guid id, string? anchor = null) => Redirect($"/{tenant.OrganizationSlug}/agreements/{id}{anchor}");

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostStatusAsync(Guid id, AgreementStatus? to, DateOnly? on, long? version, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return NotFound();
        var validation = agreements.ValidateStatus(a, new StatusInput { Status = to, On = on, Version = version });
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, prefix: "");
            Entry = new LedgerInput { On = Today };
            await LoadAsync(id, ct);
            return Page();
        }
        try
        {
            await agreements.MoveAsync(a, to!.Value, on, version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it and try again."].Value;
            return Back(id);
        }
        TempData["Notice"] = L["{0} is now {1}.", a.Code, a.Status.Label(L)].Value;
        return Back(id);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostRenewAsync(Guid id, long? version, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return NotFound();
        var validation = agreements.ValidateRenew(a);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, prefix: "");
            Entry = new LedgerInput { On = Today };
            await LoadAsync(id, ct);
            return Page();
        }
        Agreement renewal;
        try
        {
            renewal = await agreements.RenewAsync(a, version, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it and try again."].Value;
            return Back(id);
        }
        TempData["Notice"] = L["The renewal {0} was created from {1}. Complete it and save.", renewal.Code, a.Code].Value;
        return Redirect($"/{tenant.OrganizationSlug}/agreements/{renewal.Id}/edit");
    }

    [Requires(Capability.LogRelations)]
    public async Task<IActionResult> OnPostLedgerAsync(Guid id, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return NotFound();
        if (!agreements.CanLog(a)) return Forbid();
        var validation = await agreements.ValidateLedgerAsync(Entry, ct);
        if (!ModelState.IsValid || !validation.IsValid)
        {
            validation.AddTo(ModelState, prefix: nameof(Entry));
            await LoadAsync(id, ct);
            return Page();
        }
        await agreements.AddLedgerEntryAsync(a, Entry, ct);
        TempData["Notice"] = L["The entry was added to the ledger."].Value;
        return Back(id, "#ledger");
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, string? title, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return NotFound();
        string? error = documents.RefuseDeclaredLength(Request.ContentLength);
        if (error is null && file is null) error = L["Choose a file."];
        if (error is null && file!.Length > AgreementDocumentService.MaxBytes) error = documents.RefuseDeclaredLength(long.MaxValue);
        if (error is null)
        {
            await using var stream = file!.OpenReadStream();
            var (doc, refused) = await documents.AddAsync(a, stream, file.FileName, title, ct);
            if (doc is not null)
            {
                await db.SaveChangesAsync(ct);
                TempData["Notice"] = L["{0} was attached.", doc.FileName].Value;
                return Back(id, "#documents");
            }
            error = refused;
        }
        ModelState.AddModelError("file", error!);
        Entry = new LedgerInput { On = Today };
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The document's bytes, only to members of this organization, as an attachment.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid doc, CancellationToken ct)
    {
        var d = await documents.FindAsync(id, doc, ct);
        if (d is null) return NotFound();
        var path = documents.PathOf(d);
        if (!System.IO.File.Exists(path)) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return PhysicalFile(path, d.ContentType, d.FileName);
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid id, Guid doc, CancellationToken ct)
    {
        var d = await documents.FindAsync(id, doc, ct);
        if (d is null) return NotFound();
        await documents.DeleteAsync(d, ct);
        TempData["Notice"] = L["{0} was moved to the Trash. You can restore it from there.", d.FileName].Value;
        return Back(id, "#documents");
    }

    [Requires(Capability.ManageRelations)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var a = await agreements.FindAsync(id, ct);
        if (a is null) return NotFound();
        return await this.MoveToTrashAsync(L, () => agreements.DeleteAsync(a, version, ct), a.Describe(Languages.Current), $"/{tenant.OrganizationSlug}/agreements/{id}", $"/{tenant.OrganizationSlug}/agreements");
    }
}
