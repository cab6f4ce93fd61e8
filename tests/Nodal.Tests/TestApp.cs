using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Testing;
using Nodal.Core;
using Nodal.Data;
using Nodal.Web;
using Nodal.Web.Infrastructure;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// A whole Nodal on a real socket, on a fresh database of the given kind, seeded with the demo.
/// Every integration test class runs once per database kind.
/// </summary>
public abstract class TestApp : IAsyncLifetime
{
    public const string AdminEmail = "admin@nodal.test";
    public const string AdminPassword = "Admin-Password-2026";
    public const string DemoPassword = "Demo-Password-2026";

    private readonly DatabaseKind _kind;
    private ThrowawayDatabase? _database;
    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    protected TestApp(DatabaseKind kind) => _kind = kind;

    public DatabaseKind Kind => _kind;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Nodal:Admin:Email"] = AdminEmail,
            ["Nodal:Admin:Password"] = AdminPassword,
            ["Nodal:Demo:Password"] = DemoPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (_kind == DatabaseKind.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("NODAL_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NODAL_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL.");
            _database = await ThrowawayDatabase.CreatePostgresAsync(server, "nodal_test_");
        }
        else
        {
            _database = ThrowawayDatabase.CreateSqlite("nodal-test-");
        }
        foreach (var (key, value) in _database.Settings) settings[key] = value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodalApp).Assembly.GetName().Name,
            EnvironmentName = "Testing",
            ContentRootPath = FindWebRoot(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        App = NodalApp.Build(builder);
        await NodalApp.PrepareDatabaseAsync(App);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1"));
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private static string FindWebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nodal.slnx"))) dir = dir.Parent;
        return dir is null ? AppContext.BaseDirectory : Path.Combine(dir.FullName, "src", "Nodal.Web");
    }

    /// <summary>Runs code against the database as the system, inside one organization (or none).</summary>
    public async Task<T> WithDbAsync<T>(Func<NodalDbContext, Task<T>> work, Guid? organizationId = null)
    {
        using var scope = App.Services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterAsSystem(organizationId);
        return await work(scope.ServiceProvider.GetRequiredService<NodalDbContext>());
    }

    public Task<Guid> OrgIdAsync(string slug) =>
        WithDbAsync(db => db.Organizations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    /// <summary>An API client with a fresh personal access token of the user in the organization.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string slug = Seeder.DemoSlug, string? language = null)
    {
        var orgId = await OrgIdAsync(slug);
        var secret = await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
            using var scope = App.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.EnterAsSystem(orgId);
            var (_, s) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(orgId, user.Id, "tests", null, default);
            return s;
        });
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in as the user.</summary>
    public async Task<WebClient> SignInAsync(string email, string? password = null, string language = "en")
    {
        var client = WebClient.Create(BaseAddress, language);
        var response = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password ?? (email == AdminEmail ? AdminPassword : DemoPassword) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

public sealed class SqliteApp() : TestApp(DatabaseKind.Sqlite);
public sealed class PostgresApp() : TestApp(DatabaseKind.Postgres);

/// <summary>Posts forms the way a browser does: fetches the page, takes its antiforgery token, keeps cookies.</summary>
public sealed partial class WebClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static WebClient Create(Uri baseAddress, string language = "en")
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new WebClient(http);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts to the form page at <paramref name="url"/> (the token comes from GET of <paramref name="formPage"/> or the url itself).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Http.GetAsync(formPage ?? url.Split('?')[0]);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? url} ({(int)page.StatusCode}): {html[..Math.Min(html.Length, 300)]}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(url, new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}
