using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Nodal.Tests;

/// <summary>Searches ignore the case of accented letters on both databases: "álvaro" finds "ÁLVARO".</summary>
public abstract class UnicodeSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_search_in_lower_case_finds_accented_capitals_and_the_reverse()
    {
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        var code = "U" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/departments", new { name = new { es = "ÉCOLE ÁLVARO ÑÚÑEZ", fr = "Öffentliche Straße" }, code })).StatusCode);

        foreach (var q in new[] { "álvaro ñúñez", "école", "ÁLVARO", "Álvaro Ñúñez" })
        {
            var found = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/departments?q={Uri.EscapeDataString(q)}"))!["items"]!.AsArray();
            Assert.True(found.Any(d => (string)d!["code"]! == code), $"searching \"{q}\" on {app.Kind} did not find ÉCOLE ÁLVARO ÑÚÑEZ");
        }
        var none = (await api.GetFromJsonAsync<JsonObject>("/api/v1/departments?q=" + Uri.EscapeDataString("álvaro x")))!["items"]!.AsArray();
        Assert.DoesNotContain(none, d => (string)d!["code"]! == code);
        // The start-up check agrees (on a database created with LC_CTYPE 'C' it would be false and logged).
        Assert.True(await app.WithDbAsync(db => Nodal.Web.Infrastructure.Database.LowersAccentedLettersAsync(db)));
    }
}

public sealed class UnicodeSearchTestsOnSqlite(SqliteApp app) : UnicodeSearchTests<SqliteApp>(app);
public sealed class UnicodeSearchTestsOnPostgres(PostgresApp app) : UnicodeSearchTests<PostgresApp>(app);
