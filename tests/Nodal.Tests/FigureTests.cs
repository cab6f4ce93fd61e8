using Nodal.Core.Policy;

namespace Nodal.Tests;

/// <summary>
/// The policy figures, each checked against a worked example whose numbers are computed by hand in the
/// comments. Pure functions over facts: no database.
/// </summary>
public sealed class FigureTests
{
    private const double Precision = 1e-9;

    private static readonly Guid O1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid O2 = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid O3 = Guid.Parse("00000000-0000-0000-0000-0000000000a3");
    private static readonly Guid O4 = Guid.Parse("00000000-0000-0000-0000-0000000000a4");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static BudgetFacts Eur(int year, decimal planned) => new(year, planned, 0, "EUR");

    private static ActionFacts Action(
        string code,
        ActionOrigin origin = ActionOrigin.Planned,
        Guid? objective = null,
        DateOnly? attachedOn = null,
        DateOnly? requestedOn = null,
        DateOnly? start = null,
        DateOnly? end = null,
        DateOnly? createdOn = null,
        ActionStatus status = ActionStatus.Planned,
        Guid? lead = null,
        Guid[]? involved = null,
        Guid[]? axes = null,
        string[]? countries = null,
        string[]? sdg = null,
        BudgetFacts[]? budgets = null) =>
        new(Guid.NewGuid(), code, origin, objective, attachedOn, requestedOn, start, end, createdOn ?? D(2024, 1, 1), status,
            lead ?? Guid.NewGuid(), involved ?? [], axes ?? [], countries ?? [], sdg ?? [], budgets ?? []);

    // ----- Planned vs reactive -------------------------------------------------------------------------

    /// <summary>
    /// P1  planned under O1, starts 2024:             budget 2024 1000 EUR, 2025 500 EUR
    /// R1  a request of 2024-03-01, attached to O1 on 2025-02-10: budget 2024 200 EUR, 2025 300 EUR, 2025 999 USD
    /// R2  a request with no objective, starts 2025:  budget 2025 100 EUR
    /// N1  origin "planned" but under no objective:   reactive by the rule, no budget, starts 2025
    /// C1  cancelled (planned under O1), starts 2026: budget 2026 5000 EUR, 2027 7000 EUR — never counted
    /// </summary>
    private static ActionFacts[] PlannedReactiveExample() =>
    [
        Action("P1", objective: O1, start: D(2024, 1, 15), budgets: [Eur(2024, 1000), Eur(2025, 500)]),
        Action("R1", ActionOrigin.Reactive, objective: O1, attachedOn: D(2025, 2, 10), requestedOn: D(2024, 3, 1),
            budgets: [Eur(2024, 200), Eur(2025, 300), new BudgetFacts(2025, 999, 0, "USD")]),
        Action("R2", ActionOrigin.Reactive, start: D(2025, 5, 1), budgets: [Eur(2025, 100)]),
        Action("N1", ActionOrigin.Planned, start: D(2025, 6, 1)),
        Action("C1", objective: O1, start: D(2026, 1, 1), status: ActionStatus.Cancelled, budgets: [Eur(2026, 5000), Eur(2027, 7000)]),
    ];

    [Fact]
    public void Planned_vs_reactive_at_the_end_counts_a_later_attached_request_as_planned()
    {
        // On 2025-12-31: planned P1, R1 (attached 2025-02-10 ≤ asOf) → 2; reactive R2, N1 → 2; C1 left out.
        // Planned budget (EUR only, all years) = 1000 + 500 + 200 + 300 = 2000; reactive = 100.
        // The USD line of R1 is not added: 1 skipped. Action share 2/4 = 0.5; budget share 2000/2100.
        var share = Figures.PlannedVsReactive(PlannedReactiveExample(), D(2025, 12, 31), "EUR");

        Assert.Equal(2, share.PlannedActions);
        Assert.Equal(2, share.ReactiveActions);
        Assert.Equal(4, share.Actions);
        Assert.Equal(2000m, share.PlannedBudget);
        Assert.Equal(100m, share.ReactiveBudget);
        Assert.Equal(1, share.SkippedLines);
        Assert.Equal(0.5, share.ActionShare!.Value, Precision);
        Assert.Equal(2000.0 / 2100.0, share.BudgetShare!.Value, Precision);
    }

    [Fact]
    public void Planned_vs_reactive_turns_on_the_day_of_attachment()
    {
        // The day before R1 is attached it is reactive: planned P1 → 1; reactive R1, R2, N1 → 3.
        // Planned budget 1000 + 500 = 1500; reactive 200 + 300 + 100 = 600.
        var before = Figures.PlannedVsReactive(PlannedReactiveExample(), D(2025, 2, 9), "EUR");
        Assert.Equal((1, 3, 1500m, 600m), (before.PlannedActions, before.ReactiveActions, before.PlannedBudget, before.ReactiveBudget));

        // On the day itself (AttachedOn ≤ asOf) it is planned: 2 / 2, 2000 / 100.
        var onTheDay = Figures.PlannedVsReactive(PlannedReactiveExample(), D(2025, 2, 10), "EUR");
        Assert.Equal((2, 2, 2000m, 100m), (onTheDay.PlannedActions, onTheDay.ReactiveActions, onTheDay.PlannedBudget, onTheDay.ReactiveBudget));
    }

    [Fact]
    public void Planned_vs_reactive_in_another_currency_adds_only_that_currency()
    {
        // Asked in USD (any case): the only USD line is R1's 999, planned on 2025-12-31 → 999 / 0, share 1.
        // The EUR lines of live actions are skipped: P1 2 + R1 2 + R2 1 = 5 (C1 is cancelled: its lines are not looked at).
        var share = Figures.PlannedVsReactive(PlannedReactiveExample(), D(2025, 12, 31), "usd");

        Assert.Equal(999m, share.PlannedBudget);
        Assert.Equal(0m, share.ReactiveBudget);
        Assert.Equal(5, share.SkippedLines);
        Assert.Equal(1.0, share.BudgetShare!.Value, Precision);
    }

    [Fact]
    public void Planned_vs_reactive_with_nothing_to_share_has_no_share()
    {
        var share = Figures.PlannedVsReactive([], D(2025, 1, 1), "EUR");
        Assert.Equal(0, share.Actions);
        Assert.Null(share.ActionShare);
        Assert.Null(share.BudgetShare);
    }

    [Fact]
    public void Planned_vs_reactive_by_year_counts_a_request_reactive_in_its_year_and_its_later_budget_planned()
    {
        // Years: YearOf P1 = 2024 (start), R1 = 2024 (requested, no start), R2 = 2025, N1 = 2025; budget years 2024, 2025.
        // C1 is cancelled: 2026 and 2027 do not appear.
        //
        // 2024 (as of 2024-12-31): actions of 2024: P1 planned; R1 reactive (attached only in 2025) → 1 / 1.
        //      lines of 2024: P1 1000 planned, R1 200 reactive → 1000 / 200; nothing skipped.
        // 2025 (as of 2025-12-31): actions of 2025: R2, N1 reactive → 0 / 2.
        //      lines of 2025: P1 500 planned, R1 300 planned (attached by then), R2 100 reactive → 800 / 100;
        //      R1's USD line skipped → 1.
        var years = Figures.PlannedVsReactiveByYear(PlannedReactiveExample(), "EUR");

        Assert.Equal([2024, 2025], years.Select(y => y.Year));

        var y2024 = years[0].Share;
        Assert.Equal((1, 1, 1000m, 200m, 0), (y2024.PlannedActions, y2024.ReactiveActions, y2024.PlannedBudget, y2024.ReactiveBudget, y2024.SkippedLines));
        Assert.Equal(0.5, y2024.ActionShare!.Value, Precision);
        Assert.Equal(1000.0 / 1200.0, y2024.BudgetShare!.Value, Precision);

        var y2025 = years[1].Share;
        Assert.Equal((0, 2, 800m, 100m, 1), (y2025.PlannedActions, y2025.ReactiveActions, y2025.PlannedBudget, y2025.ReactiveBudget, y2025.SkippedLines));
        Assert.Equal(0.0, y2025.ActionShare!.Value, Precision);
    }

    [Fact]
    public void Planned_vs_reactive_by_year_includes_a_year_that_only_has_budget()
    {
        // An action of 2024 budgeted in 2024 and 2026: year 2026 appears with no action and 400 planned.
        var years = Figures.PlannedVsReactiveByYear(
            [Action("P", objective: O1, start: D(2024, 5, 1), budgets: [Eur(2024, 100), Eur(2026, 400)])], "EUR");

        Assert.Equal([2024, 2026], years.Select(y => y.Year));
        Assert.Equal((0, 0, 400m), (years[1].Share.PlannedActions, years[1].Share.ReactiveActions, years[1].Share.PlannedBudget));
    }

    // ----- Concentration -------------------------------------------------------------------------------

    [Fact]
    public void Concentration_of_three_on_one_and_one_on_another_is_focused()
    {
        // 3 items on A, 1 on B → shares 0.75 / 0.25 → HHI 0.5625 + 0.0625 = 0.625 → focused; effective 1/0.625 = 1.6.
        var focus = Figures.Concentration([["A"], ["A"], ["A"], ["B"]]);

        Assert.Equal(0.625, focus.Hhi, Precision);
        Assert.Equal(1.6, focus.Effective, Precision);
        Assert.Equal(FocusReading.Focused, focus.Reading);
        Assert.Equal(["A", "B"], focus.Shares.Select(s => s.Key));
        Assert.Equal(3.0, focus.Shares[0].Weight, Precision);
        Assert.Equal(0.75, focus.Shares[0].Share, Precision);
        Assert.Equal(0.25, focus.Shares[1].Share, Precision);
        Assert.Equal((0, 4), (focus.Unclassified, focus.Classified));
    }

    [Theory]
    [InlineData(0.25, FocusReading.Focused)]      // exactly the threshold: focused
    [InlineData(0.2499, FocusReading.Balanced)]
    [InlineData(0.15, FocusReading.Balanced)]     // exactly the lower threshold: still balanced
    [InlineData(0.1499, FocusReading.Dispersed)]
    [InlineData(1.0, FocusReading.Focused)]
    [InlineData(0.0, FocusReading.Dispersed)]     // Read maps by thresholds only; "None" comes from Concentration
    public void Read_maps_the_hhi_by_the_thresholds(double hhi, FocusReading expected) =>
        Assert.Equal(expected, Figures.Read(hhi));

    [Fact]
    public void Concentration_reads_even_spreads_at_the_thresholds()
    {
        // 4 equal categories → 4 × 0.25² = 0.25 exactly → focused (the boundary is inclusive); effective 4.
        var four = Figures.Concentration([["a"], ["b"], ["c"], ["d"]]);
        Assert.Equal(0.25, four.Hhi, Precision);
        Assert.Equal(4.0, four.Effective, Precision);
        Assert.Equal(FocusReading.Focused, four.Reading);

        // 6 equal → 1/6 ≈ 0.1667 ≥ 0.15 → balanced; 7 equal → 1/7 ≈ 0.1429 < 0.15 → dispersed.
        var six = Figures.Concentration(Enumerable.Range(1, 6).Select(i => (IReadOnlyCollection<string>)[$"c{i}"]));
        Assert.Equal(1.0 / 6, six.Hhi, Precision);
        Assert.Equal(FocusReading.Balanced, six.Reading);
        var seven = Figures.Concentration(Enumerable.Range(1, 7).Select(i => (IReadOnlyCollection<string>)[$"c{i}"]));
        Assert.Equal(1.0 / 7, seven.Hhi, Precision);
        Assert.Equal(7.0, seven.Effective, Precision);
        Assert.Equal(FocusReading.Dispersed, seven.Reading);
    }

    [Fact]
    public void Concentration_with_nothing_classified_reads_nothing_but_counts_the_unclassified()
    {
        var focus = Figures.Concentration([[], [" "], []]);

        Assert.Equal(0.0, focus.Hhi);
        Assert.Equal(0.0, focus.Effective);
        Assert.Equal(FocusReading.None, focus.Reading);
        Assert.Empty(focus.Shares);
        Assert.Equal((3, 0), (focus.Unclassified, focus.Classified));
    }

    [Fact]
    public void Thematic_focus_splits_an_action_over_its_thematic_axes()
    {
        Guid a = Guid.Parse("0000000a-0000-0000-0000-000000000000"), b = Guid.Parse("0000000b-0000-0000-0000-000000000000");
        var geographic = Guid.Parse("0000000c-0000-0000-0000-000000000000");
        ActionFacts[] actions =
        [
            Action("1", axes: [a]),
            Action("2", axes: [a, a]),             // the same axis twice: still a weight of 1 to A
            Action("3", axes: [a, b]),             // two thematic axes: ½ to A, ½ to B
            Action("4", axes: [b, geographic]),    // the geographic axis is not thematic: the whole 1 to B
            Action("5", axes: [geographic]),       // no thematic axis: unclassified
            Action("6"),                           // no axis: unclassified
            Action("7", axes: [b], status: ActionStatus.Cancelled), // left out entirely
        ];
        // A = 1 + 1 + ½ = 2.5; B = ½ + 1 = 1.5; total 4 (= 4 classified actions).
        // Shares 2.5/4 = 0.625 and 1.5/4 = 0.375 → HHI 0.390625 + 0.140625 = 0.53125 → focused;
        // effective 1/0.53125 = 32/17 ≈ 1.88235.
        var focus = Figures.ThematicFocus(actions, [a, b]);

        Assert.Equal([a.ToString("D"), b.ToString("D")], focus.Shares.Select(s => s.Key));
        Assert.Equal(2.5, focus.Shares[0].Weight, Precision);
        Assert.Equal(1.5, focus.Shares[1].Weight, Precision);
        Assert.Equal(0.625, focus.Shares[0].Share, Precision);
        Assert.Equal(0.375, focus.Shares[1].Share, Precision);
        Assert.Equal(0.53125, focus.Hhi, Precision);
        Assert.Equal(32.0 / 17.0, focus.Effective, Precision);
        Assert.Equal(FocusReading.Focused, focus.Reading);
        Assert.Equal((2, 4), (focus.Unclassified, focus.Classified));
    }

    [Fact]
    public void Country_focus_splits_an_action_over_its_countries_in_upper_case()
    {
        ActionFacts[] actions =
        [
            Action("1", countries: ["mx"]),
            Action("2", countries: ["MX", "fr"]),  // ½ to MX, ½ to FR
            Action("3"),                           // no country: unclassified
            Action("4", countries: ["BR"], status: ActionStatus.Cancelled),
        ];
        // MX = 1 + ½ = 1.5; FR = ½; total 2 → shares 0.75 / 0.25 → HHI 0.625 → focused; effective 1.6.
        var focus = Figures.CountryFocus(actions);

        Assert.Equal(["MX", "FR"], focus.Shares.Select(s => s.Key));
        Assert.Equal(1.5, focus.Shares[0].Weight, Precision);
        Assert.Equal(0.5, focus.Shares[1].Weight, Precision);
        Assert.Equal(0.625, focus.Hhi, Precision);
        Assert.Equal(1.6, focus.Effective, Precision);
        Assert.Equal(FocusReading.Focused, focus.Reading);
        Assert.Equal((1, 2), (focus.Unclassified, focus.Classified));
    }

    [Fact]
    public void Region_focus_counts_the_distinct_regions_of_an_actions_countries()
    {
        var regions = new Dictionary<string, string?> { ["MX"] = "419", ["BR"] = "419", ["FR"] = "150", ["XK"] = null };
        ActionFacts[] actions =
        [
            Action("1", countries: ["MX", "BR"]),  // both in 419: the whole 1 to 419
            Action("2", countries: ["FR", "mx"]),  // ½ to 150, ½ to 419
            Action("3", countries: ["XK"]),        // no region: unclassified
            Action("4", countries: ["FR"]),        // 1 to 150
            Action("5", countries: ["FR"], status: ActionStatus.Cancelled),
        ];
        // 419 = 1 + ½ = 1.5; 150 = ½ + 1 = 1.5; total 3 → shares ½ / ½ → HHI 0.5 → focused; effective 2.
        // Equal weights are ordered by key: "150" before "419".
        var focus = Figures.RegionFocus(actions, c => regions.GetValueOrDefault(c));

        Assert.Equal(["150", "419"], focus.Shares.Select(s => s.Key));
        Assert.All(focus.Shares, s => Assert.Equal(1.5, s.Weight, Precision));
        Assert.Equal(0.5, focus.Hhi, Precision);
        Assert.Equal(2.0, focus.Effective, Precision);
        Assert.Equal(FocusReading.Focused, focus.Reading);
        Assert.Equal((1, 3), (focus.Unclassified, focus.Classified));
    }

    // ----- Transversality ------------------------------------------------------------------------------

    [Fact]
    public void Transversality_lists_every_department_and_counts_a_lead_only_as_lead()
    {
        var d1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var d2 = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var d3 = Guid.Parse("00000000-0000-0000-0000-000000000003");
        var d4 = Guid.Parse("00000000-0000-0000-0000-000000000004");
        var outside = Guid.Parse("00000000-0000-0000-0000-000000000009"); // e.g. a department since removed
        ActionFacts[] actions =
        [
            Action("1", lead: d2, involved: [d2, d1]),  // d2 leads (listed as involved too: not counted as involved); d1 involved
            Action("2", lead: d1, involved: [d3]),
            Action("3", lead: outside, involved: [d2]),
            Action("4", lead: d4, involved: [d3], status: ActionStatus.Cancelled),
        ];
        // d1: leads 1 (#2), involved 1 (#1) → 2.   d2: leads 1 (#1), involved 1 (#3) → 2.
        // d3: leads 0, involved 1 (#2; #4 is cancelled) → 1.   d4: 0 / 0 (its only action is cancelled).
        // Engaged = d1, d2, d3 = 3 of 4 → share 0.75; "outside" engages but is not in the list.
        // Order: 2, 2 (tie → by id: d1, d2), 1, 0.
        var t = Figures.Transversality(actions, [d4, d3, d2, d1]);

        Assert.Equal(3, t.Engaged);
        Assert.Equal(4, t.Total);
        Assert.Equal(0.75, t.Share!.Value, Precision);
        Assert.Equal(
            [new DepartmentEngagement(d1, 1, 1), new DepartmentEngagement(d2, 1, 1), new DepartmentEngagement(d3, 0, 1), new DepartmentEngagement(d4, 0, 0)],
            t.PerDepartment);
    }

    [Fact]
    public void Transversality_with_no_department_has_no_share() =>
        Assert.Null(Figures.Transversality([Action("1")], []).Share);

    // ----- SDG coverage --------------------------------------------------------------------------------

    [Fact]
    public void Sdg_coverage_counts_goals_and_targets_in_natural_order_and_ignores_invalid_codes()
    {
        ObjectiveFacts[] objectives =
        [
            new(O1, "O1", ObjectiveFamily.Exchange, null, ["8.10", "8.2", "8.A"]), // three targets of goal 8: counts once for 8
            new(O2, "O2", ObjectiveFamily.Advocacy, null, ["13.1", "bogus", "18.1", "11", ""]), // only 13.1 is a target
        ];
        ActionFacts[] actions =
        [
            Action("1", sdg: ["8.2", "8.7"]),
            Action("2", sdg: ["5.5"]),
            Action("3", sdg: [" 8.2 "]),                                    // trimmed: 8.2 again
            Action("4", sdg: ["17.1"], status: ActionStatus.Cancelled),    // left out: goal 17 is not touched
        ];
        // Targets: 8.10, 8.2, 8.a, 13.1, 8.7, 5.5 → 6 distinct. Goals: 5, 8, 13 → 3.
        // Goal 5:  objectives 0, actions 1 (#2), [5.5]
        // Goal 8:  objectives 1 (O1), actions 2 (#1, #3), [8.2, 8.7, 8.10, 8.a] (natural order)
        // Goal 13: objectives 1 (O2), actions 0, [13.1]
        var coverage = Figures.SdgCoverage(objectives, actions);

        Assert.Equal(3, coverage.GoalsTouched);
        Assert.Equal(6, coverage.TargetsTouched);
        Assert.Equal([5, 8, 13], coverage.PerGoal.Select(g => g.Goal));
        Assert.Equal((0, 1), (coverage.PerGoal[0].Objectives, coverage.PerGoal[0].Actions));
        Assert.Equal(["5.5"], coverage.PerGoal[0].Targets);
        Assert.Equal((1, 2), (coverage.PerGoal[1].Objectives, coverage.PerGoal[1].Actions));
        Assert.Equal(["8.2", "8.7", "8.10", "8.a"], coverage.PerGoal[1].Targets);
        Assert.Equal((1, 0), (coverage.PerGoal[2].Objectives, coverage.PerGoal[2].Actions));
        Assert.Equal(["13.1"], coverage.PerGoal[2].Targets);
    }

    // ----- Objectives without action -------------------------------------------------------------------

    [Fact]
    public void Objectives_without_a_live_action_are_listed_in_input_order()
    {
        ObjectiveFacts Objective(Guid id, string code) => new(id, code, ObjectiveFamily.Projection, null, []);
        ObjectiveFacts[] objectives = [Objective(O3, "O3"), Objective(O1, "O1"), Objective(O2, "O2"), Objective(O4, "O4")];
        ActionFacts[] actions =
        [
            Action("1", objective: O1),
            Action("2", objective: O2, status: ActionStatus.Cancelled),  // a cancelled action serves nothing
            Action("3", ActionOrigin.Reactive, objective: O4, attachedOn: D(2030, 1, 1)), // attached (whenever): serves O4
        ];
        // O1 served by #1, O4 by #3; O2 only by a cancelled action; O3 by none → [O3, O2] in input order.
        Assert.Equal(["O3", "O2"], Figures.ObjectivesWithoutAction(objectives, actions).Select(o => o.Code));
    }

    // ----- Past due ------------------------------------------------------------------------------------

    [Fact]
    public void Actions_past_due_count_days_late_and_leave_out_closed_ones()
    {
        var today = D(2025, 3, 10);
        ActionFacts[] actions =
        [
            Action("A-002", end: D(2025, 3, 1), status: ActionStatus.InProgress), // 9 days late
            Action("A-005", end: D(2025, 3, 9)),                                  // 1 day late
            Action("A-003", end: D(2025, 2, 8), status: ActionStatus.Done),       // done: not past due
            Action("A-004", end: today, status: ActionStatus.InProgress),         // ends today: not yet late
            Action("A-006", status: ActionStatus.InProgress),                     // no end date
            Action("A-001", end: D(2025, 3, 1), status: ActionStatus.Idea),       // 9 days late, same as A-002
            Action("A-007", end: D(2024, 6, 1), status: ActionStatus.Cancelled),  // cancelled: not past due
            Action("A-008", end: D(2024, 12, 31)),                                // 31 (Jan) + 28 (Feb) + 10 = 69 days late
        ];
        // Ordered by days late, then code: A-008 (69), A-001 (9), A-002 (9), A-005 (1).
        var late = Figures.ActionsPastDue(actions, today);

        Assert.Equal(["A-008", "A-001", "A-002", "A-005"], late.Select(p => p.Code));
        Assert.Equal([69, 9, 9, 1], late.Select(p => p.DaysLate));
        Assert.Equal(D(2024, 12, 31), late[0].End);
        Assert.Equal(actions[^1].Id, late[0].Id);
    }
}
