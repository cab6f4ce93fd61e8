using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Measurements;

/// <summary>One measurement: its value, evidence and status, the steps the user's role allows, and its history.</summary>
public sealed class DetailsModel(MeasurementService measurements, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Measurement Measurement { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public string? DepartmentName { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanValidate { get; private set; }
    /// <summary>The return comment typed, kept when it answers with an error.</summary>
    public string? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null) return false;
        var i = await measurements.IndicatorAsync(m.IndicatorId, ct);
        if (i is null) return false;
        (Measurement, Indicator) = (m, i);
        var dept = await db.Departments.AsNoTracking().Where(d => d.Id == i.OwnerDepartmentId).Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct);
        DepartmentName = dept is null ? null : $"{dept.Code} — {dept.Name.Get(Languages.Current, tenant.DefaultLanguage)}";
        CanChange = measurements.CanChange(m, i);
        CanSubmit = measurements.CanSubmit(m, i);
        CanValidate = measurements.CanValidate(m);
        if (tenant.Can(Capability.ReadHistory)) History = await HistoryQuery.ForRecordAsync(db, id, ct);
        return true;
    }

    private IActionResult Back(Guid id) => Redirect($"/{tenant.OrganizationSlug}/measurements/{id}");

    private IActionResult Stale(Guid id)
    {
        TempData["Notice"] = L["Someone else changed this measurement after you loaded it. Review it and try again."].Value;
        return Back(id);
    }

    [Requires(Capability.EnterMeasurements)]
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, long? version, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null) return NotFound();
        var i = await measurements.IndicatorAsync(m.IndicatorId, ct);
        if (i is null) return NotFound();
        if (!measurements.CanEnter(i)) return Forbid();
        var check = measurements.CheckSubmit(m);
        if (!check.IsValid)
        {
            check.AddTo(ModelState, prefix: "");
            await LoadAsync(id, ct);
            return Page();
        }
        try { await measurements.SubmitAsync(m, version, ct); }
        catch (DbUpdateConcurrencyException) { return Stale(id); }
        TempData["Notice"] = L["The measurement was submitted for validation."].Value;
        return Back(id);
    }

    [Requires(Capability.ValidateMeasurements)]
    public async Task<IActionResult> OnPostValidateAsync(Guid id, long? version, string? returnTo, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null) return NotFound();
        var check = measurements.CheckValidate(m);
        if (!check.IsValid)
        {
            check.AddTo(ModelState, prefix: "");
            await LoadAsync(id, ct);
            return Page();
        }
        try { await measurements.ValidateAsync(m, version, ct); }
        catch (DbUpdateConcurrencyException) { return Stale(id); }
        TempData["Notice"] = L["The measurement was validated: it now counts in the indicator's progress."].Value;
        return LocalTarget(returnTo) ?? Back(id);
    }

    [Requires(Capability.ValidateMeasurements)]
    public async Task<IActionResult> OnPostReturnAsync(Guid id, long? version, string? comment, string? returnTo, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null) return NotFound();
        var check = measurements.CheckReturn(m, comment);
        if (!check.IsValid)
        {
            check.AddTo(ModelState, prefix: "");
            Comment = comment;
            await LoadAsync(id, ct);
            return Page();
        }
        try { await measurements.ReturnAsync(m, comment!, version, ct); }
        catch (DbUpdateConcurrencyException) { return Stale(id); }
        TempData["Notice"] = L["The measurement was returned to the department with your comment."].Value;
        return LocalTarget(returnTo) ?? Back(id);
    }

    [Requires(Capability.EnterMeasurements)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null) return NotFound();
        var i = await measurements.IndicatorAsync(m.IndicatorId, ct);
        if (i is null) return NotFound();
        if (!measurements.CanChange(m, i)) return Forbid();
        var label = $"{i.Code} {Nodal.Web.Features.Monitoring.MonitoringLabels.PeriodLabel(m.Period, i.Frequency)}";
        return await this.MoveToTrashAsync(L, () => measurements.DeleteAsync(m, version, ct), label,
            $"/{tenant.OrganizationSlug}/measurements/{id}", $"/{tenant.OrganizationSlug}/measurements");
    }

    /// <summary>The evidence file, only to members of this organization, as an attachment.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, CancellationToken ct)
    {
        var m = await measurements.FindAsync(id, ct);
        if (m is null || measurements.EvidencePath(m) is not { } path || !System.IO.File.Exists(path)) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return PhysicalFile(path, m.EvidenceContentType!, m.EvidenceFileName);
    }

    /// <summary>Back to the list the inline buttons were pressed on (a path of this organization only).</summary>
    private IActionResult? LocalTarget(string? returnTo) =>
        returnTo is not null && returnTo.StartsWith($"/{tenant.OrganizationSlug}/measurements", StringComparison.Ordinal) && !returnTo.StartsWith("//", StringComparison.Ordinal)
            ? Redirect(returnTo) : null;

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
