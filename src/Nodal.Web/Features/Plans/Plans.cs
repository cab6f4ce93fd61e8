using FluentValidation;
using FluentValidation.Results;

namespace Nodal.Web.Features.Plans;

public sealed class PlanInput
{
    public LocalizedText Title { get; set; } = new();
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public LocalizedText Vision { get; set; } = new();
    public LocalizedText CityModel { get; set; } = new();
    public string? CityPlanName { get; set; }
    public string? CityPlanUrl { get; set; }
    public string? CityPlanObjectives { get; set; }
    public long? Version { get; set; }

    public static PlanInput From(StrategicPlan p) => new()
    {
        Title = Copy(p.Title), StartYear = p.StartYear, EndYear = p.EndYear, Vision = Copy(p.Vision), CityModel = Copy(p.CityModel),
        CityPlanName = p.CityPlanName, CityPlanUrl = p.CityPlanUrl, CityPlanObjectives = p.CityPlanObjectives, Version = p.Version,
    };

    public void ApplyTo(StrategicPlan p)
    {
        p.Title = Title.Trimmed();
        p.StartYear = StartYear!.Value;
        p.EndYear = EndYear!.Value;
        p.Vision = Vision.Trimmed();
        p.CityModel = CityModel.Trimmed();
        p.CityPlanName = Clean(CityPlanName);
        p.CityPlanUrl = Clean(CityPlanUrl);
        p.CityPlanObjectives = Clean(CityPlanObjectives);
    }

    internal static LocalizedText Copy(LocalizedText t) => new(t.Es, t.En, t.Fr);
    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Adopting a plan: when, by which body, with which act.</summary>
public sealed class AdoptionInput
{
    public DateOnly? AdoptedOn { get; set; }
    public string? AdoptedBy { get; set; }
    public string? AdoptionAct { get; set; }
    public long? Version { get; set; }
}

public sealed class AnalysisItemInput
{
    public AnalysisKind? Kind { get; set; }
    public TerritoryArea? Area { get; set; }
    public LocalizedText Statement { get; set; } = new();
    public long? Version { get; set; }

    public static AnalysisItemInput From(AnalysisItem a) => new() { Kind = a.Kind, Area = a.Area, Statement = PlanInput.Copy(a.Statement), Version = a.Version };
}

public sealed class AxisInput
{
    public AxisKind? Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public int? Priority { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<Guid> AnalysisItemIds { get; set; } = [];
    public long? Version { get; set; }

    public static AxisInput From(Axis a) => new()
    {
        Kind = a.Kind, Name = PlanInput.Copy(a.Name), Description = PlanInput.Copy(a.Description), Priority = a.Priority,
        Regions = [.. a.Regions], Countries = [.. a.Countries], AnalysisItemIds = [.. a.AnalysisItemIds], Version = a.Version,
    };
}

public sealed class ObjectiveInput
{
    public string? Code { get; set; }
    public ObjectiveFamily? Family { get; set; }
    public LocalizedText Statement { get; set; } = new();
    public List<Guid> AxisIds { get; set; } = [];
    public Guid? OwnerDepartmentId { get; set; }
    public DateOnly? Deadline { get; set; }
    public List<string> SdgTargets { get; set; } = [];
    public string? CityPlanObjective { get; set; }
    public LocalizedText LegalBasis { get; set; } = new();
    public long? Version { get; set; }

    public static ObjectiveInput From(Objective o) => new()
    {
        Code = o.Code, Family = o.Family, Statement = PlanInput.Copy(o.Statement), AxisIds = [.. o.AxisIds], OwnerDepartmentId = o.OwnerDepartmentId,
        Deadline = o.Deadline, SdgTargets = [.. o.SdgTargets], CityPlanObjective = o.CityPlanObjective, LegalBasis = PlanInput.Copy(o.LegalBasis), Version = o.Version,
    };
}

public sealed record PlanRow(Guid Id, string Title, int StartYear, int EndYear, PlanStatus Status, bool IsCurrent, int Objectives, int Actions);

public sealed record PlanDto(Guid Id, LocalizedText Title, int StartYear, int EndYear, LocalizedText Vision, LocalizedText CityModel,
    string? CityPlanName, string? CityPlanUrl, string? CityPlanObjectives, PlanStatus Status, DateOnly? AdoptedOn, string? AdoptedBy,
    string? AdoptionAct, bool IsCurrent, long Version)
{
    public static PlanDto From(StrategicPlan p) => new(p.Id, p.Title, p.StartYear, p.EndYear, p.Vision, p.CityModel, p.CityPlanName,
        p.CityPlanUrl, p.CityPlanObjectives, p.Status, p.AdoptedOn, p.AdoptedBy, p.AdoptionAct, p.IsCurrent, p.Version);
}

public sealed record AnalysisItemDto(Guid Id, Guid PlanId, AnalysisKind Kind, TerritoryArea Area, LocalizedText Statement, int SortOrder, long Version)
{
    public static AnalysisItemDto From(AnalysisItem a) => new(a.Id, a.PlanId, a.Kind, a.Area, a.Statement, a.SortOrder, a.Version);
}

public sealed record AxisDto(Guid Id, Guid PlanId, AxisKind Kind, LocalizedText Name, LocalizedText Description, int Priority,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Countries, IReadOnlyList<Guid> AnalysisItemIds, long Version)
{
    public static AxisDto From(Axis a) => new(a.Id, a.PlanId, a.Kind, a.Name, a.Description, a.Priority, a.Regions, a.Countries, a.AnalysisItemIds, a.Version);
}

public sealed record ObjectiveDto(Guid Id, Guid PlanId, string Code, ObjectiveFamily Family, LocalizedText Statement, IReadOnlyList<Guid> AxisIds,
    Guid? OwnerDepartmentId, DateOnly? Deadline, IReadOnlyList<string> SdgTargets, string? CityPlanObjective, LocalizedText LegalBasis, long Version)
{
    public static ObjectiveDto From(Objective o) => new(o.Id, o.PlanId, o.Code, o.Family, o.Statement, o.AxisIds, o.OwnerDepartmentId, o.Deadline,
        o.SdgTargets, o.CityPlanObjective, o.LegalBasis, o.Version);
}

internal static class Rules
{
    public static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];

    public static void Localized<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, LocalizedText>> field, string name,
        int max, IStringLocalizer L, string? requiredIn, string requiredMessage)
    {
        var get = field.Compile();
        if (requiredIn is not null)
            v.RuleFor(x => get(x)[requiredIn]).NotEmpty().OverridePropertyName($"{name}.{Pascal(requiredIn)}").WithMessage(requiredMessage);
        foreach (var lang in LocalizedText.Languages)
            v.RuleFor(x => get(x)[lang]).MaximumLength(max).OverridePropertyName($"{name}.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", max]);
    }
}

public sealed class PlanValidator : AbstractValidator<PlanInput>
{
    public PlanValidator(IStringLocalizer L, string lang, bool requireVersion)
    {
        Rules.Localized(this, x => x.Title, "Title", 300, L, lang, L["Enter the title in {0}, the organization's main language.", Languages.NativeName(lang)]);
        Rules.Localized(this, x => x.Vision, "Vision", 4000, L, null, "");
        Rules.Localized(this, x => x.CityModel, "CityModel", 4000, L, null, "");
        RuleFor(x => x.StartYear).NotNull().WithMessage(L["Enter the first year of the plan."])
            .InclusiveBetween(1990, 2100).WithMessage(L["Enter a year between {0} and {1}.", 1990, 2100]);
        RuleFor(x => x.EndYear).NotNull().WithMessage(L["Enter the last year of the plan."])
            .InclusiveBetween(1990, 2100).WithMessage(L["Enter a year between {0} and {1}.", 1990, 2100])
            .Must((x, end) => x.StartYear is null || end >= x.StartYear).WithMessage(L["The last year cannot come before the first."])
            .Must((x, end) => x.StartYear is null || end - x.StartYear <= 30).WithMessage(L["A plan spans at most {0} years.", 30]);
        RuleFor(x => x.CityPlanName).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.CityPlanUrl).MaximumLength(400).WithMessage(L["Use at most {0} characters.", 400])
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
            .When(x => !string.IsNullOrWhiteSpace(x.CityPlanUrl)).WithMessage(L["Enter a web address starting with https://"]);
        RuleFor(x => x.CityPlanObjectives).MaximumLength(4000).WithMessage(L["Use at most {0} characters.", 4000]);
        if (requireVersion) RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class AdoptionValidator : AbstractValidator<AdoptionInput>
{
    public AdoptionValidator(IStringLocalizer L)
    {
        RuleFor(x => x.AdoptedOn).NotNull().WithMessage(L["Enter the date of adoption."]);
        RuleFor(x => x.AdoptedBy).NotEmpty().WithMessage(L["Enter the body that adopted the plan, such as the city council."])
            .MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.AdoptionAct).NotEmpty().WithMessage(L["Enter the act of adoption, such as a resolution number."])
            .MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class AnalysisItemValidator : AbstractValidator<AnalysisItemInput>
{
    public AnalysisItemValidator(IStringLocalizer L, string lang, bool requireVersion)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose what kind of finding this is."]).IsInEnum().WithMessage(L["Choose what kind of finding this is."]);
        RuleFor(x => x.Area).NotNull().WithMessage(L["Choose the field of the territory it speaks of."]).IsInEnum().WithMessage(L["Choose the field of the territory it speaks of."]);
        Rules.Localized(this, x => x.Statement, "Statement", 1000, L, lang, L["Enter the finding in {0}, the organization's main language.", Languages.NativeName(lang)]);
        if (requireVersion) RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class AxisValidator : AbstractValidator<AxisInput>
{
    public AxisValidator(IStringLocalizer L, string lang, bool requireVersion)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose whether the axis is thematic or geographic."]).IsInEnum().WithMessage(L["Choose whether the axis is thematic or geographic."]);
        Rules.Localized(this, x => x.Name, "Name", 200, L, lang, L["Enter the name in {0}, the organization's main language.", Languages.NativeName(lang)]);
        Rules.Localized(this, x => x.Description, "Description", 2000, L, null, "");
        RuleFor(x => x.Priority).InclusiveBetween(1, 99).WithMessage(L["Enter a priority between {0} and {1}.", 1, 99]);
        RuleForEach(x => x.Regions).Must(M49.IsArea).WithMessage((_, r) => L["{0} is not a UN M49 region code.", r]);
        RuleForEach(x => x.Countries).Must(Nodal.Web.Features.Organizations.Countries.Exists).WithMessage((_, c) => L["{0} is not an ISO 3166 country code.", c]);
        RuleFor(x => x).Must(x => x.Regions.Count + x.Countries.Count > 0).When(x => x.Kind == AxisKind.Geographic)
            .OverridePropertyName(nameof(AxisInput.Countries)).WithMessage(L["A geographic axis names at least one region or country."]);
        if (requireVersion) RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class ObjectiveValidator : AbstractValidator<ObjectiveInput>
{
    public ObjectiveValidator(IStringLocalizer L, string lang, bool requireVersion)
    {
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Family).NotNull().WithMessage(L["Choose the objective family."]).IsInEnum().WithMessage(L["Choose the objective family."]);
        Rules.Localized(this, x => x.Statement, "Statement", 1000, L, lang, L["Enter the objective in {0}, the organization's main language.", Languages.NativeName(lang)]);
        Rules.Localized(this, x => x.LegalBasis, "LegalBasis", 1000, L, null, "");
        RuleForEach(x => x.SdgTargets).Must(Sdg.IsTarget).WithMessage((_, t) => L["{0} is not an SDG target (e.g. 11.2).", t]);
        RuleFor(x => x.CityPlanObjective).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        if (requireVersion) RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

/// <summary>A status change the interface offers from a given status.</summary>
public sealed record PlanTransition(PlanStatus To, bool NeedsAdoption);

/// <summary>
/// Plans and what hangs from them (territorial analysis, axes, objectives, versions), shared by the pages
/// and the API. Writes save inside the request's transaction.
/// </summary>
public sealed class PlanService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, Maturity.MaturityService maturity)
{
    public string Lang => tenant.DefaultLanguage;

    // ------------------------------------------------------------------ plans

    public async Task<IReadOnlyList<PlanRow>> ListAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var rows = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear)
            .Select(p => new
            {
                p.Id, p.Title, p.StartYear, p.EndYear, p.Status, p.IsCurrent,
                Objectives = db.Objectives.Count(o => o.PlanId == p.Id),
                Actions = db.Actions.Count(a => a.PlanId == p.Id),
            }).ToListAsync(ct);
        return rows.Select(r => new PlanRow(r.Id, r.Title.Get(lang, Lang), r.StartYear, r.EndYear, r.Status, r.IsCurrent, r.Objectives, r.Actions)).ToList();
    }

    public Task<StrategicPlan?> FindAsync(Guid id, CancellationToken ct) => db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<StrategicPlan?> CurrentAsync(CancellationToken ct) => db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.IsCurrent, ct);

    public Task<ValidationResult> ValidateAsync(PlanInput input, bool existing, CancellationToken ct) =>
        new PlanValidator(L, Lang, existing).ValidateAsync(input, ct);

    public async Task<StrategicPlan> CreateAsync(PlanInput input, CancellationToken ct)
    {
        var p = new StrategicPlan { Status = PlanStatus.Draft };
        input.ApplyTo(p);
        // The first plan of an organization is its current one.
        p.IsCurrent = !await db.Plans.AnyAsync(ct);
        db.Plans.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    public async Task UpdateAsync(StrategicPlan p, PlanInput input, CancellationToken ct)
    {
        db.ExpectVersion(p, input.Version ?? p.Version);
        input.ApplyTo(p);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(StrategicPlan p, long? version, CancellationToken ct)
    {
        p.IsCurrent = false;
        return db.RemoveAsync(p, version, ct);
    }

    public async Task MakeCurrentAsync(StrategicPlan p, long? version, CancellationToken ct)
    {
        if (version is { } v) db.ExpectVersion(p, v);
        foreach (var other in await db.Plans.Where(x => x.IsCurrent && x.Id != p.Id).ToListAsync(ct)) other.IsCurrent = false;
        p.IsCurrent = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The changes the life cycle allows from a status: draft → in consultation → adopted → under review →
    /// adopted again (a new version) or archived.
    /// </summary>
    public static IReadOnlyList<PlanTransition> Transitions(PlanStatus from) => from switch
    {
        PlanStatus.Draft => [new(PlanStatus.InConsultation, false), new(PlanStatus.Adopted, true), new(PlanStatus.Archived, false)],
        PlanStatus.InConsultation => [new(PlanStatus.Adopted, true), new(PlanStatus.Draft, false), new(PlanStatus.Archived, false)],
        PlanStatus.Adopted => [new(PlanStatus.UnderReview, false), new(PlanStatus.Archived, false)],
        PlanStatus.UnderReview => [new(PlanStatus.Adopted, true), new(PlanStatus.Archived, false)],
        PlanStatus.Archived => [new(PlanStatus.UnderReview, false)],
        _ => [],
    };

    /// <summary>Moves the plan along its life cycle; adopting freezes a new version. Null when allowed, else the reason.</summary>
    public async Task<ValidationResult> ChangeStatusAsync(StrategicPlan p, PlanStatus to, AdoptionInput adoption, CancellationToken ct)
    {
        var transition = Transitions(p.Status).FirstOrDefault(t => t.To == to);
        if (transition is null)
            return new ValidationResult([new ValidationFailure("Status", L["A plan that is {0} cannot become {1}.", p.Status.Label(L), to.Label(L)])]);
        if (transition.NeedsAdoption)
        {
            var v = await new AdoptionValidator(L).ValidateAsync(adoption, ct);
            if (!v.IsValid) return v;
        }
        else if (adoption.Version is null)
        {
            return new ValidationResult([new ValidationFailure(nameof(AdoptionInput.Version), L["The version you edited is missing; reload the page."])]);
        }
        db.ExpectVersion(p, adoption.Version!.Value);
        p.Status = to;
        if (transition.NeedsAdoption)
        {
            p.AdoptedOn = adoption.AdoptedOn;
            p.AdoptedBy = adoption.AdoptedBy!.Trim();
            p.AdoptionAct = adoption.AdoptionAct!.Trim();
            var number = await db.PlanVersions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.PlanId == p.Id).MaxAsync(x => (int?)x.Number, ct) ?? 0;
            var snapshot = await PlanSnapshot.TakeAsync(db, p, ct);
            var version = new PlanVersion
            {
                PlanId = p.Id, Number = number + 1, AdoptedOn = p.AdoptedOn!.Value, AdoptedBy = p.AdoptedBy, AdoptionAct = p.AdoptionAct,
                FrozenBy = tenant.UserName, Snapshot = snapshot.ToJson(),
            };
            db.PlanVersions.Add(version);
            await db.SaveChangesAsync(ct);
            // The maturity self-assessment is kept with the version frozen (the trend across versions).
            await maturity.RecordAsync(p, version.Id, ct);
        }
        await db.SaveChangesAsync(ct);
        return new ValidationResult();
    }

    public async Task<IReadOnlyList<PlanVersion>> VersionsAsync(Guid planId, CancellationToken ct) =>
        await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).ToListAsync(ct);

    // ------------------------------------------------------------------ territorial analysis

    public async Task<List<AnalysisItem>> AnalysisAsync(Guid planId, CancellationToken ct) =>
        await db.AnalysisItems.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Kind).ThenBy(a => a.SortOrder).ToListAsync(ct);

    public Task<AnalysisItem?> FindAnalysisItemAsync(Guid planId, Guid id, CancellationToken ct) =>
        db.AnalysisItems.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == planId, ct);

    public Task<ValidationResult> ValidateAsync(AnalysisItemInput input, bool existing, CancellationToken ct) =>
        new AnalysisItemValidator(L, Lang, existing).ValidateAsync(input, ct);

    public async Task<AnalysisItem> SaveAnalysisItemAsync(Guid planId, AnalysisItem? item, AnalysisItemInput input, CancellationToken ct)
    {
        if (item is null)
        {
            var next = await db.AnalysisItems.Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0;
            item = new AnalysisItem { PlanId = planId, SortOrder = next + 1 };
            db.AnalysisItems.Add(item);
        }
        else db.ExpectVersion(item, input.Version ?? item.Version);
        item.Kind = input.Kind!.Value;
        item.Area = input.Area!.Value;
        item.Statement = input.Statement.Trimmed();
        await db.SaveChangesAsync(ct);
        return item;
    }

    // ------------------------------------------------------------------ axes

    public async Task<List<Axis>> AxesAsync(Guid planId, CancellationToken ct) =>
        await db.Axes.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Priority).ThenBy(a => a.CreatedAt).ToListAsync(ct);

    public Task<Axis?> FindAxisAsync(Guid planId, Guid id, CancellationToken ct) =>
        db.Axes.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == planId, ct);

    public async Task<ValidationResult> ValidateAsync(Guid planId, AxisInput input, bool existing, CancellationToken ct)
    {
        input.Regions = ListText.Split(input.Regions, ListText.Codes);
        input.Countries = ListText.Split(input.Countries, ListText.Codes, upper: true);
        input.AnalysisItemIds = input.AnalysisItemIds.Where(i => i != Guid.Empty).Distinct().ToList();
        var result = await new AxisValidator(L, Lang, existing).ValidateAsync(input, ct);
        if (!await db.AnalysisItems.Where(a => a.PlanId == planId).ContainsAllAsync(input.AnalysisItemIds, ct))
            result.Errors.Add(new ValidationFailure(nameof(AxisInput.AnalysisItemIds), L["One of these findings is not in this plan's analysis."]));
        return result;
    }

    public async Task<Axis> SaveAxisAsync(Guid planId, Axis? axis, AxisInput input, CancellationToken ct)
    {
        if (axis is null)
        {
            axis = new Axis { PlanId = planId };
            db.Axes.Add(axis);
        }
        else db.ExpectVersion(axis, input.Version ?? axis.Version);
        axis.Kind = input.Kind!.Value;
        axis.Name = input.Name.Trimmed();
        axis.Description = input.Description.Trimmed();
        axis.Priority = input.Priority ?? (await db.Axes.Where(a => a.PlanId == planId && a.Id != axis.Id).MaxAsync(a => (int?)a.Priority, ct) ?? 0) + 1;
        axis.Regions = axis.Kind == AxisKind.Geographic ? [.. input.Regions] : [];
        axis.Countries = axis.Kind == AxisKind.Geographic ? [.. input.Countries] : [];
        axis.AnalysisItemIds = [.. input.AnalysisItemIds];
        await db.SaveChangesAsync(ct);
        return axis;
    }

    // ------------------------------------------------------------------ objectives

    public async Task<List<Objective>> ObjectivesAsync(Guid planId, CancellationToken ct) =>
        await db.Objectives.AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);

    public Task<Objective?> FindObjectiveAsync(Guid planId, Guid id, CancellationToken ct) =>
        db.Objectives.FirstOrDefaultAsync(o => o.Id == id && o.PlanId == planId, ct);

    public async Task<ValidationResult> ValidateAsync(Guid planId, ObjectiveInput input, Guid? existingId, CancellationToken ct)
    {
        input.SdgTargets = ListText.Split(input.SdgTargets, ListText.Codes, lower: true);
        input.AxisIds = input.AxisIds.Where(i => i != Guid.Empty).Distinct().ToList();
        var result = await new ObjectiveValidator(L, Lang, existingId is not null).ValidateAsync(input, ct);
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(ObjectiveInput.Code))
            && await db.Objectives.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AnyAsync(o => o.PlanId == planId && o.Code == code && o.Id != existingId, ct))
            result.Errors.Add(new ValidationFailure(nameof(ObjectiveInput.Code), L["Another objective of this plan already uses this code (perhaps in the Trash)."]));
        if (!await db.Axes.Where(a => a.PlanId == planId).ContainsAllAsync(input.AxisIds, ct))
            result.Errors.Add(new ValidationFailure(nameof(ObjectiveInput.AxisIds), L["One of these axes is not in this plan."]));
        if (input.OwnerDepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
            result.Errors.Add(new ValidationFailure(nameof(ObjectiveInput.OwnerDepartmentId), L["This department does not exist."]));
        return result;
    }

    public async Task<Objective> SaveObjectiveAsync(Guid planId, Objective? o, ObjectiveInput input, CancellationToken ct)
    {
        if (o is null)
        {
            var count = await db.Objectives.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(x => x.PlanId == planId, ct);
            o = new Objective { PlanId = planId, SortOrder = count + 1 };
            db.Objectives.Add(o);
            var code = (input.Code ?? "").Trim().ToUpperInvariant();
            if (code.Length == 0)
            {
                var taken = (await db.Objectives.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(x => x.PlanId == planId).Select(x => x.Code).ToListAsync(ct)).ToHashSet();
                var n = count + 1;
                while (taken.Contains($"O{n}")) n++;
                code = $"O{n}";
            }
            o.Code = code;
        }
        else
        {
            db.ExpectVersion(o, input.Version ?? o.Version);
            if (!string.IsNullOrWhiteSpace(input.Code)) o.Code = input.Code.Trim().ToUpperInvariant();
        }
        o.Family = input.Family!.Value;
        o.Statement = input.Statement.Trimmed();
        o.AxisIds = [.. input.AxisIds];
        o.OwnerDepartmentId = input.OwnerDepartmentId;
        o.Deadline = input.Deadline;
        o.SdgTargets = [.. input.SdgTargets];
        o.CityPlanObjective = PlanInput.Clean(input.CityPlanObjective);
        o.LegalBasis = input.LegalBasis.Trimmed();
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Moves an objective to the Trash unless actions still serve it (they would be orphaned).</summary>
    public async Task<bool> TryDeleteObjectiveAsync(Objective o, long? version, CancellationToken ct)
    {
        if (await db.Actions.AnyAsync(a => a.ObjectiveId == o.Id, ct)) return false;
        await db.RemoveAsync(o, version, ct);
        return true;
    }

    public Task DeleteAsync<T>(T entity, long? version, CancellationToken ct) where T : TenantEntity => db.RemoveAsync(entity, version, ct);

    /// <summary>The record as saved now (untracked: what another person saved over a stale edit).</summary>
    public Task<T?> ReloadAsync<T>(Guid id) where T : TenantEntity =>
        db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);

    public async Task<Dictionary<Guid, Department>> DepartmentsAsync(CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
}
