using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nodal.Core;
using Nodal.Core.Auditing;
using Nodal.Core.Organizations;

namespace Nodal.Data;

/// <summary>
/// Runs inside every save: guards the tenant boundary, turns deletions into Trash moves, bumps
/// versions and writes one audit entry per changed record (who, when, before, after).
/// </summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static List<AuditEntry> Prepare(NodalDbContext db, DateTime now)
    {
        var tenant = db.Tenant;
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;

            if (entry.Entity is AuditEntry audit)
            {
                if (entry.State != EntityState.Added) throw new InvalidOperationException("The audit trail is append-only.");
                GuardTenant(tenant, audit.OrganizationId, audit.OrganizationId);
                continue;
            }

            if (entry.Entity is ITenantOwned owned)
            {
                if (entry.State == EntityState.Added && owned.OrganizationId == Guid.Empty)
                {
                    owned.OrganizationId = tenant.OrganizationId
                        ?? throw new TenantViolationException($"A {entry.Metadata.ClrType.Name} was added outside any organization.");
                }
                var original = entry.State == EntityState.Added
                    ? owned.OrganizationId
                    : (Guid)entry.Property(nameof(ITenantOwned.OrganizationId)).OriginalValue!;
                GuardTenant(tenant, original, owned.OrganizationId);
            }
            else if (entry.Entity is Organization org && entry.State != EntityState.Added && !tenant.IsSystem && tenant.OrganizationId != org.Id)
            {
                throw new TenantViolationException("An organization may only be changed from inside itself.");
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };

            if (entry.Entity is ISoftDeletable soft)
            {
                if (entry.State == EntityState.Deleted)
                {
                    entry.State = EntityState.Modified;
                    soft.DeletedAt = now;
                    soft.DeletedBy = tenant.UserName;
                    action = AuditAction.Deleted;
                }
                else if (entry.State == EntityState.Modified && entry.Property(nameof(ISoftDeletable.DeletedAt)).IsModified)
                {
                    action = soft.DeletedAt is null ? AuditAction.Restored : AuditAction.Deleted;
                }
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            }
            SetTimestamps(entry, now);

            var changes = Changes(entry, action);
            if (action == AuditAction.Updated && changes.Count == 0) continue;

            var orgId = entry.Entity switch
            {
                ITenantOwned o => o.OrganizationId,
                Organization o => o.Id,
                _ => (Guid?)null,
            };
            if (orgId is null) continue;

            entries.Add(new AuditEntry
            {
                OrganizationId = orgId.Value,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = (Guid)entry.Property("Id").CurrentValue!,
                Action = action,
                At = now,
                UserId = tenant.UserId,
                UserName = tenant.UserName,
                Changes = JsonSerializer.Serialize(changes, Json),
                Label = Truncate(entry.Entity switch
                {
                    TenantEntity t => t.Describe(tenant.DefaultLanguage),
                    Organization o => o.DisplayName(tenant.DefaultLanguage),
                    _ => "",
                }, 400),
            });
        }
        return entries;
    }

    private static void GuardTenant(TenantContext tenant, Guid original, Guid current)
    {
        if (original != current)
            throw new TenantViolationException("A record cannot move to another organization.");
        if (!tenant.IsSystem && tenant.OrganizationId != current)
            throw new TenantViolationException("A record of another organization cannot be written.");
        if (tenant.IsSystem && tenant.OrganizationId is { } only && only != current)
            throw new TenantViolationException("A record of another organization cannot be written.");
    }

    private static void SetTimestamps(EntityEntry entry, DateTime now)
    {
        switch (entry.Entity)
        {
            case TenantEntity t:
                if (entry.State == EntityState.Added) t.CreatedAt = now;
                t.UpdatedAt = now;
                break;
            case Organization o:
                if (entry.State == EntityState.Added) o.CreatedAt = now;
                o.UpdatedAt = now;
                break;
        }
    }

    private static SortedDictionary<string, object?[]> Changes(EntityEntry entry, AuditAction action)
    {
        var result = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var (name, prop) in AllProperties(entry))
        {
            if (IsIgnored(entry.Metadata.ClrType, name)) continue;
            var before = action == AuditAction.Created ? null : prop.OriginalValue;
            var after = prop.CurrentValue;
            if (action == AuditAction.Created && after is null) continue;
            if (action is AuditAction.Updated or AuditAction.Deleted or AuditAction.Restored && Same(prop, before, after)) continue;
            result[name] = [before, after];
        }
        return result;
    }

    /// <summary>Lists (primitive collections) compare by content, through the property's value comparer.</summary>
    private static bool Same(PropertyEntry prop, object? before, object? after) =>
        Equals(before, after) || (prop.Metadata.GetValueComparer() is { } comparer && comparer.Equals(before, after));

    private static IEnumerable<(string Name, PropertyEntry Entry)> AllProperties(EntityEntry entry)
    {
        foreach (var p in entry.Properties) yield return (p.Metadata.Name, p);
        foreach (var c in entry.ComplexProperties)
            foreach (var p in c.Properties)
                yield return ($"{c.Metadata.Name}.{p.Metadata.Name}", p);
    }

    private static readonly HashSet<string> Housekeeping =
        [nameof(TenantEntity.Version), nameof(TenantEntity.UpdatedAt), nameof(TenantEntity.CreatedAt), nameof(TenantEntity.OrganizationId), "Id", nameof(TenantEntity.DeletedBy)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), bool> Ignored = new();

    /// <summary>Whether a property stays out of the audit (housekeeping, or marked [NotAudited]); cached per type and name.</summary>
    private static bool IsIgnored(Type type, string name) => Ignored.GetOrAdd((type, name), static key =>
    {
        var (type, name) = key;
        if (Housekeeping.Contains(name)) return true;
        var prop = type.GetProperty(name.Split('.')[0], BindingFlags.Public | BindingFlags.Instance);
        return prop?.GetCustomAttribute<NotAuditedAttribute>() is not null;
    });

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
