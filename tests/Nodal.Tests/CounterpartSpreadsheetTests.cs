using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Nodal.Core.Reference;
using Nodal.Data;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Counterparts in spreadsheets: export, re-import without change, places from the gazetteer, hostile files; on each database.</summary>
public abstract partial class CounterpartSpreadsheetTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";

    private Task<(int Counterparts, int Audit)> CountsAsync(Guid org) => app.WithDbAsync(async db =>
        (await db.Counterparts.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(), await db.AuditEntries.CountAsync()), org);

    private static async Task<HttpResponseMessage> ImportAsync(WebClient web, byte[] file, string name, string language = "en")
    {
        var page = await web.GetHtmlAsync("/solmar/counterparts/import");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "antiforgery token on the import page");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await web.Http.PostAsync($"/solmar/counterparts/import?culture={language}", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task An_export_re_imports_as_no_change_and_an_edited_export_updates_only_that_row()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var api = await app.ApiClientAsync(Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        foreach (var body in new object[]
                 {
                     new { code = "X" + tag + "-1", kind = "City", gazetteerId = Gazetteer.Search("Nantes", "FR")[0].Id, notes = new { es = "=Nota con signo", fr = "Note sur\ndeux lignes" } },
                     new { code = "X" + tag + "-2", kind = "Foundation", name = "Fundación " + tag, country = "ES", website = "https://example.org", latitude = 40.1234567, longitude = -3.5 },
                     new { code = "X" + tag + "-3", kind = "CityNetwork", networkCode = "eurocities", allowDuplicate = true },
                 })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/counterparts", body)).StatusCode);

        using var web = await app.SignInAsync(Coordinator);
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var export = await web.Http.GetByteArrayAsync($"/solmar/counterparts/export?format={format}");
            var before = await CountsAsync(solmar);
            var response = await ImportAsync(web, export, "counterparts." + format);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(before, await CountsAsync(solmar)); // nothing written, not even an audit entry
        }

        // One cell changed in the CSV export: that row alone is updated.
        var csv = Encoding.UTF8.GetString(await web.Http.GetByteArrayAsync("/solmar/counterparts/export?format=csv"));
        Assert.Contains("'=Nota con signo", csv); // formulas are defused
        var edited = csv.Replace("Fundación " + tag, "Fundación " + tag + " renombrada");
        var (_, auditBefore) = await CountsAsync(solmar);
        var updated = await ImportAsync(web, Encoding.UTF8.GetBytes(edited), "c.csv");
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var (_, auditAfter) = await CountsAsync(solmar);
        Assert.Equal(auditBefore + 1, auditAfter);
        var renamed = await app.WithDbAsync(db => db.Counterparts.AsNoTracking().SingleAsync(c => c.Code == "X" + tag + "-2"), solmar);
        Assert.Equal("Fundación " + tag + " renombrada", renamed.Name);
        Assert.Equal(40.1234567, renamed.Latitude);
        var nantes = await app.WithDbAsync(db => db.Counterparts.AsNoTracking().SingleAsync(c => c.Code == "X" + tag + "-1"), solmar);
        Assert.Equal("=Nota con signo", nantes.Notes.Es);

        // The template has the columns and no rows.
        using var template = new XLWorkbook(new MemoryStream(await web.Http.GetByteArrayAsync("/solmar/counterparts/template?format=xlsx")));
        var headers = template.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(["Code", "Kind", "Name", "Acronym", "Country", "Region", "City gazetteer id", "Latitude", "Longitude", "Population", "Network code", "Website", "Notes es", "Notes en", "Notes fr"], headers);
        Assert.Single(template.Worksheet(1).RowsUsed());
    }

    [Fact]
    public async Task City_rows_are_placed_from_the_gazetteer_and_ambiguous_or_unknown_names_stop_the_whole_import()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var file = Csv($"Code,Kind,Name,Country,City gazetteer id\r\nT{tag}-1,City,Córdoba,AR,\r\nT{tag}-2,City,Springfield,US,\r\nT{tag}-3,City,Guadalupe,MX,\r\nT{tag}-4,City,Marseil,FR,\r\n");
        var before = await CountsAsync(solmar);
        var response = await ImportAsync(web, file, "twins.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync(solmar));
        var springfield = Gazetteer.Match("Springfield", "US");
        Assert.Contains($"Springfield, US: {springfield.Candidates.Count} cities match:", html);
        Assert.All(springfield.Candidates.Take(10), c => Assert.Contains($"id {c.Id}", html));
        Assert.Contains("Guadalupe, MX:", html);
        Assert.Contains("Marseil, FR: no city of the gazetteer has this name. Did you mean:", html);
        Assert.Contains($"id {Gazetteer.Search("Marseille", "FR")[0].Id}", html);
        Assert.DoesNotContain("Córdoba, AR:", html); // the unique one is fine
        Assert.Equal(3, Regex.Matches(html, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">[345]</td>").Count);

        // Without the twins, the unique city is placed.
        var fine = await ImportAsync(web, Csv($"Code,Kind,Name,Country\r\nT{tag}-1,City,Córdoba,AR\r\n"), "one.csv");
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
        var cordoba = await app.WithDbAsync(db => db.Counterparts.AsNoTracking().SingleAsync(c => c.Code == $"T{tag}-1"), solmar);
        Assert.Equal(Gazetteer.Match("Córdoba", "AR").Candidates[0].Id, cordoba.GazetteerId);
        Assert.NotNull(cordoba.Latitude);
    }

    [Fact]
    public async Task Row_errors_name_the_row_column_and_value_in_the_users_language()
    {
        using var web = await app.SignInAsync(Coordinator, language: "es");
        var response = await ImportAsync(web, Csv("Code,Kind,Name,Latitude\r\nE1,Planeta,Marte,abc\r\nE2,Company,,95\r\n"), "e.csv", "es");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tipo desconocido", html);
        Assert.Contains("Indique un número.", html);
        Assert.Contains("Introduzca una latitud entre -90 y 90.", html);
        Assert.Contains("Introduzca el nombre de la contraparte", html);
    }

    [Fact]
    public async Task Hostile_and_wrong_files_are_refused_cleanly_and_write_nothing()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var web = await app.SignInAsync(Coordinator, language: "en");
        var export = await web.Http.GetByteArrayAsync("/solmar/counterparts/template?format=xlsx");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1 };
        var cases = new (string Name, byte[] File, string Expected)[]
        {
            ("png named .xlsx", png, "not a spreadsheet"),
            ("old .xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "old Excel file"),
            ("truncated xlsx", export[..(export.Length / 2)], "damaged or incomplete"),
            ("doctype in a sheet", WithDoctype(export), "DOCTYPE"),
            ("latin-1 csv", Encoding.Latin1.GetBytes("Code,Name\r\nX,Acción\r\n"), "not in UTF-8"),
            ("too big", new byte[11 * 1024 * 1024], "larger than"),
        };
        var before = await CountsAsync(solmar);
        foreach (var (name, file, expected) in cases)
        {
            var response = await ImportAsync(web, file, "counterparts.xlsx");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.True(body.Contains(expected, StringComparison.OrdinalIgnoreCase), $"{name}: no “{expected}”");
            Assert.Equal(before, await CountsAsync(solmar));
        }
    }

    /// <summary>A workbook whose sheet declares a DTD with an entity.</summary>
    private static byte[] WithDoctype(byte[] xlsx)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            var root = Regex.Match(xml, @"<([A-Za-z]+:)?worksheet\b");
            xml = xml.Insert(root.Index, $"<!DOCTYPE {root.Value[1..]} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return buffer.ToArray();
    }
}

public sealed class CounterpartSpreadsheetTestsOnSqlite(SqliteApp app) : CounterpartSpreadsheetTests<SqliteApp>(app);
public sealed class CounterpartSpreadsheetTestsOnPostgres(PostgresApp app) : CounterpartSpreadsheetTests<PostgresApp>(app);
