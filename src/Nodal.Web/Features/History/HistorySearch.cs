using Nodal.Core.Auditing;
using Nodal.Web.Features.Trash;

namespace Nodal.Web.Features.History;

/// <summary>What the organization's history is filtered by: kind of record, who, when, words of the record's label.</summary>
public sealed class HistoryFilter
{
    /// <summary>A kind name as the Trash names it (Action, Agreement…) or Organization, Member, Milestone, BudgetLine, PlanVersion, MaturityRecord.</summary>
    public string? Kind { get; set; }
    /// <summary>Part of the name or email of who made the change.</summary>
    public string? Who { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Part of the record's label (its name or code when it was changed).</summary>
    public string? Q { get; set; }
    /// <summary>"oldest" for the oldest first; newest first otherwise.</summary>
    public string? Order { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    public int? PageSize { get; set; }
}

public static class HistorySearch
{
    /// <summary>Kinds of records the trail names, by stored type name → the kind's name (also its interface text key).</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = BuildKinds();

    private static Dictionary<string, string> BuildKinds()
    {
        var kinds = TrashService.Kinds.ToDictionary(k => k.Value.Name, k => k.Key);
        kinds[nameof(Organization)] = "Organization";
        kinds[nameof(Membership)] = "Member";
        kinds[nameof(Nodal.Core.Policy.ActionMilestone)] = "Milestone";
        kinds[nameof(Nodal.Core.Policy.ActionBudget)] = "Budget line";
        kinds[nameof(Nodal.Core.Policy.PlanVersion)] = "Plan version";
        kinds[nameof(Nodal.Core.Monitoring.MaturityRecord)] = "Maturity record";
        kinds[nameof(ApiToken)] = "Access token";
        return kinds;
    }

    /// <summary>The stored type names of records whose history the reader may not see.</summary>
    public static IReadOnlyList<string> Hidden(TenantContext tenant)
    {
        var hidden = new List<string>();
        if (!tenant.Can(Capability.ReadContacts)) hidden.Add(nameof(Nodal.Core.Relations.Contact));
        if (!tenant.Can(Capability.ManageMembers)) hidden.AddRange([nameof(Membership), nameof(ApiToken)]);
        return hidden;
    }

    /// <summary>The kind's interface text key for a stored type name (the type name itself when unknown).</summary>
    public static string KindKey(string entityType) => Kinds.GetValueOrDefault(entityType, entityType);

    public static async Task<PagedList<HistoryItem>> SearchAsync(NodalDbContext db, HistoryFilter f, CancellationToken ct)
    {
        IQueryable<AuditEntry> q = db.AuditEntries.AsNoTracking();
        // The trail shows what the reader may see elsewhere: contacts' details only to those who read contacts,
        // members (emails, roles, account events) and tokens only to those who manage members.
        var hidden = Hidden(db.Tenant);
        if (hidden.Count > 0) q = q.Where(a => !hidden.Contains(a.EntityType));
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            var types = Kinds.Where(k => string.Equals(k.Value, f.Kind.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => k.Key).ToList();
            q = q.Where(a => types.Contains(a.EntityType));
        }
        if (!string.IsNullOrWhiteSpace(f.Who))
        {
            var who = Listing.LikePattern(f.Who);
            q = q.Where(a => EF.Functions.Like(a.UserName.ToLower(), who, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = Listing.LikePattern(f.Q);
            q = q.Where(a => EF.Functions.Like(a.Label.ToLower(), text, "\\"));
        }
        if (f.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < end);
        }
        var oldest = string.Equals(f.Order, "oldest", StringComparison.OrdinalIgnoreCase);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize ?? 50, 1, ListQuery.MaxPageSize);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var page = Math.Clamp(f.Page ?? 1, 1, pages);
        var ordered = oldest ? q.OrderBy(a => a.At).ThenBy(a => a.Id) : q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<HistoryItem>(rows.Select(HistoryQuery.ToItem).ToList(), total, page, size, oldest ? "oldest" : "newest", !oldest);
    }
}
