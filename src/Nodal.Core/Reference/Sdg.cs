namespace Nodal.Core.Reference;

/// <summary>
/// The Sustainable Development Goals: 17 goals and 169 targets with their titles in es/en/fr.
/// TEMPORARY: the titles are loaded from embedded reference data (being added); codes are checked by shape until then.
/// </summary>
public static class Sdg
{
    public sealed record Goal(int Number, LocalizedText Short, LocalizedText Title);
    public sealed record Target(string Code, int Goal, LocalizedText Title);

    public static IReadOnlyList<Goal> Goals { get; } = Enumerable.Range(1, 17).Select(n => new Goal(n, new LocalizedText($"ODS {n}", $"SDG {n}", $"ODD {n}"), new LocalizedText())).ToList();
    public static IReadOnlyList<Target> Targets { get; } = [];

    public static bool IsGoal(int number) => number is >= 1 and <= 17;
    public static bool IsTarget(string? code) => code is not null && System.Text.RegularExpressions.Regex.IsMatch(code, @"^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-d])$");
    /// <summary>The goal a target code belongs to ("11.2" → 11); 0 when the code is not a target.</summary>
    public static int GoalOf(string code) => IsTarget(code) ? int.Parse(code.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
    public static Target? FindTarget(string code) => Targets.FirstOrDefault(t => t.Code == code);
}
