namespace Nodal.Core.Monitoring;

/// <summary>
/// The three levels of indicators of the paper (<i>El impacto de las metrópolis al mundo</i>): territorial
/// (plans, priorities), programmatic (policies, programmes, the development plan's objectives), operational
/// (projects, the office's own management).
/// </summary>
public enum IndicatorLevel
{
    /// <summary>Territorial / strategic.</summary>
    Territorial = 1,
    /// <summary>Political / programmatic.</summary>
    Programmatic = 2,
    /// <summary>Institutional / operational.</summary>
    Operational = 3,
}

public enum IndicatorKind
{
    Quantitative = 1,
    /// <summary>A rating on an ordered scale (<see cref="Indicator.RatingLevels"/>), or free text when the scale is empty.</summary>
    Qualitative = 2,
}

public enum Direction
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>How the measurements of several periods make the value of a longer one (a year's target for a quarterly indicator).</summary>
public enum Aggregation
{
    /// <summary>Flows: visitors, delegations received, euros raised.</summary>
    Sum = 1,
    /// <summary>Rates and scores: satisfaction, occupancy.</summary>
    Average = 2,
    /// <summary>Stocks: active agreements, members of staff.</summary>
    Last = 3,
}

public enum Frequency
{
    Monthly = 1,
    Quarterly = 2,
    Yearly = 3,
}

/// <summary>
/// What is measured, how, by whom and towards what. Belongs to a plan; linked to at most one objective, action,
/// project or externality. Periods are named by their first day (<see cref="Period"/>).
/// </summary>
public class Indicator : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>A short code unique in the organization (e.g. I-012); spreadsheets match on it.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    /// <summary>How it is computed, what counts.</summary>
    public LocalizedText Definition { get; set; } = new();
    public IndicatorLevel Level { get; set; }
    public IndicatorKind Kind { get; set; } = IndicatorKind.Quantitative;
    /// <summary>Quantitative: "%", "visitors", "EUR"…</summary>
    public string? Unit { get; set; }
    public int Decimals { get; set; }
    public Direction Direction { get; set; } = Direction.HigherIsBetter;
    public Aggregation Aggregation { get; set; } = Aggregation.Last;
    /// <summary>Qualitative rating scale, worst first (e.g. none, low, medium, high). Empty: free text.</summary>
    public List<string> RatingLevels { get; set; } = [];
    /// <summary>Quantitative value, or the index in <see cref="RatingLevels"/> for a rating.</summary>
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    /// <summary>Qualitative free-text baseline.</summary>
    public string? BaselineText { get; set; }
    public Frequency Frequency { get; set; } = Frequency.Yearly;
    /// <summary>The first period measurements are expected for (its first day); default: the plan's start.</summary>
    public DateOnly? FirstPeriod { get; set; }
    public string? DataSource { get; set; }
    public Guid OwnerDepartmentId { get; set; }
    public Guid? ObjectiveId { get; set; }
    public Guid? ActionId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? ExternalityId { get; set; }
    /// <summary>SDG global indicator code such as "11.2.1".</summary>
    public string? SdgIndicator { get; set; }
    /// <summary>The disaggregation, e.g. "Sex"; empty when not disaggregated.</summary>
    public string? DisaggregationName { get; set; }
    /// <summary>The categories of the disaggregation, e.g. women, men.</summary>
    public List<string> DisaggregationCategories { get; set; } = [];
    /// <summary>Days after a period ends before its measurement is late.</summary>
    public int GraceDays { get; set; } = 30;

    public bool IsRating => Kind == IndicatorKind.Qualitative && RatingLevels.Count > 0;
    public bool IsText => Kind == IndicatorKind.Qualitative && RatingLevels.Count == 0;

    public override string Describe(string language) => $"{Code} — {Name.Get(language)}";
}

/// <summary>
/// A target for one period: of the indicator's frequency, or a year (a quarterly indicator with yearly
/// targets). For a rating, the value is the index of the level aimed at.
/// </summary>
public class IndicatorTarget : TenantEntity
{
    public Guid IndicatorId { get; set; }
    /// <summary>The first day of the target's period.</summary>
    public DateOnly Period { get; set; }
    /// <summary>The length of the target's period: the indicator's frequency or yearly.</summary>
    public Frequency Span { get; set; }
    public decimal? Value { get; set; }
    public string? Text { get; set; }

    public override string Describe(string language) => $"{Period:yyyy-MM-dd}: {Value}{Text}";
}

public enum MeasurementStatus
{
    Draft = 1,
    Submitted = 2,
    Validated = 3,
    /// <summary>Sent back by the office with a comment; the department corrects and submits again.</summary>
    Returned = 4,
}

/// <summary>
/// The value of one indicator for one period (at most one per indicator and period). Entered by the owner
/// department's focal points or the office, submitted, then validated or returned. Only validated values count.
/// </summary>
public class Measurement : TenantEntity
{
    public Guid IndicatorId { get; set; }
    /// <summary>The first day of the period, in the indicator's frequency.</summary>
    public DateOnly Period { get; set; }
    /// <summary>Quantitative value, or the rating's index.</summary>
    public decimal? Value { get; set; }
    /// <summary>Qualitative free text.</summary>
    public string? Text { get; set; }
    /// <summary>Disaggregated values, aligned with <see cref="BreakdownCategories"/> (copied from the indicator when entered).</summary>
    public List<string> BreakdownCategories { get; set; } = [];
    public List<decimal> BreakdownValues { get; set; } = [];
    public MeasurementStatus Status { get; set; } = MeasurementStatus.Draft;
    /// <summary>The enterer's note (how it was obtained, caveats).</summary>
    public string? Note { get; set; }
    /// <summary>Why the office returned it.</summary>
    public string? ReturnComment { get; set; }
    public string? EvidenceUrl { get; set; }
    /// <summary>An evidence file stored under the data directory (<c>evidence/{org}/{id}</c>).</summary>
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public long? EvidenceSize { get; set; }
    public string? EvidenceSha256 { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ValidatedAt { get; set; }
    public string? ValidatedBy { get; set; }

    public override string Describe(string language) => $"{Period:yyyy-MM-dd}: {Value}{Text}";
}

public enum EvaluationKind
{
    Impact = 1,
    Process = 2,
    /// <summary>Systematization of good practices.</summary>
    Systematization = 3,
}

public enum EvaluationScope
{
    Plan = 1,
    Objective = 2,
    Action = 3,
    Project = 4,
}

public enum EvaluatorKind
{
    Internal = 1,
    External = 2,
    Mixed = 3,
}

public enum EvaluationStatus
{
    Planned = 1,
    InProgress = 2,
    Completed = 3,
}

/// <summary>An evaluation of the plan, an objective, an action or a project; a systematization may yield a good practice.</summary>
public class Evaluation : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>Unique in the organization (e.g. E-003).</summary>
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public EvaluationKind Kind { get; set; }
    public EvaluationScope Scope { get; set; } = EvaluationScope.Plan;
    public Guid? ObjectiveId { get; set; }
    public Guid? ActionId { get; set; }
    public Guid? ProjectId { get; set; }
    public EvaluationStatus Status { get; set; } = EvaluationStatus.Planned;
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public LocalizedText Method { get; set; } = new();
    public EvaluatorKind Evaluators { get; set; } = EvaluatorKind.Internal;
    /// <summary>Who evaluated: people, a university, a consultancy.</summary>
    public string? EvaluatorNames { get; set; }
    public LocalizedText Findings { get; set; } = new();
    public string? ReportUrl { get; set; }
    /// <summary>Shown in the library of good practices.</summary>
    public bool IsGoodPractice { get; set; }
    /// <summary>The good practice told for peers: what was done, why it worked, what it takes to transfer.</summary>
    public LocalizedText PracticeSummary { get; set; } = new();
    /// <summary>Free keywords for the library (e.g. mobility, housing).</summary>
    public List<string> Themes { get; set; } = [];
    public List<string> SdgTargets { get; set; } = [];

    public override string Describe(string language) => $"{Code} — {Title.Get(language)}";
}

public enum RecommendationStatus
{
    Proposed = 1,
    Accepted = 2,
    InProgress = 3,
    Done = 4,
    Rejected = 5,
}

/// <summary>A recommendation of an evaluation and its follow-up (accepted → in progress → done).</summary>
public class Recommendation : TenantEntity
{
    public Guid EvaluationId { get; set; }
    public LocalizedText Text { get; set; } = new();
    public Guid? OwnerDepartmentId { get; set; }
    public DateOnly? Due { get; set; }
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Proposed;
    /// <summary>The management response: what will be done, or why not.</summary>
    public LocalizedText Response { get; set; } = new();
    public DateOnly? DoneOn { get; set; }
    public int SortOrder { get; set; }

    public override string Describe(string language) => Text.Get(language);
}

public enum ExternalityKind
{
    Gentrification = 1,
    MassTourism = 2,
    LabourOverSpecialization = 3,
    PortOrAirportPollution = 4,
    Other = 9,
}

public enum ExternalityState
{
    Watch = 1,
    Concern = 2,
    Mitigated = 3,
}

/// <summary>
/// A negative side effect of the international action (gentrification from international real-estate
/// investment, mass tourism…): what drives it, who gains and who pays, how it is watched and mitigated.
/// </summary>
public class Externality : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>Unique in the organization (e.g. X-02).</summary>
    public string Code { get; set; } = "";
    public ExternalityKind Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>Objectives that may cause it.</summary>
    public List<Guid> DriverObjectiveIds { get; set; } = [];
    /// <summary>Actions that may cause it.</summary>
    public List<Guid> DriverActionIds { get; set; } = [];
    public LocalizedText WhoBenefits { get; set; } = new();
    public LocalizedText WhoBearsCost { get; set; } = new();
    public ExternalityState State { get; set; } = ExternalityState.Watch;
    public Guid? OwnerDepartmentId { get; set; }
    /// <summary>When its state was last reviewed.</summary>
    public DateOnly? ReviewedOn { get; set; }

    public override string Describe(string language) => $"{Code} — {Name.Get(language)}";
}

public enum MitigationStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>A measure that mitigates an externality.</summary>
public class Mitigation : TenantEntity
{
    public Guid ExternalityId { get; set; }
    public LocalizedText Measure { get; set; } = new();
    public Guid? OwnerDepartmentId { get; set; }
    public MitigationStatus Status { get; set; } = MitigationStatus.Planned;
    public DateOnly? Due { get; set; }
    /// <summary>The action that carries it out, when there is one.</summary>
    public Guid? ActionId { get; set; }

    public override string Describe(string language) => Measure.Get(language);
}

/// <summary>
/// The maturity self-assessment of a plan taken on a day: kept when a plan version is adopted, or recorded by
/// hand, so each check's trend across versions can be drawn.
/// </summary>
public class MaturityRecord : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>The plan version frozen with it, when taken at adoption.</summary>
    public Guid? PlanVersionId { get; set; }
    public DateOnly TakenOn { get; set; }
    public string? TakenBy { get; set; }
    /// <summary>JSON: check key → score (0..1) or null when not applicable, plus numerator/denominator.</summary>
    [NotAudited] public string Scores { get; set; } = "{}";

    public override string Describe(string language) => $"{TakenOn:yyyy-MM-dd}";
}
