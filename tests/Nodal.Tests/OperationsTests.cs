using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nodal.Web.Cli;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>What an operator relies on: the command line, the keys shared by nodes, deleting whole organizations.</summary>
[Collection("Console")]
public abstract class OperationsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task The_tokens_create_command_prints_a_token_that_reads_the_api()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        int exit;
        try
        {
            Console.SetOut(output);
            Console.SetError(errors);
            exit = await Commands.RunAsync(app.App, ["tokens", "create", "--email", "ana.coordinadora@solmar.example", "--name", "nightly export"]);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
        Assert.Equal(0, exit);
        var token = output.ToString().Trim();
        Assert.StartsWith("nodal_", token);
        Assert.Contains("/solmar", errors.ToString());

        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var page = await api.GetFromJsonAsync<JsonObject>("/api/v1/departments");
        Assert.Contains(page!["items"]!.AsArray(), d => (string)d!["code"]! == "MOB");
    }

    [Fact]
    public async Task The_tokens_command_explains_a_wrong_email()
    {
        var errors = new StringWriter();
        var stderr = Console.Error;
        int exit;
        try
        {
            Console.SetError(errors);
            exit = await Commands.RunAsync(app.App, ["tokens", "create", "--email", "nobody@nowhere.example", "--name", "x"]);
        }
        finally
        {
            Console.SetError(stderr);
        }
        Assert.Equal(2, exit);
        Assert.Contains("No user with the email nobody@nowhere.example", errors.ToString());
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_for_every_node()
    {
        using var anonymous = WebClient.Create(app.BaseAddress);
        await anonymous.GetHtmlAsync("/account/login"); // issues an antiforgery token, which needs a key
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1);
    }

    [Fact]
    public async Task A_site_administrator_deletes_an_organization_and_restores_it()
    {
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        var slug = "org" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostFormAsync("/organizations/new", new()
        {
            ["Input.Slug"] = slug, ["Input.Name.Es"] = "Ciudad de Prueba", ["Input.Kind"] = "Municipality", ["Input.Country"] = "MX",
            ["Input.Population"] = "250000", ["Input.WorkingLanguages"] = "es", ["Input.DefaultLanguage"] = "es", ["Input.Currency"] = "MXN",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{slug}")).StatusCode);

        var orgId = await app.OrgIdAsync(slug);
        var version = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == orgId).Select(o => o.Version).SingleAsync());
        var deleted = await admin.PostFormAsync($"/{slug}/profile?handler=Delete", new() { ["version"] = version.ToString() }, formPage: $"/{slug}/profile");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{slug}")).StatusCode);
        Assert.Contains(slug, await admin.GetHtmlAsync("/organizations/trash"));

        var restored = await admin.PostFormAsync("/organizations/trash?handler=Restore", new() { ["id"] = orgId.ToString() }, formPage: "/organizations/trash");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{slug}")).StatusCode);

        using var coordinator = await app.SignInAsync("ana.coordinadora@solmar.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/organizations/trash")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/organizations/new")).StatusCode);
    }

    [Fact]
    public async Task Api_errors_without_a_body_still_answer_problem_details()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var unauthorized = await http.GetAsync("/api/v1/departments");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        using var api = await app.ApiClientAsync("concejal@solmar.example");
        var missing = await api.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class OperationsTestsOnSqlite(SqliteApp app) : OperationsTests<SqliteApp>(app);
public sealed class OperationsTestsOnPostgres(PostgresApp app) : OperationsTests<PostgresApp>(app);

/// <summary>The OpenAPI document passes Spectral's spectral:oas ruleset with no error.</summary>
public sealed class OpenApiLintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Spectral_reports_no_error_on_the_openapi_document()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "Nodal.slnx"))) root = root.Parent;
        var spectral = Environment.GetEnvironmentVariable("NODAL_SPECTRAL")
                       ?? Path.Combine(root.FullName, "tests/Nodal.BrowserTests/node_modules/.bin/spectral");
        Assert.True(File.Exists(spectral), $"Spectral is missing at {spectral}: run ./test.sh (it installs the npm packages).");

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var document = Path.Combine(Path.GetTempPath(), $"nodal-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync("/openapi/v1.json"));
        var ruleset = Path.Combine(root.FullName, ".spectral.yaml");
        var run = Process.Start(new ProcessStartInfo(spectral, ["lint", document, "--ruleset", ruleset, "--fail-severity", "error", "--format", "text"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await run.StandardOutput.ReadToEndAsync() + await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        File.Delete(document);
        Assert.True(run.ExitCode == 0, output);
    }
}
