using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Bench;
using Nodal.Bench.Data;
using Nodal.Bench.Http;
using Nodal.Bench.Iati;
using Nodal.Bench.Profiling;
using Nodal.Bench.Sql;
using Nodal.Data;
using Nodal.Web.Infrastructure;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var postgresServer = Environment.GetEnvironmentVariable("NODAL_BENCH_POSTGRES");
var kind = options.Database ?? (string.IsNullOrWhiteSpace(postgresServer) ? DatabaseKind.Sqlite : DatabaseKind.Postgres);
if (kind == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(postgresServer))
{
    Console.Error.WriteLine("--db postgres needs NODAL_BENCH_POSTGRES: an Npgsql connection string to a server where the benchmark may create a database.");
    return 2;
}
#if DEBUG
Console.WriteLine("WARNING: a Debug build. Measure with: dotnet run -c Release --project bench/Nodal.Bench");
#endif

var total = Stopwatch.StartNew();
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
var ct = cts.Token;

using var capture = new SqlCapture();
var profile = new LargeCityProfile { Scale = options.Scale, NoiseOrganizations = options.NoiseOrganizations, NoiseActionShare = options.NoiseActionShare,
    NoiseMonitoringShare = options.NoiseMonitoringShare };

Console.WriteLine($"Nodal benchmark — {kind}, scale {options.Scale}, {options.Concurrency} workers, {Describe(options)}");
Console.WriteLine($"machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine("The app and the load generator share this process and its cores: compare the ratios, not the absolute figures, across machines.");
Console.WriteLine();

await using var host = await BenchHost.CreateAsync(kind, postgresServer);
string connectionString;
using (var scope = host.App.Services.CreateScope())
    connectionString = scope.ServiceProvider.GetRequiredService<NodalDbContext>().Database.GetConnectionString()!;
var raw = new RawDatabase(kind == DatabaseKind.Postgres, connectionString);

Console.WriteLine($"Generating data ({await raw.VersionAsync(ct)}): " + string.Join(", ", profile.Describe().Select(d => $"{d.Name} {d.Count:N0}")));
// On PostgreSQL two organizations at a time: the app's CPU (change tracking, audit entries) and the server's overlap.
var dataset = await new DataGenerator(host.App.Services, profile) { Parallelism = raw.IsPostgres ? 2 : 1 }.GenerateAsync(
    line => { if (Console.IsOutputRedirected == false) Console.Write($"\r  {line}   "); }, ct);
if (!Console.IsOutputRedirected) Console.WriteLine();
if (raw.IsPostgres)
{
    // What autovacuum would have done by the time a real database has this much data (and so it does not start mid-measurement).
    await using var conn = await raw.OpenAsync(ct);
    await using var analyze = conn.CreateCommand();
    analyze.CommandText = "VACUUM (ANALYZE)";
    await analyze.ExecuteNonQueryAsync(ct);
}
Console.WriteLine($"  {dataset.Organizations.Count} organizations in {dataset.Elapsed.TotalSeconds:F1} s; rows: {await CountRowsAsync(host)}");
var policy = PolicyData.Of(dataset.Measured);
Console.WriteLine($"  {dataset.Measured.Slug}'s current plan: {policy.Objectives} objectives ({policy.ObjectivesWithoutAction} with no action), {policy.Axes} axes, "
    + $"{policy.Actions:N0} actions ({policy.PlannedActions:N0} planned, {policy.ReactiveActions:N0} reactive), {policy.Milestones:N0} milestones, {policy.BudgetLines:N0} budget lines");
Console.WriteLine($"  {dataset.Measured.Slug}'s relations registry: {RelationsData.Of(dataset.Measured)}");
Console.WriteLine($"  {dataset.Measured.Slug}'s measurement and evaluation: {MonitoringData.Of(dataset.Measured)}");
Console.WriteLine($"  generation: {dataset.Timings}");
Console.WriteLine();
if (options.GenerateOnly)
{
    Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F0} s (--generate-only).");
    return 0;
}

var measured = dataset.Measured;
var admin = measured.Administrator;
string secret;
int measuredAudit;
using (var scope = host.App.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem(measured.Id);
    (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(measured.Id, admin.UserId, "bench", null, ct);
    measuredAudit = await scope.ServiceProvider.GetRequiredService<NodalDbContext>().AuditEntries.CountAsync(ct); // the token's creation included
}

await host.StartAsync();
var cookie = await BenchClients.SignInAsync(host.BaseAddress, admin.Email, profile.Password, ct);
using var client = BenchClients.Create(host.BaseAddress, options.Concurrency);
if (options.Workloads == WorkloadSet.Iati && !options.Serve && !options.BreakdownOnly)
{
    // The IATI import alone: no endpoint under load.
    var imported = await IatiBenchmark.RunAsync(host.BaseAddress, secret, raw, measured.Id, options.IatiMegabytes, options.Rounds, options.Markdown, ct);
    Console.WriteLine();
    Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F0} s.");
    return imported ? 0 : 1;
}

var slug = measured.Slug;
const int pageSize = 50;
Action<System.Net.Http.Headers.HttpRequestHeaders> withToken = h => h.Authorization = new("Bearer", secret);
Action<System.Net.Http.Headers.HttpRequestHeaders> withCookie = h => h.Add("Cookie", cookie);
var ping = new HttpGetWorkload("GET /ping", client, ["/ping"]);
var api = new HttpGetWorkload($"GET /api/v1/departments?pageSize={pageSize} (token)", client, [$"/api/v1/departments?page=1&pageSize={pageSize}"], withToken);
var page = new HttpGetWorkload($"GET /{slug}/departments?pageSize={pageSize} (cookie)", client, [$"/{slug}/departments?pageSize={pageSize}"], withCookie);
var details = new HttpGetWorkload($"GET /{slug}/departments/{{id}} (cookie, {measured.DepartmentIds.Count} ids)", client,
    measured.DepartmentIds.Select(id => $"/{slug}/departments/{id}").ToList(), withCookie);

// The policy core (issue #3), on the current plan of 10,000 actions (at scale 1).
var planId = policy.CurrentPlanId;
var overview = new HttpGetWorkload($"GET /{slug}/plans/{{id}}/overview (cookie)", client, [$"/{slug}/plans/{planId}/overview"], withCookie);
var figures = new HttpGetWorkload("GET /api/v1/plans/{id}/figures (token)", client, [$"/api/v1/plans/{planId}/figures"], withToken);
var objectives = new HttpGetWorkload("GET /api/v1/plans/{id}/objectives (token)", client, [$"/api/v1/plans/{planId}/objectives"], withToken);
// The actions list (pages and API) is written on another branch: declared here, measured once the build has it.
var actionsApi = new HttpGetWorkload($"GET /api/v1/actions?plan={{id}}&pageSize={pageSize}&sort=code (token)", client,
    [$"/api/v1/actions?plan={planId}&page=1&pageSize={pageSize}&sort=code"], withToken);
var actionsPage = new HttpGetWorkload($"GET /{slug}/actions?plan={{id}}&pageSize={pageSize}&sort=code (cookie)", client,
    [$"/{slug}/actions?plan={planId}&page=1&pageSize={pageSize}&sort=code"], withCookie);
var shortNames = new Dictionary<Workload, string>
{
    [api] = "the departments API", [details] = "the department page", [overview] = "the overview page", [figures] = "the figures API",
    [objectives] = "the objectives API", [actionsApi] = "the actions API", [actionsPage] = "the actions page",
};

// The relations registry (issue #4). Its pages and APIs are written on other branches: every URL is here, each
// endpoint is probed once after start-up, a 404 skips it, and it is measured as soon as the build has it.
var relations = RelationsData.Of(measured);
var agreementSample = Enumerable.Range(0, Math.Min(50, relations.AgreementIds.Count))
    .Select(i => relations.AgreementIds[i * relations.AgreementIds.Count / Math.Min(50, relations.AgreementIds.Count)]).Distinct().ToList();
var relationsSet = new List<(HttpGetWorkload W, string Short, RelationsExpectation Expected)>();
void Registry(string label, string shortName, IReadOnlyList<string> paths, bool token, RelationsExpectation expected) =>
    relationsSet.Add((new HttpGetWorkload($"{label} ({(token ? "token" : "cookie")})", client, paths, token ? withToken : withCookie), shortName, expected));
const int minPage = 4 * 1024;
Registry($"GET /{slug}/map", "the map", [$"/{slug}/map"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /{slug}/map?kind=agreements", "the agreements map", [$"/{slug}/map?kind=agreements"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /{slug}/map/partners.geojson", "the partners GeoJSON", [$"/{slug}/map/partners.geojson"], false, new RelationsExpectation.GeoJson(relations.CounterpartIds.Count));
Registry($"GET /{slug}/counterparts?page=1", "the counterparts page", [$"/{slug}/counterparts?page=1"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /api/v1/counterparts?pageSize={pageSize}", "the counterparts API", [$"/api/v1/counterparts?page=1&pageSize={pageSize}"], true,
    new RelationsExpectation.ApiList(relations.CounterpartIds.Count, pageSize));
Registry($"GET /{slug}/agreements?page=1", "the agreements page", [$"/{slug}/agreements?page=1"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /api/v1/agreements?pageSize={pageSize}", "the agreements API", [$"/api/v1/agreements?page=1&pageSize={pageSize}"], true,
    new RelationsExpectation.ApiList(relations.AgreementIds.Count, pageSize));
Registry($"GET /{slug}/projects?page=1", "the projects page", [$"/{slug}/projects?page=1"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /api/v1/projects?pageSize={pageSize}", "the projects API", [$"/api/v1/projects?page=1&pageSize={pageSize}"], true,
    new RelationsExpectation.ApiList(relations.ProjectIds.Count, pageSize));
Registry($"GET /{slug}/missions?page=1", "the missions page", [$"/{slug}/missions?page=1"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /{slug}/calendar", "the calendar", [$"/{slug}/calendar"], false, new RelationsExpectation.Page(minPage));
Registry($"GET /{slug}/agreements/{{id}} ({agreementSample.Count} ids)", "the agreement page", [.. agreementSample.Select(id => $"/{slug}/agreements/{id}")], false,
    new RelationsExpectation.Page(minPage, relations.AgreementCodes[relations.AgreementIds.IndexOf(agreementSample[0])]));
foreach (var (w, shortName, _) in relationsSet) shortNames[w] = shortName;

// Measurement and evaluation (issue #5), on the current plan's 500 indicators and 60,000 measurements. The plan dashboard
// (page and API), the indicator page, the measurements list and the maturity page are written on other branches: every
// URL is here, each is probed once after start-up, a 404 skips it, and it is measured as soon as the build has it. The
// section's front page is in main.
var monitoring = MonitoringData.Of(measured);
var indicatorSample = Enumerable.Range(0, Math.Min(50, monitoring.IndicatorIds.Count))
    .Select(i => i * monitoring.IndicatorIds.Count / Math.Min(50, monitoring.IndicatorIds.Count)).Distinct().ToList();
var monitoringSet = new List<(HttpGetWorkload W, string Short, MonitoringExpectation Expected)>();
void Monitored(string label, string shortName, IReadOnlyList<string> paths, bool token, MonitoringExpectation expected) =>
    monitoringSet.Add((new HttpGetWorkload($"{label} ({(token ? "token" : "cookie")})", client, paths, token ? withToken : withCookie), shortName, expected));
Monitored($"GET /{slug}/plans/{{id}}/dashboard", "the plan dashboard", [$"/{slug}/plans/{planId}/dashboard"], false,
    new MonitoringExpectation.Page(minPage, monitoring.IndicatorCodes[0]));
Monitored("GET /api/v1/plans/{id}/dashboard", "the dashboard API", [$"/api/v1/plans/{planId}/dashboard"], true,
    new MonitoringExpectation.PlanJson(monitoring.IndicatorIds));
Monitored($"GET /{slug}/indicators/{{id}} ({indicatorSample.Count} ids)", "the indicator page", [.. indicatorSample.Select(i => $"/{slug}/indicators/{monitoring.IndicatorIds[i]}")], false,
    new MonitoringExpectation.Page(minPage, monitoring.IndicatorCodes[indicatorSample[0]]));
Monitored($"GET /{slug}/measurements", "the measurements page", [$"/{slug}/measurements"], false, new MonitoringExpectation.Page(minPage));
Monitored($"GET /{slug}/plans/{{id}}/maturity", "the maturity page", [$"/{slug}/plans/{planId}/maturity"], false, new MonitoringExpectation.Page(minPage));
Monitored($"GET /{slug}/monitoring", "the monitoring front page", [$"/{slug}/monitoring"], false, new MonitoringExpectation.Page(minPage));
foreach (var (w, shortName, _) in monitoringSet) shortNames[w] = shortName;

// The platform's other lists (issue #2): members, the office, the Trash, and the organization's whole history
// (every record the generator wrote went through the audit trail, so it holds one entry or more per record).
var platformSet = new List<(HttpGetWorkload W, string Short, RelationsExpectation Expected)>();
void Platform(string label, string shortName, string path, bool token, RelationsExpectation expected) =>
    platformSet.Add((new HttpGetWorkload($"{label} ({(token ? "token" : "cookie")})", client, [path], token ? withToken : withCookie), shortName, expected));
Platform($"GET /{slug}/members", "the members page", $"/{slug}/members", false, new RelationsExpectation.Page(minPage));
Platform($"GET /{slug}/office", "the office page", $"/{slug}/office", false, new RelationsExpectation.Page(minPage));
Platform($"GET /{slug}/trash", "the Trash page", $"/{slug}/trash", false, new RelationsExpectation.Page(minPage));
Platform($"GET /{slug}/history", "the history page", $"/{slug}/history", false, new RelationsExpectation.Page(minPage));
Platform($"GET /{slug}/history?kind=Action&q=…", "the history searched", $"/{slug}/history?kind=Action&q=A-00042", false, new RelationsExpectation.Page(minPage));
Platform($"GET /api/v1/history?pageSize={pageSize}", "the history API", $"/api/v1/history?pageSize={pageSize}", true, new RelationsExpectation.ApiList(measuredAudit, pageSize));
foreach (var (w, shortName, _) in platformSet) shortNames[w] = shortName;

var withDepartments = options.Workloads.HasFlag(WorkloadSet.Departments);
var withPolicy = options.Workloads.HasFlag(WorkloadSet.Policy);
var actionLists = new List<HttpGetWorkload>();
if (withPolicy)
{
    foreach (var w in new[] { actionsApi, actionsPage })
    {
        var (status, _) = await w.ProbeAsync(ct);
        if (status == System.Net.HttpStatusCode.NotFound)
            Console.WriteLine($"SKIPPED {w.Label}: {w.FirstPath} answered 404 (this build has no actions list yet; it is measured as soon as it answers).");
        else
            actionLists.Add(w); // any other answer is measured: a status other than 200 counts as an error
    }
}
var policyEndpoints = withPolicy ? new List<HttpGetWorkload> { overview, figures, objectives }.Concat(actionLists).ToList() : [];
var withRelations = options.Workloads.HasFlag(WorkloadSet.Relations);
var relationsEndpoints = new List<HttpGetWorkload>();
if (withRelations)
{
    foreach (var (w, _, _) in relationsSet)
    {
        var (status, _) = await w.ProbeAsync(ct);
        if (status == System.Net.HttpStatusCode.NotFound)
            Console.WriteLine($"SKIPPED {w.Label}: {w.FirstPath} answered 404 (not in this build yet; it is measured as soon as it answers).");
        else
            relationsEndpoints.Add(w); // any other answer is measured: a status other than 200 counts as an error
    }
}
var withMonitoring = options.Workloads.HasFlag(WorkloadSet.Monitoring);
var monitoringEndpoints = new List<HttpGetWorkload>();
if (withMonitoring)
{
    foreach (var (w, _, _) in monitoringSet)
    {
        var (status, _) = await w.ProbeAsync(ct);
        if (status == System.Net.HttpStatusCode.NotFound)
            Console.WriteLine($"SKIPPED {w.Label}: {w.FirstPath} answered 404 (skipped: 404; not in this build yet, it is measured as soon as it answers).");
        else
            monitoringEndpoints.Add(w); // any other answer is measured: a status other than 200 counts as an error
    }
}
var endpoints = new List<Workload> { ping };
if (withDepartments) endpoints.AddRange([api, page, details]);
if (withDepartments) endpoints.AddRange(platformSet.Select(x => x.W));
endpoints.AddRange(policyEndpoints);
endpoints.AddRange(relationsEndpoints);
endpoints.AddRange(monitoringEndpoints);

if (options.Serve)
{
    // For an outside load generator (wrk) or a browser: the app stays up until Ctrl+C.
    Console.WriteLine($"Serving {host.BaseAddress} — Ctrl+C stops and removes the database.");
    Console.WriteLine($"  sign in as {admin.Email} / {profile.Password}");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency {host.BaseAddress}ping");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Authorization: Bearer {secret}' '{host.BaseAddress}api/v1/departments?page=1&pageSize={pageSize}'");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Cookie: {cookie}' '{host.BaseAddress}{slug}/departments?pageSize={pageSize}'");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Cookie: {cookie}' '{host.BaseAddress}{slug}/plans/{planId}/overview'");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Authorization: Bearer {secret}' '{host.BaseAddress}api/v1/plans/{planId}/figures'");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Cookie: {cookie}' '{host.BaseAddress}{slug}/map'");
    Console.WriteLine($"  wrk -t2 -c{options.Concurrency} -d10s --latency -H 'Cookie: {cookie}' '{host.BaseAddress}{slug}/plans/{planId}/dashboard'");
    // Ctrl+C reaches the host first (it stops the app), or this process when the host has not claimed it.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, host.App.Lifetime.ApplicationStopping);
    try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
    return 0;
}

if (options.BreakdownOnly)
{
    for (var i = 0; i < 5; i++) await overview.RunOnceAsync(0, i, ct);
    var overviewSql = await capture.CaptureAsync(async () => { if (await overview.RunOnceAsync(0, 0, ct) is { } e) throw new InvalidOperationException(e); });
    await OverviewBreakdown.RunAsync(host.App.Services, raw, measured, planId, overviewSql, ct);
    return 0;
}

// Warm up every endpoint first (JIT, tiered compilation, caches), then look at what each sends to the database.
Console.Write("Warming up… ");
// Tiered compilation (with dynamic PGO) keeps recompiling this app's hot methods for ~20 s of load:
// measuring before it is done would measure the JIT.
var (warmRounds, warmTime, jitShare) = await LoadRunner.WarmUntilJitQuietAsync(endpoints, options.Concurrency,
    TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.WarmupSeconds), ct);
Console.WriteLine($"{warmRounds} rounds, {warmTime.TotalSeconds:F1} s; the JIT took {jitShare:P1} of the last round{(jitShare < 0.01 ? " (quiet)" : "")}.");
if (jitShare >= 0.01)
    Console.WriteLine($"WARNING: the JIT was still busy after the warm-up ({options.WarmupSeconds} s); give it more with --warmup.");
var sql = new Dictionary<Workload, IReadOnlyList<CapturedCommand>>();
var compilations = new Dictionary<string, int>();
foreach (var w in endpoints)
{
    sql[w] = await capture.CaptureAsync(async () =>
    {
        var error = await w.RunOnceAsync(0, 0, ct);
        if (error is not null) throw new InvalidOperationException(error);
    });
}

// The raw SQL baselines: each endpoint's own commands replayed on a plain connection.
var rawOf = new Dictionary<Workload, RawSqlWorkload>();
var rawWorkloads = new List<RawSqlWorkload>();
RawSqlWorkload? rawList = null, rawApiReopen = null;
if (withDepartments)
{
    await CheckApiAsync(client, secret, profile.Departments, pageSize, ct);
    await CheckPageAsync(client, cookie, slug, measured.DepartmentIds, pageSize, ct);
    var listSql = sql[api].Where(c => c.Mentions("Departments")).ToList();
    // The replayed SQL must find what the app found, or it would time empty answers.
    var expectedListRows = 1 + Math.Min(pageSize, profile.Departments);
    var listRows = await raw.RunOnceAsync(listSql, ct);
    if (listRows != expectedListRows)
        throw new InvalidOperationException($"The list's SQL, replayed, read {listRows} rows; the app's answer has {expectedListRows} (count + page).");
    rawList = new RawSqlWorkload($"raw SQL of the list ({listSql.Count} commands)", raw, listSql);
    rawOf[api] = new RawSqlWorkload($"raw SQL of the API request (all {sql[api].Count})", raw, sql[api]);
    rawApiReopen = new RawSqlWorkload($"raw SQL of the API request, pooled open per command", raw, sql[api], openPerCommand: true);
    rawOf[details] = new RawSqlWorkload($"raw SQL of the details page (all {sql[details].Count})", raw, sql[details]);
    rawWorkloads.AddRange([rawList, rawOf[api], rawApiReopen, rawOf[details]]);
}
if (withPolicy)
{
    var sizes = await PolicyChecks.RunAsync(policy, overview, figures, objectives, actionsApi, actionsPage, actionLists, pageSize, ct);
    Console.WriteLine($"Policy checks passed: {sizes}.");
    // The overview reads every action and budget line of the plan: its replay must read at least as many rows.
    var overviewRows = await raw.RunOnceAsync(sql[overview], ct);
    if (overviewRows < policy.Actions + policy.BudgetLines)
        throw new InvalidOperationException($"The overview's SQL, replayed, read {overviewRows} rows; the plan has {policy.Actions} actions and {policy.BudgetLines} budget lines.");
    foreach (var w in policyEndpoints)
    {
        rawOf[w] = new RawSqlWorkload($"raw SQL of {shortNames[w]} (all {sql[w].Count})", raw, sql[w]);
        rawWorkloads.Add(rawOf[w]);
    }
}

if (monitoringEndpoints.Count > 0)
{
    var warnings = new List<string>();
    foreach (var (w, shortName, expected) in monitoringSet.Where(x => monitoringEndpoints.Contains(x.W)))
    {
        var size = await MonitoringChecks.RunAsync(w, expected, warnings.Add, ct);
        // The replayed SQL must read rows as the app did, or it would time empty answers.
        var rows = sql[w].Count == 0 ? 0 : await raw.RunOnceAsync(sql[w], ct);
        if (sql[w].Count > 0 && rows == 0)
            throw new InvalidOperationException($"The SQL of {shortName}, replayed, read no rows.");
        Console.WriteLine($"  {shortName}: {size}; {sql[w].Count} SQL commands reading {rows:N0} rows");
        if (sql[w].Count == 0) continue;
        rawOf[w] = new RawSqlWorkload($"raw SQL of {shortName} (all {sql[w].Count})", raw, sql[w]);
        rawWorkloads.Add(rawOf[w]);
    }
    foreach (var warning in warnings) Console.WriteLine($"WARNING: {warning}");
    Console.WriteLine("Monitoring checks passed.");
}

if (relationsEndpoints.Count > 0 || withDepartments)
{
    var warnings = new List<string>();
    foreach (var (w, shortName, expected) in relationsSet.Where(x => relationsEndpoints.Contains(x.W)).Concat(withDepartments ? platformSet : []))
    {
        var size = await RelationsChecks.RunAsync(w, expected, warnings.Add, ct);
        // The replayed SQL must read rows as the app did, or it would time empty answers.
        var rows = sql[w].Count == 0 ? 0 : await raw.RunOnceAsync(sql[w], ct);
        if (sql[w].Count > 0 && rows == 0)
            throw new InvalidOperationException($"The SQL of {shortName}, replayed, read no rows.");
        Console.WriteLine($"  {shortName}: {size}; {sql[w].Count} SQL commands reading {rows:N0} rows");
        if (sql[w].Count == 0) continue;
        rawOf[w] = new RawSqlWorkload($"raw SQL of {shortName} (all {sql[w].Count})", raw, sql[w]);
        rawWorkloads.Add(rawOf[w]);
    }
    foreach (var warning in warnings) Console.WriteLine($"WARNING: {warning}");
    Console.WriteLine("Relations and platform checks passed.");
}

if (rawWorkloads.Count > 0)
    await LoadRunner.WarmUntilJitQuietAsync(rawWorkloads, options.Concurrency, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10), ct);

// Every workload runs in the same few rounds, interleaved, so a slow moment of the machine touches
// them all alike instead of one; then once more one request at a time (latency without queueing).
var machine = new MachineLoad(await raw.LocalServerPidAsync(ct));
machine.Start();
var loaded = await MeasureSetAsync([.. endpoints, .. rawWorkloads], options.Concurrency);
var loadedCpu = machine.Stop();
machine.Start();
// The departments page is left out at 1 worker: the details page shows the same.
var single = await MeasureSetAsync([.. endpoints.Where(w => w != page), .. rawWorkloads], 1);
var singleCpu = machine.Stop();
Console.WriteLine();

var queries = endpoints.ToDictionary(w => w.Label, w => sql[w].Count);
Console.WriteLine($"Under load: {options.Concurrency} concurrent workers");
Report.Table(loaded, queries, markdown: false);
Console.WriteLine();
Console.WriteLine("One request at a time: 1 worker");
Report.Table(single, queries, markdown: false);
Console.WriteLine();

// Server time over the raw SQL time of the same queries (p95 over p95), side by side for both concurrencies.
var ratios = new List<(string Label, Workload Endpoint, Workload Raw)>();
if (withDepartments)
{
    ratios.Add(("API ÷ raw SQL of the list", api, rawList!));
    ratios.Add(("API ÷ all of its SQL", api, rawOf[api]));
    ratios.Add(("details page ÷ all of its SQL", details, rawOf[details]));
    ratios.Add(("all API SQL: a pooled connection per command ÷ one open connection", rawApiReopen!, rawOf[api]));
}
foreach (var w in policyEndpoints.Concat(relationsEndpoints).Concat(monitoringEndpoints).Where(rawOf.ContainsKey)) ratios.Add(($"{shortNames[w]} ÷ all of its SQL", w, rawOf[w]));
Console.WriteLine($"{"p95 ÷ p95",-70}{$"{options.Concurrency} workers",24}{"1 worker",24}");
foreach (var (label, endpoint, rawSql) in ratios)
    Console.WriteLine($"{label,-70}{Report.Ratio(loaded, endpoint, rawSql),24}{Report.Ratio(single, endpoint, rawSql),24}");
Console.WriteLine($"{"/ping req/s spread across rounds",-70}{Spread(loaded),24}{Spread(single),24}");
Console.WriteLine($"{"CPU: this process / database / others",-70}{Cpu3(loadedCpu),24}{Cpu3(singleCpu),24}");
if (new[] { loadedCpu, singleCpu }.Any(c => c is { Others: > 0.05 }))
    Console.WriteLine($"WARNING: other processes used more than 5 % of the CPU while measuring: these figures are noisy; run again on a quiet machine.");
var recompiled = compilations.Where(c => c.Value > 0).ToList();
Console.WriteLine(recompiled.Count == 0
    ? "EF Core compiled no query while measuring (every LINQ query hit the query cache)."
    : "EF Core compiled queries while measuring (a query cache miss per request is a bug): "
      + string.Join("; ", recompiled.Select(c => $"{c.Key}: {c.Value}")));
Console.WriteLine();

Console.WriteLine("SQL commands per request (one request, after warm-up):");
foreach (var w in endpoints.Skip(1))
{
    Console.WriteLine($"  {w.Label}: {sql[w].Count}");
    foreach (var c in sql[w]) Console.WriteLine($"    - {Summary(c.Text)}");
}
Console.WriteLine();

Console.WriteLine("Query plans (tenant filter and indexes):");
string[] planned = ["Departments", "AuditEntries", "Plans", "Objectives", "Axes", "Actions", "ActionBudgets", "ActionMilestones",
    "Indicators", "IndicatorTargets", "Measurements", "Evaluations", "Recommendations", "Externalities", "Mitigations", "MaturityRecords",
    "Counterparts", "Contacts", "Agreements", "LedgerEntries", "NetworkMemberships", "Alliances", "Projects", "ProjectPartners", "ProjectTransactions", "Missions"];
foreach (var c in endpoints.Skip(1).Where(w => w != page).SelectMany(w => sql[w]).Where(c => planned.Any(c.Mentions)).DistinctBy(c => c.Text))
{
    Console.WriteLine($"  {Summary(c.Text)}");
    foreach (var line in await raw.ExplainAsync(c, ct)) Console.WriteLine($"      {line}");
}

if (withPolicy && options.Breakdown)
{
    Console.WriteLine();
    await OverviewBreakdown.RunAsync(host.App.Services, raw, measured, planId, sql[overview], ct);
}

if (options.ShowSql)
{
    foreach (var w in endpoints.Skip(1))
    {
        Console.WriteLine();
        Console.WriteLine($"-- {w.Label}");
        foreach (var c in sql[w]) Console.WriteLine(c + ";\n");
    }
}

if (options.Markdown)
{
    Console.WriteLine();
    Console.WriteLine($"{options.Concurrency} workers:");
    Console.WriteLine();
    Report.Table(loaded, queries, markdown: true);
    Console.WriteLine();
    Console.WriteLine("1 worker:");
    Console.WriteLine();
    Report.Table(single, queries, markdown: true);
    Console.WriteLine();
    Console.WriteLine($"| p95 ÷ p95 | {options.Concurrency} workers | 1 worker |");
    Console.WriteLine("|---|---:|---:|");
    foreach (var (label, endpoint, rawSql) in ratios)
        Console.WriteLine($"| {label} | {Report.Ratio(loaded, endpoint, rawSql)} | {Report.Ratio(single, endpoint, rawSql)} |");
    Console.WriteLine($"| `/ping` req/s spread across rounds | {Spread(loaded)} | {Spread(single)} |");
}
var iatiOk = !options.Workloads.HasFlag(WorkloadSet.Iati)
    || await IatiBenchmark.RunAsync(host.BaseAddress, secret, raw, measured.Id, options.IatiMegabytes, options.Rounds, options.Markdown, ct);
Console.WriteLine();
Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F0} s.");
return loaded.Concat(single).Any(r => r.Errors > 0) || !iatiOk ? 1 : 0;

async Task<List<Measurement>> MeasureSetAsync(IReadOnlyList<Workload> set, int workers)
{
    var rounds = options.Rounds;
    var sizes = new Dictionary<Workload, int>();
    foreach (var w in set)
    {
        // The best of three short runs: a stall of the machine only ever lowers a rate.
        var rate = 0.0;
        for (var i = 0; i < 3; i++) rate = Math.Max(rate, await LoadRunner.WarmUpAsync(w, workers, TimeSpan.FromSeconds(0.35), ct));
        // At least 200 requests a round for stable percentiles, unless that takes over 4 × --seconds (the overview
        // of 10,000 actions): then what fits in 4 × --seconds, and never fewer than 20.
        var target = rate * options.Seconds / rounds;
        sizes[w] = options.Requests is { } n
            ? Math.Max(1, n / rounds)
            : (int)Math.Clamp(target, Math.Min(200, Math.Max(20, 4 * target)), 5_000_000);
    }
    var perRound = set.ToDictionary(w => w, _ => new List<Measurement>());
    for (var r = 0; r < rounds; r++)
        foreach (var w in set)
        {
            var (m, compiled) = await capture.CountCompilationsAsync(() => LoadRunner.MeasureAsync(w, workers, sizes[w], ct));
            perRound[w].Add(m);
            compilations[w.Label] = compilations.GetValueOrDefault(w.Label) + compiled;
        }
    var results = set.Select(w => Measurement.Combine(perRound[w])).ToList();
    foreach (var m in results)
        Console.WriteLine($"  {workers} worker(s), {m.Label}: {m.Requests} in {m.Seconds:F1} s{(m.Errors > 0 ? $", {m.Errors} ERRORS, the first: {m.FirstError}" : "")}");
    return results;
}

static string Cpu3((double Own, double Database, double Others)? c) =>
    c is { } v ? $"{v.Own:P0} / {v.Database:P0} / {v.Others:P0}" : "n/a";

static string Spread(List<Measurement> set) => $"±{set[0].Spread / 2:P0}";

static string Describe(BenchOptions o) =>
    o.Requests is { } n ? $"{n} requests per workload" : $"~{o.Seconds:0.#} s per workload";

static string Cpu()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
    catch (IOException)
    {
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

static string Summary(string sqlText)
{
    var oneLine = string.Join(' ', sqlText.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    return oneLine.Length <= 140 ? oneLine : oneLine[..137] + "…";
}

static async Task<string> CountRowsAsync(BenchHost host)
{
    using var scope = host.App.Services.CreateScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem();
    var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
    var counts = new (string, int)[]
    {
        ("organizations", await db.Organizations.IgnoreQueryFilters().CountAsync()),
        ("departments", await db.Departments.IgnoreQueryFilters().CountAsync()),
        ("office units", await db.OfficeUnits.IgnoreQueryFilters().CountAsync()),
        ("office years", await db.OfficeYears.IgnoreQueryFilters().CountAsync()),
        ("users", await db.Users.CountAsync()),
        ("memberships", await db.Memberships.IgnoreQueryFilters().CountAsync()),
        ("plans", await db.Plans.IgnoreQueryFilters().CountAsync()),
        ("analysis items", await db.AnalysisItems.IgnoreQueryFilters().CountAsync()),
        ("axes", await db.Axes.IgnoreQueryFilters().CountAsync()),
        ("objectives", await db.Objectives.IgnoreQueryFilters().CountAsync()),
        ("actions", await db.Actions.IgnoreQueryFilters().CountAsync()),
        ("milestones", await db.Milestones.IgnoreQueryFilters().CountAsync()),
        ("budget lines", await db.Budgets.IgnoreQueryFilters().CountAsync()),
        ("counterparts", await db.Counterparts.IgnoreQueryFilters().CountAsync()),
        ("contacts", await db.Contacts.IgnoreQueryFilters().CountAsync()),
        ("agreements", await db.Agreements.IgnoreQueryFilters().CountAsync()),
        ("ledger entries", await db.LedgerEntries.IgnoreQueryFilters().CountAsync()),
        ("network memberships", await db.NetworkMemberships.IgnoreQueryFilters().CountAsync()),
        ("network roles", await db.NetworkRoles.IgnoreQueryFilters().CountAsync()),
        ("membership reports", await db.MembershipReports.IgnoreQueryFilters().CountAsync()),
        ("alliances", await db.Alliances.IgnoreQueryFilters().CountAsync()),
        ("projects", await db.Projects.IgnoreQueryFilters().CountAsync()),
        ("project partners", await db.ProjectPartners.IgnoreQueryFilters().CountAsync()),
        ("project transactions", await db.ProjectTransactions.IgnoreQueryFilters().CountAsync()),
        ("missions", await db.Missions.IgnoreQueryFilters().CountAsync()),
        ("indicators", await db.Indicators.IgnoreQueryFilters().CountAsync()),
        ("indicator targets", await db.IndicatorTargets.IgnoreQueryFilters().CountAsync()),
        ("measurements", await db.Measurements.IgnoreQueryFilters().CountAsync()),
        ("externalities", await db.Externalities.IgnoreQueryFilters().CountAsync()),
        ("mitigations", await db.Mitigations.IgnoreQueryFilters().CountAsync()),
        ("evaluations", await db.Evaluations.IgnoreQueryFilters().CountAsync()),
        ("recommendations", await db.Recommendations.IgnoreQueryFilters().CountAsync()),
        ("audit entries", await db.AuditEntries.IgnoreQueryFilters().CountAsync()),
    };
    return string.Join(", ", counts.Select(c => $"{c.Item2:N0} {c.Item1}"));
}

static async Task CheckPageAsync(HttpClient client, string cookie, string slug, IReadOnlyList<Guid> ids, int pageSize, CancellationToken ct)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/{slug}/departments?pageSize={pageSize}");
    request.Headers.Add("Cookie", cookie);
    using var response = await client.SendAsync(request, ct);
    var html = await response.Content.ReadAsStringAsync(ct);
    var links = ids.Count(id => html.Contains($"/{slug}/departments/{id}\"", StringComparison.OrdinalIgnoreCase));
    if (links != Math.Min(pageSize, ids.Count))
        throw new InvalidOperationException($"The departments page links {links} departments; expected {Math.Min(pageSize, ids.Count)}.");
}

static async Task CheckApiAsync(HttpClient client, string secret, int departments, int pageSize, CancellationToken ct)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/departments?page=1&pageSize={pageSize}");
    request.Headers.Authorization = new("Bearer", secret);
    using var response = await client.SendAsync(request, ct);
    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    var totalRows = doc.RootElement.GetProperty("total").GetInt32();
    var items = doc.RootElement.GetProperty("items").GetArrayLength();
    if (totalRows != departments || items != Math.Min(pageSize, departments))
        throw new InvalidOperationException($"The API lists {items} of {totalRows} departments; expected {Math.Min(pageSize, departments)} of {departments} (is the tenant filter off?).");
}
