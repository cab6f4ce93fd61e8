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
