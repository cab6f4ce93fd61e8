using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Nodal.Web;

namespace Nodal.Bench;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>The whole Nodal app in this process, on a real socket, on a fresh database that is removed afterwards.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@nodal.bench.example";
    public const string AdminPassword = "Bench-Admin-Password-2026";

    private string? _dataDir;
    private string? _pgServer;
    private string? _pgDatabase;

    public DatabaseKind Kind { get; }
    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    private BenchHost(DatabaseKind kind) => Kind = kind;

    /// <summary>Builds the app and migrates its database (no demo data; the generator fills it). Not started yet.</summary>
    public static async Task<BenchHost> CreateAsync(DatabaseKind kind, string? postgresServer)
    {
        var host = new BenchHost(kind);
        var settings = new Dictionary<string, string?>
        {
            ["Nodal:Admin:Email"] = AdminEmail,
            ["Nodal:Admin:Password"] = AdminPassword,
            ["Nodal:Demo:Seed"] = "false",
            // Start-up chatter only; what the app logs per request stays as shipped.
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (kind == DatabaseKind.Postgres)
        {
            host._pgServer = postgresServer ?? throw new InvalidOperationException("No PostgreSQL connection string (NODAL_BENCH_POSTGRES).");
            host._pgDatabase = "nodal_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(host._pgServer))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {host._pgDatabase} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            settings["Nodal:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Nodal"] = new NpgsqlConnectionStringBuilder(host._pgServer) { Database = host._pgDatabase }.ToString();
        }
        else
        {
            host._dataDir = Directory.CreateTempSubdirectory("nodal-bench-").FullName;
            settings["Nodal:DataDirectory"] = host._dataDir;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Razor Pages are found in the application assembly: it must be Nodal.Web, not this one.
            ApplicationName = typeof(NodalApp).Assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = FindWebRoot(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        host.App = NodalApp.Build(builder);
        await NodalApp.PrepareDatabaseAsync(host.App);
        return host;
    }

    public async Task StartAsync()
    {
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1"));
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            try { await App.StopAsync(); } catch (Exception) { /* stopping a half-started app */ }
            await App.DisposeAsync();
        }
        if (_dataDir is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dataDir, true); } catch (IOException) { }
        }
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>src/Nodal.Web (its appsettings.json and wwwroot), found from the build output or the current directory.</summary>
    private static string FindWebRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nodal.slnx"))) dir = dir.Parent;
            if (dir is not null) return Path.Combine(dir.FullName, "src", "Nodal.Web");
        }
        return AppContext.BaseDirectory;
    }
}
