using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.Trash;

public enum RestoreOutcome
{
    Restored,
    NotFound,
    /// <summary>A live record has taken its place (a measurement of the same indicator and period).</summary>
    Occupied,
}

/// <summary>What a Trash list asks for: one kind or all, search in the labels, sort (by the deletion date), paging.</summary>
public sealed class TrashListQuery
{
    /// <summary>Searches the records' labels (case and accents ignored).</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>One kind of record (see the restore endpoint for the kinds); all kinds when empty.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    /// <summary>deleted (the only key).</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc; newest first unless asked otherwise.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }

    public ListQuery ToListQuery() => new() { Q = Q, Sort = TrashService.SortKey, Dir = Dir ?? "desc", Page = Page, PageSize = PageSize };
}

public sealed record TrashItem(string Type, Guid Id, string Label, DateTime DeletedAt, string? DeletedBy);

/// <summary>
/// Deleted records of every kind a feature registers, and restoring them. A feature makes its records
/// restorable by adding its type to <see cref="Kinds"/>.
/// </summary>
public sealed class TrashService(NodalDbContext db)
{
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["Department"] = typeof(Department),
        ["OfficeUnit"] = typeof(OfficeUnit),
        ["OfficeYear"] = typeof(OfficeYear),
        ["Plan"] = typeof(StrategicPlan),
        ["AnalysisItem"] = typeof(AnalysisItem),
        ["Axis"] = typeof(Axis),
        ["Objective"] = typeof(Objective),
        ["Action"] = typeof(PolicyAction),
        ["Counterpart"] = typeof(Nodal.Core.Relations.Counterpart),
        ["Contact"] = typeof(Nodal.Core.Relations.Contact),
        ["Agreement"] = typeof(Nodal.Core.Relations.Agreement),
        ["AgreementDocument"] = typeof(Nodal.Core.Relations.AgreementDocument),
        ["LedgerEntry"] = typeof(Nodal.Core.Relations.LedgerEntry),
        ["NetworkMembership"] = typeof(Nodal.Core.Relations.NetworkMembership),
        ["NetworkRole"] = typeof(Nodal.Core.Relations.NetworkRoleHeld),
        ["MembershipReport"] = typeof(Nodal.Core.Relations.MembershipReport),
        ["Alliance"] = typeof(Nodal.Core.Relations.Alliance),
        ["Project"] = typeof(Nodal.Core.Relations.CooperationProject),
        ["ProjectPartner"] = typeof(Nodal.Core.Relations.ProjectPartner),
        ["ProjectTransaction"] = typeof(Nodal.Core.Relations.ProjectTransaction),
        ["Mission"] = typeof(Nodal.Core.Relations.Mission),
        ["Indicator"] = typeof(Nodal.Core.Monitoring.Indicator),
        ["IndicatorTarget"] = typeof(Nodal.Core.Monitoring.IndicatorTarget),
        ["Measurement"] = typeof(Nodal.Core.Monitoring.Measurement),
        ["Evaluation"] = typeof(Nodal.Core.Monitoring.Evaluation),
        ["Recommendation"] = typeof(Nodal.Core.Monitoring.Recommendation),
        ["Externality"] = typeof(Nodal.Core.Monitoring.Externality),
        ["Mitigation"] = typeof(Nodal.Core.Monitoring.Mitigation),
    };

    private static readonly MethodInfo RestoreOneMethod = typeof(TrashService).GetMethod(nameof(RestoreKindAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The reads of one kind, made once per kind.</summary>
    private static readonly IReadOnlyDictionary<string, IKindReader> Readers = Kinds.ToDictionary(
        k => k.Key, k => (IKindReader)Activator.CreateInstance(typeof(KindReader<>).MakeGenericType(k.Value), k.Key)!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Deleted records, newest first unless asked otherwise, of one kind or all, whose label contains the search
    /// text; the total counts every match and every page is exact (no kind is cut short).</summary>
    public async Task<PagedList<TrashItem>> ListAsync(TrashListQuery query, CancellationToken ct)
    {
        var list = query.ToListQuery();
        var size = list.SafePageSize;
        var descending = list.Descending;
        var readers = string.IsNullOrWhiteSpace(query.Kind) ? Readers.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList()
            : Readers.TryGetValue(query.Kind.Trim(), out var one) ? [one] : [];
        var lang = Languages.Current;

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // A label is written by each kind's Describe, in the reader's language: compare it in memory, every deleted record of the kinds asked.
            var text = query.Q.Trim();
            var matches = new List<TrashItem>();
            foreach (var reader in readers)
                matches.AddRange(await reader.SearchAsync(db, text, lang, ct));
            var ordered = (descending ? matches.OrderByDescending(i => i.DeletedAt) : matches.OrderBy(i => i.DeletedAt))
                .ThenBy(i => i.Type, StringComparer.Ordinal).ThenBy(i => i.Label, StringComparer.CurrentCulture).ThenBy(i => i.Id).ToList();
            var searchPage = Math.Min(list.SafePage, Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)size)));
            return new PagedList<TrashItem>(ordered.Skip((searchPage - 1) * size).Take(size).ToList(), ordered.Count, searchPage, size, SortKey, descending);
        }

        var counts = new List<(IKindReader Reader, int Count)>();
        foreach (var reader in readers)
            counts.Add((reader, await reader.CountAsync(db, ct)));
        var total = counts.Sum(c => c.Count);
        var page = Math.Min(list.SafePage, Math.Max(1, (int)Math.Ceiling(total / (double)size)));
        // The first page × size records of every kind hold the first page × size records of all kinds together.
        var wanted = page * size;
        var heads = new List<(IKindReader Reader, int Rank, Guid Id, DateTime At)>();
        foreach (var (reader, count) in counts.Where(c => c.Count > 0))
        {
            var rank = 0;
            foreach (var (id, at) in await reader.FirstAsync(db, Math.Min(wanted, count), descending, ct))
                heads.Add((reader, rank++, id, at));
        }
        var slice = (descending ? heads.OrderByDescending(h => h.At) : heads.OrderBy(h => h.At))
            .ThenBy(h => h.Reader.Name, StringComparer.Ordinal).ThenBy(h => h.Rank)
            .Skip((page - 1) * size).Take(size).ToList();
        var items = new Dictionary<(string, Guid), TrashItem>();
        foreach (var group in slice.GroupBy(h => h.Reader))
            foreach (var item in await group.Key.LoadAsync(db, group.Select(h => h.Id).ToList(), lang, ct))
                items[(item.Type, item.Id)] = item;
        // A record restored between the two reads is simply not shown.
        return new PagedList<TrashItem>(slice.Select(h => items.GetValueOrDefault((h.Reader.Name, h.Id))).OfType<TrashItem>().ToList(), total, page, size, SortKey, descending);
    }

    /// <summary>Brings a record back, unless there is no such deleted record in this organization or a live one took its place.</summary>
    public async Task<RestoreOutcome> RestoreAsync(string kind, Guid id, CancellationToken ct) =>
        Kinds.TryGetValue(kind, out var type) ? await (Task<RestoreOutcome>)RestoreOneMethod.MakeGenericMethod(type).Invoke(this, [id, ct])! : RestoreOutcome.NotFound;

    public const string SortKey = "deleted";

    private interface IKindReader
    {
        string Name { get; }
        Task<int> CountAsync(NodalDbContext db, CancellationToken ct);
        Task<List<(Guid Id, DateTime At)>> FirstAsync(NodalDbContext db, int take, bool descending, CancellationToken ct);
        Task<List<TrashItem>> LoadAsync(NodalDbContext db, IReadOnlyCollection<Guid> ids, string lang, CancellationToken ct);
        Task<List<TrashItem>> SearchAsync(NodalDbContext db, string text, string lang, CancellationToken ct);
    }

    private sealed class KindReader<T>(string name) : IKindReader where T : TenantEntity
    {
        public string Name => name;

        public Task<int> CountAsync(NodalDbContext db, CancellationToken ct) => db.Deleted<T>().CountAsync(ct);

        public async Task<List<(Guid Id, DateTime At)>> FirstAsync(NodalDbContext db, int take, bool descending, CancellationToken ct)
        {
            var q = db.Deleted<T>().AsNoTracking();
            q = descending ? q.OrderByDescending(x => x.DeletedAt).ThenByDescending(x => x.Id) : q.OrderBy(x => x.DeletedAt).ThenBy(x => x.Id);
            return (await q.Take(take).Select(x => new { x.Id, x.DeletedAt }).ToListAsync(ct)).Select(x => (x.Id, x.DeletedAt!.Value)).ToList();
        }

        public async Task<List<TrashItem>> LoadAsync(NodalDbContext db, IReadOnlyCollection<Guid> ids, string lang, CancellationToken ct) =>
            (await db.Deleted<T>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct)).Select(r => Item(r, lang)).ToList();

        public async Task<List<TrashItem>> SearchAsync(NodalDbContext db, string text, string lang, CancellationToken ct)
        {
            var found = new List<TrashItem>();
            await foreach (var r in db.Deleted<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            {
                var item = Item(r, lang);
                if (Matches(item.Label, text)) found.Add(item);
            }
            return found;
        }

        private TrashItem Item(T r, string lang) => new(name, r.Id, r.Describe(lang), r.DeletedAt!.Value, r.DeletedBy);
    }

    /// <summary>"accion" finds "Acción": case and accents ignored.</summary>
    public static bool Matches(string label, string text) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(label, text, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    private async Task<RestoreOutcome> RestoreKindAsync<T>(Guid id, CancellationToken ct) where T : TenantEntity
    {
        var entity = await db.Deleted<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (entity is null) return RestoreOutcome.NotFound;
        // One live measurement per indicator and period: a deleted one comes back only to an empty slot.
        if (entity is Nodal.Core.Monitoring.Measurement m
            && await db.Measurements.AnyAsync(x => x.IndicatorId == m.IndicatorId && x.Period == m.Period, ct))
            return RestoreOutcome.Occupied;
        entity.DeletedAt = null;
        entity.DeletedBy = null;
        await db.SaveChangesAsync(ct);
        return RestoreOutcome.Restored;
    }
}

public static class TrashApi
{
    public static RouteGroupBuilder MapTrashApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/trash").WithTags("Trash");
        g.MapGet("/", async ([AsParameters] TrashListQuery query, TrashService trash, CancellationToken ct) => TypedResults.Ok(await trash.ListAsync(query, ct)))
            .Requires(Capability.ManageTrash)
            .WithName("ListTrash").WithSummary("List deleted records")
            .WithDescription($"The organization's deleted records, newest first, with a filter by kind (kind={string.Join('|', TrashService.Kinds.Keys)}), search in their labels (q), sorting by deletion date (sort=deleted, dir=asc|desc) and paging (page, pageSize ≤ 200).");
        g.MapPost("/{kind}/{id:guid}/restore", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (string kind, Guid id, TrashService trash, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await trash.RestoreAsync(kind, id, ct) switch
                {
                    RestoreOutcome.Restored => TypedResults.NoContent(),
                    RestoreOutcome.Occupied => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["It cannot be restored: another record has taken its place."]),
                    _ => ApiResults.NotFound(L),
                })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Requires(Capability.ManageTrash)
            .WithName("RestoreFromTrash").WithSummary("Restore a deleted record").WithDescription($"kind is one of {string.Join(", ", TrashService.Kinds.Keys)}.");
        return api;
    }
}
