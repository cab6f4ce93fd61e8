using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Core.Relations;

namespace Nodal.Tests;

/// <summary>
/// The maturity checks, each against one worked example whose numbers are computed by hand in the comments.
/// Pure functions over facts: no database. The example plan runs 2024–2027, judged on 15 May 2026.
/// </summary>
public sealed class MaturityCheckTests
{
    private const double Precision = 1e-9;
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static Guid G(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");

    // Objectives
    private static readonly Guid O1 = G(101), O2 = G(102), O3 = G(103), O4 = G(104);
    // Axes: two thematic, one geographic
    private static readonly Guid T1 = G(201), T2 = G(202), G1 = G(203);
    // Departments
    private static readonly Guid D1 = G(301), D2 = G(302), D3 = G(303), D4 = G(304);
    // Actions
    private static readonly Guid A1 = G(401), A2 = G(402), A3 = G(403), A4 = G(404), A5 = G(405);
    // Indicators, externalities, evaluations, agreements, memberships, office years
    private static readonly Guid I1 = G(501), I2 = G(502), I3 = G(503), I4 = G(504), I5 = G(505);
    private static readonly Guid X1 = G(601), X2 = G(602), X3 = G(603);
    private static readonly Guid E1 = G(701), E2 = G(702), E3 = G(703);
    private static readonly Guid AG1 = G(801), AG2 = G(802), AG3 = G(803), AG4 = G(804), AG5 = G(805);
    private static readonly Guid M1 = G(901), M2 = G(902), M3 = G(903), M4 = G(904), M5 = G(905);
    private static readonly Guid Y2024 = G(1001), Y2025 = G(1002);
    private static readonly Guid Plan = G(1);

    private static ActionFacts Action(Guid id, string code, ActionOrigin origin, Guid? objective, Guid lead, Guid[] involved, Guid[] axes,
        string[] countries, string[] sdg, decimal budget, ActionStatus status = ActionStatus.InProgress, DateOnly? attachedOn = null) =>
        new(id, code, origin, objective, attachedOn, null, new DateOnly(2026, 1, 1), null, new DateOnly(2025, 12, 1), status, lead, involved, axes, countries, sdg,
            budget == 0 ? [] : [new BudgetFacts(2026, budget, 0, "EUR")]);

    /// <summary>The worked example every test reads.</summary>
    private static MaturityFacts Example() => new()
    {
        Today = Today,
        Currency = "EUR",
        // Vision and city development plan stated, city model empty; never adopted.
        Plan = new MaturityPlanFacts(Plan, 2024, 2027, HasVision: true, HasCityModel: false, HasCityPlan: true, Versions: 0),
        Objectives =
        [
            //                            deadline                owner  axes   SDG         city plan  legal basis
            new(O1, "O1", new DateOnly(2027, 12, 31), D1, [T1], ["11.2"], true, true),
            new(O2, "O2", new DateOnly(2026, 12, 31), null, [], ["99.9"], false, true), // 99.9 is no SDG target
            new(O3, "O3", null, D2, [G1], [], true, false),
            new(O4, "O4", new DateOnly(2027, 6, 30), D1, [T2], ["13.2"], false, false),
        ],
        Actions =
        [
            // A-1 planned (O1), D1 with D2, France and Japan, SDG 11.2, 100 €.
            Action(A1, "A-1", ActionOrigin.Planned, O1, D1, [D2], [T1], ["FR", "JP"], ["11.2"], 100),
            // A-2 planned (O1), D1 alone (listed as involved too), Morocco and India, no SDG, 300 €.
            Action(A2, "A-2", ActionOrigin.Planned, O1, D1, [D1], [T1], ["MA", "IN"], [], 300, ActionStatus.Done),
            // A-3 reactive, D2 alone, Mexico, SDG 5.5, 100 €.
            Action(A3, "A-3", ActionOrigin.Reactive, null, D2, [], [T2], ["MX"], ["5.5"], 100),
            // A-4 cancelled: left out everywhere (it is the only one engaging D3).
            Action(A4, "A-4", ActionOrigin.Planned, O4, D3, [], [T2], ["JP"], ["13.2"], 1000, ActionStatus.Cancelled),
            // A-5 a request attached to O4 on 10 January 2026: planned today. No axis, no country, no SDG, no budget.
            Action(A5, "A-5", ActionOrigin.Reactive, O4, D2, [], [], [], [], 0, attachedOn: new DateOnly(2026, 1, 10)),
        ],
        Axes = [new(T1, AxisKind.Thematic, true), new(T2, AxisKind.Thematic, false), new(G1, AxisKind.Geographic, true)],
        Departments = [new(D1, "D1"), new(D2, "D2"), new(D3, "D3"), new(D4, "D4")],
        Indicators =
        [
            new(I1, "I-1", IndicatorLevel.Territorial, O1, null, HasBaseline: true, HasTarget: true),
            new(I2, "I-2", IndicatorLevel.Programmatic, O3, null, HasBaseline: true, HasTarget: false),
            new(I3, "I-3", IndicatorLevel.Programmatic, O4, null, HasBaseline: false, HasTarget: true),
            new(I4, "I-4", IndicatorLevel.Operational, null, X1, HasBaseline: true, HasTarget: true),
            new(I5, "I-5", IndicatorLevel.Operational, null, X3, HasBaseline: false, HasTarget: false),
        ],
        DueMeasurements =
        [
            new(I1, "I-1", new DateOnly(2024, 1, 1), true),
            new(I1, "I-1", new DateOnly(2025, 1, 1), false),
            new(I4, "I-4", new DateOnly(2025, 10, 1), true),
            new(I4, "I-4", new DateOnly(2026, 1, 1), true),
            new(I3, "I-3", new DateOnly(2025, 1, 1), true),
        ],
        Evaluations =
        [
            new(E1, "E-1", EvaluationStatus.Completed, new DateOnly(2025, 12, 31)),
            new(E2, "E-2", EvaluationStatus.InProgress, new DateOnly(2026, 3, 31)), // overdue
            new(E3, "E-3", EvaluationStatus.Planned, new DateOnly(2027, 1, 1)),     // not due yet
        ],
        Recommendations =
        [
            new(G(1101), E1, "E-1", 1, RecommendationStatus.Proposed),
            new(G(1102), E1, "E-1", 2, RecommendationStatus.Accepted),
            new(G(1103), E1, "E-1", 3, RecommendationStatus.Done),
            new(G(1104), E1, "E-1", 4, RecommendationStatus.Rejected),
            new(G(1105), E2, "E-2", 1, RecommendationStatus.InProgress),
        ],
        Externalities =
        [
            new(X1, "X-1", HasWhoBenefits: true, HasWhoBearsCost: true),
            new(X2, "X-2", HasWhoBenefits: true, HasWhoBearsCost: false),
            new(X3, "X-3", HasWhoBenefits: true, HasWhoBearsCost: true),
        ],
        Mitigations =
        [
            new(X1, MitigationStatus.Planned),
            new(X2, MitigationStatus.InProgress),
            new(X3, MitigationStatus.Dropped),
        ],
        DormancyMonths = 24,
        Agreements =
        [
            new(AG1, "AG-1", AgreementKind.Twinning, AgreementStatus.Active, new DateOnly(2020, 1, 1), null, new DateOnly(2025, 12, 1)), // 5 months quiet
            new(AG2, "AG-2", AgreementKind.Twinning, AgreementStatus.Active, new DateOnly(2019, 6, 1), null, new DateOnly(2023, 1, 10)), // 40 months: dormant
            new(AG3, "AG-3", AgreementKind.Twinning, AgreementStatus.Expired, new DateOnly(2010, 1, 1), null, null),                     // not active
            new(AG4, "AG-4", AgreementKind.Friendship, AgreementStatus.Active, new DateOnly(2024, 5, 15), null, null),                  // exactly 24 months: dormant
            new(AG5, "AG-5", AgreementKind.MemorandumOfUnderstanding, AgreementStatus.Active, null, null, null),                         // no date: not judged
        ],
        Memberships =
        [
            new(M1, "M1", new DateOnly(2020, 1, 1), null, ActiveRoles: 1, WorkingGroups: 0),
            new(M2, "M2", new DateOnly(2021, 1, 1), null, ActiveRoles: 0, WorkingGroups: 2),
            new(M3, "M3", new DateOnly(2022, 1, 1), null, ActiveRoles: 0, WorkingGroups: 0),              // passive
            new(M4, "M4", new DateOnly(2018, 1, 1), new DateOnly(2025, 12, 31), ActiveRoles: 1, WorkingGroups: 1), // ended
            new(M5, "M5", new DateOnly(2027, 1, 1), null, ActiveRoles: 1, WorkingGroups: 0),              // not yet
        ],
        OfficeYears =
        [
            new(Y2024, 2024, 5, 100_000m),
            new(Y2025, 2025, 5, 0m), // no budget
        ],
    };

    private static MaturityResult Check(string key) => Maturity.Assess(key, Example());

    private static void AssertShare(MaturityResult r, int numerator, int denominator, MaturityLevel level)
    {
        Assert.Equal(numerator, r.Numerator);
        Assert.Equal(denominator, r.Denominator);
        Assert.Equal((double)numerator / denominator, r.Score!.Value, Precision);
        Assert.Equal(level, r.Level);
    }

    private static void AssertEvidence(MaturityResult r, params string[] codes) =>
        Assert.Equal(codes, r.Evidence.Select(e => e.Code));

    private static void AssertEvidenceIds(MaturityResult r, params Guid[] ids) =>
        Assert.Equal(ids, r.Evidence.Select(e => e.Id!.Value));

    [Theory]
    [InlineData(1.0, MaturityLevel.Met)]
    [InlineData(0.8, MaturityLevel.Met)]
    [InlineData(0.7999, MaturityLevel.Partly)]
    [InlineData(0.5, MaturityLevel.Partly)]
    [InlineData(0.4999, MaturityLevel.NotMet)]
    [InlineData(0.0, MaturityLevel.NotMet)]
    public void Levels_read_met_from_80_and_partly_from_50_percent(double score, MaturityLevel level) =>
        Assert.Equal(level, Maturity.LevelOf(score));

    [Fact]
    public void No_score_is_not_assessable() => Assert.Equal(MaturityLevel.NotAssessable, Maturity.LevelOf(null));

    [Fact]
    public void Every_check_belongs_to_a_criterion_and_every_criterion_has_a_check()
    {
        Assert.Equal(6, Maturity.Criteria.Count(c => c.Part == MaturityPart.Attribute));
        Assert.Equal(9, Maturity.Criteria.Count(c => c.Part == MaturityPart.Recommendation));
        Assert.All(Maturity.Checks, c => Assert.Contains(Maturity.Criteria, k => k.Key == c.Criterion));
        Assert.All(Maturity.Criteria, k => Assert.Contains(Maturity.Checks, c => c.Criterion == k.Key));
        Assert.Equal(Maturity.Checks.Count, Maturity.Checks.Select(c => c.Key).Distinct().Count());
    }

    // ------------------------------------------------------------------ attribute 1

    [Fact]
    public void Deadlines_O1_O2_O4_dated_of_four_is_75_percent_partly_with_O3_as_evidence()
    {
        var r = Check("a1.deadlines");
        AssertShare(r, 3, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O3);
    }

    [Fact]
    public void Owners_three_of_four_objectives_have_an_owner_department_O2_lacks_one()
    {
        var r = Check("a1.owners");
        AssertShare(r, 3, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O2);
    }

    [Fact]
    public void Objectives_with_actions_count_live_actions_only_so_O4_is_served_by_the_attached_request_not_the_cancelled_action()
    {
        // O1 ←; O4 ← A-5 (A-4 is cancelled); O2 and O3 have none: 2 / 4 = 50 %.
        var r = Check("a1.actions");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O2, O3);
    }

    [Fact]
    public void City_plan_two_of_four_objectives_name_the_development_plan_objective_they_serve()
    {
        var r = Check("a1.city-plan");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O2, O4);
    }

    // ------------------------------------------------------------------ attribute 2

    [Fact]
    public void Axes_from_analysis_two_of_three_axes_name_a_finding_T2_does_not()
    {
        var r = Check("a2.axes-from-analysis");
        AssertShare(r, 2, 3, MaturityLevel.Partly);
        AssertEvidenceIds(r, T2);
    }

    [Fact]
    public void Objectives_on_axes_three_of_four_O2_has_no_axis()
    {
        var r = Check("a2.objectives-on-axes");
        AssertShare(r, 3, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O2);
    }

    [Fact]
    public void Thematic_focus_two_thirds_on_T1_one_third_on_T2_is_focused()
    {
        // Live actions: A-1 T1, A-2 T1, A-3 T2, A-5 none (unclassified). Shares 2/3, 1/3:
        // HHI = 4/9 + 1/9 = 5/9 ≈ 0.556 ≥ 0.25 → focused → 100 %, met. Classified 3 of 4.
        var r = Check("a2.thematic-focus");
        Assert.Equal(MaturityLevel.Met, r.Level);
        Assert.Equal(1.0, r.Score!.Value, Precision);
        Assert.Equal(5.0 / 9, r.Measure!.Value, Precision);
        Assert.Equal(3, r.Numerator);
        Assert.Equal(4, r.Denominator);
        Assert.Equal([T1, T2], r.Evidence.Select(e => e.Id!.Value));
        Assert.Equal(2.0 / 3, r.Evidence[0].Share!.Value, Precision);
    }

    [Fact]
    public void Geographic_focus_over_five_sub_regions_is_balanced()
    {
        // A-1 France (155) ½ + Japan (030) ½; A-2 Morocco (015) ½ + India (034) ½; A-3 Mexico (419) 1; A-5 none.
        // W = 3; shares 1/3 (419) and 1/6 × 4: HHI = 1/9 + 4/36 = 2/9 ≈ 0.222, in [0.15, 0.25) → balanced → 50 %, partly.
        var r = Check("a2.geographic-focus");
        Assert.Equal(MaturityLevel.Partly, r.Level);
        Assert.Equal(0.5, r.Score!.Value, Precision);
        Assert.Equal(2.0 / 9, r.Measure!.Value, Precision);
        Assert.Equal(["419", "015", "030", "034", "155"], r.Evidence.Select(e => e.Code));
        Assert.All(r.Evidence, e => Assert.Null(e.Id));
    }

    [Fact]
    public void A_dispersed_concentration_scores_zero_and_nothing_classified_is_not_met_unless_there_is_no_action()
    {
        // Ten equal categories: HHI = 10 × 0.01 = 0.1 < 0.15 → dispersed → 0 %.
        var dispersed = Maturity.FocusCheck("k", Figures.Concentration(Enumerable.Range(0, 10).Select(i => (IReadOnlyCollection<string>)[$"c{i}"])), EvidenceKind.Region);
        Assert.Equal(MaturityLevel.NotMet, dispersed.Level);
        Assert.Equal(0.0, dispersed.Score);
        Assert.Equal(0.1, dispersed.Measure!.Value, Precision);

        var unclassified = Maturity.FocusCheck("k", Figures.Concentration(new IReadOnlyCollection<string>[] { [], [] }), EvidenceKind.Region);
        Assert.Equal(MaturityLevel.NotMet, unclassified.Level);
        Assert.Equal(0, unclassified.Numerator);
        Assert.Equal(2, unclassified.Denominator);

        var none = Maturity.FocusCheck("k", Figures.Concentration(Array.Empty<IReadOnlyCollection<string>>()), EvidenceKind.Region);
        Assert.Equal(MaturityLevel.NotAssessable, none.Level);
        Assert.Equal(NotAssessableReason.NothingToJudge, none.Reason);
    }

    // ------------------------------------------------------------------ attribute 3 and the other data Nodal does not hold

    [Theory]
    [InlineData("a3.consultation")]
    [InlineData("r4.multilevel")]
    [InlineData("r5.local-actors")]
    [InlineData("r8.communication")]
    [InlineData("r8.portal")]
    public void What_Nodal_does_not_hold_is_not_assessable_and_has_no_score(string key)
    {
        var r = Check(key);
        Assert.Equal(MaturityLevel.NotAssessable, r.Level);
        Assert.Equal(NotAssessableReason.NotHeld, r.Reason);
        Assert.Null(r.Score);
        Assert.Empty(r.Evidence);
    }

    // ------------------------------------------------------------------ attribute 4

    [Fact]
    public void Evaluable_only_O1_has_an_indicator_with_both_baseline_and_target()
    {
        // I-1 (O1) baseline + target; I-2 (O3) no target; I-3 (O4) no baseline; I-4 has both but serves no objective.
        var r = Check("a4.evaluable");
        AssertShare(r, 1, 4, MaturityLevel.NotMet);
        AssertEvidenceIds(r, O2, O3, O4);
    }

    [Fact]
    public void On_time_four_of_five_due_measurements_were_submitted()
    {
        var r = Check("a4.on-time");
        AssertShare(r, 4, 5, MaturityLevel.Met);
        var late = Assert.Single(r.Evidence);
        Assert.Equal((EvidenceKind.LateMeasurement, I1, new DateOnly(2025, 1, 1)), (late.Kind, late.Id!.Value, late.Period!.Value));
    }

    [Fact]
    public void Follow_up_leaves_rejected_recommendations_out_and_counts_accepted_in_progress_and_done()
    {
        // Not rejected: #1 proposed, #2 accepted, #3 done, E-2 #1 in progress → 3 / 4 = 75 %.
        var r = Check("a4.follow-up");
        AssertShare(r, 3, 4, MaturityLevel.Partly);
        AssertEvidence(r, "E-1 #1");
        Assert.Equal(E1, r.Evidence[0].Id);
    }

    // ------------------------------------------------------------------ attributes 5 and 6

    [Fact]
    public void Departments_D3_only_in_a_cancelled_action_and_D4_in_none_are_not_engaged()
    {
        var r = Check("a5.departments");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidence(r, "D3", "D4");
    }

    [Fact]
    public void Sdg_objectives_count_real_targets_only()
    {
        // O1 11.2, O4 13.2; O2's "99.9" is no target; O3 none → 2 / 4.
        var r = Check("a6.sdg-objectives");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O2, O3);
    }

    // ------------------------------------------------------------------ recommendations 1 to 3

    [Fact]
    public void Adopted_a_plan_never_adopted_is_not_met_and_points_at_the_plan()
    {
        var r = Check("r1.adopted");
        AssertShare(r, 0, 1, MaturityLevel.NotMet);
        AssertEvidenceIds(r, Plan);

        var adopted = Maturity.Assess("r1.adopted", Example() with { Plan = Example().Plan with { Versions = 2 } });
        AssertShare(adopted, 1, 1, MaturityLevel.Met);
        Assert.Empty(adopted.Evidence);
    }

    [Fact]
    public void Frame_vision_and_city_plan_stated_city_model_missing()
    {
        var r = Check("r1.frame");
        AssertShare(r, 2, 3, MaturityLevel.Partly);
        AssertEvidence(r, "CityModel");
    }

    [Fact]
    public void Planned_actions_three_of_four_live_actions_the_attached_request_counts_planned()
    {
        var r = Check("r2.planned-actions");
        AssertShare(r, 3, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, A3);
    }

    [Fact]
    public void Planned_budget_400_of_500_euros_is_met()
    {
        // Planned: A-1 100 + A-2 300 = 400; reactive A-3 100; A-4's 1,000 is cancelled → 400 / 500 = 80 %.
        var r = Check("r2.planned-budget");
        AssertShare(r, 400, 500, MaturityLevel.Met);
        AssertEvidenceIds(r, A3);

        var noBudget = Maturity.Assess("r2.planned-budget", Example() with { Actions = [] });
        Assert.Equal(MaturityLevel.NotAssessable, noBudget.Level);
    }

    [Fact]
    public void Legal_basis_two_of_four_objectives_rest_on_a_competence()
    {
        var r = Check("r3.legal-basis");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, O3, O4);
    }

    [Fact]
    public void Office_capacity_counts_2024_to_2026_and_only_2024_has_staff_and_budget()
    {
        // 2025 has staff but no budget (evidence with its record), 2026 has no record at all.
        var r = Check("r3.office-capacity");
        AssertShare(r, 1, 3, MaturityLevel.NotMet);
        AssertEvidence(r, "2025", "2026");
        Assert.Equal(Y2025, r.Evidence[0].Id);
        Assert.Null(r.Evidence[1].Id);

        // A plan that has not started yet is judged on its first year alone.
        var future = Maturity.Assess("r3.office-capacity", Example() with { Plan = Example().Plan with { StartYear = 2028, EndYear = 2031 } });
        AssertShare(future, 0, 1, MaturityLevel.NotMet);
        AssertEvidence(future, "2028");
    }

    // ------------------------------------------------------------------ recommendations 4 to 6

    [Fact]
    public void Holistic_only_A1_involves_another_department_than_its_lead()
    {
        // A-2 lists its own lead as involved: still one department.
        var r = Check("r4.holistic");
        AssertShare(r, 1, 4, MaturityLevel.NotMet);
        AssertEvidenceIds(r, A2, A3, A5);
    }

    [Fact]
    public void Agreements_alive_two_of_four_active_ones_are_dormant_24_months_to_the_day_included()
    {
        // Active: AG-1 (5 months quiet), AG-2 (40 months), AG-4 (signed 15 May 2024: 24 whole months today), AG-5 (no date).
        var r = Check("r5.agreements-alive");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidence(r, "AG-2", "AG-4");
    }

    [Fact]
    public void Sdg_actions_two_of_four_live_actions_name_a_target()
    {
        var r = Check("r6.sdg-actions");
        AssertShare(r, 2, 4, MaturityLevel.Partly);
        AssertEvidenceIds(r, A2, A5);
    }

    [Fact]
    public void Networks_two_of_three_current_memberships_hold_a_role_or_a_working_group()
    {
        // M4 ended in 2025, M5 starts in 2027: not current. M3 is passive.
        var r = Check("r6.networks");
        AssertShare(r, 2, 3, MaturityLevel.Partly);
        AssertEvidenceIds(r, M3);
    }

    // ------------------------------------------------------------------ recommendations 7 and 9

    [Fact]
    public void Levels_territorial_and_operational_are_covered_programmatic_is_not()
    {
        // Programmatic: I-2 lacks a target, I-3 a baseline.
        var r = Check("r7.levels");
        AssertShare(r, 2, 3, MaturityLevel.Partly);
        AssertEvidence(r, "Programmatic");
    }

    [Fact]
    public void Evaluated_one_of_two_due_evaluations_is_completed_the_future_one_is_not_due()
    {
        var r = Check("r7.evaluated");
        AssertShare(r, 1, 2, MaturityLevel.Partly);
        AssertEvidenceIds(r, E2);

        var onlyFuture = Maturity.Assess("r7.evaluated", Example() with { Evaluations = [new(E3, "E-3", EvaluationStatus.Planned, new DateOnly(2027, 1, 1))] });
        Assert.Equal(MaturityLevel.NotAssessable, onlyFuture.Level);
        var never = Maturity.Assess("r7.evaluated", Example() with { Evaluations = [] });
        Assert.Equal(MaturityLevel.NotMet, never.Level);
        Assert.Equal(0, never.Denominator);
    }

    [Fact]
    public void Watched_only_X1_has_an_indicator_and_a_mitigation_not_dropped()
    {
        // X-2 has a mitigation but no indicator; X-3 an indicator (I-5) but only a dropped mitigation.
        var r = Check("r9.watched");
        AssertShare(r, 1, 3, MaturityLevel.NotMet);
        AssertEvidence(r, "X-2", "X-3");
    }

    [Fact]
    public void Who_benefits_X2_does_not_say_who_bears_the_cost()
    {
        var r = Check("r9.who-benefits");
        AssertShare(r, 2, 3, MaturityLevel.Partly);
        AssertEvidence(r, "X-2");
    }

    // ------------------------------------------------------------------ the whole assessment

    [Fact]
    public void The_example_reads_3_met_19_partly_5_not_met_and_5_not_assessable()
    {
        var results = Maturity.Assess(Example());
        Assert.Equal(Maturity.Checks.Select(c => c.Key), results.Select(r => r.Key));
        Assert.Equal(new MaturitySummary(3, 19, 5, 5), Maturity.Summarize(results));
    }

    [Fact]
    public void An_empty_plan_is_not_met_where_the_paper_asks_for_something_and_not_assessable_where_there_is_nothing_to_judge()
    {
        var empty = new MaturityFacts { Today = Today, Plan = new MaturityPlanFacts(Plan, 2026, 2026, false, false, false, 0) };
        var results = Maturity.Assess(empty).ToDictionary(r => r.Key);
        string[] nothingToJudge = ["a2.thematic-focus", "a2.geographic-focus", "a4.on-time", "a4.follow-up", "r2.planned-budget", "r5.agreements-alive"];
        foreach (var key in nothingToJudge)
        {
            Assert.Equal(MaturityLevel.NotAssessable, results[key].Level);
            Assert.Equal(NotAssessableReason.NothingToJudge, results[key].Reason);
        }
        Assert.All(results.Values.Where(r => r.Reason == NotAssessableReason.None), r =>
        {
            Assert.Equal(MaturityLevel.NotMet, r.Level);
            Assert.Equal(0.0, r.Score);
        });
        Assert.Equal(new MaturitySummary(0, 0, 21, 11), Maturity.Summarize(results.Values));
    }

    [Fact]
    public void Scores_survive_a_record_round_trip()
    {
        var results = Maturity.Assess(Example());
        var back = Maturity.FromJson(Maturity.ToJson(results));
        Assert.Equal(results.Count, back.Count);
        Assert.Equal(new MaturityScore(0.75, 3, 4, MaturityLevel.Partly), back["a1.deadlines"]);
        Assert.Equal(new MaturityScore(null, null, null, MaturityLevel.NotAssessable), back["a3.consultation"]);
        Assert.Empty(Maturity.FromJson("not json"));
    }
}
