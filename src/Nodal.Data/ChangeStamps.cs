using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;

namespace Nodal.Data;

/// <summary>Which areas a save touches, and the statement that bumps their <see cref="ChangeStamp"/>.</summary>
public static class ChangeStamps
{
    public const string Policy = "policy";
    public const string Monitoring = "monitoring";

    /// <summary>The area a record belongs to for the caches, or null.</summary>
    public static string? AreaOf(object entity) => entity switch
    {
        StrategicPlan or Objective or Axis or PolicyAction or ActionBudget or ActionMilestone or AnalysisItem or Department => Policy,
        Indicator or IndicatorTarget or Measurement or Externality or Mitigation or Evaluation or Recommendation => Monitoring,
        _ => null,
    };

    public static IReadOnlyList<(Guid Organization, string Area)> Touched(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is ITenantOwned)
            .Select(e => (Org: ((ITenantOwned)e.Entity).OrganizationId, Area: AreaOf(e.Entity)))
            .Where(x => x.Area is not null && x.Org != Guid.Empty)
            .Select(x => (x.Org, x.Area!))
            .Distinct()
            // Always the same order, so two saves bumping the same stamps never wait on each other crosswise.
            .OrderBy(x => x.Item1).ThenBy(x => x.Item2, StringComparer.Ordinal).ToList();

    /// <summary>Insert-or-increment; the same text on SQLite (3.24+) and PostgreSQL.</summary>
    public const string BumpSql =
        "INSERT INTO \"ChangeStamps\" (\"OrganizationId\", \"Area\", \"Value\") VALUES ({0}, {1}, 1) " +
        "ON CONFLICT (\"OrganizationId\", \"Area\") DO UPDATE SET \"Value\" = \"ChangeStamps\".\"Value\" + 1";

    public static object[] Parameters(DbContext db, Guid organization, string area) =>
        // SQLite keeps GUIDs as upper-case text, as EF writes and reads them there.
        [db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true ? organization.ToString("D").ToUpperInvariant() : organization, area];
}
