using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nodal.Bench.Data;
using Nodal.Bench.Sql;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Data;
using Nodal.Web.Features.Plans;

namespace Nodal.Bench.Profiling;

/// <summary>
/// Where the overview's time goes, one part at a time, in this process with nothing else running: each SQL
/// command replayed alone; the same queries through EF Core (with and without the list columns); the
/// figure functions over the loaded facts; the whole <see cref="PlanFiguresService"/>; the JSON answer.
/// Each figure is the median of <see cref="Runs"/> runs after a warm-up. The EF queries are copies of
/// <see cref="PlanFiguresService.ComputeAsync"/>'s: keep them in step when it changes.
/// </summary>
public static class OverviewBreakdown
{
    private const int Runs = 21;
    private static double LastMin; // one breakdown at a time

    /// <summary>"median (min)" of the last <see cref="MedianAsync"/>.</summary>
    private static string Ms(double median) => $"{median,7:F2} ({LastMin,6:F2})";

    public static async Task RunAsync(IServiceProvider services, RawDatabase raw, OrganizationData org, Guid planId,
        IReadOnlyList<CapturedCommand> overviewSql, CancellationToken ct)
    {
        Console.WriteLine($"Overview breakdown (one at a time; ms: median of {Runs} runs (fastest)):");

        // 1. The overview's SQL, command by command, on one open connection (as the raw-SQL workload).
        Console.WriteLine("  SQL commands of one overview request, replayed alone (reading every value; also parsing JSON arrays, as SQLite's list columns need; rows):");
        await using (var conn = await raw.OpenAsync(ct))
        {
            foreach (var c in overviewSql)
            {
                var count = await RawDatabase.RunAsync(conn, [c], ct);
                var read = Ms(await MedianAsync(() => RawDatabase.RunAsync(conn, [c], ct)));
                var parsed = Ms(await MedianAsync(() => ReadParsingJsonAsync(conn, c, ct)));
                Console.WriteLine($"    {read} {parsed}  {count,6} rows  {Summary(c.Text)}");
            }
        }

        // 2. The same queries through EF Core, in a scope entered as a request would be.
        Console.WriteLine("  EF Core queries of PlanFiguresService (fresh DbContext each run):");
        async Task<double> Ef<T>(string label, Func<NodalDbContext, Task<T>> query)
        {
            var ms = await MedianAsync(async () =>
            {
                await using var scope = Enter(services, org);
                return await query(scope.ServiceProvider.GetRequiredService<NodalDbContext>());
            });
            Console.WriteLine($"    {Ms(ms)}  {label}");
            return ms;
        }
        await Ef("plan (FindAsync, tracked)", db => db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct));
        await Ef("objectives", db => db.Objectives.AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Family, o.Deadline, o.SdgTargets, o.AxisIds, o.Statement }).ToListAsync(ct));
        await Ef("axes", db => db.Axes.AsNoTracking().Where(a => a.PlanId == planId).Select(a => new { a.Id, a.Kind, a.Name }).ToListAsync(ct));
        await Ef("departments", db => db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct));
        var actionsMs = await Ef("actions, as the service reads them (4 list columns, title in 3 languages)", ActionRowsAsync);
        var scalarMs = await Ef("actions, scalar columns only (no lists, no title)", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status, a.LeadDepartmentId })
            .ToListAsync(ct));
        await Ef("actions, scalar columns + title (no lists)", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status, a.LeadDepartmentId })
            .ToListAsync(ct));
        await Ef("actions, scalar columns + InvolvedDepartmentIds (one uuid list)", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status, a.LeadDepartmentId, a.InvolvedDepartmentIds })
            .ToListAsync(ct));
        await Ef("actions, scalar columns + Countries (one string list)", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status, a.LeadDepartmentId, a.Countries })
            .ToListAsync(ct));
        await Ef("actions as the service reads them, but into a record's constructor", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new ActionRow(a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status,
                a.LeadDepartmentId, a.InvolvedDepartmentIds, a.AxisIds, a.Countries, a.SdgTargets)).ToListAsync(ct));
        await Ef("actions, whole entities (AsNoTracking, every column)", db => db.Actions.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(ct));
        await Ef("budget lines (join on the plan's actions)", BudgetRowsAsync);
        Console.WriteLine($"    → the list columns and the title cost {actionsMs - scalarMs:F2} ms of the actions query's {actionsMs:F2}");

        // Projected into an anonymous type exactly as the service does.
        async Task<List<ActionRow>> ActionRowsAsync(NodalDbContext db) => (await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new
            {
                a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status,
                a.LeadDepartmentId, a.InvolvedDepartmentIds, a.AxisIds, a.Countries, a.SdgTargets,
            }).ToListAsync(ct))
            .Select(a => new ActionRow(a.Id, a.Code, a.Title, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, a.CreatedAt, a.Status,
                a.LeadDepartmentId, a.InvolvedDepartmentIds, a.AxisIds, a.Countries, a.SdgTargets)).ToList();
        Task<List<BudgetRow>> BudgetRowsAsync(NodalDbContext db) => (from b in db.Budgets
                                                                     join a in db.Actions on b.ActionId equals a.Id
                                                                     where a.PlanId == planId
                                                                     select new BudgetRow(b.ActionId, b.Year, b.Planned, b.Spent, b.Currency)).AsNoTracking().ToListAsync(ct);

        // 3. The figures over the loaded facts, function by function (as the service calls them).
        List<ActionRow> rows;
        List<BudgetRow> budgetRows;
        List<(Guid Id, string Code, ObjectiveFamily Family, DateOnly? Deadline, List<string> SdgTargets, List<Guid> AxisIds)> objectives;
        List<(Guid Id, AxisKind Kind)> axes;
        List<Guid> departments;
        await using (var scope = Enter(services, org))
        {
            var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
            rows = await ActionRowsAsync(db);
            budgetRows = await BudgetRowsAsync(db);
            objectives = (await db.Objectives.AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct))
                .Select(o => (o.Id, o.Code, o.Family, o.Deadline, o.SdgTargets, o.AxisIds)).ToList();
            axes = (await db.Axes.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(ct)).Select(a => (a.Id, a.Kind)).ToList();
            departments = await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(ct);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine($"  Figures over {rows.Count:N0} actions, {budgetRows.Count:N0} budget lines, {objectives.Count} objectives (pure CPU):");
        List<ActionFacts> BuildFacts()
        {
            var budgets = budgetRows.ToLookup(b => b.ActionId, b => new BudgetFacts(b.Year, b.Planned, b.Spent, b.Currency));
            var objectiveAxes = objectives.ToDictionary(o => o.Id, o => o.AxisIds);
            return rows.Select(a => new ActionFacts(
                a.Id, a.Code, a.Origin, a.ObjectiveId, a.AttachedOn, a.RequestedOn, a.Start, a.End, DateOnly.FromDateTime(a.CreatedAt), a.Status,
                a.LeadDepartmentId, a.InvolvedDepartmentIds,
                a.ObjectiveId is { } oid && objectiveAxes.TryGetValue(oid, out var oa) ? a.AxisIds.Union(oa).ToList() : a.AxisIds,
                a.Countries, a.SdgTargets, budgets[a.Id].ToList())).ToList();
        }
        var facts = BuildFacts();
        var objectiveFacts = objectives.Select(o => new ObjectiveFacts(o.Id, o.Code, o.Family, o.Deadline, o.SdgTargets)).ToList();
        var thematic = axes.Where(a => a.Kind == AxisKind.Thematic).Select(a => a.Id).ToList();
        var live = facts.Where(f => f.Status != ActionStatus.Cancelled).ToList();
        var cpu = new (string Label, Func<object> Work)[]
        {
            ("facts: budget lookup + ActionFacts (axes union per action)", () => BuildFacts()),
            ("PlannedVsReactive", () => Figures.PlannedVsReactive(facts, today, "EUR")),
            ("PlannedVsReactiveByYear", () => Figures.PlannedVsReactiveByYear(facts, "EUR")),
            ("ThematicFocus", () => Figures.ThematicFocus(facts, thematic)),
            ("RegionFocus (M49.SubRegionOf per country)", () => Figures.RegionFocus(facts, c => M49.SubRegionOf(c))),
            ("CountryFocus", () => Figures.CountryFocus(facts)),
            ("Transversality", () => Figures.Transversality(facts, departments)),
            ("SdgCoverage", () => Figures.SdgCoverage(objectiveFacts, facts)),
            ("ObjectivesWithoutAction", () => Figures.ObjectivesWithoutAction(objectiveFacts, facts)),
            ("ActionsPastDue", () => Figures.ActionsPastDue(facts, today)),
            ("titles dictionary (Title.Get per action)", () => rows.ToDictionary(a => a.Id, a => a.Title.Get("es", "es"))),
            ("families: live.Count(… objectives.Any(…)) per family", () => Enum.GetValues<ObjectiveFamily>().Select(f =>
                live.Count(a => a.ObjectiveId is { } id && objectives.Any(o => o.Id == id && o.Family == f))).ToList()),
        };
        var cpuTotal = 0.0;
        foreach (var (label, work) in cpu)
        {
            var ms = await MedianAsync(() => Task.FromResult(work()));
            cpuTotal += ms;
            Console.WriteLine($"    {Ms(ms)}  {label}");
        }
        Console.WriteLine($"    {cpuTotal,7:F2}          all of the above (sum of the medians)");

        // 4. The whole service, and the API's JSON answer.
        PlanFiguresDto? dto = null;
        var serviceMs = await MedianAsync(async () =>
        {
            await using var scope = Enter(services, org);
            var plan = await scope.ServiceProvider.GetRequiredService<PlanService>().FindAsync(planId, ct);
            dto = await scope.ServiceProvider.GetRequiredService<PlanFiguresService>().ComputeAsync(plan!, ct);
            return dto;
        });
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(dto, json).Length;
        var service = Ms(serviceMs);
        // What one computation allocates, and whether the JIT is still at work (over the runs above plus 10 more).
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        const int extra = 10;
        for (var i = 0; i < extra; i++)
        {
            await using var scope = Enter(services, org);
            var plan = await scope.ServiceProvider.GetRequiredService<PlanService>().FindAsync(planId, ct);
            await scope.ServiceProvider.GetRequiredService<PlanFiguresService>().ComputeAsync(plan!, ct);
        }
        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / extra / 1048576.0;
        var jsonMs = Ms(await MedianAsync(() => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(dto, json))));
        Console.WriteLine($"  {service}  PlanService.FindAsync + PlanFiguresService.ComputeAsync (all of it, one request's worth)");
        Console.WriteLine($"                    each allocates {perRun:F1} MiB; over {extra} of them: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, "
            + $"{GC.CollectionCount(2) - gen2} gen2 collections, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused; "
            + $"the JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms");
        Console.WriteLine($"  {jsonMs}  JSON of the figures ({bytes / 1024.0:F0} KiB)");
    }

    private sealed record ActionRow(Guid Id, string Code, LocalizedText Title, ActionOrigin Origin, Guid? ObjectiveId, DateOnly? AttachedOn, DateOnly? RequestedOn,
        DateOnly? Start, DateOnly? End, DateTime CreatedAt, ActionStatus Status, Guid LeadDepartmentId, List<Guid> InvolvedDepartmentIds, List<Guid> AxisIds,
        List<string> Countries, List<string> SdgTargets);

    private sealed record BudgetRow(Guid ActionId, int Year, decimal Planned, decimal Spent, string Currency);

    /// <summary>A scope entered into the organization as its administrator, as a signed-in request is.</summary>
    private static AsyncServiceScope Enter(IServiceProvider services, OrganizationData org)
    {
        var scope = services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Enter(org.Id, org.Slug, OrgRole.Administrator, null, "es", new LocalizedText(org.Slug, org.Slug, org.Slug), "EUR");
        tenant.SetUser(org.Administrator.UserId, org.Administrator.Email);
        return scope;
    }

    /// <summary>Reads every value, and parses the text values that hold a JSON array (the list columns) as EF Core would.</summary>
    private static async Task<int> ReadParsingJsonAsync(DbConnection conn, CapturedCommand c, CancellationToken ct)
    {
        await using var cmd = c.CreateOn(conn);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.Default, ct);
        var rows = 0;
        do
        {
            while (await reader.ReadAsync(ct))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var v = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    if (v is string s && s.Length > 1 && s[0] == '[') JsonSerializer.Deserialize<List<string>>(s);
                }
            }
        } while (await reader.NextResultAsync(ct));
        return rows;
    }

    /// <summary>Median of <see cref="Runs"/> runs after 3 unmeasured ones; <see cref="LastMin"/> keeps the fastest (the least disturbed by other processes).</summary>
    private static async Task<double> MedianAsync<T>(Func<Task<T>> work)
    {
        for (var i = 0; i < 3; i++) await work();
        var ms = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await work();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(ms);
        LastMin = ms[0];
        return ms[Runs / 2];
    }

    private static string Summary(string sqlText)
    {
        var oneLine = string.Join(' ', sqlText.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 110 ? oneLine : oneLine[..107] + "…";
    }
}
