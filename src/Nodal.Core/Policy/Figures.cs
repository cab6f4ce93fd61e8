namespace Nodal.Core.Policy;

// The figures the paper asks to see, computed from the data (never typed in). Each figure is one pure
// function over plain facts, so that it can be checked against a worked example by hand.

/// <summary>What the figures need to know about one action.</summary>
public sealed record ActionFacts(
    Guid Id,
    string Code,
    ActionOrigin Origin,
    Guid? ObjectiveId,
    DateOnly? AttachedOn,
    DateOnly? RequestedOn,
    DateOnly? Start,
    DateOnly? End,
    DateOnly CreatedOn,
    ActionStatus Status,
    Guid LeadDepartmentId,
    IReadOnlyList<Guid> InvolvedDepartmentIds,
    /// <summary>The action's own axes plus its objective's axes.</summary>
    IReadOnlyList<Guid> AxisIds,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> SdgTargets,
    IReadOnlyList<BudgetFacts> Budgets);

public sealed record BudgetFacts(int Year, decimal Planned, decimal Spent, string Currency);

public sealed record ObjectiveFacts(Guid Id, string Code, ObjectiveFamily Family, DateOnly? Deadline, IReadOnlyList<string> SdgTargets);

/// <summary>Planned vs reactive, counted in actions and in planned budget (one currency).</summary>
public sealed record PlannedShare(int PlannedActions, int ReactiveActions, decimal PlannedBudget, decimal ReactiveBudget)
{
    public int Actions => PlannedActions + ReactiveActions;
    /// <summary>0–1; null when there is nothing to share.</summary>
    public double? ActionShare => Actions == 0 ? null : (double)PlannedActions / Actions;
    public double? BudgetShare => PlannedBudget + ReactiveBudget == 0 ? null : (double)(PlannedBudget / (PlannedBudget + ReactiveBudget));
}

public sealed record YearShare(int Year, PlannedShare Share);

public enum FocusReading
{
    /// <summary>No classified action: nothing to read.</summary>
    None = 0,
    Focused = 1,
    Balanced = 2,
    Dispersed = 3,
}

/// <summary>One category's weight in a concentration figure (an axis, a country, a region).</summary>
public sealed record FocusShare(string Key, double Weight, double Share);

/// <summary>
/// A Herfindahl–Hirschman concentration over categories: HHI = Σ share², from 1/n (spread evenly over n)
/// to 1 (all in one). <see cref="Effective"/> = 1/HHI reads as "as concentrated as n equal categories".
/// </summary>
public sealed record Focus(double Hhi, double Effective, FocusReading Reading, IReadOnlyList<FocusShare> Shares, int Unclassified, int Classified);

public sealed record DepartmentEngagement(Guid DepartmentId, int Leads, int Involved);

public sealed record Transversality(int Engaged, int Total, IReadOnlyList<DepartmentEngagement> PerDepartment)
{
    public double? Share => Total == 0 ? null : (double)Engaged / Total;
}

public sealed record SdgGoalCount(int Goal, int Objectives, int Actions, IReadOnlyList<string> Targets);

public sealed record SdgCoverage(int GoalsTouched, int TargetsTouched, IReadOnlyList<SdgGoalCount> PerGoal);

public sealed record PastDue(Guid Id, string Code, DateOnly End, int DaysLate);

public static class Figures
{
    /// <summary>HHI at or above this reads "focused" (the competition authorities' "highly concentrated").</summary>
    public const double FocusedFrom = 0.25;
    /// <summary>HHI below this reads "dispersed"; in between, "balanced".</summary>
    public const double DispersedBelow = 0.15;

    public static PlannedShare PlannedVsReactive(IEnumerable<ActionFacts> actions, DateOnly asOf, string currency) =>
        throw new NotImplementedException();

    public static IReadOnlyList<YearShare> PlannedVsReactiveByYear(IEnumerable<ActionFacts> actions, string currency) =>
        throw new NotImplementedException();

    public static Focus ThematicFocus(IEnumerable<ActionFacts> actions, IReadOnlyCollection<Guid> thematicAxisIds) =>
        throw new NotImplementedException();

    public static Focus CountryFocus(IEnumerable<ActionFacts> actions) => throw new NotImplementedException();

    public static Focus RegionFocus(IEnumerable<ActionFacts> actions, Func<string, string?> regionOfCountry) =>
        throw new NotImplementedException();

    public static Focus Concentration(IEnumerable<IReadOnlyCollection<string>> categoriesPerItem) => throw new NotImplementedException();

    public static FocusReading Read(double hhi) => throw new NotImplementedException();

    public static Transversality Transversality(IEnumerable<ActionFacts> actions, IReadOnlyCollection<Guid> allDepartmentIds) =>
        throw new NotImplementedException();

    public static SdgCoverage SdgCoverage(IEnumerable<ObjectiveFacts> objectives, IEnumerable<ActionFacts> actions) =>
        throw new NotImplementedException();

    public static IReadOnlyList<ObjectiveFacts> ObjectivesWithoutAction(IEnumerable<ObjectiveFacts> objectives, IEnumerable<ActionFacts> actions) =>
        throw new NotImplementedException();

    public static IReadOnlyList<PastDue> ActionsPastDue(IEnumerable<ActionFacts> actions, DateOnly today) =>
        throw new NotImplementedException();

    /// <summary>The year an action counts in: its start, else when it was requested, else when it was recorded.</summary>
    public static int YearOf(ActionFacts a) => (a.Start ?? a.RequestedOn ?? a.CreatedOn).Year;
}
