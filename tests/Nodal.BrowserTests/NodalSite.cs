using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Nodal.Data;
using Nodal.Web;
using Nodal.Testing;
using Xunit.Abstractions;

namespace Nodal.BrowserTests;

/// <summary>
/// One Nodal on a real socket (fresh SQLite data directory, or a fresh PostgreSQL database when
/// NODAL_TEST_POSTGRES is set), seeded with the demo, plus one headless Chromium to browse it.
/// Missing Chromium or axe-core fails every test: browser tests are never skipped silently.
/// </summary>
public sealed class NodalSite : IAsyncLifetime
{
    public const string Org = "solmar";
    public const string DemoPassword = "Demo-Password-2026";
    public const string AdminEmail = "admin@nodal.test";
    public const string AdminPassword = "Admin-Password-2026";

    private ThrowawayDatabase? _database;
    private IPlaywright? _playwright;

    public WebApplication App { get; private set; } = null!;
    /// <summary>http://127.0.0.1:PORT (not localhost: Chromium's resolver rule only lets 127.0.0.1 through).</summary>
    public string BaseUrl { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string AxePath { get; private set; } = null!;
    public string DatabaseKind => _database?.Settings.ContainsKey("ConnectionStrings:Nodal") == true ? "PostgreSQL" : "SQLite";

    public async Task InitializeAsync()
    {
        // Find the browser and axe first: without them nothing here can be tested.
        var chromium = Environment.GetEnvironmentVariable("NODAL_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium not found at '{chromium}' (set NODAL_CHROMIUM, or `apt-get install -y --no-install-recommends chromium`). " +
                "Browser tests fail rather than skip without it.");
        var projectDir = Path.Combine(RepoRoot(), "tests", "Nodal.BrowserTests");
        AxePath = Environment.GetEnvironmentVariable("NODAL_AXE_PATH") is { Length: > 0 } a
            ? a
            : Path.Combine(projectDir, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(AxePath) && Environment.GetEnvironmentVariable("NODAL_AXE_PATH") is not { Length: > 0 })
            await NpmCiAsync(projectDir);
        if (!File.Exists(AxePath))
            throw new InvalidOperationException(
                $"axe-core not found at '{AxePath}' (set NODAL_AXE_PATH, or run `npm ci` in tests/Nodal.BrowserTests). " +
                "Browser tests fail rather than skip without it.");

        await StartAppAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    private async Task StartAppAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Nodal:Admin:Email"] = AdminEmail,
            ["Nodal:Admin:Password"] = AdminPassword,
            ["Nodal:Demo:Password"] = DemoPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _database = Environment.GetEnvironmentVariable("NODAL_TEST_POSTGRES") is { Length: > 0 } pg
            ? await ThrowawayDatabase.CreatePostgresAsync(pg, "nodal_browser_")
            : ThrowawayDatabase.CreateSqlite("nodal-browser-");
        foreach (var (key, value) in _database.Settings) settings[key] = value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodalApp).Assembly.GetName().Name,
            EnvironmentName = "Testing",
            // The web project's folder, so that wwwroot (styles, scripts) is served as in production.
            ContentRootPath = Path.Combine(RepoRoot(), "src", "Nodal.Web"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        App = NodalApp.Build(builder);
        await NodalApp.PrepareDatabaseAsync(App);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) and page: one person at one browser.</summary>
    public async Task<Visitor> NewVisitorAsync(ITestOutputHelper output, bool audit = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "en-GB", // Accept-Language: en, as a browser set to English sends
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        // axe-core goes in as an init script: it runs through DevTools, so the app's strict
        // Content-Security-Policy (script-src 'self') stays enforced and its violations stay visible.
        await context.AddInitScriptAsync(scriptPath: AxePath);
        var page = await context.NewPageAsync();
        return new Visitor(this, context, page, output, audit);
    }

    /// <summary>What the interface says for <paramref name="key"/> in <paramref name="language"/>, from the app's own resources.</summary>
    public string Text(string language, string key, params object[] args)
    {
        var localizer = App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            return args.Length == 0 ? localizer[key].Value : localizer[key, args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>How many departments the organization has, read from the database: deleted ones included unless told otherwise.</summary>
    public async Task<int> CountDepartmentsAsync(string slug = Org, bool includeDeleted = true)
    {
        using var scope = App.Services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
        var orgId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
        return await db.Departments.IgnoreQueryFilters().CountAsync(d => d.OrganizationId == orgId && (includeDeleted || d.DeletedAt == null));
    }

    /// <summary>Installs the project's npm packages (axe-core) when they are missing; a failure leaves them missing.</summary>
    private static async Task NpmCiAsync(string projectDir)
    {
        try
        {
            using var npm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = projectDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (npm is null) return;
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try { await npm.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { npm.Kill(entireProcessTree: true); }
            await Task.WhenAll(output, errors);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No npm on this machine: the caller reports the missing axe-core.
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nodal.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No Nodal.slnx above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<NodalSite>
{
    public const string Name = "Nodal in a browser";
}
