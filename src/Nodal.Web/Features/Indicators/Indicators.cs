using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>What a user sends to create or change an indicator (form and API alike).</summary>
public sealed class IndicatorInput
{
    public Guid? PlanId { get; set; }
    /// <summary>Unique in the organization; generated (I-001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Definition { get; set; } = new();
    public IndicatorLevel? Level { get; set; }
    public IndicatorKind? Kind { get; set; }
    /// <summary>Quantitative: "%", "visitors", "EUR"…</summary>
    public string? Unit { get; set; }
    /// <summary>Quantitative: 0 to 6.</summary>
    public int? Decimals { get; set; }
    public Direction? Direction { get; set; }
    public Aggregation? Aggregation { get; set; }
    /// <summary>Qualitative: the rating scale, worst first; empty for free text. The form sends one level per line.</summary>
    public List<string> RatingLevels { get; set; } = [];
    /// <summary>Quantitative baseline, or the index of the level for a rating (or name it with <see cref="BaselineLevel"/>).</summary>
    public decimal? BaselineValue { get; set; }
    /// <summary>A rating's baseline named by its level (wins over <see cref="BaselineValue"/>).</summary>
    public string? BaselineLevel { get; set; }
    public DateOnly? BaselineDate { get; set; }
    /// <summary>Free-text baseline of a qualitative indicator without a scale.</summary>
    public string? BaselineText { get; set; }
    public Frequency? Frequency { get; set; }
    /// <summary>The first period measurements are expected for, as a key of the frequency ("2026-Q1", "2026-07", "2026"); empty: the plan's start.</summary>
    public string? FirstPeriod { get; set; }
    public string? DataSource { get; set; }
    public Guid? OwnerDepartmentId { get; set; }
    public Guid? ObjectiveId { get; set; }
    public Guid? ActionId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? ExternalityId { get; set; }
    /// <summary>SDG global indicator code such as "11.2.1".</summary>
    public string? SdgIndicator { get; set; }
    public string? DisaggregationName { get; set; }
    /// <summary>The form sends one category per line.</summary>
    public List<string> DisaggregationCategories { get; set; } = [];
    /// <summary>0 to 365; 30 when empty.</summary>
    public int? GraceDays { get; set; }
    /// <summary>The version the user saw; required to change an existing indicator.</summary>
    public long? Version { get; set; }

    public static IndicatorInput From(Indicator i) => new()
    {
        PlanId = i.PlanId,
        Code = i.Code,
        Name = new LocalizedText(i.Name.Es, i.Name.En, i.Name.Fr),
        Definition = new LocalizedText(i.Definition.Es, i.Definition.En, i.Definition.Fr),
        Level = i.Level,
        Kind = i.Kind,
        Unit = i.Unit,
        Decimals = i.Decimals,
        Direction = i.Direction,
        Aggregation = i.Aggregation,
        RatingLevels = [.. i.RatingLevels],
        BaselineValue = i.BaselineValue,
        BaselineLevel = i.IsRating && i.BaselineValue is { } b && (int)b >= 0 && (int)b < i.RatingLevels.Count ? i.RatingLevels[(int)b] : null,
        BaselineDate = i.BaselineDate,
        BaselineText = i.BaselineText,
        Frequency = i.Frequency,
        FirstPeriod = i.FirstPeriod is { } f ? Periods.Key(f, i.Frequency) : null,
        DataSource = i.DataSource,
        OwnerDepartmentId = i.OwnerDepartmentId,
        ObjectiveId = i.ObjectiveId,
        ActionId = i.ActionId,
        ProjectId = i.ProjectId,
        ExternalityId = i.ExternalityId,
        SdgIndicator = i.SdgIndicator,
        DisaggregationName = i.DisaggregationName,
        DisaggregationCategories = [.. i.DisaggregationCategories],
        GraceDays = i.GraceDays,
        Version = i.Version,
    };

    private static readonly char[] Lines = ['\n', '\r'];

    /// <summary>Trims texts, splits the lists typed one per line, and drops the fields of the other kind.</summary>
    public void Compact()
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        Code = Clean(Code)?.ToUpperInvariant();
        Unit = Clean(Unit);
        BaselineLevel = Clean(BaselineLevel);
        BaselineText = Clean(BaselineText);
        FirstPeriod = Clean(FirstPeriod);
        DataSource = Clean(DataSource);
        SdgIndicator = Clean(SdgIndicator)?.ToLowerInvariant();
        DisaggregationName = Clean(DisaggregationName);
        // Levels keep their order and may not repeat (checked); categories are a set.
        RatingLevels = (RatingLevels ?? []).Where(v => v is not null)
            .SelectMany(v => v.Split(Lines, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        DisaggregationCategories = ListText.Split(DisaggregationCategories, Lines);
        Direction ??= Core.Monitoring.Direction.HigherIsBetter;
        Aggregation ??= Core.Monitoring.Aggregation.Last;
        GraceDays ??= 30;
        Decimals ??= 0;
        if (Kind == IndicatorKind.Quantitative)
        {
            RatingLevels = [];
            BaselineLevel = null;
            BaselineText = null;
        }
        else if (Kind == IndicatorKind.Qualitative)
        {
            Unit = null;
            Decimals = 0;
            if (RatingLevels.Count == 0) { BaselineValue = null; BaselineLevel = null; }
            else BaselineText = null;
        }
        if (DisaggregationName is null) DisaggregationCategories = [];
    }
}

public sealed class IndicatorValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.PlanId).NotNull().WithMessage(L["Choose the plan the indicator belongs to."]);
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Name[defaultLanguage]).NotEmpty().OverridePropertyName($"Name.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the name in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Name[lang]).MaximumLength(300).OverridePropertyName($"Name.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Definition[lang]).MaximumLength(2000).OverridePropertyName($"Definition.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 2000]);
        }
        RuleFor(x => x.Level).NotNull().WithMessage(L["Choose the level of the indicator."]).IsInEnum().WithMessage(L["Choose the level of the indicator."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Say whether the indicator is quantitative or qualitative."])
            .IsInEnum().WithMessage(L["Say whether the indicator is quantitative or qualitative."]);
        RuleFor(x => x.Unit).MaximumLength(40).WithMessage(L["Use at most {0} characters.", 40]);
        RuleFor(x => x.Decimals).InclusiveBetween(0, 6).WithMessage(L["Enter a number of decimals from {0} to {1}.", 0, 6]);
        RuleFor(x => x.Direction).IsInEnum().WithMessage(L["Choose whether higher or lower is better."]);
        RuleFor(x => x.Aggregation).IsInEnum().WithMessage(L["Choose how the periods add up."]);
        RuleFor(x => x.RatingLevels.Count).InclusiveBetween(2, 10).When(x => x.Kind == IndicatorKind.Qualitative && x.RatingLevels.Count > 0)
            .OverridePropertyName(nameof(IndicatorInput.RatingLevels)).WithMessage(L["A rating scale has from {0} to {1} levels, one per line.", 2, 10]);
        RuleFor(x => x.RatingLevels).Must(l => l.Distinct(StringComparer.OrdinalIgnoreCase).Count() == l.Count)
            .WithMessage(L["Each level of the scale must be different."]);
        RuleFor(x => x.RatingLevels).Must(l => l.All(v => v.Length <= 100)).WithMessage(L["Use at most {0} characters per line.", 100]);
        RuleFor(x => x.BaselineValue).Must(v => v is null || v == decimal.Truncate(v.Value))
            .When(x => x.Kind == IndicatorKind.Qualitative && x.RatingLevels.Count > 0 && x.BaselineLevel is null)
            .WithMessage(L["Choose the baseline among the levels of the scale."]);
        RuleFor(x => x.BaselineValue).InclusiveBetween(-1e12m, 1e12m).WithMessage(L["Enter a smaller number."]);
        RuleFor(x => x.BaselineText).MaximumLength(2000).WithMessage(L["Use at most {0} characters.", 2000]);
        RuleFor(x => x.Frequency).NotNull().WithMessage(L["Choose how often it is measured."]).IsInEnum().WithMessage(L["Choose how often it is measured."]);
        RuleFor(x => x.FirstPeriod).Must((x, p) => p is null || x.Frequency is null || Periods.TryParse(p, x.Frequency.Value, out _))
            .WithMessage(x => x.Frequency switch
            {
                Core.Monitoring.Frequency.Monthly => L["Enter a month such as 2026-07."],
                Core.Monitoring.Frequency.Quarterly => L["Enter a quarter such as 2026-Q1."],
                _ => L["Enter a year such as 2026."],
            });
        RuleFor(x => x.DataSource).MaximumLength(400).WithMessage(L["Use at most {0} characters.", 400]);
        RuleFor(x => x.OwnerDepartmentId).NotNull().WithMessage(L["Choose the department that owns the indicator."]);
        RuleFor(x => x.SdgIndicator).Must(IsSdgIndicator).WithMessage(L["Enter an SDG indicator code whose goal and target exist, such as 11.2.1."]);
        RuleFor(x => x.DisaggregationName).MaximumLength(100).WithMessage(L["Use at most {0} characters.", 100]);
        RuleFor(x => x.DisaggregationCategories).Must(c => c.Count >= 2).When(x => x.DisaggregationName is not null)
            .WithMessage(L["A disaggregation has at least two categories, one per line."]);
        RuleFor(x => x.DisaggregationCategories).Must(c => c.Count <= 20 && c.All(v => v.Length <= 100))
            .WithMessage(L["Use at most {0} categories of at most {1} characters.", 20, 100]);
        RuleFor(x => x.GraceDays).InclusiveBetween(0, 365).WithMessage(L["Enter a number of days from {0} to {1}.", 0, 365]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    private static readonly Regex SdgPattern = new(@"^(\d{1,2})\.(\d{1,2}|[a-z])\.(\d{1,2})$", RegexOptions.CultureInvariant);

    /// <summary>"11.2.1", "1.a.2": a goal and one of its targets, then the indicator's number.</summary>
    public static bool IsSdgIndicator(string? code)
    {
        if (code is null) return true;
        var m = SdgPattern.Match(code.Trim().ToLowerInvariant());
        return m.Success && Sdg.IsTarget($"{m.Groups[1].Value}.{m.Groups[2].Value}") && int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) > 0;
    }

    private static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

/// <summary>One target: the period as a key of its span, and the value aimed at.</summary>
public sealed class TargetInput
{
    /// <summary>"2026", "2026-Q3" or "2026-07" (a date inside the period also works).</summary>
    public string? Period { get; set; }
    /// <summary>The indicator's frequency (when empty) or Yearly.</summary>
    public Frequency? Span { get; set; }
    /// <summary>Quantitative value, or the index of the level aimed at for a rating.</summary>
    public decimal? Value { get; set; }
    /// <summary>The text aimed at, for a qualitative indicator without a scale.</summary>
    public string? Text { get; set; }
}

/// <summary>The API's whole list of targets, replacing the stored ones.</summary>
public sealed class TargetsInput
{
    /// <summary>The version of the indicator you read.</summary>
    public long? Version { get; set; }
    public List<TargetInput> Targets { get; set; } = [];
}

public sealed record TargetDto(Guid Id, string Period, DateOnly Start, Frequency Span, decimal? Value, string? Text, string Display, long Version);

public sealed record ProgressDto(string? TargetPeriod, Frequency? TargetSpan, decimal? Target, decimal? Actual, int PeriodsMeasured, int PeriodsInTarget, double? Ratio, Light Light);

public sealed record IndicatorDto(
    Guid Id, Guid PlanId, string Code, LocalizedText Name, LocalizedText Definition, IndicatorLevel Level, IndicatorKind Kind,
    string? Unit, int Decimals, Direction Direction, Aggregation Aggregation, IReadOnlyList<string> RatingLevels,
    decimal? BaselineValue, DateOnly? BaselineDate, string? BaselineText, Frequency Frequency, string? FirstPeriod, string? DataSource,
    Guid OwnerDepartmentId, Guid? ObjectiveId, Guid? ActionId, Guid? ProjectId, Guid? ExternalityId, string? SdgIndicator,
    string? DisaggregationName, IReadOnlyList<string> DisaggregationCategories, int GraceDays, long Version,
    IReadOnlyList<TargetDto> Targets, ProgressDto Progress);

/// <summary>
/// The indicators' validation and writes, shared by the pages and the API. Every write stays inside the
/// request's transaction.
/// </summary>
public sealed class IndicatorService(NodalDbContext db, TenantContext tenant, MonitoringFacts facts, IStringLocalizer<SharedResource> L)
{
    public const int MaxTargets = 200;

    public Task<Indicator?> FindAsync(Guid id, CancellationToken ct) => db.Indicators.FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Measurements entered for the indicator (any status, not in the Trash).</summary>
    public Task<int> MeasurementCountAsync(Guid id, CancellationToken ct) => db.Measurements.CountAsync(m => m.IndicatorId == id, ct);

    /// <summary>
    /// Field rules, then the references (plan, department, one link in the same plan), a unique code, and the
    /// changes refused once measurements exist. <paramref name="existing"/> is null on creation.
    /// </summary>
    public async Task<ValidationResult> ValidateAsync(IndicatorInput input, Indicator? existing, CancellationToken ct)
    {
        input.Compact();
        var result = await new IndicatorValidator(L, tenant.DefaultLanguage, existing is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }

        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct))
            Fail(nameof(IndicatorInput.PlanId), L["This plan does not exist."]);
        if (input.OwnerDepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
            Fail(nameof(IndicatorInput.OwnerDepartmentId), L["This department does not exist."]);

        var links = new (string Field, Guid? Id)[]
        {
            (nameof(IndicatorInput.ObjectiveId), input.ObjectiveId), (nameof(IndicatorInput.ActionId), input.ActionId),
            (nameof(IndicatorInput.ProjectId), input.ProjectId), (nameof(IndicatorInput.ExternalityId), input.ExternalityId),
        }.Where(l => l.Id is not null).ToList();
        foreach (var extra in links.Skip(1))
            Fail(extra.Field, L["Link the indicator to one objective, action, project or externality at most."]);
        if (input.ObjectiveId is { } o && !await db.Objectives.AnyAsync(x => x.Id == o && x.PlanId == input.PlanId, ct))
            Fail(nameof(IndicatorInput.ObjectiveId), L["This objective is not in the indicator's plan."]);
        if (input.ActionId is { } a && !await db.Actions.AnyAsync(x => x.Id == a && x.PlanId == input.PlanId, ct))
            Fail(nameof(IndicatorInput.ActionId), L["This action is not in the indicator's plan."]);
        if (input.ProjectId is { } p && !await db.Projects.AnyAsync(x => x.Id == p, ct))
            Fail(nameof(IndicatorInput.ProjectId), L["This project does not exist."]);
        if (input.ExternalityId is { } x0 && !await db.Externalities.AnyAsync(x => x.Id == x0 && x.PlanId == input.PlanId, ct))
            Fail(nameof(IndicatorInput.ExternalityId), L["This externality is not in the indicator's plan."]);

        // A rating's baseline is one of its levels.
        if (input.Kind == IndicatorKind.Qualitative && input.RatingLevels.Count > 0)
        {
            if (input.BaselineLevel is { } level)
            {
                var index = input.RatingLevels.FindIndex(l => string.Equals(l, level, StringComparison.OrdinalIgnoreCase));
                if (index < 0) Fail(nameof(IndicatorInput.BaselineLevel), L["Choose the baseline among the levels of the scale."]);
                else input.BaselineValue = index;
            }
            else if (input.BaselineValue is { } v && (v < 0 || v >= input.RatingLevels.Count))
            {
                Fail(nameof(IndicatorInput.BaselineLevel), L["Choose the baseline among the levels of the scale."]);
            }
        }

        var code = input.Code ?? "";
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(IndicatorInput.Code)))
        {
            var clash = await db.Indicators.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(i => i.Code == code && i.Id != (existing == null ? Guid.Empty : existing.Id)).Select(i => new { i.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(IndicatorInput.Code), clash.DeletedAt is null
                    ? L["Another indicator already uses this code."]
                    : L["An indicator in the Trash uses this code; restore it or choose another code."]);
        }

        // Once values are entered, what they mean cannot change under them.
        if (existing is not null && await MeasurementCountAsync(existing.Id, ct) > 0)
        {
            if (input.Frequency is { } f && f != existing.Frequency)
                Fail(nameof(IndicatorInput.Frequency), L["Measurements were entered at this frequency: it cannot change any more. Create a new indicator instead."]);
            if (input.Kind is { } k && k != existing.Kind)
                Fail(nameof(IndicatorInput.Kind), L["Measurements were entered for this indicator: its kind cannot change any more."]);
            else if (input.Kind == IndicatorKind.Qualitative && !input.RatingLevels.SequenceEqual(existing.RatingLevels))
                Fail(nameof(IndicatorInput.RatingLevels), L["Measurements were entered on this scale: its levels cannot change any more."]);
        }
        return result;
    }

    /// <summary>The next free code I-001, I-002… (counting the Trash, whose codes stay reserved).</summary>
    public async Task<string> NextCodeAsync(CancellationToken ct)
    {
        var codes = await db.Indicators.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(i => i.Code.StartsWith("I-")).Select(i => i.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"I-{max + 1:000}";
    }

    public async Task<Indicator> CreateAsync(IndicatorInput input, CancellationToken ct)
    {
        var i = new Indicator { Code = input.Code ?? "" };
        if (i.Code.Length == 0) i.Code = await NextCodeAsync(ct);
        Apply(i, input);
        db.Indicators.Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Indicator i, IndicatorInput input, CancellationToken ct)
    {
        db.ExpectVersion(i, input.Version ?? i.Version);
        if (input.Code is { Length: > 0 } code) i.Code = code;
        Apply(i, input);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Moves the indicator to the Trash with its targets; false (nothing changed) while measurements are entered for it:
    /// those are the departments' work and are moved to the Trash one by one, on purpose, first.
    /// </summary>
    public async Task<bool> TryDeleteAsync(Indicator i, long? version, CancellationToken ct)
    {
        if (await MeasurementCountAsync(i.Id, ct) > 0) return false;
        db.IndicatorTargets.RemoveRange(await db.IndicatorTargets.Where(t => t.IndicatorId == i.Id).ToListAsync(ct));
        await db.RemoveAsync(i, version, ct);
        return true;
    }

    public Task<Indicator?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Indicator>(id, ct);

    private static void Apply(Indicator i, IndicatorInput input)
    {
        i.PlanId = input.PlanId!.Value;
        i.Name = input.Name.Trimmed();
        i.Definition = input.Definition.Trimmed();
        i.Level = input.Level!.Value;
        i.Kind = input.Kind!.Value;
        i.Unit = input.Unit;
        i.Decimals = input.Decimals ?? 0;
        i.Direction = input.Direction ?? Direction.HigherIsBetter;
        i.Aggregation = input.Aggregation ?? Aggregation.Last;
        i.RatingLevels = [.. input.RatingLevels];
        i.BaselineValue = i.Kind == IndicatorKind.Qualitative && i.RatingLevels.Count == 0 ? null : input.BaselineValue;
        i.BaselineDate = input.BaselineDate;
        i.BaselineText = input.BaselineText;
        i.Frequency = input.Frequency!.Value;
        i.FirstPeriod = input.FirstPeriod is { } f && Periods.TryParse(f, i.Frequency, out var start) ? start : null;
        i.DataSource = input.DataSource;
        i.OwnerDepartmentId = input.OwnerDepartmentId!.Value;
        i.ObjectiveId = input.ObjectiveId;
        i.ActionId = input.ActionId;
        i.ProjectId = input.ProjectId;
        i.ExternalityId = input.ExternalityId;
        i.SdgIndicator = input.SdgIndicator;
        i.DisaggregationName = input.DisaggregationName;
        i.DisaggregationCategories = [.. input.DisaggregationCategories];
        i.GraceDays = input.GraceDays ?? 30;
    }

    // ---- Targets ----

    public async Task<List<IndicatorTarget>> TargetsAsync(Guid indicatorId, CancellationToken ct) =>
        (await db.IndicatorTargets.Where(t => t.IndicatorId == indicatorId).ToListAsync(ct))
        .OrderBy(t => t.Period).ThenBy(t => Periods.Rank(t.Span)).ToList();

    public Task<IndicatorTarget?> FindTargetAsync(Guid indicatorId, Guid targetId, CancellationToken ct) =>
        db.IndicatorTargets.FirstOrDefaultAsync(t => t.Id == targetId && t.IndicatorId == indicatorId, ct);

    /// <summary>A valid target as stored: the first day of its period and the span.</summary>
    public sealed record ParsedTarget(DateOnly Period, Frequency Span, decimal? Value, string? Text);

    /// <summary>
    /// Checks targets against the indicator: the period typed as a key of its span (the indicator's frequency or a year),
    /// one target per period and span (also against <paramref name="others"/>, the targets kept), and the value its kind
    /// needs. Errors are named <c>{prefix(n)}Period</c>, <c>{prefix(n)}Value</c>… (e.g. "Targets[2].Period").
    /// </summary>
    public (ValidationResult Result, List<ParsedTarget> Targets) ValidateTargets(Indicator indicator, IReadOnlyList<TargetInput> inputs, IEnumerable<IndicatorTarget> others, Func<int, string> prefix)
    {
        var result = new ValidationResult();
        var parsed = new List<ParsedTarget>();
        var taken = others.Select(t => (t.Period, t.Span)).ToHashSet();
        if (inputs.Count > MaxTargets)
            result.Errors.Add(new ValidationFailure("Targets", L["Use at most {0} entries.", MaxTargets]));
        for (var n = 0; n < inputs.Count; n++)
        {
            var t = inputs[n] ?? new TargetInput();
            var p = prefix(n);
            var errors = result.Errors.Count;
            var span = t.Span ?? indicator.Frequency;
            if (span != indicator.Frequency && span != Frequency.Yearly)
                result.Errors.Add(new ValidationFailure(p + "Span", L["A target is set for a period of the indicator's frequency or for a year."]));
            DateOnly start = default;
            if (string.IsNullOrWhiteSpace(t.Period))
                result.Errors.Add(new ValidationFailure(p + "Period", L["Enter the period of the target."]));
            else if (!Periods.TryParse(t.Period, span, out start))
                result.Errors.Add(new ValidationFailure(p + "Period", span switch
                {
                    Frequency.Monthly => L["Enter a month such as 2026-07."],
                    Frequency.Quarterly => L["Enter a quarter such as 2026-Q1."],
                    _ => L["Enter a year such as 2026."],
                }));
            else if (!taken.Add((start, span)))
                result.Errors.Add(new ValidationFailure(p + "Period", L["There is already a target for this period."]));

            decimal? value = null;
            string? text = null;
            if (indicator.IsText)
            {
                text = string.IsNullOrWhiteSpace(t.Text) ? null : t.Text.Trim();
                if (text is null) result.Errors.Add(new ValidationFailure(p + "Text", L["Enter the result aimed at."]));
                else if (text.Length > 1000) result.Errors.Add(new ValidationFailure(p + "Text", L["Use at most {0} characters.", 1000]));
            }
            else if (indicator.IsRating)
            {
                value = t.Value;
                if (value is not { } v || v != decimal.Truncate(v) || v < 0 || v >= indicator.RatingLevels.Count)
                    result.Errors.Add(new ValidationFailure(p + "Value", L["Choose the level aimed at."]));
            }
            else
            {
                value = t.Value;
                if (value is null) result.Errors.Add(new ValidationFailure(p + "Value", L["Enter the value aimed at."]));
                else if (Math.Abs(value.Value) > 1e12m) result.Errors.Add(new ValidationFailure(p + "Value", L["Enter a smaller number."]));
            }
            if (result.Errors.Count == errors) parsed.Add(new ParsedTarget(start, span, value, text));
        }
        return (result, parsed);
    }

    /// <summary>Adds or changes one target (not saved); a change of a target is also a change of the indicator (its version moves).</summary>
    public void SetTarget(Indicator indicator, IndicatorTarget? existing, ParsedTarget t)
    {
        if (existing is null)
        {
            existing = new IndicatorTarget { IndicatorId = indicator.Id };
            db.IndicatorTargets.Add(existing);
        }
        existing.Period = t.Period;
        existing.Span = t.Span;
        existing.Value = t.Value;
        existing.Text = t.Text;
        TouchIndicator(indicator);
    }

    public void RemoveTarget(Indicator indicator, IndicatorTarget target)
    {
        db.IndicatorTargets.Remove(target);
        TouchIndicator(indicator);
    }

    /// <summary>Replaces every target over the indicator's version the caller read (matched by period and span, so unchanged ones keep their history).</summary>
    public async Task ReplaceTargetsAsync(Indicator indicator, IReadOnlyList<ParsedTarget> targets, long? version, CancellationToken ct)
    {
        db.ExpectVersion(indicator, version ?? indicator.Version);
        var stored = await db.IndicatorTargets.Where(t => t.IndicatorId == indicator.Id).ToListAsync(ct);
        var kept = new HashSet<Guid>();
        foreach (var t in targets)
        {
            var existing = stored.FirstOrDefault(s => s.Period == t.Period && s.Span == t.Span);
            if (existing is null)
            {
                existing = new IndicatorTarget { IndicatorId = indicator.Id, Period = t.Period, Span = t.Span };
                db.IndicatorTargets.Add(existing);
            }
            kept.Add(existing.Id);
            existing.Value = t.Value;
            existing.Text = t.Text;
        }
        db.IndicatorTargets.RemoveRange(stored.Where(s => !kept.Contains(s.Id)));
        TouchIndicator(indicator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the indicator's version with any change of its targets, so a stale edit of the targets is refused like any other.</summary>
    private void TouchIndicator(Indicator indicator)
    {
        var entry = db.Entry(indicator);
        if (entry.State == EntityState.Unchanged) entry.Property(x => x.Version).IsModified = true;
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    // ---- Reading ----

    public async Task<IndicatorProgress> ProgressAsync(Indicator i, CancellationToken ct) =>
        (await facts.ProgressAsync(i.PlanId, only: [i.Id], ct: ct)).FirstOrDefault()?.Progress ?? IndicatorProgress.Nothing(i.Id);

    public static TargetDto ToDto(Indicator i, IndicatorTarget t) =>
        new(t.Id, Periods.Key(t.Period, t.Span), t.Period, t.Span, t.Value, t.Text, MonitoringLabels.FormatValue(i, t.Value, t.Text), t.Version);

    public static ProgressDto ToDto(IndicatorProgress p) =>
        new(p.TargetPeriod is { } d && p.TargetSpan is { } s ? Periods.Key(d, s) : null, p.TargetSpan, p.Target, p.Actual, p.PeriodsMeasured, p.PeriodsInTarget, p.Ratio, p.Light);

    public async Task<IndicatorDto> ToDtoAsync(Indicator i, CancellationToken ct)
    {
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == i.Id).ToListAsync(ct);
        var progress = await ProgressAsync(i, ct);
        return new IndicatorDto(i.Id, i.PlanId, i.Code, i.Name, i.Definition, i.Level, i.Kind, i.Unit, i.Decimals, i.Direction, i.Aggregation,
            i.RatingLevels, i.BaselineValue, i.BaselineDate, i.BaselineText, i.Frequency, i.FirstPeriod is { } f ? Periods.Key(f, i.Frequency) : null,
            i.DataSource, i.OwnerDepartmentId, i.ObjectiveId, i.ActionId, i.ProjectId, i.ExternalityId, i.SdgIndicator,
            i.DisaggregationName, i.DisaggregationCategories, i.GraceDays, i.Version,
            targets.OrderBy(t => t.Period).ThenBy(t => Periods.Rank(t.Span)).Select(t => ToDto(i, t)).ToList(), ToDto(progress));
    }
}
