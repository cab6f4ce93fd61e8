namespace Nodal.Bench.Data;

/// <summary>
/// How much data a large city government has, per organization, and how many other organizations
/// share the database (tenant noise: every list must stay fast because the tenant filter uses an
/// index, not because the table is small).
///
/// A feature that adds a kind of record adds its count here (scaled with <see cref="Scaled"/>) and a
/// <see cref="IDatasetPart"/> to <see cref="Parts"/>, e.g. 10,000 actions, 2,000 partners,
/// 500 indicators × 120 periods.
/// </summary>
public class LargeCityProfile
{
    /// <summary>Multiplies every per-organization count (0.1 for a quick try, 10 for a stress run).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Organizations of the same size besides the measured one.</summary>
    public int NoiseOrganizations { get; init; } = 10;

    /// <summary>Seed of the pseudo-random choices, so two runs build the same data.</summary>
    public int RandomSeed { get; init; } = 20261124;

    /// <summary>Password of every generated user (all share one hash: hashing 5,500 passwords would take minutes).</summary>
    public string Password { get; init; } = "Bench-Password-2026";

    public const string MeasuredSlug = "metropolis";

    /// <summary>A real city has 30–60 departments (secretariats, directorates).</summary>
    public int Departments => Scaled(60);
    public int OfficeUnits => Scaled(8);
    /// <summary>Years of office capacity records, ending with the current year.</summary>
    public int OfficeYears => Scaled(15);
    /// <summary>Users, each with one membership in the organization.</summary>
    public int Users => Scaled(500);
    public int Administrators => Math.Min(Users, 2);
    public int Coordinators => Math.Min(Users - Administrators, Scaled(8));
    public int FocalPointsPerDepartment { get; init; } = 2;
    public int Contributors => Scaled(70);
    /// <summary>Changes made to every department after its creation: each is one more row of its history.</summary>
    public int EditsPerDepartment { get; init; } = 6;

    // The policy core (issue #3): one current adopted plan and one small archived plan per organization.
    public int AnalysisItems => Scaled(40);
    public int ThematicAxes => Scaled(8);
    /// <summary>Geographic axes: M49 regions and ISO countries (the Mediterranean, Latin America, Europe, Sub-Saharan Africa).</summary>
    public int GeographicAxes => Scaled(4);
    /// <summary>Objectives of the current plan, over the five families (16 : 14 : 10 : 8 : 12).</summary>
    public int Objectives => Scaled(60);
    /// <summary>Actions of the current plan in the measured organization.</summary>
    public int Actions => Scaled(10_000);
    /// <summary>
    /// Actions of each tenant-noise organization's current plan, as a share of <see cref="Actions"/> (1: the same size).
    /// Lower it only to keep generation short; the default keeps every organization a large city.
    /// </summary>
    public double NoiseActionShare { get; init; } = 1;
    /// <summary>Share of actions under an objective from the start; the others arrive as requests (reactive).</summary>
    public double PlannedShare { get; init; } = 0.7;
    /// <summary>Share of actions with milestones, and how many each has.</summary>
    public double MilestoneShare { get; init; } = 0.3;
    public int MilestonesPerAction { get; init; } = 2;
    /// <summary>Share of actions with budget lines (one per year the action runs, 1–4).</summary>
    public double BudgetShare { get; init; } = 0.9;
    public int ArchivedAnalysisItems => Scaled(8);
    public int ArchivedThematicAxes => Scaled(3);
    public int ArchivedGeographicAxes => Scaled(1);
    public int ArchivedObjectives => Scaled(6);
    public int ArchivedActions => Scaled(150);

    // The relations registry (issue #4): counterparts, agreements, networks, alliances, projects, missions.
    /// <summary>Counterpart cities, placed around their country's centre (or from the gazetteer).</summary>
    public int CounterpartCities => Scaled(1_300);
    /// <summary>City networks; the first <see cref="NetworksWithCode"/> point to the reference list.</summary>
    public int Networks => Scaled(60);
    public int NetworksWithCode => Math.Min(Networks, Scaled(25));
    public int LocalGovernments => Scaled(80);
    public int InternationalOrganizations => Scaled(60);
    public int CooperationAgencies => Scaled(50);
    public int Embassies => Scaled(120);
    public int Foundations => Scaled(90);
    public int Companies => Scaled(130);
    public int Universities => Scaled(110);
    /// <summary>Every counterpart: 2,000 at scale 1.</summary>
    public int Counterparts => CounterpartCities + Networks + LocalGovernments + InternationalOrganizations + CooperationAgencies + Embassies + Foundations + Companies + Universities;
    /// <summary>Share of counterparts with contacts (1–3 each).</summary>
    public double ContactShare { get; init; } = 0.4;
    /// <summary>Agreements (45 % twinnings, 60 % active), each with 0–12 ledger entries.</summary>
    public int Agreements => Scaled(500);
    public int MaxLedgerEntries { get; init; } = 12;
    /// <summary>Network memberships (each with 0–3 roles and 0–4 reports), at most one per network.</summary>
    public int NetworkMemberships => Math.Min(Networks, Scaled(40));
    public int Alliances => Scaled(30);
    /// <summary>Cooperation projects, each with 1–4 partners and 2–10 transactions.</summary>
    public int Projects => Scaled(1_000);
    /// <summary>Missions, visits and events, 2015–2027.</summary>
    public int Missions => Scaled(1_500);
    /// <summary>Shares of the current plan's actions linked to counterparts (1–2), to an agreement, to a project.</summary>
    public double ActionCounterpartShare { get; init; } = 0.2;
    public double ActionAgreementShare { get; init; } = 0.05;
    public double ActionProjectShare { get; init; } = 0.05;

    // Measurement and evaluation (issue #5), on the current plan.
    /// <summary>Indicators of the current plan, all monthly and quantitative, each with <see cref="MeasurementMonths"/> periods of history.</summary>
    public int Indicators => Scaled(500);
    /// <summary>Months of measurements per indicator: 10 years (500 × 120 = 60,000 measurements).</summary>
    public int MeasurementMonths { get; init; } = 120;
    /// <summary>Externalities of the plan, each with 2–4 mitigations and watched by <see cref="IndicatorsPerExternality"/> indicators.</summary>
    public int Externalities => Scaled(20);
    public int IndicatorsPerExternality { get; init; } = 2;
    public int Evaluations => Scaled(40);
    public int RecommendationsPerEvaluation { get; init; } = 5;
    /// <summary>
    /// Indicators, externalities and evaluations of each tenant-noise organization, as a share of the measured one's
    /// (1: the same). Lower it only to keep generation short.
    /// </summary>
    public double NoiseMonitoringShare { get; init; } = 1;

    public int IndicatorsFor(OrganizationData org) => org.IsMeasured ? Indicators : NoiseCount(Indicators, NoiseMonitoringShare);
    public int ExternalitiesFor(OrganizationData org) => org.IsMeasured ? Externalities : NoiseCount(Externalities, NoiseMonitoringShare);
    public int EvaluationsFor(OrganizationData org) => org.IsMeasured ? Evaluations : NoiseCount(Evaluations, NoiseMonitoringShare);
    private static int NoiseCount(int count, double share) => (int)Math.Round(count * share);

    public int ActionsFor(OrganizationData org) => org.IsMeasured ? Actions : NoiseActions;
    public int NoiseActions => (int)Math.Round(Actions * NoiseActionShare);

    /// <summary>Records per SaveChanges when loading in bulk.</summary>
    public int BatchSize { get; init; } = 1000;

    public int TotalOrganizations => 1 + NoiseOrganizations;

    /// <summary>The generation steps, run in order for every organization. Later steps may use what earlier ones made.</summary>
    public virtual IReadOnlyList<IDatasetPart> Parts =>
    [
        new DepartmentsPart(),
        new OfficePart(),
        new PeoplePart(),
        new DepartmentHistoryPart(),
        new PolicyPart(),
        new CounterpartsPart(),
        new AgreementsPart(),
        new NetworksPart(),
        new ProjectsPart(),
        new MissionsPart(),
        new ActionLinksPart(),
        new ExternalitiesPart(),
        new IndicatorsPart(),
        new EvaluationsPart(),
    ];

    public int Scaled(int baseCount) => Math.Max(1, (int)Math.Round(baseCount * Scale));

    public virtual IEnumerable<(string Name, int Count)> Describe() =>
    [
        ("organizations", TotalOrganizations),
        ("departments per organization", Departments),
        ("office units per organization", OfficeUnits),
        ("office years per organization", OfficeYears),
        ("users (memberships) per organization", Users),
        ("edits per department (history rows)", EditsPerDepartment),
        ("analysis items per current plan", AnalysisItems),
        ("thematic axes per current plan", ThematicAxes),
        ("geographic axes per current plan", GeographicAxes),
        ("objectives per current plan", Objectives),
        ("actions in the measured organization's current plan", Actions),
        ("actions in each noise organization's current plan", NoiseActions),
        ("actions in each archived plan", ArchivedActions),
        ("counterparts per organization", Counterparts),
        ("of them cities", CounterpartCities),
        ("networks", Networks),
        ("agreements", Agreements),
        ("network memberships", NetworkMemberships),
        ("alliances", Alliances),
        ("cooperation projects", Projects),
        ("missions and events", Missions),
        ("indicators per current plan (monthly)", Indicators),
        ("months of measurements per indicator", MeasurementMonths),
        ("indicators in each noise organization", (int)Math.Round(Indicators * NoiseMonitoringShare)),
        ("externalities", Externalities),
        ("evaluations", Evaluations),
        ("recommendations per evaluation", RecommendationsPerEvaluation),
    ];
}
