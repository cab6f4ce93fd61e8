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
var profile = new LargeCityProfile { Scale = options.Scale, NoiseOrganizations = options.NoiseOrganizations };

Console.WriteLine($"Nodal benchmark — {kind}, scale {options.Scale}, {options.Concurrency} workers, {Describe(options)}");
Console.WriteLine($"machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine("The app and the load generator share this process and its cores: compare the ratios, not the absolute figures, across machines.");
Console.WriteLine();

await using var host = await BenchHost.CreateAsync(kind, postgresServer);
string connectionString;
using (var scope = host.App.Services.CreateScope())
    connectionString = scope.ServiceProvider.GetRequiredService<NodalDbContext>().Database.GetConnectionString()!;
var raw = new RawDatabase(kind == DatabaseKind.Postgres, connectionString);

Console.WriteLine($"Generating data ({await raw.VersionAsync(ct)})…");
var dataset = await new DataGenerator(host.App.Services, profile).GenerateAsync(
    line => { if (Console.IsOutputRedirected == false) Console.Write($"\r  {line}   "); }, ct);
if (!Console.IsOutputRedirected) Console.WriteLine();
if (raw.IsPostgres)
{
    // What autovacuum would have done by the time a real database has this much data.
    await using var conn = await raw.OpenAsync(ct);
    await using var analyze = conn.CreateCommand();
    analyze.CommandText = "ANALYZE";
    await analyze.ExecuteNonQueryAsync(ct);
}
Console.WriteLine($"  {dataset.Organizations.Count} organizations in {dataset.Elapsed.TotalSeconds:F1} s; rows: {await CountRowsAsync(host)}");
Console.WriteLine();

var measured = dataset.Measured;
var admin = measured.Administrator;
string secret;
using (var scope = host.App.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem(measured.Id);
    (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(measured.Id, admin.UserId, "bench", null, ct);
}

await host.StartAsync();
var cookie = await BenchClients.SignInAsync(host.BaseAddress, admin.Email, profile.Password, ct);
using var client = BenchClients.Create(host.BaseAddress, options.Concurrency);

var slug = measured.Slug;
const int pageSize = 50;
var ping = new HttpGetWorkload("GET /ping", client, ["/ping"]);
var api = new HttpGetWorkload($"GET /api/v1/departments?pageSize={pageSize} (token)", client, [$"/api/v1/departments?page=1&pageSize={pageSize}"],
    h => h.Authorization = new("Bearer", secret));
var page = new HttpGetWorkload($"GET /{slug}/departments?pageSize={pageSize} (cookie)", client, [$"/{slug}/departments?pageSize={pageSize}"],
    h => { h.Add("Cookie", cookie); h.AcceptLanguage.ParseAdd("en"); });
var details = new HttpGetWorkload($"GET /{slug}/departments/{{id}} (cookie, {measured.DepartmentIds.Count} ids)", client,
    measured.DepartmentIds.Select(id => $"/{slug}/departments/{id}").ToList(),
    h => { h.Add("Cookie", cookie); h.AcceptLanguage.ParseAdd("en"); });
Workload[] endpoints = [ping, api, page, details];

// Warm up every endpoint first (JIT, tiered compilation, caches), then look at what each sends to the database.
Console.WriteLine("Warming up…");
foreach (var w in endpoints) await LoadRunner.WarmUpAsync(w, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), ct);
var sql = new Dictionary<Workload, IReadOnlyList<CapturedCommand>>();
foreach (var w in endpoints)
{
    sql[w] = await capture.CaptureAsync(async () =>
    {
        var error = await w.RunOnceAsync(0, 0, ct);
        if (error is not null) throw new InvalidOperationException(error);
    });
}
await CheckApiAsync(client, secret, profile.Departments, pageSize, ct);
await CheckPageAsync(client, cookie, slug, measured.DepartmentIds, pageSize, ct);

var listSql = sql[api].Where(c => c.Mentions("Departments")).ToList();
// The replayed SQL must find what the app found, or it would time empty answers.
var expectedListRows = 1 + Math.Min(pageSize, profile.Departments);
var listRows = await raw.RunOnceAsync(listSql, ct);
if (listRows != expectedListRows)
    throw new InvalidOperationException($"The list's SQL, replayed, read {listRows} rows; the app's answer has {expectedListRows} (count + page).");
var rawList = new RawSqlWorkload($"raw SQL of the list ({listSql.Count} commands)", raw, listSql);
var rawApi = new RawSqlWorkload($"raw SQL of the API request (all {sql[api].Count})", raw, sql[api]);
var rawDetails = new RawSqlWorkload($"raw SQL of the details page (all {sql[details].Count})", raw, sql[details]);
var pingAgain = new HttpGetWorkload("GET /ping (again, at the end)", client, ["/ping"]);

var results = new List<Measurement>();
foreach (var w in new Workload[] { ping, api, page, details, rawList, rawApi, rawDetails, pingAgain })
{
    var rate = await LoadRunner.WarmUpAsync(w, options.Concurrency, TimeSpan.FromSeconds(Math.Max(0.5, options.WarmupSeconds / 2)), ct);
    var requests = options.Requests ?? (int)Math.Clamp(rate * options.Seconds, 100, 5_000_000);
    var m = await LoadRunner.MeasureAsync(w, options.Concurrency, requests, ct);
    results.Add(m);
    Console.WriteLine($"  {m.Label}: {m.Requests} in {m.Seconds:F1} s{(m.Errors > 0 ? $", {m.Errors} ERRORS, the first: {m.FirstError}" : "")}");
}
Console.WriteLine();

var baseline = results[0];
var queries = new Dictionary<string, int> { [ping.Label] = sql[ping].Count, [api.Label] = sql[api].Count, [page.Label] = sql[page].Count, [details.Label] = sql[details].Count, [pingAgain.Label] = 0 };
Report.Table(results, baseline, queries, markdown: false);
Console.WriteLine();
var apiM = results.Single(r => r.Label == api.Label);
var detailsM = results.Single(r => r.Label == details.Label);
var rawListM = results.Single(r => r.Label == rawList.Label);
var rawApiM = results.Single(r => r.Label == rawApi.Label);
var rawDetailsM = results.Single(r => r.Label == rawDetails.Label);
Console.WriteLine($"API p95 / raw list SQL p95:               {apiM.P95 / rawListM.P95,6:F1}×   ({apiM.P95:F2} ms / {rawListM.P95:F2} ms)");
Console.WriteLine($"API p95 / all of its SQL p95:             {apiM.P95 / rawApiM.P95,6:F1}×   ({apiM.P95:F2} ms / {rawApiM.P95:F2} ms)");
Console.WriteLine($"details page p95 / all of its SQL p95:    {detailsM.P95 / rawDetailsM.P95,6:F1}×   ({detailsM.P95:F2} ms / {rawDetailsM.P95:F2} ms)");
Console.WriteLine($"/ping drift (end vs start, req/s):        {results[^1].RequestsPerSecond / baseline.RequestsPerSecond,6:F2}×");
Console.WriteLine();

Console.WriteLine("SQL commands per request (one request, after warm-up):");
foreach (var w in endpoints.Skip(1))
{
    Console.WriteLine($"  {w.Label}: {sql[w].Count}");
    foreach (var c in sql[w]) Console.WriteLine($"    - {Summary(c.Text)}");
}
Console.WriteLine();

Console.WriteLine("Query plans (tenant filter and indexes):");
foreach (var c in sql[api].Concat(sql[details]).Where(c => c.Mentions("Departments") || c.Mentions("AuditEntries")).DistinctBy(c => c.Text))
{
    Console.WriteLine($"  {Summary(c.Text)}");
    foreach (var line in await raw.ExplainAsync(c, ct)) Console.WriteLine($"      {line}");
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
    Report.Table(results, baseline, queries, markdown: true);
}
Console.WriteLine();
Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F0} s.");
return results.Any(r => r.Errors > 0) ? 1 : 0;

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
