using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Measurements;

/// <summary>Enters a measurement (/measurements/new?indicator=…&amp;period=…) or changes one (/measurements/{id}/edit).</summary>
[Requires(Capability.EnterMeasurements)]
[RequestSizeLimit(StoredFiles.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = StoredFiles.MaxBytes + 1024 * 1024)]
public sealed class EditModel(MeasurementService measurements, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public MeasurementInput Input { get; set; } = new();
    public Indicator? Indicator { get; private set; }
    public Measurement? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Measurement? Current { get; private set; }
    /// <summary>The measurement already entered for the chosen period, when there is one.</summary>
    public Measurement? Duplicate { get; private set; }
    public IReadOnlyList<SelectListItem> PeriodOptions { get; private set; } = [];
    /// <summary>Without an indicator: those the user may enter measurements for, to choose one.</summary>
    public IReadOnlyList<SelectListItem> IndicatorOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? indicator, [FromQuery] string? period, CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await LoadExistingAsync(id, ct) is { } refused) return refused;
            Input = MeasurementInput.From(Existing!, Indicator!);
        }
        else
        {
            if (indicator is null)
            {
                await LoadIndicatorOptionsAsync(ct);
                return Page();
            }
            Indicator = await measurements.IndicatorAsync(indicator.Value, ct);
            if (Indicator is null) return NotFound();
            if (!measurements.CanEnter(Indicator)) return Forbid();
            Input = new MeasurementInput { IndicatorId = Indicator.Id, Period = period };
            if (period is not null && Periods.TryParse(period, Indicator.Frequency, out var p))
            {
                Input.Period = Periods.Key(p, Indicator.Frequency);
                Duplicate = await measurements.ExistingAsync(Indicator.Id, p, ct);
            }
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidence, bool removeEvidence, string? submit, CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await LoadExistingAsync(id, ct) is { } refused) return refused;
        }
        else
        {
            Indicator = Input.IndicatorId is { } iid ? await measurements.IndicatorAsync(iid, ct) : null;
            if (Indicator is null) return NotFound();
            if (!measurements.CanEnter(Indicator)) return Forbid();
        }
        await LoadOptionsAsync(ct);
        Input.Breakdown = Input.Breakdown ?? [];

        var (result, values) = await measurements.CheckAsync(Input, Existing, ct);
        Duplicate = measurements.Duplicate;
        string? fileError = measurements.RefuseDeclaredLength(Request.ContentLength);
        if (fileError is null && evidence is { Length: > StoredFiles.MaxBytes }) fileError = measurements.TooLarge();
        if (fileError is not null) result.Errors.Add(new ValidationFailure("Evidence", fileError));
        if (!result.IsValid || values is null)
        {
            AddErrors(result);
            return Page();
        }

        var m = Existing ?? measurements.Add(values);
        if (Existing is not null) measurements.Change(m, values, Input.Version);
        if (removeEvidence) MeasurementService.RemoveEvidence(m);
        if (evidence is { Length: > 0 })
        {
            await using var stream = evidence.OpenReadStream();
            if (await measurements.AttachEvidenceAsync(m, stream, evidence.FileName, ct) is { } refusedFile)
            {
                // An invalid model state also makes the request's transaction roll back: nothing is saved.
                ModelState.AddModelError("Evidence", refusedFile);
                return Page();
            }
        }
        if (submit == "submit" && m.Status is MeasurementStatus.Draft or MeasurementStatus.Returned) measurements.Submit(m);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await measurements.ReloadAsync(m.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = m.Status == MeasurementStatus.Submitted && submit == "submit"
            ? L["The measurement was saved and submitted for validation."].Value
            : L["The measurement was saved."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/measurements/{m.Id}");
    }

    private async Task<IActionResult?> LoadExistingAsync(Guid id, CancellationToken ct)
    {
        Existing = await measurements.FindAsync(id, ct);
        if (Existing is null) return NotFound();
        Indicator = await measurements.IndicatorAsync(Existing.IndicatorId, ct);
        if (Indicator is null) return NotFound();
        return measurements.CanChange(Existing, Indicator) ? null : Forbid();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var i = Indicator!;
        var periods = await measurements.PeriodsAsync(i, ct);
        var taken = (await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == i.Id).Select(m => m.Period).ToListAsync(ct)).ToHashSet();
        PeriodOptions = periods.OrderByDescending(p => p).Select(p => new SelectListItem(
            taken.Contains(p) && p != Existing?.Period ? L["{0} (already entered)", MonitoringLabels.PeriodLabel(p, i.Frequency)].Value : MonitoringLabels.PeriodLabel(p, i.Frequency),
            Periods.Key(p, i.Frequency))).ToList();
        if (Input.Period is null && Existing is null)
            Input.Period = periods.Where(p => !taken.Contains(p)).Select(p => Periods.Key(p, i.Frequency)).LastOrDefault();
        while (Input.Breakdown.Count < i.DisaggregationCategories.Count) Input.Breakdown.Add(null);
    }

    private async Task LoadIndicatorOptionsAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var all = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        IndicatorOptions = all.Where(measurements.CanEnter).Select(i => new SelectListItem($"{i.Code} — {i.Name.Get(lang, tenant.DefaultLanguage)}", i.Id.ToString())).ToList();
    }

    private void AddErrors(ValidationResult result)
    {
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.PropertyName == "Evidence" ? "Evidence" : $"Input.{e.PropertyName}", e.ErrorMessage);
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
