using Microsoft.EntityFrameworkCore;
using Nodal.Core;

namespace Nodal.Data;

/// <summary>The few steps every feature's service repeats on one record.</summary>
public static class RecordHelpers
{
    /// <summary>Moves the record to the Trash and saves; with a version, refuses (DbUpdateConcurrencyException)
    /// when someone changed the record after that version was read.</summary>
    public static async Task RemoveAsync<T>(this NodalDbContext db, T entity, long? version, CancellationToken ct) where T : TenantEntity
    {
        if (version is { } v) db.ExpectVersion(entity, v);
        db.Remove(entity);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The record as saved now, after a save lost a race: forgets this request's unsaved changes first,
    /// then reads it untracked (null when it is gone meanwhile).</summary>
    public static Task<T?> FreshAsync<T>(this NodalDbContext db, Guid id, CancellationToken ct) where T : TenantEntity
    {
        db.ChangeTracker.Clear();
        return db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
    }

    /// <summary>Whether every id names a record of the query (in this organization, not in the Trash).
    /// An id given twice counts once; an empty list is always true, without asking the database.</summary>
    public static async Task<bool> ContainsAllAsync<T>(this IQueryable<T> records, IReadOnlyCollection<Guid> ids, CancellationToken ct) where T : TenantEntity
    {
        if (ids.Count == 0) return true;
        var distinct = ids.Distinct().ToList();
        return await records.CountAsync(x => distinct.Contains(x.Id), ct) == distinct.Count;
    }
}
