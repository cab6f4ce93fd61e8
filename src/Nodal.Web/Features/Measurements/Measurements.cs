using System.Globalization;
using FluentValidation.Results;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Measurements;

/// <summary>
/// What a user sends to enter or change a measurement (form, grid and spreadsheet alike). Numbers arrive as text, so
/// that letters or too many decimals are answered next to the field rather than lost in model binding.
/// </summary>
public sealed class MeasurementInput
{
    public Guid? IndicatorId { get; set; }
    /// <summary>The period's key: "2026", "2026-Q3", "2026-07" (or a day inside it).</summary>
    public string? Period { get; set; }
    /// <summary>A number (quantitative) or the index of the rating's level.</summary>
    public string? Value { get; set; }
    /// <summary>Qualitative free text.</summary>
    public string? Text { get; set; }
    /// <summary>One value per category of the indicator's disaggregation, in its order; all empty for none.</summary>
    public List<string?> Breakdown { get; set; } = [];
    public string? Note { get; set; }
    public string? EvidenceUrl { get; set; }
    /// <summary>Why a validated measurement is corrected (required then).</summary>
    public string? CorrectionNote { get; set; }
    public long? Version { get; set; }

    public static MeasurementInput From(Measurement m, Indicator i) => new()
    {
        IndicatorId = m.IndicatorId,
        Period = Periods.Key(m.Period, i.Frequency),
        Value = m.Value is { } v ? (i.IsRating ? ((int)v).ToString(CultureInfo.InvariantCulture) : MeasurementService.FormatNumber(v, CultureInfo.CurrentCulture)) : null,
        Text = m.Text,
        Breakdown = i.DisaggregationCategories.Select(c =>
        {
            var at = m.BreakdownCategories.IndexOf(c);
            return at >= 0 && at < m.BreakdownValues.Count ? MeasurementService.FormatNumber(m.BreakdownValues[at], CultureInfo.CurrentCulture) : null;
        }).ToList(),
        Note = m.Note,
        EvidenceUrl = m.EvidenceUrl,
        Version = m.Version,
    };
}

/// <summary>What the API sends: a JSON number for the value (the rating level's index for a rating), breakdown by category.</summary>
public sealed class MeasurementApiInput
{
    public Guid? IndicatorId { get; set; }
    /// <summary>The period's key in the indicator's frequency: "2026", "2026-Q3", "2026-07".</summary>
    public string? Period { get; set; }
    public decimal? Value { get; set; }
    public string? Text { get; set; }
    /// <summary>Category → value, for the categories of the indicator's disaggregation.</summary>
    public Dictionary<string, decimal>? Breakdown { get; set; }
    public string? Note { get; set; }
    public string? EvidenceUrl { get; set; }
    /// <summary>Required to change a validated measurement (coordinators only).</summary>
    public string? CorrectionNote { get; set; }
    public long? Version { get; set; }

    public MeasurementInput ToInput(Indicator? indicator) => new()
    {
        IndicatorId = IndicatorId,
        Period = Period,
        Value = Value?.ToString(CultureInfo.InvariantCulture),
        Text = Text,
        Breakdown = indicator is null ? [] : indicator.DisaggregationCategories
            .Select(c => Breakdown is not null && Breakdown.TryGetValue(c, out var v) ? v.ToString(CultureInfo.InvariantCulture) : null).ToList(),
        Note = Note,
        EvidenceUrl = EvidenceUrl,
        CorrectionNote = CorrectionNote,
        Version = Version,
    };
}

public sealed record EvidenceFileDto(string FileName, string ContentType, long Size, string Sha256, string Url);

public sealed record MeasurementDto(
    Guid Id, Guid IndicatorId, string IndicatorCode, DateOnly Period, string PeriodKey, decimal? Value, string? Text, string? Level,
    IReadOnlyDictionary<string, decimal> Breakdown, MeasurementStatus Status, string? Note, string? ReturnComment, string? EvidenceUrl,
    EvidenceFileDto? EvidenceFile, DateTime? SubmittedAt, string? SubmittedBy, DateTime? ValidatedAt, string? ValidatedBy, long Version);

/// <summary>An input checked against its indicator: the values as they will be stored.</summary>
public sealed record MeasurementValues(Indicator Indicator, DateOnly Period, decimal? Value, string? Text, List<string> Categories, List<decimal> Breakdown,
    string? Note, string? EvidenceUrl, string? CorrectionNote);

/// <summary>
/// Measurements: checks, writes and the workflow draft → submitted → validated or returned, shared by the pages, the
/// grid, the spreadsheet import and the API. Writes stay inside the request's transaction.
/// </summary>
public sealed class MeasurementService(NodalDbContext db, TenantContext tenant, StoredFiles files, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public const string EvidenceArea = "evidence";
    public static readonly FileKind[] EvidenceKinds = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx, FileKind.Png, FileKind.Jpeg];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // ------------------------------------------------------------------ reading

    public Task<Measurement?> FindAsync(Guid id, CancellationToken ct) => db.Measurements.FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<Indicator?> IndicatorAsync(Guid id, CancellationToken ct) => db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public Task<Measurement?> ExistingAsync(Guid indicatorId, DateOnly period, CancellationToken ct) =>
        db.Measurements.AsNoTracking().FirstOrDefaultAsync(m => m.IndicatorId == indicatorId && m.Period == period, ct);

    /// <summary>The periods a measurement may be entered for: from the indicator's first period (or its plan's start) to its plan's end, none still to come.</summary>
    public async Task<IReadOnlyList<DateOnly>> PeriodsAsync(Indicator i, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == i.PlanId).Select(p => new { p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct);
        if (plan is null) return [];
        return PeriodsOf(i, plan.StartYear, plan.EndYear, Today);
    }

    public static IReadOnlyList<DateOnly> PeriodsOf(Indicator i, int startYear, int endYear, DateOnly today)
    {
        var end = new DateOnly(endYear, 12, 31);
        if (today < end) end = today;
        var first = i.FirstPeriod ?? new DateOnly(startYear, 1, 1);
        return Periods.Range(first, end, i.Frequency).ToList();
    }

    /// <summary>Whether the current user may enter measurements of this indicator: coordinators all, focal points their department's.</summary>
    public bool CanEnter(Indicator i) => tenant.Can(Capability.EnterMeasurements) && tenant.CanEditDepartment(i.OwnerDepartmentId);

    /// <summary>Whether the current user may change this measurement: a validated one only by the office.</summary>
    public bool CanChange(Measurement m, Indicator i) => CanEnter(i) && (m.Status != MeasurementStatus.Validated || tenant.Can(Capability.ValidateMeasurements));

    public bool CanSubmit(Measurement m, Indicator i) => CanEnter(i) && m.Status is MeasurementStatus.Draft or MeasurementStatus.Returned;

    public bool CanValidate(Measurement m) => tenant.Can(Capability.ValidateMeasurements) && m.Status == MeasurementStatus.Submitted;

    public async Task<MeasurementDto> ToDtoAsync(Measurement m, CancellationToken ct)
    {
        var i = await IndicatorAsync(m.IndicatorId, ct);
        return ToDto(m, i!);
    }

    public static MeasurementDto ToDto(Measurement m, Indicator i) => new(
        m.Id, m.IndicatorId, i.Code, m.Period, Periods.Key(m.Period, i.Frequency), m.Value, m.Text,
        i.IsRating && m.Value is { } v && (int)v >= 0 && (int)v < i.RatingLevels.Count ? i.RatingLevels[(int)v] : null,
        m.BreakdownCategories.Zip(m.BreakdownValues).ToDictionary(x => x.First, x => x.Second),
        m.Status, m.Note, m.ReturnComment, m.EvidenceUrl,
        m.EvidenceSha256 is null ? null : new EvidenceFileDto(m.EvidenceFileName!, m.EvidenceContentType!, m.EvidenceSize ?? 0, m.EvidenceSha256, $"/api/v1/measurements/{m.Id}/evidence"),
        m.SubmittedAt, m.SubmittedBy, m.ValidatedAt, m.ValidatedBy, m.Version);

    // ------------------------------------------------------------------ numbers

    public static string FormatNumber(decimal v, CultureInfo culture) => v.ToString("0.######", culture);

    /// <summary>
    /// A number as typed: in the user's culture (12,5 in Spanish) or with a dot; no thousands separators, so that
    /// "1.234" is never read as 1234 by mistake.
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        var s = text?.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(s)) return false;
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(s, style, CultureInfo.CurrentCulture, out value) || decimal.TryParse(s, style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether the number has more decimals than allowed (12.50 has one: trailing zeros do not count).</summary>
    private static bool TooManyDecimals(decimal v, int decimals) => Math.Round(v, Math.Clamp(decimals, 0, 6)) != v;

    // ------------------------------------------------------------------ checking

    /// <summary>
    /// Field rules against the indicator: the period among its periods and not taken by another measurement, the value
    /// of its kind (decimals, rating level, text), the breakdown, the note and the evidence link. <paramref name="existing"/>
    /// is null on creation. <see cref="Duplicate"/> is set when the period already has a measurement.
    /// </summary>
    public async Task<(ValidationResult Result, MeasurementValues? Values)> CheckAsync(MeasurementInput input, Measurement? existing, CancellationToken ct)
    {
        Duplicate = null;
        var result = new ValidationResult();
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }

        var indicatorId = existing?.IndicatorId ?? input.IndicatorId;
        var indicator = indicatorId is { } iid ? await IndicatorAsync(iid, ct) : null;
        if (indicator is null)
        {
            Fail(nameof(MeasurementInput.IndicatorId), indicatorId is null ? L["Choose the indicator."] : L["This indicator does not exist."]);
            return (result, null);
        }

        DateOnly period = existing?.Period ?? default;
        if (existing is null || !string.IsNullOrWhiteSpace(input.Period))
        {
            if (string.IsNullOrWhiteSpace(input.Period)) Fail(nameof(MeasurementInput.Period), L["Choose the period."]);
            else if (!Periods.TryParse(input.Period, indicator.Frequency, out period))
                Fail(nameof(MeasurementInput.Period), L["{0} is not a period of this indicator's frequency (e.g. {1}).", input.Period, Periods.Key(Periods.StartOf(Today, indicator.Frequency), indicator.Frequency)]);
            else if (!(await PeriodsAsync(indicator, ct)).Contains(period))
                Fail(nameof(MeasurementInput.Period), L["{0} is not a period of this indicator: measurements go from its first period to the end of its plan, and not ahead of time.", MonitoringLabels.PeriodLabel(period, indicator.Frequency)]);
            else if (existing is not null && period != existing.Period)
                Fail(nameof(MeasurementInput.Period), L["The period of a measurement does not change; enter a new measurement for another period."]);
            else if (existing is null && await ExistingAsync(indicator.Id, period, ct) is { } other)
            {
                Duplicate = other;
                Fail(nameof(MeasurementInput.Period), L["{0} already has a measurement for {1}: change that one instead.", indicator.Code, MonitoringLabels.PeriodLabel(period, indicator.Frequency)]);
            }
        }

        decimal? value = null;
        string? text = null;
        if (indicator.IsText)
        {
            text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
            if (text is null) Fail(nameof(MeasurementInput.Text), L["Enter the qualitative value."]);
            else if (text.Length > 4000) Fail(nameof(MeasurementInput.Text), L["Use at most {0} characters.", 4000]);
        }
        else if (indicator.IsRating)
        {
            var raw = input.Value?.Trim();
            if (string.IsNullOrEmpty(raw)) Fail(nameof(MeasurementInput.Value), L["Choose the level of the rating."]);
            else
            {
                var byName = indicator.RatingLevels.FindIndex(l => string.Equals(l, raw, StringComparison.CurrentCultureIgnoreCase));
                if (byName >= 0) value = byName;
                else if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < indicator.RatingLevels.Count) value = index;
                else Fail(nameof(MeasurementInput.Value), L["Choose one of the levels of the rating: {0}.", string.Join(", ", indicator.RatingLevels)]);
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.Value)) Fail(nameof(MeasurementInput.Value), L["Enter the value."]);
            else if (!TryParseNumber(input.Value, out var v)) Fail(nameof(MeasurementInput.Value), L["Enter a number, such as {0}.", (1234.5m).ToString("0.0", CultureInfo.CurrentCulture)]);
            else if (TooManyDecimals(v, indicator.Decimals))
                Fail(nameof(MeasurementInput.Value), indicator.Decimals <= 0 ? L["Enter a whole number: this indicator has no decimals."] : L["Use at most {0} decimals.", indicator.Decimals]);
            else if (Math.Abs(v) >= 100_000_000_000_000m) Fail(nameof(MeasurementInput.Value), L["This number is too large."]);
            else value = v;
        }

        var categories = new List<string>();
        var breakdown = new List<decimal>();
        var typed = (input.Breakdown ?? []).Take(indicator.DisaggregationCategories.Count).ToList();
        if (indicator.DisaggregationCategories.Count > 0 && !indicator.IsText && typed.Any(b => !string.IsNullOrWhiteSpace(b)))
        {
            for (var k = 0; k < indicator.DisaggregationCategories.Count; k++)
            {
                var field = $"{nameof(MeasurementInput.Breakdown)}[{k}]";
                var raw = k < typed.Count ? typed[k] : null;
                if (string.IsNullOrWhiteSpace(raw)) Fail(field, L["Enter the value for {0}, or leave the whole breakdown empty.", indicator.DisaggregationCategories[k]]);
                else if (!TryParseNumber(raw, out var b)) Fail(field, L["Enter a number, such as {0}.", (1234.5m).ToString("0.0", CultureInfo.CurrentCulture)]);
                else if (!indicator.IsRating && TooManyDecimals(b, indicator.Decimals))
                    Fail(field, indicator.Decimals <= 0 ? L["Enter a whole number: this indicator has no decimals."] : L["Use at most {0} decimals.", indicator.Decimals]);
                else
                {
                    categories.Add(indicator.DisaggregationCategories[k]);
                    breakdown.Add(b);
                }
            }
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > 1500) Fail(nameof(MeasurementInput.Note), L["Use at most {0} characters.", 1500]);
        var url = string.IsNullOrWhiteSpace(input.EvidenceUrl) ? null : input.EvidenceUrl.Trim();
        if (url is not null && (url.Length > 400 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
            Fail(nameof(MeasurementInput.EvidenceUrl), L["Enter a web address starting with http:// or https://."]);
        var correction = string.IsNullOrWhiteSpace(input.CorrectionNote) ? null : input.CorrectionNote.Trim();
        if (existing?.Status == MeasurementStatus.Validated)
        {
            if (correction is null) Fail(nameof(MeasurementInput.CorrectionNote), L["Say why this validated measurement is corrected."]);
            else if (correction.Length > 400) Fail(nameof(MeasurementInput.CorrectionNote), L["Use at most {0} characters.", 400]);
        }
        return (result, result.IsValid ? new MeasurementValues(indicator, period, value, text, categories, breakdown, note, url, correction) : null);
    }

    /// <summary>After <see cref="CheckAsync"/>: the measurement already entered for the period, when that was the refusal.</summary>
    public Measurement? Duplicate { get; private set; }

    // ------------------------------------------------------------------ writing

    /// <summary>Adds a draft (not saved).</summary>
    public Measurement Add(MeasurementValues v)
    {
        var m = new Measurement { IndicatorId = v.Indicator.Id, Period = v.Period, Status = MeasurementStatus.Draft };
        Apply(m, v);
        db.Measurements.Add(m);
        return m;
    }

    /// <summary>Applies the values over the version the user saw (not saved). A validated one stays validated; the correction is noted.</summary>
    public void Change(Measurement m, MeasurementValues v, long? version)
    {
        db.ExpectVersion(m, version ?? m.Version);
        var validated = m.Status == MeasurementStatus.Validated;
        Apply(m, v);
        if (validated && v.CorrectionNote is { } why)
        {
            // The model has no field for corrections: the note keeps them, and the History shows the values before and after.
            var line = L["Corrected on {0} by {1}: {2}", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tenant.UserName, why].Value;
            var note = string.IsNullOrEmpty(m.Note) ? line : m.Note + "\n" + line;
            m.Note = note.Length <= 2000 ? note : note[^2000..];
        }
    }

    private static void Apply(Measurement m, MeasurementValues v)
    {
        m.Value = v.Value;
        m.Text = v.Text;
        m.BreakdownCategories = [.. v.Categories];
        m.BreakdownValues = [.. v.Breakdown];
        m.Note = v.Note;
        m.EvidenceUrl = v.EvidenceUrl;
    }

    /// <summary>Whether applying the values would change nothing stored (a grid or import row left as it was).</summary>
    public static bool Same(Measurement m, MeasurementValues v) =>
        m.Value == v.Value && m.Text == v.Text && (m.Note ?? "") == (v.Note ?? "") && (m.EvidenceUrl ?? "") == (v.EvidenceUrl ?? "")
        && m.BreakdownCategories.SequenceEqual(v.Categories) && m.BreakdownValues.SequenceEqual(v.Breakdown);

    /// <summary>Draft or returned → submitted, recording when and by whom (not saved).</summary>
    public void Submit(Measurement m)
    {
        m.Status = MeasurementStatus.Submitted;
        m.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        m.SubmittedBy = tenant.UserName;
    }

    public ValidationResult CheckSubmit(Measurement m) =>
        m.Status is MeasurementStatus.Draft or MeasurementStatus.Returned ? new ValidationResult()
            : new ValidationResult([new ValidationFailure("Status", m.Status == MeasurementStatus.Submitted ? L["This measurement is already submitted."] : L["A validated measurement is not submitted again."])]);

    public ValidationResult CheckValidate(Measurement m) =>
        m.Status == MeasurementStatus.Submitted ? new ValidationResult()
            : new ValidationResult([new ValidationFailure("Status", L["Only a submitted measurement can be validated or returned."])]);

    public ValidationResult CheckReturn(Measurement m, string? comment)
    {
        var result = CheckValidate(m);
        if (string.IsNullOrWhiteSpace(comment)) result.Errors.Add(new ValidationFailure("Comment", L["Say what the department must correct."]));
        else if (comment.Trim().Length > 2000) result.Errors.Add(new ValidationFailure("Comment", L["Use at most {0} characters.", 2000]));
        return result;
    }

    /// <summary>Submits over the version the user saw and saves; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task SubmitAsync(Measurement m, long? version, CancellationToken ct)
    {
        db.ExpectVersion(m, version ?? m.Version);
        Submit(m);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submitted → validated: from now on it counts in the indicator's progress.</summary>
    public async Task ValidateAsync(Measurement m, long? version, CancellationToken ct)
    {
        db.ExpectVersion(m, version ?? m.Version);
        m.Status = MeasurementStatus.Validated;
        m.ValidatedAt = clock.GetUtcNow().UtcDateTime;
        m.ValidatedBy = tenant.UserName;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submitted → returned with the office's comment; the department corrects and submits again.</summary>
    public async Task ReturnAsync(Measurement m, string comment, long? version, CancellationToken ct)
    {
        db.ExpectVersion(m, version ?? m.Version);
        m.Status = MeasurementStatus.Returned;
        m.ReturnComment = comment.Trim();
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(Measurement m, long? version, CancellationToken ct) => db.RemoveAsync(m, version, ct);

    public Task<Measurement?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Measurement>(id, ct);

    // ------------------------------------------------------------------ evidence

    public string? RefuseDeclaredLength(long? contentLength) => files.RefuseDeclaredLength(contentLength);

    public string TooLarge() => files.TooLarge();

    /// <summary>Stores the file (type from its content) and points the measurement at it (not saved); or says why it was refused.</summary>
    public async Task<string?> AttachEvidenceAsync(Measurement m, Stream content, string? fileName, CancellationToken ct)
    {
        var (stored, error) = await files.SaveAsync(EvidenceArea, content, EvidenceKinds,
            L["Evidence may be a PDF, a Word (DOCX) or Excel (XLSX) document, or a PNG or JPEG image; this file is none of them, whatever its name says."], ct);
        if (stored is null) return error;
        m.EvidenceFileName = StoredFiles.CleanName(fileName, stored.Kind, "evidence");
        m.EvidenceContentType = stored.ContentType;
        m.EvidenceSize = stored.Size;
        m.EvidenceSha256 = stored.Sha256;
        return null;
    }

    public static void RemoveEvidence(Measurement m)
    {
        m.EvidenceFileName = null;
        m.EvidenceContentType = null;
        m.EvidenceSize = null;
        m.EvidenceSha256 = null;
    }

    public string? EvidencePath(Measurement m) => m.EvidenceSha256 is null ? null : files.PathOf(EvidenceArea, m.OrganizationId, m.EvidenceSha256);

    /// <summary>The evidence file as an attachment (never inline), or 404.</summary>
    public IResult DownloadEvidence(Measurement m, HttpResponse response) =>
        EvidencePath(m) is { } path ? StoredFiles.Download(path, m.EvidenceContentType!, m.EvidenceFileName!, response) : Results.NotFound();
}
