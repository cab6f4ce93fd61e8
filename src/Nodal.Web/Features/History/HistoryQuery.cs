using System.Text.Json;
using Nodal.Core.Auditing;

namespace Nodal.Web.Features.History;

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record HistoryItem(Guid Id, string EntityType, Guid EntityId, string Label, AuditAction Action, DateTime At, string UserName, IReadOnlyList<FieldChange> Changes);

/// <summary>Reads the audit trail of one record, or of the whole organization, newest first.</summary>
public static class HistoryQuery
{
    public static async Task<IReadOnlyList<HistoryItem>> ForRecordAsync(NodalDbContext db, Guid entityId, CancellationToken ct, int take = 100)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return rows.Select(ToItem).ToList();
    }

    /// <summary>The trail of a record and of the records it is made of (an action's milestones and budget lines).</summary>
    public static async Task<IReadOnlyList<HistoryItem>> ForRecordsAsync(NodalDbContext db, IReadOnlyCollection<Guid> entityIds, CancellationToken ct, int take = 200)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => entityIds.Contains(a.EntityId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return rows.Select(ToItem).ToList();
    }

    public static HistoryItem ToItem(AuditEntry a) =>
        new(a.Id, a.EntityType, a.EntityId, a.Label, a.Action, a.At, a.UserName, Parse(a.Changes));

    private static List<FieldChange> Parse(string json)
    {
        var list = new List<FieldChange>();
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() != 2) continue;
            list.Add(new FieldChange(p.Name, Text(p.Value[0]), Text(p.Value[1])));
        }
        return list;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}

/// <summary>A field of the trail as people read it: "LeadDepartmentId" → "Lead department", "Name.Es" → "Name (es)",
/// in the reader's language where the interface already has that text (a form's label), else in English.</summary>
public static partial class FieldNames
{
    /// <summary>Fields whose words alone would take another text's meaning (a budget line's "Planned" is an amount,
    /// not a planned action), by record type.</summary>
    private static readonly Dictionary<(string Type, string Field), string> Overrides = new()
    {
        [("ActionBudget", "Planned")] = "Planned amount",
        [("ActionBudget", "Spent")] = "Spent amount",
    };

    public static string Label(string entityType, string field, IStringLocalizer L)
    {
        if (Overrides.TryGetValue((entityType, field), out var key)) return L[key].Value;
        var parts = field.Split('.');
        var main = Humanize(parts[0]);
        var text = L[main].Value;
        return parts.Length > 1 && parts[^1].Length == 2 ? $"{text} ({parts[^1].ToLowerInvariant()})"
            : parts.Length > 1 ? $"{text} · {L[Humanize(parts[^1])].Value}"
            : text;
    }

    public static string Humanize(string name)
    {
        if (name.EndsWith("Ids", StringComparison.Ordinal) && name.Length > 3) name = name[..^3] + "s";
        else if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2) name = name[..^2];
        var words = Words().Split(name).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return name;
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.All(char.IsUpper) && w.Length > 1 ? w : w.ToLowerInvariant()));
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial System.Text.RegularExpressions.Regex Words();
}
