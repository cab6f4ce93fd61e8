using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>What a user sends to create or change an evaluation (form and API alike).</summary>
public sealed class EvaluationInput
{
    public Guid? PlanId { get; set; }
    /// <summary>Unique in the organization; generated (E-001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public LocalizedText Title { get; set; } = new();
    public EvaluationKind? Kind { get; set; }
    /// <summary>What is evaluated: the plan, one of its objectives, one of its actions, or a cooperation project.</summary>
    public EvaluationScope? Scope { get; set; }
    /// <summary>With scope Objective: an objective of the same plan.</summary>
    public Guid? ObjectiveId { get; set; }
    /// <summary>With scope Action: an action of the same plan.</summary>
    public Guid? ActionId { get; set; }
    /// <summary>With scope Project: a cooperation project.</summary>
    public Guid? ProjectId { get; set; }
    public EvaluationStatus? Status { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public LocalizedText Method { get; set; } = new();
    public EvaluatorKind? Evaluators { get; set; }
    /// <summary>Who evaluated: people, a university, a consultancy.</summary>
    public string? EvaluatorNames { get; set; }
    public LocalizedText Findings { get; set; } = new();
    /// <summary>An http or https address of the report.</summary>
    public string? ReportUrl { get; set; }
    /// <summary>Shown in the library of good practices.</summary>
    public bool IsGoodPractice { get; set; }
    /// <summary>Required in the organization's main language when it is a good practice.</summary>
    public LocalizedText PracticeSummary { get; set; } = new();
    /// <summary>Free keywords (one per line or separated by commas); stored in lower case, each once.</summary>
    public List<string> Themes { get; set; } = [];
    /// <summary>SDG target codes such as "11.2".</summary>
    public List<string> SdgTargets { get; set; } = [];
    /// <summary>The version the user saw; required to change an existing evaluation.</summary>
    public long? Version { get; set; }

    public static EvaluationInput From(Evaluation e) => new()
    {
        PlanId = e.PlanId, Code = e.Code,
        Title = Copy(e.Title), Kind = e.Kind, Scope = e.Scope,
        ObjectiveId = e.ObjectiveId, ActionId = e.ActionId, ProjectId = e.ProjectId,
        Status = e.Status, Start = e.Start, End = e.End, Method = Copy(e.Method),
        Evaluators = e.Evaluators, EvaluatorNames = e.EvaluatorNames, Findings = Copy(e.Findings), ReportUrl = e.ReportUrl,
        IsGoodPractice = e.IsGoodPractice, PracticeSummary = Copy(e.PracticeSummary),
        Themes = [.. e.Themes], SdgTargets = [.. e.SdgTargets], Version = e.Version,
    };

    private static LocalizedText Copy(LocalizedText t) => new(t.Es, t.En, t.Fr);

    /// <summary>Splits and normalizes the lists, and keeps only the record of the scope chosen.</summary>
    public void Compact()
    {
        Title ??= new(); Method ??= new(); Findings ??= new(); PracticeSummary ??= new();
        Themes = EvaluationText.NormalizeThemes(Themes);
        SdgTargets = ListText.Split(SdgTargets, ListText.Codes, lower: true).Select(t => Sdg.NormalizeTarget(t) ?? t).Distinct().ToList();
        if (Scope != EvaluationScope.Objective) ObjectiveId = null;
        if (Scope != EvaluationScope.Action) ActionId = null;
        if (Scope != EvaluationScope.Project) ProjectId = null;
        ReportUrl = string.IsNullOrWhiteSpace(ReportUrl) ? null : ReportUrl.Trim();
        EvaluatorNames = string.IsNullOrWhiteSpace(EvaluatorNames) ? null : EvaluatorNames.Trim();
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

/// <summary>Text helpers of the feature: themes as stored, and the accent- and case-blind form searches compare.</summary>
public static partial class EvaluationText
{
    public const int MaxThemes = 20;
    public const int MaxThemeLength = 60;

    /// <summary>"Movilidad,  VIVIENDA\nmovilidad" → ["movilidad", "vivienda"]: trimmed, inner spaces collapsed, lower case, each once (accents aside).</summary>
    public static List<string> NormalizeThemes(IEnumerable<string?>? themes) =>
        ListText.Split(themes, ListText.NamesOrCommas)
            .Select(t => Spaces().Replace(t, " ").Trim().ToLower(CultureInfo.InvariantCulture))
            .Where(t => t.Length > 0)
            .DistinctBy(Fold)
            .ToList();

    /// <summary>The form a search compares: lower case, without diacritics ("Movilidád" → "movilidad"), spaces collapsed.</summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var d = s.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            b.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        return Spaces().Replace(b.ToString().Normalize(NormalizationForm.FormC), " ").Trim().Replace("œ", "oe").Replace("æ", "ae").Replace("ß", "ss");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class EvaluationValidator : AbstractValidator<EvaluationInput>
{
    public EvaluationValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        var main = Pascal(defaultLanguage);
        RuleFor(x => x.PlanId).NotNull().WithMessage(L["Choose the plan the evaluation belongs to."]);
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{main}")
            .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            var p = Pascal(lang);
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{p}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Method[lang]).MaximumLength(4000).OverridePropertyName($"Method.{p}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.Findings[lang]).MaximumLength(8000).OverridePropertyName($"Findings.{p}").WithMessage(L["Use at most {0} characters.", 8000]);
            RuleFor(x => x.PracticeSummary[lang]).MaximumLength(8000).OverridePropertyName($"PracticeSummary.{p}").WithMessage(L["Use at most {0} characters.", 8000]);
        }
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of evaluation."]).IsInEnum().WithMessage(L["Choose the kind of evaluation."]);
        RuleFor(x => x.Scope).NotNull().WithMessage(L["Choose what is evaluated."]).IsInEnum().WithMessage(L["Choose what is evaluated."]);
        RuleFor(x => x.ObjectiveId).NotNull().When(x => x.Scope == EvaluationScope.Objective).WithMessage(L["Choose the objective evaluated."]);
        RuleFor(x => x.ActionId).NotNull().When(x => x.Scope == EvaluationScope.Action).WithMessage(L["Choose the action evaluated."]);
        RuleFor(x => x.ProjectId).NotNull().When(x => x.Scope == EvaluationScope.Project).WithMessage(L["Choose the project evaluated."]);
        RuleFor(x => x.Status).NotNull().WithMessage(L["Choose the status."]).IsInEnum().WithMessage(L["Choose the status."]);
        RuleFor(x => x.End).Must((x, end) => end is null || x.Start is null || end >= x.Start)
            .WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.Evaluators).NotNull().WithMessage(L["Say who evaluates: internal, external or both."])
            .IsInEnum().WithMessage(L["Say who evaluates: internal, external or both."]);
        RuleFor(x => x.EvaluatorNames).MaximumLength(400).WithMessage(L["Use at most {0} characters.", 400]);
        RuleFor(x => x.ReportUrl).MaximumLength(400).WithMessage(L["Use at most {0} characters.", 400])
            .Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host))
            .WithMessage(L["Enter a web address starting with http:// or https://."]);
        RuleFor(x => x.PracticeSummary[defaultLanguage]).NotEmpty().When(x => x.IsGoodPractice).OverridePropertyName($"PracticeSummary.{main}")
            .WithMessage(L["A good practice is told for peers: write its summary in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        RuleFor(x => x.Themes.Count).LessThanOrEqualTo(EvaluationText.MaxThemes).OverridePropertyName(nameof(EvaluationInput.Themes))
            .WithMessage(L["Use at most {0} entries.", EvaluationText.MaxThemes]);
        RuleForEach(x => x.Themes).MaximumLength(EvaluationText.MaxThemeLength).WithMessage(L["Use at most {0} characters.", EvaluationText.MaxThemeLength]);
        RuleForEach(x => x.SdgTargets).Must(Sdg.IsTarget).WithMessage((_, t) => L["{0} is not an SDG target (e.g. 11.2).", t]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    internal static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

/// <summary>What adding or changing a recommendation sends (its follow-up moves through <see cref="RecommendationStatusInput"/>).</summary>
public sealed class RecommendationInput
{
    public LocalizedText Text { get; set; } = new();
    /// <summary>The department that follows it up; its focal points may move its status.</summary>
    public Guid? OwnerDepartmentId { get; set; }
    public DateOnly? Due { get; set; }
    /// <summary>Its place in the evaluation's list; after the others when empty.</summary>
    public int? SortOrder { get; set; }
    /// <summary>The version you read; required to change one.</summary>
    public long? Version { get; set; }
}

/// <summary>A move of a recommendation's follow-up, with the management response.</summary>
public sealed class RecommendationStatusInput
{
    public RecommendationStatus? Status { get; set; }
    /// <summary>What will be done, or why not (required to reject). Left empty, the stored response stays.</summary>
    public LocalizedText Response { get; set; } = new();
    /// <summary>When it was done (today when empty); only with status Done.</summary>
    public DateOnly? DoneOn { get; set; }
    /// <summary>The version of the recommendation you read.</summary>
    public long? Version { get; set; }
}

/// <summary>
/// The follow-up of a recommendation: proposed → accepted → in progress → done, or not accepted (rejected) with a
/// management response. Done can be reopened; a rejected one can be proposed again. Pure, so the pages and the API agree.
/// </summary>
public static class RecommendationFlow
{
    private static readonly Dictionary<RecommendationStatus, RecommendationStatus[]> Next = new()
    {
        [RecommendationStatus.Proposed] = [RecommendationStatus.Accepted, RecommendationStatus.Rejected],
        [RecommendationStatus.Accepted] = [RecommendationStatus.InProgress, RecommendationStatus.Done, RecommendationStatus.Rejected],
        [RecommendationStatus.InProgress] = [RecommendationStatus.Done],
        [RecommendationStatus.Done] = [RecommendationStatus.InProgress],
        [RecommendationStatus.Rejected] = [RecommendationStatus.Proposed],
    };

    /// <summary>The statuses reachable from <paramref name="from"/> (staying put is always allowed, to update the response).</summary>
    public static IReadOnlyList<RecommendationStatus> From(RecommendationStatus from) => Next.TryGetValue(from, out var n) ? n : [];

    public static bool CanMove(RecommendationStatus from, RecommendationStatus to) => from == to || From(from).Contains(to);

    /// <summary>Due and neither done nor rejected by <paramref name="today"/>.</summary>
    public static bool IsOverdue(RecommendationStatus status, DateOnly? due, DateOnly today) =>
        due is { } d && d < today && status is not (RecommendationStatus.Done or RecommendationStatus.Rejected);
}

public sealed record RecommendationDto(
    Guid Id, Guid EvaluationId, LocalizedText Text, Guid? OwnerDepartmentId, DateOnly? Due, RecommendationStatus Status,
    LocalizedText Response, DateOnly? DoneOn, int SortOrder, bool Overdue, long Version);

public sealed record EvaluationDto(
    Guid Id, Guid PlanId, string Code, LocalizedText Title, EvaluationKind Kind, EvaluationScope Scope,
    Guid? ObjectiveId, Guid? ActionId, Guid? ProjectId, EvaluationStatus Status, DateOnly? Start, DateOnly? End,
    LocalizedText Method, EvaluatorKind Evaluators, string? EvaluatorNames, LocalizedText Findings, string? ReportUrl,
    bool IsGoodPractice, LocalizedText PracticeSummary, IReadOnlyList<string> Themes, IReadOnlyList<string> SdgTargets,
    IReadOnlyList<RecommendationDto> Recommendations, long Version);

/// <summary>
/// Evaluations and their recommendations: validation and writes, shared by the pages and the API. Every write stays
/// inside the request's transaction.
/// </summary>
public sealed class EvaluationService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Evaluation?> FindAsync(Guid id, CancellationToken ct) => db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>A recommendation of this evaluation (null when it is another's, or gone).</summary>
    public Task<Recommendation?> FindRecommendationAsync(Guid evaluationId, Guid id, CancellationToken ct) =>
        db.Recommendations.FirstOrDefaultAsync(r => r.Id == id && r.EvaluationId == evaluationId, ct);

    public Task<List<Recommendation>> RecommendationsAsync(Guid evaluationId, CancellationToken ct) =>
        db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == evaluationId).OrderBy(r => r.SortOrder).ThenBy(r => r.CreatedAt).ToListAsync(ct);

    /// <summary>Whether the current user may move this recommendation's status and write its response:
    /// the office (ManageMonitoring), or a focal point of the department that owns it.</summary>
    public bool CanFollowUp(Recommendation r) =>
        tenant.Can(Capability.ManageMonitoring)
        || (r.OwnerDepartmentId is { } d && tenant.Can(Capability.EditOwnDepartment) && tenant.CanEditDepartment(d));

    /// <summary>Field rules, then the references: the plan, the scope's record (objective or action of that plan; a project), a unique code.</summary>
    public async Task<ValidationResult> ValidateAsync(EvaluationInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new EvaluationValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }

        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct))
            Fail(nameof(EvaluationInput.PlanId), L["This plan does not exist."]);
        if (input.ObjectiveId is { } objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.PlanId == input.PlanId, ct))
            Fail(nameof(EvaluationInput.ObjectiveId), L["This objective is not in the evaluation's plan."]);
        if (input.ActionId is { } actionId && !await db.Actions.AnyAsync(a => a.Id == actionId && a.PlanId == input.PlanId, ct))
            Fail(nameof(EvaluationInput.ActionId), L["This action is not in the evaluation's plan."]);
        if (input.ProjectId is { } projectId && !await db.Projects.AnyAsync(p => p.Id == projectId, ct))
            Fail(nameof(EvaluationInput.ProjectId), L["This project does not exist."]);

        var code = EvaluationInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(EvaluationInput.Code)))
        {
            var clash = await db.Evaluations.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(e => e.Code == code && e.Id != existingId).Select(e => new { e.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(EvaluationInput.Code), clash.DeletedAt is null
                    ? L["Another evaluation already uses this code."]
                    : L["An evaluation in the Trash uses this code; restore it or choose another code."]);
        }
        return result;
    }

    /// <summary>The next free code E-001, E-002… (counting the Trash, whose codes stay reserved).</summary>
    public async Task<string> NextCodeAsync(CancellationToken ct)
    {
        var codes = await db.Evaluations.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(e => e.Code.StartsWith("E-")).Select(e => e.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"E-{max + 1:000}";
    }

    public async Task<Evaluation> CreateAsync(EvaluationInput input, CancellationToken ct)
    {
        var e = new Evaluation { Code = EvaluationInput.NormalizeCode(input.Code) };
        if (e.Code.Length == 0) e.Code = await NextCodeAsync(ct);
        Apply(e, input);
        db.Evaluations.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Evaluation e, EvaluationInput input, CancellationToken ct)
    {
        db.ExpectVersion(e, input.Version ?? e.Version);
        if (!string.IsNullOrWhiteSpace(input.Code)) e.Code = EvaluationInput.NormalizeCode(input.Code);
        Apply(e, input);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Its recommendations stay with it: hidden while it is in the Trash, back when it is restored.</summary>
    public Task DeleteAsync(Evaluation e, long? version, CancellationToken ct) => db.RemoveAsync(e, version, ct);

    public Task<Evaluation?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Evaluation>(id, ct);

    public Task<Recommendation?> ReloadRecommendationAsync(Guid id, CancellationToken ct) => db.FreshAsync<Recommendation>(id, ct);

    private static void Apply(Evaluation e, EvaluationInput input)
    {
        e.PlanId = input.PlanId!.Value;
        e.Title = input.Title.Trimmed();
        e.Kind = input.Kind!.Value;
        e.Scope = input.Scope!.Value;
        e.ObjectiveId = input.ObjectiveId;
        e.ActionId = input.ActionId;
        e.ProjectId = input.ProjectId;
        e.Status = input.Status!.Value;
        e.Start = input.Start;
        e.End = input.End;
        e.Method = input.Method.Trimmed();
        e.Evaluators = input.Evaluators!.Value;
        e.EvaluatorNames = input.EvaluatorNames;
        e.Findings = input.Findings.Trimmed();
        e.ReportUrl = input.ReportUrl;
        e.IsGoodPractice = input.IsGoodPractice;
        e.PracticeSummary = input.PracticeSummary.Trimmed();
        e.Themes = [.. input.Themes];
        e.SdgTargets = [.. input.SdgTargets];
    }

    public async Task<EvaluationDto> ToDtoAsync(Evaluation e, CancellationToken ct)
    {
        var recommendations = await RecommendationsAsync(e.Id, ct);
        return new EvaluationDto(e.Id, e.PlanId, e.Code, e.Title, e.Kind, e.Scope, e.ObjectiveId, e.ActionId, e.ProjectId, e.Status,
            e.Start, e.End, e.Method, e.Evaluators, e.EvaluatorNames, e.Findings, e.ReportUrl, e.IsGoodPractice, e.PracticeSummary,
            e.Themes, e.SdgTargets, recommendations.Select(ToDto).ToList(), e.Version);
    }

    public RecommendationDto ToDto(Recommendation r) =>
        new(r.Id, r.EvaluationId, r.Text, r.OwnerDepartmentId, r.Due, r.Status, r.Response, r.DoneOn, r.SortOrder,
            RecommendationFlow.IsOverdue(r.Status, r.Due, Today), r.Version);

    // ------------------------------------------------------------------ recommendations

    public async Task<ValidationResult> ValidateRecommendationAsync(RecommendationInput input, bool existing, CancellationToken ct)
    {
        input.Text ??= new();
        var lang = tenant.DefaultLanguage;
        var result = new ValidationResult();
        if (string.IsNullOrWhiteSpace(input.Text[lang]))
            result.Errors.Add(new ValidationFailure($"Text.{EvaluationValidator.Pascal(lang)}",
                L["Enter the recommendation in {0}, the organization's main language.", Languages.NativeName(lang)]));
        foreach (var l in LocalizedText.Languages)
            if ((input.Text[l]?.Trim().Length ?? 0) > 2000)
                result.Errors.Add(new ValidationFailure($"Text.{EvaluationValidator.Pascal(l)}", L["Use at most {0} characters.", 2000]));
        if (input.OwnerDepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
            result.Errors.Add(new ValidationFailure(nameof(RecommendationInput.OwnerDepartmentId), L["This department does not exist."]));
        if (input.SortOrder is < 0 or > 10_000)
            result.Errors.Add(new ValidationFailure(nameof(RecommendationInput.SortOrder), L["Enter a number between {0} and {1}.", 0, 10_000]));
        if (existing && input.Version is null)
            result.Errors.Add(new ValidationFailure(nameof(RecommendationInput.Version), L["The version you edited is missing; reload the page."]));
        return result;
    }

    public async Task<Recommendation> AddRecommendationAsync(Evaluation e, RecommendationInput input, CancellationToken ct)
    {
        var order = input.SortOrder ?? (await db.Recommendations.Where(r => r.EvaluationId == e.Id).MaxAsync(r => (int?)r.SortOrder, ct) ?? 0) + 1;
        var r = new Recommendation
        {
            EvaluationId = e.Id, Text = input.Text.Trimmed(), OwnerDepartmentId = input.OwnerDepartmentId, Due = input.Due,
            SortOrder = order, Status = RecommendationStatus.Proposed,
        };
        db.Recommendations.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public async Task UpdateRecommendationAsync(Recommendation r, RecommendationInput input, CancellationToken ct)
    {
        db.ExpectVersion(r, input.Version ?? r.Version);
        r.Text = input.Text.Trimmed();
        r.OwnerDepartmentId = input.OwnerDepartmentId;
        r.Due = input.Due;
        if (input.SortOrder is { } order) r.SortOrder = order;
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteRecommendationAsync(Recommendation r, long? version, CancellationToken ct) => db.RemoveAsync(r, version, ct);

    /// <summary>Whether the move is allowed and complete: a known status reachable from the current one; a response to reject; a done date not in the future.</summary>
    public ValidationResult ValidateMove(Recommendation r, RecommendationStatusInput input)
    {
        input.Response ??= new();
        var result = new ValidationResult();
        var lang = tenant.DefaultLanguage;
        if (input.Status is not { } to || !Enum.IsDefined(to))
        {
            result.Errors.Add(new ValidationFailure(nameof(RecommendationStatusInput.Status), L["Choose the status."]));
            return result;
        }
        if (!RecommendationFlow.CanMove(r.Status, to))
            result.Errors.Add(new ValidationFailure(nameof(RecommendationStatusInput.Status),
                L["A recommendation cannot move from “{0}” to “{1}”.", r.Status.Label(L), to.Label(L)]));
        var response = input.Response.IsEmpty ? r.Response : input.Response;
        if (to == RecommendationStatus.Rejected && response.IsEmpty)
            result.Errors.Add(new ValidationFailure($"Response.{EvaluationValidator.Pascal(lang)}",
                L["Say why it is not accepted: a recommendation is rejected only with a management response."]));
        foreach (var l in LocalizedText.Languages)
            if ((input.Response[l]?.Trim().Length ?? 0) > 2000)
                result.Errors.Add(new ValidationFailure($"Response.{EvaluationValidator.Pascal(l)}", L["Use at most {0} characters.", 2000]));
        if (input.DoneOn is { } done && done > Today)
            result.Errors.Add(new ValidationFailure(nameof(RecommendationStatusInput.DoneOn), L["The date cannot be in the future."]));
        if (input.Version is null)
            result.Errors.Add(new ValidationFailure(nameof(RecommendationStatusInput.Version), L["The version you edited is missing; reload the page."]));
        return result;
    }

    /// <summary>Moves the status over the version the user saw: done sets the day it was done, leaving done clears it.</summary>
    public async Task MoveAsync(Recommendation r, RecommendationStatusInput input, CancellationToken ct)
    {
        db.ExpectVersion(r, input.Version ?? r.Version);
        var to = input.Status!.Value;
        if (!input.Response.IsEmpty) r.Response = input.Response.Trimmed();
        if (to == RecommendationStatus.Done)
            r.DoneOn = r.Status == RecommendationStatus.Done && input.DoneOn is null ? r.DoneOn ?? Today : input.DoneOn ?? Today;
        else
            r.DoneOn = null;
        r.Status = to;
        await db.SaveChangesAsync(ct);
    }
}
