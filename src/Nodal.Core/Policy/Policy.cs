namespace Nodal.Core.Policy;

/// <summary>The life of a strategic plan. Adopting freezes a version; a plan under review is being revised.</summary>
public enum PlanStatus
{
    Draft = 1,
    InConsultation = 2,
    Adopted = 3,
    UnderReview = 4,
    Archived = 5,
}

/// <summary>
/// The public policy of international action: a strategy with a horizon, a vision, the city model it
/// pursues and the city development plan it serves (paper: <i>Una política pública en construcción</i>).
/// </summary>
public class StrategicPlan : TenantEntity
{
    public LocalizedText Title { get; set; } = new();
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public LocalizedText Vision { get; set; } = new();
    /// <summary>The <i>modelo de ciudad</i> the international action serves.</summary>
    public LocalizedText CityModel { get; set; } = new();
    /// <summary>The city development plan this strategy serves.</summary>
    public string? CityPlanName { get; set; }
    public string? CityPlanUrl { get; set; }
    /// <summary>Which objectives of the city development plan it serves (one per line).</summary>
    public string? CityPlanObjectives { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>The body that adopted it (e.g. the city council plenary).</summary>
    public string? AdoptedBy { get; set; }
    /// <summary>The act that adopted it (e.g. a resolution number).</summary>
    public string? AdoptionAct { get; set; }
    /// <summary>The plan the organization works under now; at most one per organization.</summary>
    public bool IsCurrent { get; set; }

    public override string Describe(string language) => $"{Title.Get(language)} ({StartYear}–{EndYear})";
}

/// <summary>A frozen copy of a plan taken when it is adopted; versions are compared side by side.</summary>
public class PlanVersion : TenantEntity
{
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public string? AdoptedBy { get; set; }
    public string? AdoptionAct { get; set; }
    public string? FrozenBy { get; set; }
    /// <summary>The plan, its analysis, axes, objectives and actions as JSON (<see cref="PlanSnapshot"/>).</summary>
    [NotAudited] public string Snapshot { get; set; } = "{}";

    public override string Describe(string language) => $"v{Number} ({AdoptedOn:yyyy-MM-dd})";
}

/// <summary>What an item of the territorial analysis is: a specificity of the territory or one of SWOT.</summary>
public enum AnalysisKind
{
    Specificity = 1,
    Strength = 2,
    Weakness = 3,
    Opportunity = 4,
    Threat = 5,
}

/// <summary>The field of the territory an analysis item speaks of.</summary>
public enum TerritoryArea
{
    Cultural = 1,
    Economic = 2,
    Natural = 3,
    Geographic = 4,
    Social = 5,
    Institutional = 6,
}

/// <summary>One finding of the territorial analysis (<i>análisis del territorio</i>) the axes come from.</summary>
public class AnalysisItem : TenantEntity
{
    public Guid PlanId { get; set; }
    public AnalysisKind Kind { get; set; }
    public TerritoryArea Area { get; set; }
    public LocalizedText Statement { get; set; } = new();
    public int SortOrder { get; set; }

    public override string Describe(string language) => Statement.Get(language);
}

public enum AxisKind
{
    Thematic = 1,
    Geographic = 2,
}

/// <summary>A priority of internationalization (<i>eje</i>): thematic, or geographic (M49 regions and/or countries).</summary>
public class Axis : TenantEntity
{
    public Guid PlanId { get; set; }
    public AxisKind Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>1 is the highest priority.</summary>
    public int Priority { get; set; }
    /// <summary>UN M49 region or sub-region codes (geographic axes).</summary>
    public List<string> Regions { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2 codes (geographic axes).</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>The territorial analysis items this axis comes from.</summary>
    public List<Guid> AnalysisItemIds { get; set; } = [];

    public override string Describe(string language) => Name.Get(language);
}

/// <summary>The five objective families of the paper (<i>Implementación de estrategias internacionales</i>).</summary>
public enum ObjectiveFamily
{
    /// <summary>Projection, promotion and attractiveness of the territory.</summary>
    Projection = 1,
    /// <summary>Exchange of experience and knowledge with peer territories.</summary>
    Exchange = 2,
    /// <summary>Solidarity and cooperation against inequality.</summary>
    Solidarity = 3,
    /// <summary>Reciprocity: citizen awareness and cultural openness.</summary>
    Reciprocity = 4,
    /// <summary>Defence of local interests and global advocacy (incidencia).</summary>
    Advocacy = 5,
}

/// <summary>A strategic objective: clear, dated, owned, tied to axes and to the global agenda.</summary>
public class Objective : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>A short code unique in the plan (e.g. O1); imports use it.</summary>
    public string Code { get; set; } = "";
    public ObjectiveFamily Family { get; set; }
    public LocalizedText Statement { get; set; } = new();
    public List<Guid> AxisIds { get; set; } = [];
    public Guid? OwnerDepartmentId { get; set; }
    public DateOnly? Deadline { get; set; }
    /// <summary>SDG target codes such as "11.2".</summary>
    public List<string> SdgTargets { get; set; } = [];
    /// <summary>The objective of the city development plan it serves.</summary>
    public string? CityPlanObjective { get; set; }
    /// <summary>The competence or legal instrument it rests on (e.g. Mexico City Constitution art. 20).</summary>
    public LocalizedText LegalBasis { get; set; } = new();
    public int SortOrder { get; set; }

    public override string Describe(string language) => $"{Code} — {Statement.Get(language)}";
}

/// <summary>How an action arrived: from the plan, or as a request (reactive).</summary>
public enum ActionOrigin
{
    Planned = 1,
    Reactive = 2,
}

/// <summary>The modalities of the paper (<i>Modalidades de implementación</i>): in the territory, and city diplomacy.</summary>
public enum Modality
{
    // In the territory
    AttractivenessInfrastructure = 1,
    EventsAndCongresses = 2,
    Tourism = 3,
    Investment = 4,
    Talent = 5,
    CityBrand = 6,
    InternationalDiversity = 7,
    // City diplomacy, with the outside
    DirectCooperation = 20,
    SouthSouthCooperation = 21,
    TriangularCooperation = 22,
    Twinning = 23,
    CityNetworks = 24,
    CityAlliance = 25,
    TechnicalExchange = 26,
    MissionOrVisit = 27,
}

public static class Modalities
{
    public static bool InTerritory(this Modality m) => (int)m < 20;
}

public enum ActionStatus
{
    Idea = 1,
    Planned = 2,
    InProgress = 3,
    Done = 4,
    Cancelled = 5,
}

/// <summary>
/// A concrete, dated action owned by a department. Planned when it sits under an objective; reactive when
/// it arrived as a request (who asked and when). A reactive action attached later to an objective counts
/// as planned from <see cref="AttachedOn"/>.
/// </summary>
public class PolicyAction : TenantEntity
{
    public Guid PlanId { get; set; }
    /// <summary>A short code unique in the organization (e.g. A-017); spreadsheets match on it.</summary>
    public string Code { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public ActionOrigin Origin { get; set; } = ActionOrigin.Planned;
    public Guid? ObjectiveId { get; set; }
    /// <summary>When a reactive action was attached to an objective.</summary>
    public DateOnly? AttachedOn { get; set; }
    /// <summary>Reactive: the department that asked, or …</summary>
    public Guid? RequestedByDepartmentId { get; set; }
    /// <summary>… the outside actor that asked (an embassy, a network, a company).</summary>
    public string? RequestedBy { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public Modality Modality { get; set; }
    public Guid LeadDepartmentId { get; set; }
    public List<Guid> InvolvedDepartmentIds { get; set; } = [];
    /// <summary>Axes the action serves directly; a planned action also serves its objective's axes.</summary>
    public List<Guid> AxisIds { get; set; } = [];
    /// <summary>Partners by name until the relations registry links counterparts.</summary>
    public List<string> Partners { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string> Countries { get; set; } = [];
    public List<string> Cities { get; set; } = [];
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Planned;
    public LocalizedText Beneficiaries { get; set; } = new();
    public int? BeneficiaryCount { get; set; }
    public List<string> SdgTargets { get; set; } = [];
    /// <summary>Counterparts of the relations registry the action works with.</summary>
    public List<Guid> CounterpartIds { get; set; } = [];
    /// <summary>Agreements the action is carried out under; it then appears in their ledgers.</summary>
    public List<Guid> AgreementIds { get; set; } = [];
    /// <summary>Cooperation projects the action belongs to.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    /// <summary>Planned on a given day: under an objective, and attached by then if it arrived as a request.</summary>
    public bool IsPlannedOn(DateOnly day) =>
        ObjectiveId is not null && (Origin == ActionOrigin.Planned || AttachedOn is null || AttachedOn <= day);

    public override string Describe(string language) => $"{Code} — {Title.Get(language)}";
}

/// <summary>A dated step of an action.</summary>
public class ActionMilestone : TenantEntity
{
    public Guid ActionId { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly Due { get; set; }
    public DateOnly? DoneOn { get; set; }

    public override string Describe(string language) => $"{Title.Get(language)} ({Due:yyyy-MM-dd})";
}

/// <summary>An action's budget in one year: planned and spent, in one ISO 4217 currency.</summary>
public class ActionBudget : TenantEntity
{
    public Guid ActionId { get; set; }
    public int Year { get; set; }
    public decimal Planned { get; set; }
    public decimal Spent { get; set; }
    public string Currency { get; set; } = "EUR";

    public override string Describe(string language) => $"{Year}: {Planned} / {Spent} {Currency}";
}
