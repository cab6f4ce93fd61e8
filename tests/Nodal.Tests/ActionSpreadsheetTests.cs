using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Nodal.Core;
using Nodal.Core.Auditing;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;
using Nodal.Data;
using Nodal.Web;
using Nodal.Web.Features.Actions;
using Nodal.Web.Features.Actions.Spreadsheet;
using Xunit.Abstractions;

namespace Nodal.Tests;

/// <summary>
/// Actions to and from XLSX and CSV, on each database. Every test builds its own organization (departments,
/// a plan with objectives and axes, three actions) so that counts are its own.
/// </summary>
public abstract partial class ActionSpreadsheetTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private sealed record World(string Slug, Guid OrgId, Guid PlanId, Guid OtherPlanId, Dictionary<string, Guid> Departments);

    // ------------------------------------------------------------------ export

    [Fact]
    public async Task The_xlsx_export_opens_with_typed_cells_a_frozen_filtered_header_and_a_help_sheet()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Viewer, w.Slug);
        var response = await api.GetAsync($"/api/v1/actions/export?format=xlsx&plan={w.PlanId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ActionSpreadsheet.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            // What Excel checks when it opens a file: the parts against the Office Open XML schemas.
            var invalid = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Take(10).ToList();
            Assert.True(invalid.Count == 0, string.Join("\n", invalid.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        var headers = Headers(sheet);
        Assert.Equal("code", headers[0]);
        Assert.Contains("title_es", headers);
        Assert.Contains("budget_2026_planned", headers);
        Assert.Contains("budget_2028_spent", headers); // every year of the plan, even without amounts
        Assert.Equal("version", headers[^1]);
        Assert.Equal(4, sheet.LastRowUsed()!.RowNumber()); // header + 3 actions
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);

        var a1 = Row(sheet, "A-001");
        Assert.Equal(XLDataType.DateTime, a1["start"].DataType);
        Assert.Equal(new DateTime(2026, 1, 15), a1["start"].GetDateTime());
        Assert.Equal(XLDataType.Number, a1["budget_2026_planned"].DataType);
        Assert.Equal(10000.0, a1["budget_2026_planned"].GetDouble());
        Assert.Equal(2500.5, a1["budget_2026_spent"].GetDouble());
        Assert.Equal(XLDataType.Text, a1["code"].DataType);
        Assert.Equal("O1", a1["objective"].GetString());
        Assert.Equal("ORI", a1["lead_department"].GetString());
        Assert.Equal("MOB", a1["involved_departments"].GetString());
        Assert.Equal("Red C40; Ayuntamiento de Lyon", a1["partners"].GetString());
        Assert.Equal("Movilidad sostenible", a1["axes"].GetString());
        Assert.Equal("InProgress", a1["status"].GetString());
        Assert.Equal("=SUM(1)", Row(sheet, "A-002")["requested_by"].GetString()); // text, never a formula
        Assert.False(Row(sheet, "A-002")["requested_by"].HasFormula);
        var a3 = Row(sheet, "A-003");
        Assert.Equal("EUR", a3["currency"].GetString());
        Assert.Equal("2026: 500.00 / 0.00 USD", a3["budget_other_currencies"].GetString());

        var help = workbook.Worksheet(2);
        Assert.Equal("Help", help.Name);
        var helpText = string.Join("\n", help.CellsUsed().Select(c => c.GetString()));
        Assert.Contains("MissionOrVisit", helpText);
        Assert.Contains("InProgress", helpText);
        Assert.Contains("O2", helpText);
        Assert.Contains("CUL", helpText);
        Assert.Contains("Mediterráneo", helpText);
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_bom_and_parses_back_with_CsvHelper()
    {
        var w = await SeedAsync();
        using var web = await app.SignInAsync(Viewer);
        var response = await web.GetAsync($"/{w.Slug}/actions/export?format=csv&plan={w.PlanId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark");

        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture));
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, records.Count);
        var a1 = records.Single(r => (string)r["code"] == "A-001");
        Assert.Equal("2026-01-15", a1["start"]);
        Assert.Equal("10000.00", a1["budget_2026_planned"]);
        Assert.Equal("2500.50", a1["budget_2026_spent"]);
        Assert.Equal("Acción con «comillas», comas y\nsaltos de línea", a1["description_es"]);
        Assert.Equal("'=SUM(1)", records.Single(r => (string)r["code"] == "A-002")["requested_by"]); // no formula for Excel to run

        // Another organization's page route does not give this one's actions.
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/solmar-nope/actions/export?format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_templates_have_the_columns_no_rows_and_the_help_sheet()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Viewer, w.Slug, language: "fr");
        using var workbook = new XLWorkbook(new MemoryStream(await api.GetByteArrayAsync($"/api/v1/actions/template?format=xlsx&plan={w.PlanId}")));
        Assert.Equal(1, workbook.Worksheet(1).LastRowUsed()!.RowNumber());
        Assert.Contains("lead_department", Headers(workbook.Worksheet(1)));
        Assert.Equal("Aide", workbook.Worksheet(2).Name);
        Assert.Contains(workbook.Worksheet(2).CellsUsed(), c => c.GetString() == "O1");

        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync("/api/v1/actions/template?format=csv")).TrimStart('\uFEFF');
        Assert.StartsWith("code,title_es,title_en,title_fr,", csv);
        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        using var web = await app.SignInAsync(Viewer);
        var page = await web.GetAsync($"/{w.Slug}/actions/template?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/actions/template?format=ods")).StatusCode);
    }

    // ------------------------------------------------------------------ round trip

    [Fact]
    public async Task An_xlsx_export_reimported_updates_the_same_actions_without_duplicates()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        var export = await api.GetByteArrayAsync($"/api/v1/actions/export?format=xlsx&plan={w.PlanId}");
        var before = await CountsAsync(w);

        var unchanged = await ImportAsync(api, export, "actions.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        var result = (await unchanged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, (int)result["added"]!);
        Assert.Equal(0, (int)result["updated"]!);
        Assert.Equal(3, (int)result["unchanged"]!);
        Assert.Equal(before, await CountsAsync(w));

        var (id, version) = await app.WithDbAsync(db => db.Actions.Where(a => a.Code == "A-001").Select(a => new { a.Id, a.Version }).SingleAsync(), w.OrgId)
            .ContinueWith(t => (t.Result.Id, t.Result.Version));
        var edited = EditXlsx(export, "A-001", "title_es", "Misión a Lyon (revisada)");
        var changed = await ImportAsync(api, edited, "actions.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        result = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, (int)result["added"]!);
        Assert.Equal(1, (int)result["updated"]!);
        Assert.Equal(2, (int)result["unchanged"]!);

        var after = await CountsAsync(w);
        Assert.Equal(before.Actions, after.Actions);
        Assert.Equal(before.Budgets, after.Budgets);
        Assert.Equal(before.Milestones, after.Milestones); // milestones are not in the file and stay
        var action = await app.WithDbAsync(db => db.Actions.SingleAsync(a => a.Id == id), w.OrgId);
        Assert.Equal("Misión a Lyon (revisada)", action.Title.Es);
        Assert.Equal("Mission to Lyon", action.Title.En);
        Assert.Equal(version + 1, action.Version);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id && e.Action == AuditAction.Updated).ToListAsync(), w.OrgId);
        var entry = Assert.Single(audit);
        Assert.Contains("Misión a Lyon (revisada)", Regex.Unescape(entry.Changes));
        Assert.Equal(Coordinator, entry.UserName);

        // The file still says the old version: importing it again over the change is refused, nothing written.
        var stale = EditXlsx(export, "A-001", "title_es", "Otra versión");
        var refused = await ImportAsync(api, stale, "actions.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single(await ErrorsAsync(refused));
        Assert.Equal("version", error.Column);
        Assert.Equal(after, await CountsAsync(w));
    }

    [Fact]
    public async Task A_csv_export_reimports_unchanged_and_new_rows_get_the_next_codes()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        var export = await api.GetByteArrayAsync($"/api/v1/actions/export?format=csv&plan={w.PlanId}");
        var reimport = await ImportAsync(api, export, "actions.csv", w.PlanId);
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal(3, (int)(await reimport.Content.ReadFromJsonAsync<JsonObject>())!["unchanged"]!);

        // A semicolon-separated file as Excel writes it in Spanish locales, with a decimal comma and a local date.
        var csv = "code;title_es;origin;objective;modality;lead_department;status;start;budget_2027_planned\r\n"
                  + ";Feria de turismo;Planned;O1;EventsAndCongresses;ORI;Planned;15/03/2027;\"1234,5\"\r\n"
                  + ";Visita técnica;planned;o2;twinning;CUL;Idea;2027-04-01;\r\n";
        var added = await ImportAsync(api, Encoding.UTF8.GetBytes(csv), "nuevas.csv", w.PlanId, language: "es");
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        Assert.Equal(2, (int)(await added.Content.ReadFromJsonAsync<JsonObject>())!["added"]!);
        var created = await app.WithDbAsync(db => db.Actions.Where(a => a.Code == "A-004" || a.Code == "A-005").OrderBy(a => a.Code).ToListAsync(), w.OrgId);
        Assert.Equal(["Feria de turismo", "Visita técnica"], created.Select(a => a.Title.Es));
        Assert.Equal(new DateOnly(2027, 3, 15), created[0].Start);
        Assert.Equal(Modality.Twinning, created[1].Modality);
        var budget = await app.WithDbAsync(db => db.Budgets.SingleAsync(b => b.ActionId == created[0].Id), w.OrgId);
        Assert.Equal(1234.5m, budget.Planned);
        Assert.Equal("EUR", budget.Currency);
    }

    [Fact]
    public async Task Columns_left_out_of_the_file_keep_their_values_and_a_dry_run_saves_nothing()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        var before = await CountsAsync(w);
        var file = Encoding.UTF8.GetBytes("code,title_fr,budget_2025_spent\r\nA-003,Jumelage avec Valparaíso,750\r\n");

        using (var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "a.csv" } })
        {
            var dry = await api.PostAsync($"/api/v1/actions/import?plan={w.PlanId}&dryRun=true", form);
            var counts = (await dry.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal((1, true), ((int)counts["updated"]!, (bool)counts["dryRun"]!));
            Assert.Equal(before, await CountsAsync(w));
        }

        // The same file as the request body itself, plan in the query string.
        var response = await api.PostAsync($"/api/v1/actions/import?plan={w.PlanId}", new ByteArrayContent(file) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var a3 = await app.WithDbAsync(db => db.Actions.SingleAsync(a => a.Code == "A-003"), w.OrgId);
        Assert.Equal(("Hermanamiento con Valparaíso", "Jumelage avec Valparaíso", Modality.Twinning), (a3.Title.Es, a3.Title.Fr, a3.Modality));
        Assert.Equal(w.Departments["CUL"], a3.LeadDepartmentId);
        var lines = await app.WithDbAsync(db => db.Budgets.Where(b => b.ActionId == a3.Id).OrderBy(b => b.Year).ToListAsync(), w.OrgId);
        Assert.Equal([(2025, 1000m, 750m, "EUR"), (2026, 500m, 0m, "USD")], lines.Select(b => (b.Year, b.Planned, b.Spent, b.Currency)));
    }

    // ------------------------------------------------------------------ refusals: nothing written

    [Fact]
    public async Task Rows_with_errors_are_reported_by_row_and_column_and_nothing_is_written()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        string[] headers = ["code", "title_es", "origin", "objective", "modality", "lead_department", "status", "start", "beneficiary_count", "budget_2026_planned"];
        object?[] Valid(string code) => [code, "Acción válida", "Planned", "O1", "Twinning", "ORI", "Planned", new DateTime(2026, 5, 1), 10, 100m];
        var before = await CountsAsync(w);

        var cases = new (string Name, byte[] File, (int Row, string Column, string? Value)[] Expected)[]
        {
            ("wrong types", Xlsx(headers, Valid("B-1"), ["B-2", "Texto", "Planned", "O1", "Twinning", "ORI", "Planned", "pronto", "muchos", "mil"]),
                [(3, "start", "pronto"), (3, "beneficiary_count", "muchos"), (3, "budget_2026_planned", "mil")]),
            ("unknown department", Xlsx(headers, Valid("B-1"), ["B-3", "Otra", "Planned", "O1", "Twinning", "XYZ", "Planned", null, null, null]),
                [(3, "lead_department", "XYZ")]),
            ("unknown objective and modality", Xlsx(headers, ["B-4", "Otra", "Planned", "O9", "Teleport", "ORI", "Planned", null, null, null]),
                [(2, "objective", "O9"), (2, "modality", "Teleport")]),
            ("missing title", Xlsx(headers, Valid("B-1"), ["B-5", null, "Planned", "O1", "Twinning", "ORI", "Planned", null, null, null]),
                [(3, "title_es", "")]),
            ("duplicate codes", Xlsx(headers, Valid("B-6"), Valid("B-7"), Valid("b-6")),
                [(2, "code", "B-6"), (4, "code", "b-6")]),
            ("unknown column", Xlsx([.. headers, "colour"], [.. Valid("B-8"), "red"]),
                [(1, "colour", "colour")]),
        };
        foreach (var (name, file, expected) in cases)
        {
            var response = await ImportAsync(api, file, "acciones.xlsx", w.PlanId);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var errors = await ErrorsAsync(response);
            Assert.True(expected.Length == errors.Count, $"{name}: {string.Join(" | ", errors)}");
            foreach (var (row, column, value) in expected)
                Assert.Contains(errors, e => e.Row == row && e.Column == column && (value is null || e.Value == value));
            Assert.True(errors.All(e => e.Message.Length > 0), name);
            Assert.Equal(before, await CountsAsync(w));
        }
    }

    [Fact]
    public async Task Hostile_and_wrong_files_are_refused_cleanly_and_write_nothing()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        var export = await api.GetByteArrayAsync($"/api/v1/actions/export?format=xlsx&plan={w.PlanId}");
        var before = await CountsAsync(w);
        var secret = Path.Combine(Path.GetTempPath(), $"nodal-secret-{Guid.NewGuid():N}.txt");
        var secretText = "TOP-SECRET-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(secret, secretText);
        try
        {
            var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };
            var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n").Concat(new byte[] { 0xE2, 0xE3, 0xCF, 0xD3, 0, 1 }).ToArray();
            var random = new byte[50_000];
            new Random(7).NextBytes(random);
            var cases = new (string Name, byte[] File, string Expected)[]
            {
                ("png named .xlsx", png, "not a spreadsheet"),
                ("pdf named .xlsx", pdf, "not a spreadsheet"),
                ("random bytes", random, "not a spreadsheet"),
                ("old .xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "old Excel file"),
                ("truncated xlsx", export[..(export.Length / 2)], "damaged or incomplete"),
                ("zip that is not a workbook", Zip(("word/document.xml", "<w:document/>"u8.ToArray()), ("[Content_Types].xml", "<Types/>"u8.ToArray())), "not an Excel workbook"),
                ("xxe in a sheet", WithXxe(export, secret), "DOCTYPE"),
                ("zip bomb", ZipBomb(), "too large once uncompressed"),
                ("latin-1 csv", Encoding.Latin1.GetBytes("code,title_es\r\nA-9,Acción\r\n"), "not in UTF-8"),
                ("empty", [], "empty"),
            };
            foreach (var (name, file, expected) in cases)
            {
                var response = await ImportAsync(api, file, "actions.xlsx", w.PlanId);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
                var problem = JsonNode.Parse(body)!;
                Assert.True(((string)problem["title"]!).Contains(expected, StringComparison.OrdinalIgnoreCase), $"{name}: {problem["title"]}");
                Assert.DoesNotContain(secretText, body);
                Assert.Equal(before, await CountsAsync(w));
            }
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task A_20_MB_file_is_refused_with_a_clear_message_on_the_api_and_the_page()
    {
        var w = await SeedAsync();
        var big = new byte[20 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        var before = await CountsAsync(w);
        var response = await ImportAsync(api, big, "big.csv", w.PlanId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 10 MB", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);

        // Announced as 20 MB but never sent: the answer comes from the announced length, before any body is read.
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var stream = tcp.GetStream();
            var head = $"POST /api/v1/actions/import?plan={w.PlanId} HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\n"
                       + $"Authorization: Bearer {api.DefaultRequestHeaders.Authorization!.Parameter}\r\nContent-Type: text/csv\r\nContent-Length: {big.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(big.AsMemory(0, 1000));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var answer = new byte[64];
            var read = await stream.ReadAsync(answer, timeout.Token);
            Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(answer, 0, read));
        }

        using var web = await app.SignInAsync(Coordinator);
        var page = await PostPageAsync(web, w, big, "big.xlsx");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("El archivo pesa más de 10 MB", html); // the demo users read Spanish
        Assert.Contains("govuk-error-summary", html);
        Assert.Equal(before, await CountsAsync(w));
    }

    [Fact]
    public async Task Errors_are_worded_in_the_users_language()
    {
        var w = await SeedAsync();
        var csv = Encoding.UTF8.GetBytes("code,title_es,origin,objective,modality,lead_department,status,start\r\nC-1,Prueba,Planned,O1,Twinning,ORI,Planned,pronto\r\n");
        using var es = await app.ApiClientAsync(Coordinator, w.Slug, language: "es");
        var error = Assert.Single(await ErrorsAsync(await ImportAsync(es, csv, "a.csv", w.PlanId)));
        Assert.Equal((2, "start", "pronto", "Escriba una fecha como 2026-03-31."), (error.Row, error.Column, error.Value, error.Message));
        using var fr = await app.ApiClientAsync(Coordinator, w.Slug, language: "fr");
        Assert.Equal("Saisissez une date comme 2026-03-31.", Assert.Single(await ErrorsAsync(await ImportAsync(fr, csv, "a.csv", w.PlanId))).Message);

        // The page, in the signed-in user's language (Spanish for the demo users), shows the table of errors.
        using var web = await app.SignInAsync(Coordinator);
        var page = await PostPageAsync(web, w, csv, "a.csv");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("El archivo tiene errores: no se importó nada.", html);
        Assert.Matches(new Regex(@"<td[^>]*>2</td>\s*<td[^>]*><code>start</code></td>\s*<td[^>]*>pronto</td>\s*<td[^>]*>Escriba una fecha como 2026-03-31\.</td>"), html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.Code == "C-1"), w.OrgId));
    }

    // ------------------------------------------------------------------ roles

    [Fact]
    public async Task A_focal_point_imports_only_rows_their_department_leads()
    {
        var w = await SeedAsync();
        using var focal = await app.ApiClientAsync(FocalPointMobility, w.Slug);
        var export = await focal.GetByteArrayAsync($"/api/v1/actions/export?format=xlsx&plan={w.PlanId}");
        var before = await CountsAsync(w);

        // The whole export back, unchanged: the rows of other departments are skipped, not refused.
        var same = await ImportAsync(focal, export, "a.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(3, (int)(await same.Content.ReadFromJsonAsync<JsonObject>())!["unchanged"]!);

        // A change to an action led by the international relations office is refused, naming the row.
        var other = await ImportAsync(focal, EditXlsx(export, "A-001", "title_es", "Cambio no permitido"), "a.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var error = Assert.Single(await ErrorsAsync(other));
        Assert.Equal((2, "code"), (error.Row, error.Column));

        // A new row led by another department is refused on its lead department.
        var csv = Encoding.UTF8.GetBytes("code,title_es,origin,objective,modality,lead_department,status\r\nF-1,Nueva,Planned,O1,Twinning,CUL,Planned\r\n");
        error = Assert.Single(await ErrorsAsync(await ImportAsync(focal, csv, "a.csv", w.PlanId)));
        Assert.Equal((2, "lead_department", "CUL"), (error.Row, error.Column, error.Value));
        Assert.Equal(before, await CountsAsync(w));

        // Their own department's action changes.
        var own = await ImportAsync(focal, EditXlsx(export, "A-002", "title_es", "Visita de la embajada (MOB)"), "a.xlsx", w.PlanId);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(1, (int)(await own.Content.ReadFromJsonAsync<JsonObject>())!["updated"]!);

        using var viewer = await app.ApiClientAsync(Viewer, w.Slug);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(viewer, export, "a.xlsx", w.PlanId)).StatusCode);
    }

    // ------------------------------------------------------------------ the page

    [Fact]
    public async Task The_import_page_explains_the_columns_and_imports_a_file()
    {
        var w = await SeedAsync();
        using var web = await app.SignInAsync(Coordinator);
        var html = await web.GetHtmlAsync($"/{w.Slug}/actions/import");
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        Assert.Contains("accept=\".xlsx,.csv", html);
        Assert.Contains($"/{w.Slug}/actions/template?format=xlsx", html);
        Assert.Contains("hx-indicator=\"#import-progress\"", html);
        Assert.Contains("<code>lead_department</code>", html);

        var csv = Encoding.UTF8.GetBytes("code,title_es,origin,objective,modality,lead_department,status\r\nP-1,Desde la página,Planned,O1,Twinning,ORI,Planned\r\n");
        var response = await PostPageAsync(web, w, csv, "a.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = WebUtility.HtmlDecode(await web.GetHtmlAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Importación hecha: 1 acciones añadidas, 0 actualizadas, 0 sin cambios.", done);

        var htmx = await PostPageAsync(web, w, EditCsv(csv, "Desde la página", "Con htmx"), "a.csv", htmx: true);
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        Assert.StartsWith($"/{w.Slug}/actions/import", htmx.Headers.GetValues("HX-Redirect").Single());
        Assert.Equal("Con htmx", await app.WithDbAsync(db => db.Actions.Where(a => a.Code == "P-1").Select(a => a.Title.Es).SingleAsync(), w.OrgId));

        // Without the form's antiforgery token, or as a bare body, nothing is imported.
        using var noToken = new MultipartFormDataContent { { new StringContent(w.PlanId.ToString()), "plan" }, { new ByteArrayContent(csv), "file", "a.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Http.PostAsync($"/{w.Slug}/actions/import", noToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Http.PostAsync($"/{w.Slug}/actions/import", new StringContent("code,title_es\r\nX-1,Y\r\n"))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Actions.CountAsync(a => a.Code.StartsWith("P-") || a.Code == "X-1"), w.OrgId));

        using var viewer = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/{w.Slug}/actions/import")).StatusCode);
    }

    // ------------------------------------------------------------------ the bulk validator

    [Fact]
    public async Task The_bulk_validator_gives_the_same_errors_as_ActionService_ValidateAsync()
    {
        var w = await SeedAsync();
        var (objectiveId, otherObjective, axisId, trashCode) = await app.WithDbAsync(async db =>
        {
            var objective = await db.Objectives.Where(o => o.PlanId == w.PlanId).Select(o => o.Id).FirstAsync();
            var other = await db.Objectives.Where(o => o.PlanId == w.OtherPlanId).Select(o => o.Id).FirstAsync();
            var axis = await db.Axes.Where(a => a.PlanId == w.PlanId).Select(a => a.Id).FirstAsync();
            return (objective, other, axis, await db.Actions.IgnoreQueryFilters().Where(a => a.DeletedAt != null).Select(a => a.Code).FirstAsync());
        }, w.OrgId);
        ActionInput Input(Action<ActionInput> change)
        {
            var i = new ActionInput
            {
                PlanId = w.PlanId, Title = new LocalizedText("Título", null, null), Origin = ActionOrigin.Planned, ObjectiveId = objectiveId,
                Modality = Modality.Twinning, LeadDepartmentId = w.Departments["ORI"], Status = ActionStatus.Planned, AxisIds = [axisId],
            };
            change(i);
            return i;
        }
        var inputs = new List<(ActionInput Input, bool Existing)>
        {
            (Input(_ => { }), false),
            (Input(i => { i.Title = new LocalizedText(); i.Code = "bad code!"; i.Countries = ["XX"]; i.SdgTargets = ["99.9"]; }), false),
            (Input(i => { i.PlanId = Guid.NewGuid(); }), false),
            (Input(i => { i.ObjectiveId = otherObjective; i.AxisIds = [Guid.NewGuid()]; }), false),
            (Input(i => { i.LeadDepartmentId = Guid.NewGuid(); i.InvolvedDepartmentIds = [Guid.NewGuid()]; i.RequestedByDepartmentId = Guid.NewGuid(); }), false),
            (Input(i => { i.Code = "A-002"; }), false),
            (Input(i => { i.Code = trashCode; }), false),
            (Input(i => { i.Origin = ActionOrigin.Reactive; i.ObjectiveId = null; i.Start = new DateOnly(2026, 5, 1); i.End = new DateOnly(2026, 4, 1); }), false),
            (Input(i => { i.Budgets = [new BudgetInput { Year = 1800, Planned = -1 }, new BudgetInput { Year = 2026, Currency = "ZZZ" }, new BudgetInput { Year = 2026, Currency = "ZZZ" }]; }), false),
            (Input(i => { i.Code = "A-001"; i.Version = null; }), true),
            (Input(i => { i.LeadDepartmentId = w.Departments["CUL"]; }), false),
        };
        foreach (var (role, department) in new[] { (OrgRole.Coordinator, (Guid?)w.Departments["ORI"]), (OrgRole.FocalPoint, w.Departments["MOB"]) })
        {
            using var scope = app.App.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.Enter(w.OrgId, w.Slug, role, department, "es", new LocalizedText("x", null, null));
            var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<ActionService>();
            var L = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Nodal.Web.SharedResource>>();
            var bulk = await ActionBulkValidator.LoadAsync(db, tenant, L, default);
            var existingId = await db.Actions.Where(a => a.Code == "A-001").Select(a => a.Id).SingleAsync();
            foreach (var (input, existing) in inputs)
            {
                var one = await service.ValidateAsync(Copy(input), existing ? existingId : null, default);
                var many = bulk.Validate(Copy(input), existing ? existingId : null);
                Assert.Equal(one.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").Order(), many.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").Order());
            }
        }
    }

    // ------------------------------------------------------------------ scale

    [Fact]
    public async Task Ten_thousand_rows_import_in_seconds()
    {
        var w = await SeedAsync();
        using var api = await app.ApiClientAsync(Coordinator, w.Slug);
        api.Timeout = TimeSpan.FromMinutes(5);
        var csv = new StringBuilder("code,title_es,title_en,origin,objective,modality,lead_department,involved_departments,axes,countries,start,end,status,budget_2026_planned,budget_2026_spent\r\n");
        for (var i = 1; i <= 10_000; i++)
            csv.Append(CultureInfo.InvariantCulture, $"L-{i:00000},Acción número {i},Action number {i},Planned,O{1 + i % 2},{(i % 3 == 0 ? "TechnicalExchange" : "Twinning")},ORI,MOB;CUL,Movilidad sostenible,FR;IT,2026-01-{1 + i % 28:00},2026-12-31,InProgress,{i * 10},{i}\r\n");
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        var clock = Stopwatch.StartNew();
        var first = await ImportAsync(api, file, "big.csv", w.PlanId);
        var added = clock.Elapsed;
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(10_000, (int)(await first.Content.ReadFromJsonAsync<JsonObject>())!["added"]!);

        clock.Restart();
        var again = await ImportAsync(api, file, "big.csv", w.PlanId);
        var unchanged = clock.Elapsed;
        Assert.Equal(10_000, (int)(await again.Content.ReadFromJsonAsync<JsonObject>())!["unchanged"]!);

        clock.Restart();
        var changed = await ImportAsync(api, Encoding.UTF8.GetBytes(csv.ToString().Replace(",InProgress,", ",Done,")), "big.csv", w.PlanId);
        var updated = clock.Elapsed;
        Assert.Equal(10_000, (int)(await changed.Content.ReadFromJsonAsync<JsonObject>())!["updated"]!);

        output.WriteLine($"{app.Kind}: 10,000 rows added in {added.TotalSeconds:0.0} s, re-imported unchanged in {unchanged.TotalSeconds:0.0} s, all updated in {updated.TotalSeconds:0.0} s");
        Assert.Equal(10_003, await app.WithDbAsync(db => db.Actions.CountAsync(), w.OrgId));
        Assert.True(added < TimeSpan.FromSeconds(90) && updated < TimeSpan.FromSeconds(120), $"too slow: {added} / {updated}");
    }

    // ================================================================== helpers

    private sealed record Problem(int? Row, string? Column, string? Value, string Message);

    private static async Task<List<Problem>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonNode.Parse(body)!["errors"]!.AsArray()
            .Select(e => new Problem((int?)e!["row"], (string?)e["column"], (string?)e["value"], (string)e["message"]!)).ToList();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] file, string name, Guid plan, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        form.Add(new StringContent(plan.ToString()), "plan");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/actions/import") { Content = form };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await api.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostPageAsync(WebClient web, World w, byte[] file, string name, bool htmx = false)
    {
        var page = await web.GetHtmlAsync($"/{w.Slug}/actions/import");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "antiforgery token on the import page");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(w.PlanId.ToString()), "plan" },
            { new ByteArrayContent(file), "file", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{w.Slug}/actions/import") { Content = form };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await web.Http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record Counts(int Actions, int Budgets, int Milestones, int Audit);

    private Task<Counts> CountsAsync(World w) => app.WithDbAsync(async db => new Counts(
        await db.Actions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(),
        await db.Budgets.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(),
        await db.Milestones.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).CountAsync(),
        await db.AuditEntries.CountAsync()), w.OrgId);

    private static List<string> Headers(IXLWorksheet sheet) => sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    private static Dictionary<string, IXLCell> Row(IXLWorksheet sheet, string code)
    {
        var headers = Headers(sheet);
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == code);
        return headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row.Cell(x.i + 1));
    }

    private static byte[] EditXlsx(byte[] xlsx, string code, string column, string value)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Row(workbook.Worksheet(1), code)[column].SetValue(value);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static byte[] EditCsv(byte[] csv, string from, string to) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(csv).Replace(from, to));

    private static byte[] Xlsx(string[] headers, params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Hoja1");
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).SetValue(headers[c]);
        for (var r = 0; r < rows.Length; r++)
        for (var c = 0; c < rows[r].Length; c++)
        {
            var cell = sheet.Cell(r + 2, c + 1);
            switch (rows[r][c])
            {
                case null: break;
                case DateTime d: cell.SetValue(d); break;
                case decimal m: cell.SetValue(m); break;
                case int i: cell.SetValue(i); break;
                case var v: cell.SetValue(v.ToString()!); break;
            }
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    /// <summary>A workbook whose first sheet declares an external entity reading a local file, used in a cell.</summary>
    private static byte[] WithXxe(byte[] xlsx, string secretPath)
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
            xml = xml.Insert(root.Index, $"<!DOCTYPE {root.Value[1..]} [<!ENTITY xxe SYSTEM \"file://{secretPath}\">]>");
            xml = Regex.Replace(xml, @"(<([A-Za-z]+:)?v>)", "$1&xxe;", RegexOptions.None, TimeSpan.FromSeconds(5));
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return buffer.ToArray();
    }

    /// <summary>A workbook-looking ZIP whose sheet inflates to 300 MB of zeros.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
                types.Write("<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"u8);
            using (var workbook = zip.CreateEntry("xl/workbook.xml").Open()) workbook.Write("<workbook/>"u8);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) sheet.Write(zeros);
        }
        return buffer.ToArray();
    }

    private static ActionInput Copy(ActionInput i) => new()
    {
        PlanId = i.PlanId, Code = i.Code, Title = new LocalizedText(i.Title.Es, i.Title.En, i.Title.Fr), Description = new LocalizedText(),
        Origin = i.Origin, ObjectiveId = i.ObjectiveId, RequestedByDepartmentId = i.RequestedByDepartmentId, RequestedBy = i.RequestedBy,
        RequestedOn = i.RequestedOn, Modality = i.Modality, LeadDepartmentId = i.LeadDepartmentId, InvolvedDepartmentIds = [.. i.InvolvedDepartmentIds],
        AxisIds = [.. i.AxisIds], Countries = [.. i.Countries], Start = i.Start, End = i.End, Status = i.Status, SdgTargets = [.. i.SdgTargets],
        Budgets = i.Budgets.Select(b => new BudgetInput { Year = b.Year, Planned = b.Planned, Spent = b.Spent, Currency = b.Currency }).ToList(),
        Version = i.Version,
    };

    /// <summary>
    /// A fresh organization: departments ORI, MOB, CUL; the demo's coordinator, Mobility focal point and viewer as
    /// members; a current plan 2025–2028 (objectives O1, O2; two axes), another plan, three actions (A-001 with
    /// budget and a milestone, A-002 reactive led by MOB, A-003 with a line in another currency) and one in the Trash.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var org = new Organization
        {
            Slug = "sheet-" + Guid.NewGuid().ToString("N")[..8], Name = new LocalizedText("Ciudad de prueba", "Test City", "Ville test"),
            Country = "ES", DefaultLanguage = "es", Currency = "EUR", WorkingLanguages = "es,en,fr",
        };
        return await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(org);
            var departments = new[] { ("ORI", "Relaciones Internacionales"), ("MOB", "Movilidad"), ("CUL", "Cultura") }
                .Select(d => new Department { OrganizationId = org.Id, Code = d.Item1, Name = new LocalizedText(d.Item2, null, null) }).ToList();
            db.Departments.AddRange(departments);
            var dept = departments.ToDictionary(d => d.Code, d => d.Id);
            foreach (var (email, role, code) in new[] { (Coordinator, OrgRole.Coordinator, "ORI"), (FocalPointMobility, OrgRole.FocalPoint, "MOB"), (Viewer, OrgRole.Viewer, (string?)null) })
            {
                var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
                db.Memberships.Add(new Membership { OrganizationId = org.Id, UserId = user.Id, Role = role, DepartmentId = code is null ? null : dept[code] });
            }
            var plan = new StrategicPlan { OrganizationId = org.Id, Title = new LocalizedText("Plan de prueba", "Test plan", null), StartYear = 2025, EndYear = 2028, IsCurrent = true, Status = PlanStatus.Adopted };
            var other = new StrategicPlan { OrganizationId = org.Id, Title = new LocalizedText("Plan anterior", null, null), StartYear = 2020, EndYear = 2024, Status = PlanStatus.Archived };
            db.Plans.AddRange(plan, other);
            var o1 = new Objective { OrganizationId = org.Id, PlanId = plan.Id, Code = "O1", Family = ObjectiveFamily.Projection, Statement = new LocalizedText("Proyectar la ciudad", null, null), SortOrder = 1 };
            var o2 = new Objective { OrganizationId = org.Id, PlanId = plan.Id, Code = "O2", Family = ObjectiveFamily.Exchange, Statement = new LocalizedText("Intercambiar experiencias", null, null), SortOrder = 2 };
            var oldObjective = new Objective { OrganizationId = org.Id, PlanId = other.Id, Code = "O1", Family = ObjectiveFamily.Solidarity, Statement = new LocalizedText("Antiguo", null, null) };
            db.Objectives.AddRange(o1, o2, oldObjective);
            var mobility = new Axis { OrganizationId = org.Id, PlanId = plan.Id, Kind = AxisKind.Thematic, Name = new LocalizedText("Movilidad sostenible", "Sustainable mobility", null), Priority = 1 };
            var med = new Axis { OrganizationId = org.Id, PlanId = plan.Id, Kind = AxisKind.Geographic, Name = new LocalizedText("Mediterráneo", "Mediterranean", null), Priority = 2 };
            db.Axes.AddRange(mobility, med);
            var a1 = new PolicyAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, Code = "A-001", Title = new LocalizedText("Misión a Lyon", "Mission to Lyon", null),
                Description = new LocalizedText("Acción con «comillas», comas y\nsaltos de línea", null, null), Origin = ActionOrigin.Planned, ObjectiveId = o1.Id,
                Modality = Modality.MissionOrVisit, LeadDepartmentId = dept["ORI"], InvolvedDepartmentIds = [dept["MOB"]], AxisIds = [mobility.Id],
                Partners = ["Red C40", "Ayuntamiento de Lyon"], Countries = ["FR"], Cities = ["Lyon"], Start = new DateOnly(2026, 1, 15), End = new DateOnly(2026, 12, 31),
                Status = ActionStatus.InProgress, BeneficiaryCount = 120, SdgTargets = ["11.2"],
            };
            var a2 = new PolicyAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, Code = "A-002", Title = new LocalizedText("Visita de la embajada", null, null), Origin = ActionOrigin.Reactive,
                RequestedBy = "=SUM(1)", RequestedOn = new DateOnly(2025, 11, 3), Modality = Modality.MissionOrVisit, LeadDepartmentId = dept["MOB"], Status = ActionStatus.Idea,
            };
            var a3 = new PolicyAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, Code = "A-003", Title = new LocalizedText("Hermanamiento con Valparaíso", null, null), Origin = ActionOrigin.Planned,
                ObjectiveId = o2.Id, Modality = Modality.Twinning, LeadDepartmentId = dept["CUL"], Status = ActionStatus.Planned, Countries = ["CL"],
            };
            var trashed = new PolicyAction
            {
                OrganizationId = org.Id, PlanId = plan.Id, Code = "T-001", Title = new LocalizedText("En la papelera", null, null), Origin = ActionOrigin.Planned,
                ObjectiveId = o1.Id, Modality = Modality.Tourism, LeadDepartmentId = dept["ORI"], DeletedAt = DateTime.UtcNow, DeletedBy = "test",
            };
            db.Actions.AddRange(a1, a2, a3, trashed);
            db.Budgets.AddRange(
                new ActionBudget { OrganizationId = org.Id, ActionId = a1.Id, Year = 2026, Planned = 10000m, Spent = 2500.50m, Currency = "EUR" },
                new ActionBudget { OrganizationId = org.Id, ActionId = a3.Id, Year = 2025, Planned = 1000m, Spent = 1000m, Currency = "EUR" },
                new ActionBudget { OrganizationId = org.Id, ActionId = a3.Id, Year = 2026, Planned = 500m, Spent = 0m, Currency = "USD" });
            db.Milestones.Add(new ActionMilestone { OrganizationId = org.Id, ActionId = a1.Id, Title = new LocalizedText("Reunión técnica", null, null), Due = new DateOnly(2026, 3, 1) });
            await db.SaveChangesAsync();
            return new World(org.Slug, org.Id, plan.Id, other.Id, dept);
        }, org.Id);
    }
}

public sealed class ActionSpreadsheetTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : ActionSpreadsheetTests<SqliteApp>(app, output);
public sealed class ActionSpreadsheetTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : ActionSpreadsheetTests<PostgresApp>(app, output);
