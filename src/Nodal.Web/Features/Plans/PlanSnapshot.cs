using System.Globalization;
using System.Text.Json;

namespace Nodal.Web.Features.Plans;

/// <summary>One record of a frozen plan: its id, a label and its fields as invariant text.</summary>
public sealed record SnapshotItem(Guid Id, string Label, SortedDictionary<string, string?> Fields);

/// <summary>
/// A plan as adopted: the plan's own fields and its analysis, axes, objectives and actions, each a list of
/// <see cref="SnapshotItem"/>. References are written as codes or names (not ids) so that a comparison
/// reads well years later, and values in the invariant culture.
/// </summary>
public sealed class PlanSnapshot
{
    public const string PlanSection = "plan", AnalysisSection = "analysis", AxesSection = "axes", ObjectivesSection = "objectives", ActionsSection = "actions";
    public static readonly IReadOnlyList<string> Sections = [PlanSection, AnalysisSection, AxesSection, ObjectivesSection, ActionsSection];

    public Dictionary<string, List<SnapshotItem>> Items { get; set; } = new();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot FromJson(string json) => JsonSerializer.Deserialize<PlanSnapshot>(json, Json) ?? new PlanSnapshot();

    /// <summary>Reads the plan as it is now.</summary>
    public static async Task<PlanSnapshot> TakeAsync(NodalDbContext db, StrategicPlan p, CancellationToken ct)
    {
        var lang = db.Tenant.DefaultLanguage;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var analysis = await db.AnalysisItems.AsNoTracking().Where(a => a.PlanId == p.Id).OrderBy(a => a.Kind).ThenBy(a => a.SortOrder).ToListAsync(ct);
        var axes = await db.Axes.AsNoTracking().Where(a => a.PlanId == p.Id).OrderBy(a => a.Priority).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PlanId == p.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == p.Id).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.Modality, a.LeadDepartmentId, a.Status, a.Start, a.End, a.Countries, a.SdgTargets }).ToListAsync(ct);
        var budgets = await (from b in db.Budgets join a in db.Actions on b.ActionId equals a.Id where a.PlanId == p.Id select new { b.ActionId, b.Planned, b.Currency })
            .AsNoTracking().ToListAsync(ct);
        var budgetByAction = budgets.GroupBy(b => b.ActionId).ToDictionary(g => g.Key,
            g => string.Join("; ", g.GroupBy(b => b.Currency).OrderBy(c => c.Key).Select(c => $"{c.Sum(b => b.Planned).ToString("0.00", CultureInfo.InvariantCulture)} {c.Key}")));

        string? Dept(Guid? id) => id is { } d && departments.TryGetValue(d, out var code) ? code : null;
        var axisNames = axes.ToDictionary(a => a.Id, a => a.Name.Get(lang));
        var objectiveCodes = objectives.ToDictionary(o => o.Id, o => o.Code);
        var analysisLabels = analysis.ToDictionary(a => a.Id, a => a.Statement.Get(lang));

        var s = new PlanSnapshot();
        s.Items[PlanSection] =
        [
            new SnapshotItem(p.Id, p.Title.Get(lang), Fields(
                ("Title", Text(p.Title)), ("Horizon", $"{p.StartYear}–{p.EndYear}"), ("Vision", Text(p.Vision)), ("CityModel", Text(p.CityModel)),
                ("CityPlan", p.CityPlanName), ("CityPlanUrl", p.CityPlanUrl), ("CityPlanObjectives", p.CityPlanObjectives))),
        ];
        s.Items[AnalysisSection] = analysis.Select(a => new SnapshotItem(a.Id, a.Statement.Get(lang), Fields(
            ("Kind", a.Kind.ToString()), ("Area", a.Area.ToString()), ("Statement", Text(a.Statement))))).ToList();
        s.Items[AxesSection] = axes.Select(a => new SnapshotItem(a.Id, a.Name.Get(lang), Fields(
            ("Kind", a.Kind.ToString()), ("Name", Text(a.Name)), ("Priority", a.Priority.ToString(CultureInfo.InvariantCulture)),
            ("Regions", List(a.Regions)), ("Countries", List(a.Countries)),
            ("Analysis", List(a.AnalysisItemIds.Select(i => analysisLabels.GetValueOrDefault(i, "?")))))) ).ToList();
        s.Items[ObjectivesSection] = objectives.Select(o => new SnapshotItem(o.Id, $"{o.Code} — {o.Statement.Get(lang)}", Fields(
            ("Code", o.Code), ("Family", o.Family.ToString()), ("Statement", Text(o.Statement)),
            ("Axes", List(o.AxisIds.Select(i => axisNames.GetValueOrDefault(i, "?")))), ("Owner", Dept(o.OwnerDepartmentId)),
            ("Deadline", o.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("SdgTargets", List(o.SdgTargets)),
            ("CityPlanObjective", o.CityPlanObjective), ("LegalBasis", Text(o.LegalBasis))))).ToList();
        s.Items[ActionsSection] = actions.Select(a => new SnapshotItem(a.Id, $"{a.Code} — {a.Title.Get(lang)}", Fields(
            ("Code", a.Code), ("Title", Text(a.Title)), ("Origin", a.Origin.ToString()),
            ("Objective", a.ObjectiveId is { } oid ? objectiveCodes.GetValueOrDefault(oid, "?") : null),
            ("Modality", a.Modality.ToString()), ("Lead", Dept(a.LeadDepartmentId)), ("Status", a.Status.ToString()),
            ("Start", a.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("End", a.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Countries", List(a.Countries)), ("SdgTargets", List(a.SdgTargets)), ("Budget", budgetByAction.GetValueOrDefault(a.Id))))).ToList();
        return s;
    }

    private static SortedDictionary<string, string?> Fields(params (string Key, string? Value)[] fields)
    {
        var d = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (k, v) in fields) d[k] = string.IsNullOrWhiteSpace(v) ? null : v;
        return d;
    }

    private static string? Text(LocalizedText t) =>
        t.IsEmpty ? null : string.Join(" | ", LocalizedText.Languages.Where(l => !string.IsNullOrWhiteSpace(t[l])).Select(l => $"{l}: {t[l]}"));

    private static string? List(IEnumerable<string> values)
    {
        var all = values.ToList();
        return all.Count == 0 ? null : string.Join(", ", all);
    }
}

public enum ChangeKind { Added, Changed, Dropped }

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record ItemChange(string Section, ChangeKind Kind, Guid Id, string Label, IReadOnlyList<FieldChange> Fields);

public static class PlanComparison
{
    /// <summary>What was added, changed and dropped from <paramref name="before"/> to <paramref name="after"/>, section by section.</summary>
    public static IReadOnlyList<ItemChange> Compare(PlanSnapshot before, PlanSnapshot after)
    {
        var changes = new List<ItemChange>();
        foreach (var section in PlanSnapshot.Sections)
        {
            var a = before.Items.GetValueOrDefault(section) ?? [];
            var b = after.Items.GetValueOrDefault(section) ?? [];
            var byId = a.ToDictionary(i => i.Id);
            var afterIds = b.Select(i => i.Id).ToHashSet();
            foreach (var item in b)
            {
                if (!byId.TryGetValue(item.Id, out var old))
                {
                    changes.Add(new ItemChange(section, ChangeKind.Added, item.Id, item.Label,
                        item.Fields.Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, null, f.Value)).ToList()));
                    continue;
                }
                var fields = old.Fields.Keys.Union(item.Fields.Keys).OrderBy(k => k, StringComparer.Ordinal)
                    .Select(k => new FieldChange(k, old.Fields.GetValueOrDefault(k), item.Fields.GetValueOrDefault(k)))
                    .Where(f => f.Before != f.After).ToList();
                if (fields.Count > 0) changes.Add(new ItemChange(section, ChangeKind.Changed, item.Id, item.Label, fields));
            }
            foreach (var old in a.Where(i => !afterIds.Contains(i.Id)))
                changes.Add(new ItemChange(section, ChangeKind.Dropped, old.Id, old.Label,
                    old.Fields.Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, f.Value, null)).ToList()));
        }
        return changes;
    }
}
