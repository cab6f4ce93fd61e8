using System.Text.Json;
using System.Text.Json.Serialization;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Core.Relations;

namespace Nodal.Core.Monitoring;

// The policy maturity self-assessment (docs/MATURITY.md): the six attributes of a public policy of
// international action (paper: "Una política pública en construcción") and the nine recommendations
// (paper: "Recomendaciones"), each turned into checks computed from the data Nodal holds. Pure: the
// loader gathers the facts, these functions judge them. What Nodal does not hold yet is never faked: such
// a check is "not assessable" and counts neither for nor against.

/// <summary>Where a criterion comes from in the paper.</summary>
public enum MaturityPart
{
    /// <summary>One of the six attributes of the policy.</summary>
    Attribute = 1,
    /// <summary>One of the nine recommendations.</summary>
    Recommendation = 2,
}

/// <summary>A check's reading: met at 80 % or more, partly met at 50 % or more, else not met; or not assessable.</summary>
public enum MaturityLevel
{
    Met = 1,
    Partly = 2,
    NotMet = 3,
    /// <summary>Counts neither for nor against: Nodal does not hold the data yet, or there is nothing to judge.</summary>
    NotAssessable = 4,
}

/// <summary>Why a check is not assessable.</summary>
public enum NotAssessableReason
{
    None = 0,
    /// <summary>Nodal does not hold the data the check needs (a future part of Nodal).</summary>
    NotHeld = 1,
    /// <summary>The data exists but there is nothing to judge yet (e.g. no recommendation recorded).</summary>
    NothingToJudge = 2,
}

/// <summary>What a piece of evidence points to.</summary>
public enum EvidenceKind
{
    Plan = 1,
    /// <summary>A field of the plan left empty (Code: Vision, CityModel, CityPlan).</summary>
    PlanField = 2,
    Objective = 3,
    Action = 4,
    Axis = 5,
    /// <summary>A region of the geographic focus (Code: the UN M49 code).</summary>
    Region = 6,
    Department = 7,
    Indicator = 8,
    /// <summary>A measurement due and not submitted (Id: the indicator; Period: the period).</summary>
    LateMeasurement = 9,
    /// <summary>An indicator level with no indicator having a baseline and a target (Code: the level's name).</summary>
    IndicatorLevel = 10,
    Evaluation = 11,
    Recommendation = 12,
    Externality = 13,
    Agreement = 14,
    NetworkMembership = 15,
    /// <summary>A year of the plan without staff and budget recorded for the office (Code: the year; Id: its record, if any).</summary>
    OfficeYear = 16,
}

/// <summary>
/// One record behind a check: usually what is missing (the objective without indicator, the reactive action);
/// for a concentration, each category with its <see cref="Share"/>.
/// </summary>
public sealed record MaturityEvidence(EvidenceKind Kind, Guid? Id, string Code, double? Share = null, DateOnly? Period = null);

/// <summary>
/// One criterion of the paper. <see cref="QuoteEs"/> is the paper's own sentence (Spanish, shortened with "…").
/// </summary>
public sealed record MaturityCriterion(string Key, MaturityPart Part, int Number, string QuoteEs);

/// <summary>A check of a criterion: its key, the sentence of the paper it comes from, and how an empty count reads.</summary>
public sealed record MaturityCheckDefinition(string Key, string Criterion, string QuoteEs, bool NotHeld = false);

/// <summary>
/// The result of one check. <see cref="Score"/> is 0–1 (null when not assessable); <see cref="Numerator"/> /
/// <see cref="Denominator"/> when the score is a share; <see cref="Measure"/> carries the figure a check reads
/// that is not a share (the HHI of a concentration).
/// </summary>
public sealed record MaturityResult(
    string Key,
    MaturityLevel Level,
    double? Score,
    int? Numerator,
    int? Denominator,
    NotAssessableReason Reason,
    IReadOnlyList<MaturityEvidence> Evidence,
    double? Measure = null);

// ------------------------------------------------------------------ facts

public sealed record MaturityPlanFacts(Guid Id, int StartYear, int EndYear, bool HasVision, bool HasCityModel, bool HasCityPlan, int Versions);

public sealed record MaturityObjectiveFacts(
    Guid Id,
    string Code,
    DateOnly? Deadline,
    Guid? OwnerDepartmentId,
    IReadOnlyList<Guid> AxisIds,
    IReadOnlyList<string> SdgTargets,
    bool HasCityPlanObjective,
    bool HasLegalBasis);

/// <summary>An axis; <see cref="FromAnalysis"/> when it names at least one finding of the plan's territorial analysis that still exists.</summary>
public sealed record MaturityAxisFacts(Guid Id, AxisKind Kind, bool FromAnalysis);

public sealed record MaturityDepartmentFacts(Guid Id, string Code);

/// <summary>An indicator; <see cref="HasTarget"/> when at least one target has a value or a text.</summary>
public sealed record MaturityIndicatorFacts(Guid Id, string Code, IndicatorLevel Level, Guid? ObjectiveId, Guid? ExternalityId, bool HasBaseline, bool HasTarget)
{
    public bool Evaluable => HasBaseline && HasTarget;
}

/// <summary>A period whose measurement was due; <see cref="Submitted"/> when it was submitted or validated.</summary>
public sealed record DueMeasurementFacts(Guid IndicatorId, string IndicatorCode, DateOnly Period, bool Submitted);

public sealed record MaturityEvaluationFacts(Guid Id, string Code, EvaluationStatus Status, DateOnly? End);

public sealed record MaturityRecommendationFacts(Guid Id, Guid EvaluationId, string EvaluationCode, int SortOrder, RecommendationStatus Status);

public sealed record MaturityExternalityFacts(Guid Id, string Code, bool HasWhoBenefits, bool HasWhoBearsCost);

public sealed record MaturityMitigationFacts(Guid ExternalityId, MitigationStatus Status);

public sealed record MaturityAgreementFacts(Guid Id, string Code, AgreementKind Kind, AgreementStatus Status, DateOnly? SignedOn, DateOnly? EffectiveFrom, DateOnly? LastActivity);

/// <summary>A membership of a city network; <see cref="ActiveRoles"/> counts the roles held on <c>today</c>.</summary>
public sealed record MaturityMembershipFacts(Guid Id, string Code, DateOnly? Since, DateOnly? Until, int ActiveRoles, int WorkingGroups);

public sealed record MaturityOfficeYearFacts(Guid Id, int Year, int Staff, decimal Budget);

/// <summary>Everything the checks read about one plan (and the organization around it), on one day.</summary>
public sealed record MaturityFacts
{
    public required DateOnly Today { get; init; }
    public required MaturityPlanFacts Plan { get; init; }
    public string Currency { get; init; } = "EUR";
    public IReadOnlyList<MaturityObjectiveFacts> Objectives { get; init; } = [];
    public IReadOnlyList<ActionFacts> Actions { get; init; } = [];
    public IReadOnlyList<MaturityAxisFacts> Axes { get; init; } = [];
    public IReadOnlyList<MaturityDepartmentFacts> Departments { get; init; } = [];
    public IReadOnlyList<MaturityIndicatorFacts> Indicators { get; init; } = [];
    public IReadOnlyList<DueMeasurementFacts> DueMeasurements { get; init; } = [];
    public IReadOnlyList<MaturityEvaluationFacts> Evaluations { get; init; } = [];
    public IReadOnlyList<MaturityRecommendationFacts> Recommendations { get; init; } = [];
    public IReadOnlyList<MaturityExternalityFacts> Externalities { get; init; } = [];
    public IReadOnlyList<MaturityMitigationFacts> Mitigations { get; init; } = [];
    public IReadOnlyList<MaturityAgreementFacts> Agreements { get; init; } = [];
    public int DormancyMonths { get; init; } = 24;
    public IReadOnlyList<MaturityMembershipFacts> Memberships { get; init; } = [];
    public IReadOnlyList<MaturityOfficeYearFacts> OfficeYears { get; init; } = [];
}

/// <summary>How many checks read each level.</summary>
public sealed record MaturitySummary(int Met, int Partly, int NotMet, int NotAssessable)
{
    public int Assessed => Met + Partly + NotMet;
}

/// <summary>One check's score in a stored record.</summary>
public sealed record MaturityScore(
    [property: JsonPropertyName("s")] double? Score,
    [property: JsonPropertyName("n")] int? Numerator,
    [property: JsonPropertyName("d")] int? Denominator,
    [property: JsonPropertyName("l")] MaturityLevel Level);

public static class Maturity
{
    /// <summary>At or above: met.</summary>
    public const double MetFrom = 0.8;
    /// <summary>At or above (and below met): partly met.</summary>
    public const double PartlyFrom = 0.5;

    /// <summary>The six attributes and the nine recommendations, in the paper's order.</summary>
    public static readonly IReadOnlyList<MaturityCriterion> Criteria =
    [
        new("a1", MaturityPart.Attribute, 1, "Materializa la voluntad política […] con objetivos claros, acciones concretas y plazos definidos."),
        new("a2", MaturityPart.Attribute, 2, "Determina los ejes de internacionalización, que deben ser fruto del análisis de las especificidades propias del territorio."),
        new("a3", MaturityPart.Attribute, 3, "Se estructura en líneas directrices consultadas, debatidas, concertadas y apropiadas por diversos sectores de la sociedad."),
        new("a4", MaturityPart.Attribute, 4, "Es evaluable y flexible […] Lo que no se mide no se mejora."),
        new("a5", MaturityPart.Attribute, 5, "Busca la transversalidad de su acción en el seno mismo de los gobiernos locales implicados."),
        new("a6", MaturityPart.Attribute, 6, "Está sintonizada con la agenda global."),
        new("r1", MaturityPart.Recommendation, 1, "Hacer política pública de acción internacional, no política con la acción internacional."),
        new("r2", MaturityPart.Recommendation, 2, "Avanzar hacia la reducción de una «internacionalización reactiva» y encaminarse hacia una «internacionalización planificada»."),
        new("r3", MaturityPart.Recommendation, 3, "Construir la acción estratégica dentro de marcos jurídicos, administrativos y políticos adecuados o favorables."),
        new("r4", MaturityPart.Recommendation, 4, "Encontrar la mejor modalidad que permita sumar esfuerzos, mejorar la coordinación y los modelos de representación."),
        new("r5", MaturityPart.Recommendation, 5, "Tener en cuenta la gran diversidad de actores locales que desarrollan actividades internacionales."),
        new("r6", MaturityPart.Recommendation, 6, "Convertir la AIGL en una herramienta para impulsar el desarrollo local, basada en las estrategias y prioridades territoriales."),
        new("r7", MaturityPart.Recommendation, 7, "Llevar a cabo una medición que comprenda las dimensiones territorial, político e institucional."),
        new("r8", MaturityPart.Recommendation, 8, "Visibilizar la internacionalización, incluyendo la comunicación […] como un eje transversal."),
        new("r9", MaturityPart.Recommendation, 9, "Procurar atención a las externalidades o efectos negativos de los procesos de internacionalización."),
    ];

    /// <summary>Every check, grouped by criterion in the paper's order; each with the sentence it comes from.</summary>
    public static readonly IReadOnlyList<MaturityCheckDefinition> Checks =
    [
        new("a1.deadlines", "a1", "…con objetivos claros, acciones concretas y plazos definidos."),
        new("a1.owners", "a1", "…asumiéndose de forma transversal por toda la institución."),
        new("a1.actions", "a1", "…poniendo en práctica una estrategia […] con objetivos claros, acciones concretas…"),
        new("a1.city-plan", "a1", "Conviene que los objetivos y ejes […] estén alineados con el plan estratégico de desarrollo de la ciudad."),
        new("a2.axes-from-analysis", "a2", "…ejes […] fruto del análisis de las especificidades propias del territorio."),
        new("a2.objectives-on-axes", "a2", "La planeación estratégica y los ejes de la internacionalización parten de una visión coherente de territorio."),
        new("a2.thematic-focus", "a2", "…una acción internacional dispersa, limitada, sin un foco temático y geográfico."),
        new("a2.geographic-focus", "a2", "…una acción internacional dispersa, limitada, sin un foco temático y geográfico."),
        new("a3.consultation", "a3", "…líneas directrices consultadas, debatidas, concertadas y apropiadas por diversos sectores de la sociedad.", NotHeld: true),
        new("a4.evaluable", "a4", "Es evaluable y flexible."),
        new("a4.on-time", "a4", "Lo que no se mide no se mejora."),
        new("a4.follow-up", "a4", "…que los objetivos y ejes de internacionalización puedan readaptarse y evolucionar en función de su avance."),
        new("a5.departments", "a5", "…acompañar internacionalmente las diferentes estrategias y programas sectoriales llevados a cabo por las diversas dependencias."),
        new("a6.sdg-objectives", "a6", "Está sintonizada con la agenda global."),
        new("r1.adopted", "r1", "Hacer política pública de acción internacional, no política con la acción internacional."),
        new("r1.frame", "r1", "…una herramienta alineada con y para lograr objetivos de desarrollo territorial."),
        new("r2.planned-actions", "r2", "…encaminarse hacia una «internacionalización planificada»."),
        new("r2.planned-budget", "r2", "Se recomienda efectuar un ejercicio específico de planificación para determinar los objetivos, herramientas y la estrategia."),
        new("r3.legal-basis", "r3", "Construir la acción estratégica dentro de marcos jurídicos […] adecuados o favorables."),
        new("r3.office-capacity", "r3", "…marcos jurídicos, administrativos y políticos adecuados…"),
        new("r4.holistic", "r4", "…relaciones institucionales y operativas con las demás dependencias que le permitan impulsar y llevar a cabo acciones cada vez más holísticas."),
        new("r4.multilevel", "r4", "…mitigar la disparidad […] y la fragmentación institucional. Garantizar una gobernanza local en el conjunto del proceso.", NotHeld: true),
        new("r5.local-actors", "r5", "…generar una dinámica participativa de colaboración, coordinación y complementariedad entre los actores.", NotHeld: true),
        new("r5.agreements-alive", "r5", "Seguir construyendo lógicas de cooperación horizontales, bidireccionales y nodales."),
        new("r6.sdg-actions", "r6", "…conocedora de las tendencias de las agendas globales y de las herramientas para poder incidir en ellas."),
        new("r6.networks", "r6", "…generar una masa crítica sólida que les permita opinar e incidir."),
        new("r7.levels", "r7", "Llevar a cabo una medición que comprenda las dimensiones territorial, político e institucional."),
        new("r7.evaluated", "r7", "Llevar a cabo una medición…"),
        new("r8.communication", "r8", "…incluyendo la comunicación a la política de internacionalización como un eje transversal.", NotHeld: true),
        new("r8.portal", "r8", "La creación de conciencia del impacto positivo de la internacionalización puede generar […] legitimidad y respaldo.", NotHeld: true),
        new("r9.watched", "r9", "…alcanzar medidas de respuesta y mitigación de los efectos negativos."),
        new("r9.who-benefits", "r9", "…reflexionar y especificar sobre «quienes» serán los beneficiarios de los procesos de internacionalización."),
    ];

    /// <summary>Reads a score: ≥ 0.8 met, ≥ 0.5 partly met, else not met; null is not assessable.</summary>
    public static MaturityLevel LevelOf(double? score) => score switch
    {
        null => MaturityLevel.NotAssessable,
        >= MetFrom => MaturityLevel.Met,
        >= PartlyFrom => MaturityLevel.Partly,
        _ => MaturityLevel.NotMet,
    };

    /// <summary>Every check on the facts, in <see cref="Checks"/> order.</summary>
    public static IReadOnlyList<MaturityResult> Assess(MaturityFacts f) => Checks.Select(c => Assess(c.Key, f)).ToList();

    /// <summary>One check on the facts.</summary>
    public static MaturityResult Assess(string key, MaturityFacts f) => key switch
    {
        "a1.deadlines" => ObjectiveShare(key, f, o => o.Deadline is not null),
        "a1.owners" => ObjectiveShare(key, f, o => o.OwnerDepartmentId is not null),
        "a1.actions" => ObjectivesWithActions(f),
        "a1.city-plan" => ObjectiveShare(key, f, o => o.HasCityPlanObjective),
        "a2.axes-from-analysis" => AxesFromAnalysis(f),
        "a2.objectives-on-axes" => ObjectiveShare(key, f, o => o.AxisIds.Count > 0),
        "a2.thematic-focus" => FocusCheck(key, Figures.ThematicFocus(f.Actions, f.Axes.Where(a => a.Kind == AxisKind.Thematic).Select(a => a.Id).ToList()), EvidenceKind.Axis),
        "a2.geographic-focus" => FocusCheck(key, Figures.RegionFocus(f.Actions, M49.SubRegionOf), EvidenceKind.Region),
        "a4.evaluable" => Evaluable(f),
        "a4.on-time" => OnTime(f),
        "a4.follow-up" => FollowUp(f),
        "a5.departments" => Departments(f),
        "a6.sdg-objectives" => ObjectiveShare(key, f, o => o.SdgTargets.Any(t => Sdg.IsTarget(t?.Trim().ToLowerInvariant()))),
        "r1.adopted" => Adopted(f),
        "r1.frame" => Frame(f),
        "r2.planned-actions" => PlannedActions(f),
        "r2.planned-budget" => PlannedBudget(f),
        "r3.legal-basis" => ObjectiveShare(key, f, o => o.HasLegalBasis),
        "r3.office-capacity" => OfficeCapacity(f),
        "r4.holistic" => Holistic(f),
        "r5.agreements-alive" => AgreementsAlive(f),
        "r6.sdg-actions" => SdgActions(f),
        "r6.networks" => Networks(f),
        "r7.levels" => Levels(f),
        "r7.evaluated" => Evaluated(f),
        "r9.watched" => ExternalitiesWatched(f),
        "r9.who-benefits" => WhoBenefits(f),
        _ when Checks.Any(c => c.Key == key && c.NotHeld) => NotAssessable(key, NotAssessableReason.NotHeld),
        _ => throw new ArgumentException($"Unknown maturity check {key}.", nameof(key)),
    };

    public static MaturitySummary Summarize(IEnumerable<MaturityResult> results)
    {
        int met = 0, partly = 0, notMet = 0, na = 0;
        foreach (var r in results)
            switch (r.Level)
            {
                case MaturityLevel.Met: met++; break;
                case MaturityLevel.Partly: partly++; break;
                case MaturityLevel.NotMet: notMet++; break;
                default: na++; break;
            }
        return new MaturitySummary(met, partly, notMet, na);
    }

    // ------------------------------------------------------------------ the checks

    /// <summary>
    /// A share of the plan's objectives: numerator = #objectives satisfying <paramref name="ok"/>, denominator =
    /// #objectives; evidence = the objectives that do not, in input order. No objective: 0 of 0, not met (a plan
    /// without objectives is not a policy yet).
    /// </summary>
    public static MaturityResult ObjectiveShare(string key, MaturityFacts f, Func<MaturityObjectiveFacts, bool> ok)
    {
        var missing = f.Objectives.Where(o => !ok(o)).ToList();
        return Share(key, f.Objectives.Count - missing.Count, f.Objectives.Count, emptyIsNotMet: true,
            missing.Select(o => new MaturityEvidence(EvidenceKind.Objective, o.Id, o.Code)));
    }

    /// <summary>a1.actions: objectives served by at least one non-cancelled action (<see cref="Figures.ObjectivesWithoutAction"/>).</summary>
    public static MaturityResult ObjectivesWithActions(MaturityFacts f)
    {
        var served = f.Actions.Where(a => a.Status != ActionStatus.Cancelled && a.ObjectiveId is not null).Select(a => a.ObjectiveId!.Value).ToHashSet();
        return ObjectiveShare("a1.actions", f, o => served.Contains(o.Id));
    }

    /// <summary>a2.axes-from-analysis: axes naming at least one finding of the territorial analysis. No axis: not met.</summary>
    public static MaturityResult AxesFromAnalysis(MaturityFacts f)
    {
        var missing = f.Axes.Where(a => !a.FromAnalysis).ToList();
        return Share("a2.axes-from-analysis", f.Axes.Count - missing.Count, f.Axes.Count, emptyIsNotMet: true,
            missing.Select(a => new MaturityEvidence(EvidenceKind.Axis, a.Id, "")));
    }

    /// <summary>
    /// A concentration read as a score: focused (HHI ≥ 0.25) 100 %, balanced 50 %, dispersed (HHI &lt; 0.15) 0 %.
    /// Measure = HHI; numerator/denominator = classified actions / non-cancelled actions. Evidence: each category
    /// with its share. Nothing classified: not met when there are actions, not assessable when there are none.
    /// </summary>
    public static MaturityResult FocusCheck(string key, Focus focus, EvidenceKind kind)
    {
        var total = focus.Classified + focus.Unclassified;
        if (focus.Reading == FocusReading.None)
            return total == 0
                ? NotAssessable(key, NotAssessableReason.NothingToJudge)
                : new MaturityResult(key, MaturityLevel.NotMet, 0, 0, total, NotAssessableReason.None, []);
        double score = focus.Reading switch { FocusReading.Focused => 1, FocusReading.Balanced => 0.5, _ => 0 };
        var evidence = focus.Shares.Select(s => new MaturityEvidence(kind, kind == EvidenceKind.Axis && Guid.TryParse(s.Key, out var id) ? id : null, s.Key, s.Share)).ToList();
        return new MaturityResult(key, LevelOf(score), score, focus.Classified, total, NotAssessableReason.None, evidence, focus.Hhi);
    }

    /// <summary>
    /// a4.evaluable: objectives with at least one indicator that has a baseline and a target. Evidence: the
    /// objectives without one. No objective: not met.
    /// </summary>
    public static MaturityResult Evaluable(MaturityFacts f)
    {
        var evaluable = f.Indicators.Where(i => i.Evaluable && i.ObjectiveId is not null).Select(i => i.ObjectiveId!.Value).ToHashSet();
        return ObjectiveShare("a4.evaluable", f, o => evaluable.Contains(o.Id));
    }

    /// <summary>
    /// a4.on-time: due measurements submitted or validated / due measurements. Evidence: the late ones (indicator and
    /// period), in input order. Nothing due yet: not assessable.
    /// </summary>
    public static MaturityResult OnTime(MaturityFacts f)
    {
        var late = f.DueMeasurements.Where(d => !d.Submitted).ToList();
        return Share("a4.on-time", f.DueMeasurements.Count - late.Count, f.DueMeasurements.Count, emptyIsNotMet: false,
            late.Select(d => new MaturityEvidence(EvidenceKind.LateMeasurement, d.IndicatorId, d.IndicatorCode, Period: d.Period)));
    }

    /// <summary>
    /// a4.follow-up: of the recommendations of the plan's evaluations that were not rejected, those accepted, in
    /// progress or done. Evidence: the ones still proposed. None: not assessable.
    /// </summary>
    public static MaturityResult FollowUp(MaturityFacts f)
    {
        var open = f.Recommendations.Where(r => r.Status != RecommendationStatus.Rejected).ToList();
        var waiting = open.Where(r => r.Status == RecommendationStatus.Proposed).ToList();
        return Share("a4.follow-up", open.Count - waiting.Count, open.Count, emptyIsNotMet: false,
            waiting.Select(r => new MaturityEvidence(EvidenceKind.Recommendation, r.EvaluationId, $"{r.EvaluationCode} #{r.SortOrder}")));
    }

    /// <summary>a5.departments: departments leading or involved in a non-cancelled action (<see cref="Figures.Transversality"/>). Evidence: those not engaged.</summary>
    public static MaturityResult Departments(MaturityFacts f)
    {
        var t = Figures.Transversality(f.Actions, f.Departments.Select(d => d.Id).ToList());
        var codes = f.Departments.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Code);
        var idle = t.PerDepartment.Where(d => d.Leads + d.Involved == 0)
            .Select(d => new MaturityEvidence(EvidenceKind.Department, d.DepartmentId, codes[d.DepartmentId]))
            .OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        return Share("a5.departments", t.Engaged, t.Total, emptyIsNotMet: true, idle);
    }

    /// <summary>r1.adopted: the plan has been adopted at least once (a version frozen): 1 of 1, else 0 of 1 with the plan as evidence.</summary>
    public static MaturityResult Adopted(MaturityFacts f) =>
        Share("r1.adopted", f.Plan.Versions > 0 ? 1 : 0, 1, emptyIsNotMet: true,
            f.Plan.Versions > 0 ? [] : [new MaturityEvidence(EvidenceKind.Plan, f.Plan.Id, "")]);

    /// <summary>r1.frame: of the plan's vision, city model and city development plan, how many are stated. Evidence: the empty ones.</summary>
    public static MaturityResult Frame(MaturityFacts f)
    {
        var missing = new List<MaturityEvidence>();
        if (!f.Plan.HasVision) missing.Add(new(EvidenceKind.PlanField, f.Plan.Id, "Vision"));
        if (!f.Plan.HasCityModel) missing.Add(new(EvidenceKind.PlanField, f.Plan.Id, "CityModel"));
        if (!f.Plan.HasCityPlan) missing.Add(new(EvidenceKind.PlanField, f.Plan.Id, "CityPlan"));
        return Share("r1.frame", 3 - missing.Count, 3, emptyIsNotMet: true, missing);
    }

    /// <summary>
    /// r2.planned-actions: planned / non-cancelled actions today (<see cref="Figures.PlannedVsReactive"/>).
    /// Evidence: the reactive ones, by code. No action: not met.
    /// </summary>
    public static MaturityResult PlannedActions(MaturityFacts f)
    {
        var share = Figures.PlannedVsReactive(f.Actions, f.Today, f.Currency);
        var reactive = f.Actions.Where(a => a.Status != ActionStatus.Cancelled && !Figures.IsPlannedOn(a, f.Today))
            .OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new MaturityEvidence(EvidenceKind.Action, a.Id, a.Code));
        return Share("r2.planned-actions", share.PlannedActions, share.Actions, emptyIsNotMet: true, reactive);
    }

    /// <summary>
    /// r2.planned-budget: the planned budget of planned actions over the planned budget of all non-cancelled actions,
    /// in the organization's currency (<see cref="Figures.PlannedVsReactive"/>). Numerator/denominator in whole
    /// currency units (rounded). Evidence: reactive actions with budget. No budget: not assessable.
    /// </summary>
    public static MaturityResult PlannedBudget(MaturityFacts f)
    {
        var share = Figures.PlannedVsReactive(f.Actions, f.Today, f.Currency);
        if (share.BudgetShare is not { } s) return NotAssessable("r2.planned-budget", NotAssessableReason.NothingToJudge);
        var reactive = f.Actions.Where(a => a.Status != ActionStatus.Cancelled && !Figures.IsPlannedOn(a, f.Today) && a.Budgets.Any(b => b.Planned != 0))
            .OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new MaturityEvidence(EvidenceKind.Action, a.Id, a.Code)).ToList();
        var total = share.PlannedBudget + share.ReactiveBudget;
        return new MaturityResult("r2.planned-budget", LevelOf(s), s, Whole(share.PlannedBudget), Whole(total), NotAssessableReason.None, reactive);
    }

    /// <summary>
    /// r3.office-capacity: years of the plan, from its first year to the current year (or only its first year when the
    /// plan has not started; never past its last year), for which the office has a record with staff &gt; 0 and
    /// budget &gt; 0. Evidence: the years without (with their record's id when there is one).
    /// </summary>
    public static MaturityResult OfficeCapacity(MaturityFacts f)
    {
        var last = Math.Min(f.Plan.EndYear, Math.Max(f.Plan.StartYear, f.Today.Year));
        var byYear = f.OfficeYears.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.First());
        var missing = new List<MaturityEvidence>();
        var years = 0;
        for (var y = f.Plan.StartYear; y <= last; y++)
        {
            years++;
            var row = byYear.GetValueOrDefault(y);
            if (row is null || row.Staff <= 0 || row.Budget <= 0)
                missing.Add(new MaturityEvidence(EvidenceKind.OfficeYear, row?.Id, y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Share("r3.office-capacity", years - missing.Count, years, emptyIsNotMet: true, missing);
    }

    /// <summary>
    /// r4.holistic: non-cancelled actions that involve at least one department besides the one that leads them.
    /// Evidence: the actions of a single department. No action: not met.
    /// </summary>
    public static MaturityResult Holistic(MaturityFacts f)
    {
        var live = f.Actions.Where(a => a.Status != ActionStatus.Cancelled).ToList();
        var alone = live.Where(a => !a.InvolvedDepartmentIds.Any(d => d != a.LeadDepartmentId))
            .OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new MaturityEvidence(EvidenceKind.Action, a.Id, a.Code)).ToList();
        return Share("r4.holistic", live.Count - alone.Count, live.Count, emptyIsNotMet: true, alone);
    }

    /// <summary>
    /// r5.agreements-alive: active agreements (of any kind: twinnings, friendship, memoranda, cooperation) that are not
    /// dormant (<see cref="AgreementHealth.IsDormant"/> with the organization's dormancy months). Evidence: the dormant
    /// ones. No active agreement: not assessable.
    /// </summary>
    public static MaturityResult AgreementsAlive(MaturityFacts f)
    {
        var active = f.Agreements.Where(a => a.Status == AgreementStatus.Active).ToList();
        var dormant = active.Where(a => AgreementHealth.IsDormant(a.Status, a.SignedOn, a.EffectiveFrom, a.LastActivity, f.DormancyMonths, f.Today))
            .OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new MaturityEvidence(EvidenceKind.Agreement, a.Id, a.Code)).ToList();
        return Share("r5.agreements-alive", active.Count - dormant.Count, active.Count, emptyIsNotMet: false, dormant);
    }

    /// <summary>r6.sdg-actions: non-cancelled actions with at least one SDG target. Evidence: those without. No action: not met.</summary>
    public static MaturityResult SdgActions(MaturityFacts f)
    {
        var live = f.Actions.Where(a => a.Status != ActionStatus.Cancelled).ToList();
        var without = live.Where(a => !a.SdgTargets.Any(t => Sdg.IsTarget(t?.Trim().ToLowerInvariant())))
            .OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new MaturityEvidence(EvidenceKind.Action, a.Id, a.Code)).ToList();
        return Share("r6.sdg-actions", live.Count - without.Count, live.Count, emptyIsNotMet: true, without);
    }

    /// <summary>
    /// r6.networks: current memberships of city networks (since ≤ today or unknown, until ≥ today or open) in which
    /// the organization holds a role or works in at least one working group — taking part, not only paying a fee.
    /// Evidence: the passive ones. No current membership: not met (no platform to speak from).
    /// </summary>
    public static MaturityResult Networks(MaturityFacts f)
    {
        var current = f.Memberships.Where(m => (m.Since is null || m.Since <= f.Today) && (m.Until is null || m.Until >= f.Today)).ToList();
        var passive = current.Where(m => m.ActiveRoles == 0 && m.WorkingGroups == 0)
            .OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => new MaturityEvidence(EvidenceKind.NetworkMembership, m.Id, m.Code)).ToList();
        return Share("r6.networks", current.Count - passive.Count, current.Count, emptyIsNotMet: true, passive);
    }

    /// <summary>
    /// r7.levels: of the three levels of indicators (territorial, programmatic, operational), how many have at least one
    /// indicator with a baseline and a target. Evidence: the levels missing.
    /// </summary>
    public static MaturityResult Levels(MaturityFacts f)
    {
        var covered = f.Indicators.Where(i => i.Evaluable).Select(i => i.Level).ToHashSet();
        var missing = Enum.GetValues<IndicatorLevel>().Where(l => !covered.Contains(l))
            .Select(l => new MaturityEvidence(EvidenceKind.IndicatorLevel, null, l.ToString())).ToList();
        var all = Enum.GetValues<IndicatorLevel>().Length;
        return Share("r7.levels", all - missing.Count, all, emptyIsNotMet: true, missing);
    }

    /// <summary>
    /// r7.evaluated: of the plan's evaluations that are due (completed, or ending before today), those completed.
    /// Evidence: the overdue ones. No evaluation recorded at all: 0 of 0, not met (the plan is never evaluated);
    /// evaluations recorded but none due yet: not assessable.
    /// </summary>
    public static MaturityResult Evaluated(MaturityFacts f)
    {
        if (f.Evaluations.Count == 0) return new MaturityResult("r7.evaluated", MaturityLevel.NotMet, 0, 0, 0, NotAssessableReason.None, []);
        var due = f.Evaluations.Where(e => e.Status == EvaluationStatus.Completed || e.End is { } end && end < f.Today).ToList();
        var overdue = due.Where(e => e.Status != EvaluationStatus.Completed)
            .OrderBy(e => e.Code, StringComparer.Ordinal).Select(e => new MaturityEvidence(EvidenceKind.Evaluation, e.Id, e.Code)).ToList();
        return Share("r7.evaluated", due.Count - overdue.Count, due.Count, emptyIsNotMet: false, overdue);
    }

    /// <summary>
    /// r9.watched: externalities of the plan with at least one indicator and at least one mitigation that is not
    /// dropped. Evidence: the others. No externality recorded: not met (the paper asks to examine the effects).
    /// </summary>
    public static MaturityResult ExternalitiesWatched(MaturityFacts f)
    {
        var measured = f.Indicators.Where(i => i.ExternalityId is not null).Select(i => i.ExternalityId!.Value).ToHashSet();
        var mitigated = f.Mitigations.Where(m => m.Status != MitigationStatus.Dropped).Select(m => m.ExternalityId).ToHashSet();
        var missing = f.Externalities.Where(x => !measured.Contains(x.Id) || !mitigated.Contains(x.Id))
            .OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => new MaturityEvidence(EvidenceKind.Externality, x.Id, x.Code)).ToList();
        return Share("r9.watched", f.Externalities.Count - missing.Count, f.Externalities.Count, emptyIsNotMet: true, missing);
    }

    /// <summary>r9.who-benefits: externalities stating both who benefits and who bears the cost. Evidence: the others. None recorded: not met.</summary>
    public static MaturityResult WhoBenefits(MaturityFacts f)
    {
        var missing = f.Externalities.Where(x => !x.HasWhoBenefits || !x.HasWhoBearsCost)
            .OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => new MaturityEvidence(EvidenceKind.Externality, x.Id, x.Code)).ToList();
        return Share("r9.who-benefits", f.Externalities.Count - missing.Count, f.Externalities.Count, emptyIsNotMet: true, missing);
    }

    // ------------------------------------------------------------------ records

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The scores to keep in a <see cref="MaturityRecord"/>: check key → score, numerator, denominator, level.</summary>
    public static string ToJson(IEnumerable<MaturityResult> results) =>
        JsonSerializer.Serialize(results.ToDictionary(r => r.Key, r => new MaturityScore(r.Score, r.Numerator, r.Denominator, r.Level)), Json);

    /// <summary>Reads a record's scores back; an unreadable record reads as empty.</summary>
    public static IReadOnlyDictionary<string, MaturityScore> FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, MaturityScore>();
        try { return JsonSerializer.Deserialize<Dictionary<string, MaturityScore>>(json, Json) ?? []; }
        catch (JsonException) { return new Dictionary<string, MaturityScore>(); }
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// A share: score = numerator / denominator, read by <see cref="LevelOf"/>. An empty denominator reads not met
    /// (score 0) when <paramref name="emptyIsNotMet"/>, else not assessable (nothing to judge).
    /// </summary>
    private static MaturityResult Share(string key, int numerator, int denominator, bool emptyIsNotMet, IEnumerable<MaturityEvidence> evidence)
    {
        if (denominator == 0)
            return emptyIsNotMet
                ? new MaturityResult(key, MaturityLevel.NotMet, 0, 0, 0, NotAssessableReason.None, [])
                : NotAssessable(key, NotAssessableReason.NothingToJudge);
        var score = (double)numerator / denominator;
        return new MaturityResult(key, LevelOf(score), score, numerator, denominator, NotAssessableReason.None, evidence.ToList());
    }

    private static MaturityResult NotAssessable(string key, NotAssessableReason reason) =>
        new(key, MaturityLevel.NotAssessable, null, null, null, reason, []);

    private static int Whole(decimal amount) => (int)Math.Min(int.MaxValue, Math.Round(amount, MidpointRounding.AwayFromZero));
}
