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
    /// <summary>
    /// Budget lines left out because they are in another currency than the one asked for (amounts in
    /// different currencies are never added up). Non-zero means the budget figure is partial.
    /// </summary>
    public int SkippedLines { get; init; }

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

    /// <summary>
    /// Planned vs reactive on one day. Cancelled actions are left out. An action is planned on
    /// <paramref name="asOf"/> when it sits under an objective and, if it arrived as a request, was attached
    /// by then: <c>ObjectiveId ≠ null ∧ (Origin = Planned ∨ AttachedOn = null ∨ AttachedOn ≤ asOf)</c>
    /// (<see cref="IsPlannedOn"/>); otherwise it is reactive.
    /// <para>
    /// PlannedActions = #planned, ReactiveActions = #reactive;
    /// PlannedBudget = Σ <c>Planned</c> over the budget lines (all years) of planned actions whose currency is
    /// <paramref name="currency"/> (compared ignoring case), ReactiveBudget likewise for reactive actions.
    /// Lines in any other currency are not converted nor added: they are counted in
    /// <see cref="PlannedShare.SkippedLines"/>.
    /// </para>
    /// </summary>
    public static PlannedShare PlannedVsReactive(IEnumerable<ActionFacts> actions, DateOnly asOf, string currency)
    {
        int planned = 0, reactive = 0, skipped = 0;
        decimal plannedBudget = 0, reactiveBudget = 0;
        foreach (var a in Live(actions))
        {
            var isPlanned = IsPlannedOn(a, asOf);
            if (isPlanned) planned++;
            else reactive++;
            foreach (var line in a.Budgets)
            {
                if (!SameCurrency(line.Currency, currency)) { skipped++; continue; }
                if (isPlanned) plannedBudget += line.Planned;
                else reactiveBudget += line.Planned;
            }
        }
        return new PlannedShare(planned, reactive, plannedBudget, reactiveBudget) { SkippedLines = skipped };
    }

    /// <summary>
    /// Planned vs reactive year by year, so that the trend shows. Cancelled actions are left out.
    /// The years are every <see cref="YearOf"/> of an action and every year of a budget line (in any
    /// currency), ascending. For a year Y, with D = 31 December of Y:
    /// <list type="bullet">
    /// <item>actions: those with <c>YearOf(a) = Y</c>, each planned when <c>IsPlannedOn(a, D)</c>, else reactive —
    /// so a request of 2024 attached to an objective in 2025 counts reactive in 2024;</item>
    /// <item>budget: the budget lines of year Y of every action (whatever its own year) in
    /// <paramref name="currency"/>, Σ <c>Planned</c>, each on the planned or reactive side by
    /// <c>IsPlannedOn(a, D)</c> — so that request's 2025 line counts planned;</item>
    /// <item><see cref="PlannedShare.SkippedLines"/>: the lines of year Y in another currency.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<YearShare> PlannedVsReactiveByYear(IEnumerable<ActionFacts> actions, string currency)
    {
        var live = Live(actions).ToList();
        var years = new SortedSet<int>();
        foreach (var a in live)
        {
            years.Add(YearOf(a));
            foreach (var line in a.Budgets) years.Add(line.Year);
        }

        var result = new List<YearShare>(years.Count);
        foreach (var year in years)
        {
            var endOfYear = new DateOnly(year, 12, 31);
            int planned = 0, reactive = 0, skipped = 0;
            decimal plannedBudget = 0, reactiveBudget = 0;
            foreach (var a in live)
            {
                var isPlanned = IsPlannedOn(a, endOfYear);
                if (YearOf(a) == year)
                {
                    if (isPlanned) planned++;
                    else reactive++;
                }
                foreach (var line in a.Budgets)
                {
                    if (line.Year != year) continue;
                    if (!SameCurrency(line.Currency, currency)) { skipped++; continue; }
                    if (isPlanned) plannedBudget += line.Planned;
                    else reactiveBudget += line.Planned;
                }
            }
            result.Add(new YearShare(year, new PlannedShare(planned, reactive, plannedBudget, reactiveBudget) { SkippedLines = skipped }));
        }
        return result;
    }

    /// <summary>
    /// Thematic focus: <see cref="Concentration"/> over the non-cancelled actions, each classified by its
    /// axes (its own and its objective's) that are in <paramref name="thematicAxisIds"/>; geographic or
    /// unknown axes are ignored, and an action with no thematic axis is unclassified. Keys are the axis
    /// ids in "D" format.
    /// </summary>
    public static Focus ThematicFocus(IEnumerable<ActionFacts> actions, IReadOnlyCollection<Guid> thematicAxisIds)
    {
        var thematic = thematicAxisIds as IReadOnlySet<Guid> ?? thematicAxisIds.ToHashSet();
        return Concentration(Live(actions).Select(a =>
            (IReadOnlyCollection<string>)a.AxisIds.Where(thematic.Contains).Select(id => id.ToString("D")).ToList()));
    }

    /// <summary>
    /// Geographic focus by country: <see cref="Concentration"/> over the non-cancelled actions, each
    /// classified by its ISO 3166-1 country codes (trimmed, upper-cased, blanks dropped). An action in
    /// two countries gives ½ to each; an action with no country is unclassified.
    /// </summary>
    public static Focus CountryFocus(IEnumerable<ActionFacts> actions) =>
        Concentration(Live(actions).Select(a => (IReadOnlyCollection<string>)CountriesOf(a).ToList()));

    /// <summary>
    /// Geographic focus by region: <see cref="Concentration"/> over the non-cancelled actions, each
    /// classified by the distinct regions of its countries (<paramref name="regionOfCountry"/> is given the
    /// upper-case ISO code). Countries with no region (null or blank) are dropped; an action left with no
    /// region is unclassified. Two countries of the same region give that region the whole weight 1.
    /// </summary>
    public static Focus RegionFocus(IEnumerable<ActionFacts> actions, Func<string, string?> regionOfCountry) =>
        Concentration(Live(actions).Select(a => (IReadOnlyCollection<string>)CountriesOf(a)
            .Select(regionOfCountry)
            .Where(r => !string.IsNullOrWhiteSpace(r))
            .Select(r => r!)
            .ToList()));

    /// <summary>
    /// Herfindahl–Hirschman concentration. Each item spreads a weight of 1 equally over its distinct
    /// categories (compared ordinally; blank ones ignored): an item with k categories gives 1/k to each.
    /// Items with no category are <see cref="Focus.Unclassified"/> and take no part; the others are
    /// <see cref="Focus.Classified"/>. With W = Σ weights (= Classified):
    /// <c>share_c = weight_c / W</c>, <c>HHI = Σ share_c²</c>, <c>Effective = 1 / HHI</c>,
    /// <c>Reading = Read(HHI)</c>. Shares are ordered by weight descending, then by key (ordinal).
    /// With no classified item: HHI 0, Effective 0, Reading <see cref="FocusReading.None"/>, no shares.
    /// <example>3 items on A, 1 on B → shares 0.75 / 0.25 → HHI 0.5625 + 0.0625 = 0.625 → focused, effective 1.6.</example>
    /// </summary>
    public static Focus Concentration(IEnumerable<IReadOnlyCollection<string>> categoriesPerItem)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        int classified = 0, unclassified = 0;
        foreach (var item in categoriesPerItem)
        {
            var distinct = item.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 0) { unclassified++; continue; }
            classified++;
            var part = 1.0 / distinct.Count;
            foreach (var c in distinct) weights[c] = weights.GetValueOrDefault(c) + part;
        }
        if (classified == 0) return new Focus(0, 0, FocusReading.None, [], unclassified, 0);

        var total = weights.Values.Sum();
        var shares = weights
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FocusShare(kv.Key, kv.Value, kv.Value / total))
            .ToList();
        var hhi = shares.Sum(s => s.Share * s.Share);
        return new Focus(hhi, 1 / hhi, Read(hhi), shares, unclassified, classified);
    }

    /// <summary>
    /// Reads an HHI: <c>hhi ≥ FocusedFrom (0.25)</c> → focused; <c>hhi &lt; DispersedBelow (0.15)</c> →
    /// dispersed; otherwise balanced. (Only <see cref="Concentration"/> says <see cref="FocusReading.None"/>,
    /// when nothing is classified.)
    /// </summary>
    public static FocusReading Read(double hhi) =>
        hhi >= FocusedFrom ? FocusReading.Focused
        : hhi < DispersedBelow ? FocusReading.Dispersed
        : FocusReading.Balanced;

    /// <summary>
    /// How transversal the international action is across the institution, over the non-cancelled actions.
    /// For each department d of <paramref name="allDepartmentIds"/> (duplicates once):
    /// <c>Leads_d</c> = #actions it leads; <c>Involved_d</c> = #actions listing it as involved when it does
    /// not lead them (a lead also listed as involved counts only as lead). d is engaged when
    /// <c>Leads_d + Involved_d &gt; 0</c>. Engaged = #engaged departments of the list (departments outside the
    /// list, e.g. removed ones, are not counted); Total = #departments in the list; Share = Engaged / Total.
    /// PerDepartment lists every department of the list, zeros included, ordered by
    /// <c>Leads + Involved</c> descending, then by id.
    /// </summary>
    public static Transversality Transversality(IEnumerable<ActionFacts> actions, IReadOnlyCollection<Guid> allDepartmentIds)
    {
        var leads = new Dictionary<Guid, int>();
        var involved = new Dictionary<Guid, int>();
        foreach (var a in Live(actions))
        {
            leads[a.LeadDepartmentId] = leads.GetValueOrDefault(a.LeadDepartmentId) + 1;
            foreach (var d in a.InvolvedDepartmentIds.Distinct())
                if (d != a.LeadDepartmentId) involved[d] = involved.GetValueOrDefault(d) + 1;
        }
        var per = allDepartmentIds.Distinct()
            .Select(d => new DepartmentEngagement(d, leads.GetValueOrDefault(d), involved.GetValueOrDefault(d)))
            .OrderByDescending(e => e.Leads + e.Involved).ThenBy(e => e.DepartmentId)
            .ToList();
        return new Transversality(per.Count(e => e.Leads + e.Involved > 0), per.Count, per);
    }

    /// <summary>
    /// How the objectives and the non-cancelled actions cover the global agenda. Target codes are trimmed
    /// and lower-cased; codes that are not SDG targets (<see cref="Reference.Sdg.IsTarget"/>) are ignored.
    /// TargetsTouched = #distinct targets over all objectives and actions; GoalsTouched = #distinct goals of
    /// those targets. PerGoal, for every goal touched in goal order: Objectives = #objectives with at least
    /// one target of the goal, Actions = #actions likewise (an item counts once per goal however many of
    /// its targets are in it), and Targets = the distinct targets of the goal touched, in natural order
    /// (11.2 before 11.10, numbered targets before lettered ones: 11.7 before 11.a).
    /// </summary>
    public static SdgCoverage SdgCoverage(IEnumerable<ObjectiveFacts> objectives, IEnumerable<ActionFacts> actions)
    {
        var targetsByGoal = new SortedDictionary<int, SortedSet<string>>();
        var objectivesByGoal = new Dictionary<int, int>();
        var actionsByGoal = new Dictionary<int, int>();

        void Count(IEnumerable<string> codes, Dictionary<int, int> itemsByGoal)
        {
            var targets = codes.Select(c => c?.Trim().ToLowerInvariant()).Where(Reference.Sdg.IsTarget).Select(c => c!).ToList();
            foreach (var t in targets)
            {
                var goal = Reference.Sdg.GoalOf(t);
                if (!targetsByGoal.TryGetValue(goal, out var set))
                    targetsByGoal[goal] = set = new SortedSet<string>(NaturalTargetOrder.Instance);
                set.Add(t);
            }
            foreach (var goal in targets.Select(Reference.Sdg.GoalOf).Distinct())
                itemsByGoal[goal] = itemsByGoal.GetValueOrDefault(goal) + 1;
        }

        foreach (var o in objectives) Count(o.SdgTargets, objectivesByGoal);
        foreach (var a in Live(actions)) Count(a.SdgTargets, actionsByGoal);

        var perGoal = targetsByGoal
            .Select(g => new SdgGoalCount(g.Key, objectivesByGoal.GetValueOrDefault(g.Key), actionsByGoal.GetValueOrDefault(g.Key), g.Value.ToList()))
            .ToList();
        return new SdgCoverage(perGoal.Count, perGoal.Sum(g => g.Targets.Count), perGoal);
    }

    /// <summary>
    /// Objectives no live action serves: those for which no non-cancelled action has
    /// <c>ObjectiveId</c> equal to their id (a reactive action attached to it counts whatever the date).
    /// In input order.
    /// </summary>
    public static IReadOnlyList<ObjectiveFacts> ObjectivesWithoutAction(IEnumerable<ObjectiveFacts> objectives, IEnumerable<ActionFacts> actions)
    {
        var served = Live(actions).Where(a => a.ObjectiveId is not null).Select(a => a.ObjectiveId!.Value).ToHashSet();
        return objectives.Where(o => !served.Contains(o.Id)).ToList();
    }

    /// <summary>
    /// Actions past their end date and not closed: <c>End &lt; today</c> and Status neither Done nor
    /// Cancelled (actions with no end date are never past due). <c>DaysLate = today − End</c> in days
    /// (so at least 1). Ordered by DaysLate descending, then by Code (ordinal).
    /// </summary>
    public static IReadOnlyList<PastDue> ActionsPastDue(IEnumerable<ActionFacts> actions, DateOnly today) =>
        actions
            .Where(a => a.Status is not (ActionStatus.Done or ActionStatus.Cancelled) && a.End is { } end && end < today)
            .Select(a => new PastDue(a.Id, a.Code, a.End!.Value, today.DayNumber - a.End.Value.DayNumber))
            .OrderByDescending(p => p.DaysLate).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The year an action counts in: its start, else when it was requested, else when it was recorded.</summary>
    public static int YearOf(ActionFacts a) => (a.Start ?? a.RequestedOn ?? a.CreatedOn).Year;

    /// <summary>
    /// Planned on a given day: under an objective, and attached by then if it arrived as a request
    /// (the rule of <see cref="PolicyAction.IsPlannedOn"/>).
    /// </summary>
    public static bool IsPlannedOn(ActionFacts a, DateOnly day) =>
        a.ObjectiveId is not null && (a.Origin == ActionOrigin.Planned || a.AttachedOn is null || a.AttachedOn <= day);

    private static IEnumerable<ActionFacts> Live(IEnumerable<ActionFacts> actions) =>
        actions.Where(a => a.Status != ActionStatus.Cancelled);

    private static bool SameCurrency(string a, string b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> CountriesOf(ActionFacts a) =>
        a.Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal);

    /// <summary>SDG target codes in natural order: by goal, then numbered targets by number, then lettered ones.</summary>
    private sealed class NaturalTargetOrder : IComparer<string>
    {
        public static readonly NaturalTargetOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var (gx, nx, sx) = Split(x);
            var (gy, ny, sy) = Split(y);
            var c = gx.CompareTo(gy);
            if (c != 0) return c;
            // Numbered targets before lettered ones (Split gives a lettered target the number −1).
            var lx = nx < 0;
            var ly = ny < 0;
            if (lx != ly) return lx ? 1 : -1;
            c = nx.CompareTo(ny);
            return c != 0 ? c : string.CompareOrdinal(sx, sy);
        }

        private static (int Goal, int Number, string Suffix) Split(string code)
        {
            var dot = code.IndexOf('.');
            var goal = dot > 0 && int.TryParse(code.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : 0;
            var suffix = dot >= 0 ? code[(dot + 1)..] : code;
            var number = int.TryParse(suffix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
            return (goal, number, suffix);
        }
    }
}
