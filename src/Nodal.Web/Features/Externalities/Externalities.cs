using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Externalities;

/// <summary>What a user sends to create or change a negative externality (form and API alike).</summary>
public sealed class ExternalityInput
{
    public Guid? PlanId { get; set; }
    /// <summary>Unique in the organization; the next free X-NN when empty on creation.</summary>
    public string? Code { get; set; }
    public ExternalityKind? Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>Objectives of the same plan that may cause it.</summary>
    public List<Guid> DriverObjectiveIds { get; set; } = [];
    /// <summary>Actions of the same plan that may cause it.</summary>
    public List<Guid> DriverActionIds { get; set; } = [];
    public LocalizedText WhoBenefits { get; set; } = new();
    public LocalizedText WhoBearsCost { get; set; } = new();
    public ExternalityState? State { get; set; }
    public Guid? OwnerDepartmentId { get; set; }
    /// <summary>When its state was last reviewed; a change of state without a new date records today.</summary>
    public DateOnly? ReviewedOn { get; set; }
    /// <summary>The version the user saw; required to change an existing externality.</summary>
    public long? Version { get; set; }

    public static ExternalityInput From(Externality x) => new()
    {
        PlanId = x.PlanId, Code = x.Code, Kind = x.Kind,
        Name = Copy(x.Name), Description = Copy(x.Description),
        DriverObjectiveIds = [.. x.DriverObjectiveIds], DriverActionIds = [.. x.DriverActionIds],
        WhoBenefits = Copy(x.WhoBenefits), WhoBearsCost = Copy(x.WhoBearsCost),
        State = x.State, OwnerDepartmentId = x.OwnerDepartmentId, ReviewedOn = x.ReviewedOn, Version = x.Version,
    };

    private static LocalizedText Copy(LocalizedText t) => new(t.Es, t.En, t.Fr);

    public void Compact()
    {
        DriverObjectiveIds = (DriverObjectiveIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        DriverActionIds = (DriverActionIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        if (OwnerDepartmentId == Guid.Empty) OwnerDepartmentId = null;
        Name ??= new(); Description ??= new(); WhoBenefits ??= new(); WhoBearsCost ??= new();
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

public sealed class ExternalityValidator : AbstractValidator<ExternalityInput>
{
    public ExternalityValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion, DateOnly today)
    {
        RuleFor(x => x.PlanId).NotNull().WithMessage(L["Choose the plan the externality belongs to."]);
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of externality."]).IsInEnum().WithMessage(L["Choose the kind of externality."]);
        RuleFor(x => x.Name[defaultLanguage]).NotEmpty().OverridePropertyName($"Name.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the name in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Name[lang]).MaximumLength(300).OverridePropertyName($"Name.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Description[lang]).MaximumLength(4000).OverridePropertyName($"Description.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.WhoBenefits[lang]).MaximumLength(2000).OverridePropertyName($"WhoBenefits.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 2000]);
            RuleFor(x => x.WhoBearsCost[lang]).MaximumLength(2000).OverridePropertyName($"WhoBearsCost.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 2000]);
        }
        RuleFor(x => x.State).NotNull().WithMessage(L["Choose the state of the externality."]).IsInEnum().WithMessage(L["Choose the state of the externality."]);
        RuleFor(x => x.ReviewedOn).Must(d => d is null || (d.Value.Year >= 1990 && d.Value <= today))
            .WithMessage(L["Enter a review date that is not in the future."]);
        RuleFor(x => x.DriverObjectiveIds.Count).LessThanOrEqualTo(200).OverridePropertyName(nameof(ExternalityInput.DriverObjectiveIds)).WithMessage(L["Use at most {0} entries.", 200]);
        RuleFor(x => x.DriverActionIds.Count).LessThanOrEqualTo(500).OverridePropertyName(nameof(ExternalityInput.DriverActionIds)).WithMessage(L["Use at most {0} entries.", 500]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    internal static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

/// <summary>What a user sends to add or change a mitigation measure.</summary>
public sealed class MitigationInput
{
    public LocalizedText Measure { get; set; } = new();
    public Guid? OwnerDepartmentId { get; set; }
    public MitigationStatus? Status { get; set; }
    public DateOnly? Due { get; set; }
    /// <summary>The action of the externality's plan that carries it out, when there is one.</summary>
    public Guid? ActionId { get; set; }
    /// <summary>The version the user saw; required to change an existing measure.</summary>
    public long? Version { get; set; }

    public static MitigationInput From(Mitigation m) => new()
    {
        Measure = new LocalizedText(m.Measure.Es, m.Measure.En, m.Measure.Fr),
        OwnerDepartmentId = m.OwnerDepartmentId, Status = m.Status, Due = m.Due, ActionId = m.ActionId, Version = m.Version,
    };
}

public sealed class MitigationValidator : AbstractValidator<MitigationInput>
{
    public MitigationValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.Measure[defaultLanguage]).NotEmpty().OverridePropertyName($"Measure.{ExternalityValidator.Pascal(defaultLanguage)}")
            .WithMessage(L["Describe the measure in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
            RuleFor(x => x.Measure[lang]).MaximumLength(2000).OverridePropertyName($"Measure.{ExternalityValidator.Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 2000]);
        RuleFor(x => x.Status).NotNull().WithMessage(L["Choose the status."]).IsInEnum().WithMessage(L["Choose the status."]);
        RuleFor(x => x.Due).Must(d => d is null || d.Value.Year is >= 1990 and <= 2200).WithMessage(L["Enter a date like {0}.", "2027-06-30"]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

/// <summary>What a change of state sends (the small form of the externality's page).</summary>
public sealed class StateInput
{
    public ExternalityState? State { get; set; }
    /// <summary>The version of the externality you read.</summary>
    public long? Version { get; set; }
}

public sealed record MitigationDto(
    Guid Id, Guid ExternalityId, LocalizedText Measure, Guid? OwnerDepartmentId, MitigationStatus Status, DateOnly? Due, Guid? ActionId, bool Overdue, long Version)
{
    public static MitigationDto From(Mitigation m, DateOnly today) =>
        new(m.Id, m.ExternalityId, m.Measure, m.OwnerDepartmentId, m.Status, m.Due, m.ActionId, ExternalityService.IsOverdue(m, today), m.Version);
}

/// <summary>An indicator watching an externality: its latest validated value and its light on the latest assessed target.</summary>
public sealed record WatchingIndicator(Guid Id, string Code, string Name, DateOnly? LatestPeriod, Frequency Frequency, string? LatestValue, Light Light);

public sealed record ExternalityDto(
    Guid Id, Guid PlanId, string Code, ExternalityKind Kind, LocalizedText Name, LocalizedText Description,
    IReadOnlyList<Guid> DriverObjectiveIds, IReadOnlyList<Guid> DriverActionIds, LocalizedText WhoBenefits, LocalizedText WhoBearsCost,
    ExternalityState State, Guid? OwnerDepartmentId, DateOnly? ReviewedOn, Light WorstLight,
    IReadOnlyList<MitigationDto> Mitigations, IReadOnlyList<WatchingIndicator> Indicators, long Version);

/// <summary>
/// Negative externalities and their mitigation measures: validation, reads and writes shared by the pages and the API.
/// Deleting an externality moves it to the Trash with its measures kept beside it (restoring it brings them back);
/// the indicators watching it are left alone, with their measurements, and point to it again once restored.
/// </summary>
public sealed class ExternalityService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, MonitoringFacts facts, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A measure not done nor dropped whose due date has passed.</summary>
    public static bool IsOverdue(Mitigation m, DateOnly today) =>
        m.Due is { } due && due < today && m.Status is MitigationStatus.Planned or MitigationStatus.InProgress;

    public Task<Externality?> FindAsync(Guid id, CancellationToken ct) => db.Externalities.FirstOrDefaultAsync(x => x.Id == id, ct);

    public Task<Externality?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Externality>(id, ct);

    /// <summary>The plan the organization works under now, else the latest one.</summary>
    public async Task<Guid?> CurrentPlanIdAsync(CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.IsCurrent).OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
        ?? await db.Plans.AsNoTracking().OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The next free code … (codes in the Trash stay reserved).</summary>
    public async Task<string> NextCodeAsync(CancellationToken ct)
    {
        var codes = await db.Externalities.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.Code.StartsWith("X-")).Select(x => x.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(2), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"X-{max + 1:00}";
    }

    /// <summary>Field rules, then the references: the plan; driver objectives and actions of that plan; the department; a unique code.</summary>
    public async Task<ValidationResult> ValidateAsync(ExternalityInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new ExternalityValidator(L, tenant.DefaultLanguage, existingId is not null, Today).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }
        if (input.PlanId is { } planId)
        {
            if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
                Fail(nameof(ExternalityInput.PlanId), L["This plan does not exist."]);
            else
            {
                if (!await db.Objectives.Where(o => o.PlanId == planId).ContainsAllAsync(input.DriverObjectiveIds, ct))
                    Fail(nameof(ExternalityInput.DriverObjectiveIds), L["One of these objectives is not in the externality's plan."]);
                if (!await db.Actions.Where(a => a.PlanId == planId).ContainsAllAsync(input.DriverActionIds, ct))
                    Fail(nameof(ExternalityInput.DriverActionIds), L["One of these actions is not in the externality's plan."]);
            }
        }
        if (input.OwnerDepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
            Fail(nameof(ExternalityInput.OwnerDepartmentId), L["This department does not exist."]);

        var code = ExternalityInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(ExternalityInput.Code)))
        {
            var clash = await db.Externalities.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(x => x.Code == code && x.Id != existingId).Select(x => new { x.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(ExternalityInput.Code), clash.DeletedAt is null
                    ? L["Another externality already uses this code."]
                    : L["An externality in the Trash uses this code; restore it or choose another code."]);
        }
        return result;
    }

    public async Task<Externality> CreateAsync(ExternalityInput input, CancellationToken ct)
    {
        var x = new Externality { Code = ExternalityInput.NormalizeCode(input.Code) };
        if (x.Code.Length == 0) x.Code = await NextCodeAsync(ct);
        Apply(x, input);
        db.Externalities.Add(x);
        await db.SaveChangesAsync(ct);
        return x;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Externality x, ExternalityInput input, CancellationToken ct)
    {
        db.ExpectVersion(x, input.Version ?? x.Version);
        if (!string.IsNullOrWhiteSpace(input.Code)) x.Code = ExternalityInput.NormalizeCode(input.Code);
        Apply(x, input);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a new state as reviewed today (even when the state stays: a review that confirms it).</summary>
    public async Task ChangeStateAsync(Externality x, ExternalityState state, long? version, CancellationToken ct)
    {
        db.ExpectVersion(x, version ?? x.Version);
        x.State = state;
        x.ReviewedOn = Today;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the externality to the Trash. Its measures stay with it (hidden, back on restore); indicators keep pointing to it.</summary>
    public Task DeleteAsync(Externality x, long? version, CancellationToken ct) => db.RemoveAsync(x, version, ct);

    private void Apply(Externality x, ExternalityInput input)
    {
        var stateChanged = x.CreatedAt != default && input.State != x.State;
        x.PlanId = input.PlanId!.Value;
        x.Kind = input.Kind!.Value;
        x.Name = input.Name.Trimmed();
        x.Description = input.Description.Trimmed();
        x.DriverObjectiveIds = [.. input.DriverObjectiveIds];
        x.DriverActionIds = [.. input.DriverActionIds];
        x.WhoBenefits = input.WhoBenefits.Trimmed();
        x.WhoBearsCost = input.WhoBearsCost.Trimmed();
        x.OwnerDepartmentId = input.OwnerDepartmentId;
        // A change of state is a review: without a new date given, it is recorded as reviewed today.
        x.ReviewedOn = stateChanged && input.ReviewedOn == x.ReviewedOn ? Today : input.ReviewedOn;
        x.State = input.State!.Value;
    }

    // ---- mitigations ----

    public Task<List<Mitigation>> MitigationsAsync(Guid externalityId, CancellationToken ct) =>
        db.Mitigations.Where(m => m.ExternalityId == externalityId).OrderBy(m => m.Due == null).ThenBy(m => m.Due).ThenBy(m => m.CreatedAt).ToListAsync(ct);

    public Task<Mitigation?> FindMitigationAsync(Guid externalityId, Guid id, CancellationToken ct) =>
        db.Mitigations.FirstOrDefaultAsync(m => m.Id == id && m.ExternalityId == externalityId, ct);

    public Task<Mitigation?> ReloadMitigationAsync(Guid id, CancellationToken ct) => db.FreshAsync<Mitigation>(id, ct);

    public async Task<ValidationResult> ValidateMitigationAsync(Externality x, MitigationInput input, bool existing, CancellationToken ct)
    {
        input.Measure ??= new();
        if (input.OwnerDepartmentId == Guid.Empty) input.OwnerDepartmentId = null;
        if (input.ActionId == Guid.Empty) input.ActionId = null;
        var result = await new MitigationValidator(L, tenant.DefaultLanguage, existing).ValidateAsync(input, ct);
        if (input.OwnerDepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
            result.Errors.Add(new ValidationFailure(nameof(MitigationInput.OwnerDepartmentId), L["This department does not exist."]));
        if (input.ActionId is { } a && !await db.Actions.AnyAsync(y => y.Id == a && y.PlanId == x.PlanId, ct))
            result.Errors.Add(new ValidationFailure(nameof(MitigationInput.ActionId), L["This action is not in the externality's plan."]));
        return result;
    }

    /// <summary>Adds a measure (<paramref name="m"/> null) or changes one over the version the user saw.</summary>
    public async Task<Mitigation> SaveMitigationAsync(Externality x, Mitigation? m, MitigationInput input, CancellationToken ct)
    {
        if (m is null)
        {
            m = new Mitigation { ExternalityId = x.Id };
            db.Mitigations.Add(m);
        }
        else db.ExpectVersion(m, input.Version ?? m.Version);
        m.Measure = input.Measure.Trimmed();
        m.OwnerDepartmentId = input.OwnerDepartmentId;
        m.Status = input.Status!.Value;
        m.Due = input.Due;
        m.ActionId = input.ActionId;
        await db.SaveChangesAsync(ct);
        return m;
    }

    public Task DeleteMitigationAsync(Mitigation m, long? version, CancellationToken ct) => db.RemoveAsync(m, version, ct);

    // ---- reading ----

    /// <summary>
    /// The indicators watching the externality (whatever their plan), each with its latest validated value and its
    /// light from <see cref="MonitoringFacts.ProgressAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<WatchingIndicator>> WatchingAsync(Guid externalityId, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ExternalityId == externalityId).OrderBy(i => i.Code).ToListAsync(ct);
        if (indicators.Count == 0) return [];
        var ids = indicators.Select(i => i.Id).ToList();
        var lights = new Dictionary<Guid, Light>();
        foreach (var plan in indicators.Select(i => i.PlanId).Distinct())
            foreach (var s in await facts.ProgressAsync(plan, only: ids, ct: ct))
                lights[s.Id] = s.Progress.Light;
        var today = Today;
        var latest = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatus.Validated && m.Period <= today)
                .Select(m => new { m.IndicatorId, m.Period, m.Value, m.Text }).ToListAsync(ct))
            .GroupBy(m => m.IndicatorId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Period).First());
        var lang = Languages.Current;
        return indicators.Select(i =>
        {
            var last = latest.GetValueOrDefault(i.Id);
            return new WatchingIndicator(i.Id, i.Code, i.Name.Get(lang, tenant.DefaultLanguage), last?.Period, i.Frequency,
                last is null ? null : MonitoringLabels.FormatValue(i, last.Value, last.Text), lights.GetValueOrDefault(i.Id));
        }).ToList();
    }

    public async Task<ExternalityDto> ToDtoAsync(Externality x, CancellationToken ct)
    {
        var today = Today;
        var mitigations = await db.Mitigations.AsNoTracking().Where(m => m.ExternalityId == x.Id)
            .OrderBy(m => m.Due == null).ThenBy(m => m.Due).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var watching = await WatchingAsync(x.Id, ct);
        return new ExternalityDto(x.Id, x.PlanId, x.Code, x.Kind, x.Name, x.Description, x.DriverObjectiveIds, x.DriverActionIds,
            x.WhoBenefits, x.WhoBearsCost, x.State, x.OwnerDepartmentId, x.ReviewedOn, Progress.Worst(watching.Select(w => w.Light)),
            mitigations.Select(m => MitigationDto.From(m, today)).ToList(), watching, x.Version);
    }
}
