using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Relations;
using Nodal.Web.Infrastructure;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Agreements: life cycle, dormancy and expiry, the merged ledger, renewal, documents and permissions, on each database.</summary>
public abstract class AgreementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string FocalPointMobility = "marta.movilidad@solmar.example";
    private const string Viewer = "concejal@solmar.example";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Guid> CounterpartAsync(string name, string country = "FR", string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(async db =>
        {
            var c = new Counterpart { OrganizationId = orgId, Code = "CP-" + Guid.NewGuid().ToString("N")[..6], Kind = CounterpartKind.City, Name = name, Country = country };
            db.Counterparts.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        }, orgId);
    }

    private async Task<Guid> DeptAsync(string code, string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), orgId);
    }

    private static async Task<JsonObject> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/agreements", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/agreements answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> GetAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/v1/agreements/{id}"))!;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_agreement_moves_through_its_life_cycle_and_refuses_a_skipped_step()
    {
        var marseille = await CounterpartAsync("Marseille");
        using var api = await app.ApiClientAsync(Coordinator);
        var a = await CreateAsync(api, new { kind = "Twinning", title = new { es = "Hermanamiento con Marsella" }, partyIds = new[] { marseille }, subjects = new[] { "movilidad", "cultura" } });
        var id = (string)a["id"]!;
        Assert.Matches("^AG-[0-9]{4,}$", (string)a["code"]!);
        Assert.Equal("Draft", (string)a["status"]!);
        Assert.Equal(["LegalReview"], a["nextStatuses"]!.AsArray().Select(x => (string)x!).ToArray());

        // Draft cannot jump to Active.
        var skip = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/status", new { status = "Active", version = (long)a["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("status", (await skip.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));

        var version = (long)a["version"]!;
        foreach (var step in new[] { "LegalReview", "Draft", "LegalReview", "Approved", "Signed", "Active" })
        {
            var r = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/status", new { status = step, version, on = step == "Signed" ? "2026-01-10" : null });
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{step}: {(int)r.StatusCode} {body}");
            var now = JsonNode.Parse(body)!;
            Assert.Equal(step, (string)now["status"]!);
            version = (long)now["version"]!;
        }
        var active = await GetAsync(api, id);
        Assert.Equal("2026-01-10", (string)active["signedOn"]!);
        Assert.Equal(D(Today), (string)active["effectiveFrom"]!);

        // A stale version is refused with the current values.
        var stale = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/status", new { status = "Terminated", version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Active", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["status"]!);

        // Through the page: the buttons offered are the next steps; an illegal one answers with a message.
        using var web = await app.SignInAsync(Coordinator);
        var html = await web.GetHtmlAsync($"/solmar/agreements/{id}");
        Assert.Contains("value=\"Terminated\"", html);
        Assert.Contains("value=\"Expired\"", html);
        Assert.DoesNotContain("value=\"Approved\"", html);
        var illegal = await web.PostFormAsync($"/solmar/agreements/{id}?handler=Status", new() { ["to"] = "Draft", ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.OK, illegal.StatusCode);
        Assert.Contains("Un acuerdo no puede pasar de «Vigente» a «Borrador».", await illegal.Content.ReadAsStringAsync()); // demo users read Spanish
        var terminate = await web.PostFormAsync($"/solmar/agreements/{id}?handler=Status", new() { ["to"] = "Terminated", ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, terminate.StatusCode);
        var ended = await GetAsync(api, id);
        Assert.Equal("Terminated", (string)ended["status"]!);
        Assert.Equal(D(Today), (string)ended["endedOn"]!);
        Assert.Empty(ended["nextStatuses"]!.AsArray());
    }

    [Fact]
    public async Task A_twinning_silent_for_25_months_is_dormant_until_a_ledger_entry_and_a_linked_action_shows_in_its_ledger()
    {
        var city = await CounterpartAsync("Ciudad dormida", "MX");
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(Coordinator);
        var signed = Today.AddMonths(-60);
        var a = await CreateAsync(api, new
        {
            kind = "Twinning", title = new { es = "Hermanamiento dormido" }, partyIds = new[] { city }, status = "Active",
            signedOn = D(signed), effectiveFrom = D(signed), leadDepartmentId = mob,
        });
        var id = (string)a["id"]!;
        var old = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/ledger", new { on = D(Today.AddMonths(-25)), kind = "Visit", summary = new { es = "Visita de la delegación" } });
        Assert.Equal(HttpStatusCode.Created, old.StatusCode);

        var got = await GetAsync(api, id);
        Assert.True((bool)got["dormant"]!);
        Assert.Equal(D(Today.AddMonths(-25)), (string)got["lastActivity"]!);
        var dormantList = (await api.GetFromJsonAsync<JsonObject>("/api/v1/agreements?dormant=true&pageSize=200"))!;
        Assert.Contains(dormantList["items"]!.AsArray(), r => (string)r!["id"]! == id);

        using var web = await app.SignInAsync(Coordinator);
        var html = await web.GetHtmlAsync($"/solmar/agreements/{id}");
        Assert.Contains("Sin actividad desde hace 25 meses: con riesgo de quedarse en lo simbólico.", html);
        var front = await web.GetHtmlAsync("/solmar/relations");
        Assert.Contains($"/solmar/agreements/{id}", front[front.IndexOf("id=\"needs-attention\"", StringComparison.Ordinal)..]);

        // The focal point of the department that follows it writes in the ledger: alive again.
        using var focal = await app.ApiClientAsync(FocalPointMobility);
        var fresh = await focal.PostAsJsonAsync($"/api/v1/agreements/{id}/ledger", new { on = D(Today.AddDays(-3)), kind = "Meeting", summary = new { es = "Reunión técnica" } });
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        got = await GetAsync(api, id);
        Assert.False((bool)got["dormant"]!);
        dormantList = (await api.GetFromJsonAsync<JsonObject>("/api/v1/agreements?dormant=true&pageSize=200"))!;
        Assert.DoesNotContain(dormantList["items"]!.AsArray(), r => (string)r!["id"]! == id);

        // An action carried out under it appears in its ledger, with a link.
        var planId = await app.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync(), await app.OrgIdAsync(Seeder.DemoSlug));
        var action = await api.PostAsJsonAsync("/api/v1/actions", new
        {
            planId, title = new { es = "Intercambio técnico de movilidad" }, origin = "Reactive", requestedBy = "Ciudad dormida", requestedOn = D(Today.AddDays(-20)),
            modality = "Twinning", leadDepartmentId = mob, status = "InProgress", start = D(Today.AddDays(-10)), end = D(Today.AddDays(30)),
            agreementIds = new[] { Guid.Parse(id) }, counterpartIds = new[] { city },
        });
        var actionText = await action.Content.ReadAsStringAsync();
        Assert.True(action.StatusCode == HttpStatusCode.Created, actionText);
        var actionId = (string)JsonNode.Parse(actionText)!["id"]!;
        Assert.Equal([id], JsonNode.Parse(actionText)!["agreementIds"]!.AsArray().Select(x => (string)x!).ToArray());
        var ledger = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/agreements/{id}/ledger"))!;
        // Newest first: the meeting three days ago, the action running since ten days ago, the old visit.
        Assert.Equal(["entry", "action", "entry"], ledger.Select(x => (string)x!["source"]!).ToArray());
        Assert.Equal($"/solmar/actions/{actionId}", (string)ledger[1]!["url"]!);
        Assert.Equal(D(Today.AddDays(-10)), (string)ledger[1]!["on"]!);
        html = await web.GetHtmlAsync($"/solmar/agreements/{id}");
        Assert.Contains($"href=\"/solmar/actions/{actionId}\"", html);
        var actionPage = await web.GetHtmlAsync($"/solmar/actions/{actionId}");
        Assert.Contains($"href=\"/solmar/agreements/{id}\"", actionPage);
        Assert.Contains($"href=\"/solmar/counterparts/{city}\"", actionPage);

        // An agreement of another department: the focal point may not write in its ledger.
        var other = await CreateAsync(api, new { kind = "Friendship", title = new { es = "Amistad de cultura" }, partyIds = new[] { city }, leadDepartmentId = await DeptAsync("CUL") });
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync($"/api/v1/agreements/{(string)other["id"]!}/ledger", new { on = D(Today), kind = "Meeting", summary = new { es = "No" } })).StatusCode);
        // Nor change agreements.
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync("/api/v1/agreements", new { kind = "Twinning", title = new { es = "X" }, partyIds = new[] { city } })).StatusCode);
    }

    [Fact]
    public async Task An_action_refuses_links_to_records_outside_the_organization()
    {
        var foreignCounterpart = await CounterpartAsync("Génova", "IT", Seeder.SecondDemoSlug);
        var planId = await app.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync(), await app.OrgIdAsync(Seeder.DemoSlug));
        using var api = await app.ApiClientAsync(Coordinator);
        var r = await api.PostAsJsonAsync("/api/v1/actions", new
        {
            planId, title = new { es = "Con enlaces ajenos" }, origin = "Reactive", requestedBy = "X", requestedOn = "2026-01-01",
            modality = "Twinning", leadDepartmentId = await DeptAsync("MOB"), status = "Idea",
            counterpartIds = new[] { foreignCounterpart }, agreementIds = new[] { Guid.NewGuid() }, projectIds = new[] { Guid.NewGuid() },
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("counterpartIds", errors);
        Assert.Contains("agreementIds", errors);
        Assert.Contains("projectIds", errors);
    }

    [Fact]
    public async Task Renewing_creates_a_draft_copy_and_marks_the_old_one_renewed()
    {
        var (a1, a2) = (await CounterpartAsync("Lyon"), await CounterpartAsync("Turin", "IT"));
        using var api = await app.ApiClientAsync(Coordinator);
        var old = await CreateAsync(api, new
        {
            kind = "Cooperation", title = new { es = "Cooperación 2020-2026", fr = "Coopération 2020-2026" }, partyIds = new[] { a1, a2 }, status = "Active",
            signedOn = "2020-03-01", effectiveFrom = "2020-04-01", expiresOn = D(Today.AddDays(10)), commitments = new { es = "Intercambios anuales" },
        });
        var oldId = (string)old["id"]!;

        using var web = await app.SignInAsync(Coordinator);
        var renew = await web.PostFormAsync($"/solmar/agreements/{oldId}?handler=Renew", new() { ["version"] = ((long)old["version"]!).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, renew.StatusCode);
        var location = renew.Headers.Location!.ToString();
        Assert.Matches("^/solmar/agreements/[0-9a-f-]{36}/edit$", location);
        var newId = location.Split('/')[3];

        var renewed = await GetAsync(api, oldId);
        Assert.Equal("Renewed", (string)renewed["status"]!);
        Assert.Equal(newId, (string)renewed["renewedById"]!);
        Assert.Equal("None", (string)renewed["expiryNotice"]!); // a renewed agreement raises no expiry notice
        var copy = await GetAsync(api, newId);
        Assert.Equal("Draft", (string)copy["status"]!);
        Assert.Equal(oldId, (string)copy["renewsId"]!);
        Assert.Equal("Cooperation", (string)copy["kind"]!);
        Assert.Equal("Coopération 2020-2026", (string)copy["title"]!["fr"]!);
        Assert.Equal(new[] { a1, a2 }.Select(x => x.ToString()).Order(), copy["partyIds"]!.AsArray().Select(x => (string)x!).Order());
        Assert.NotEqual((string)old["code"]!, (string)copy["code"]!);

        // A renewed agreement cannot be renewed again.
        var again = await api.PostAsJsonAsync($"/api/v1/agreements/{oldId}/renew", new { version = (long)renewed["version"]! });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task The_expiry_notice_reads_60_and_20_days_and_lists_the_urgent_first()
    {
        var c = await CounterpartAsync("Oporto", "PT");
        using var api = await app.ApiClientAsync(Coordinator);
        var in60 = await CreateAsync(api, new { kind = "Friendship", title = new { es = "Vence en 60 días" }, partyIds = new[] { c }, status = "Active", signedOn = D(Today.AddYears(-1)), expiresOn = D(Today.AddDays(60)) });
        var in20 = await CreateAsync(api, new { kind = "Friendship", title = new { es = "Vence en 20 días" }, partyIds = new[] { c }, status = "Active", signedOn = D(Today.AddYears(-1)), expiresOn = D(Today.AddDays(20)) });
        var past = await CreateAsync(api, new { kind = "Friendship", title = new { es = "Ya vencido" }, partyIds = new[] { c }, status = "Active", signedOn = D(Today.AddYears(-2)), expiresOn = D(Today.AddDays(-5)) });
        Assert.Equal("Within90Days", (string)in60["expiryNotice"]!);
        Assert.Equal("Within30Days", (string)in20["expiryNotice"]!);
        Assert.Equal("Expired", (string)past["expiryNotice"]!);

        var expiring = (await api.GetFromJsonAsync<JsonObject>("/api/v1/agreements?expiring=true&pageSize=200"))!["items"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Contains((string)in60["id"]!, expiring);
        Assert.Contains((string)in20["id"]!, expiring);

        using var web = await app.SignInAsync(Viewer);
        var detail = await web.GetHtmlAsync($"/solmar/agreements/{(string)past["id"]!}");
        Assert.Contains("Vencido, estado sin actualizar", detail);
        var front = await web.GetHtmlAsync("/solmar/relations");
        var attention = front[front.IndexOf("id=\"needs-attention\"", StringComparison.Ordinal)..];
        var i20 = attention.IndexOf((string)in20["id"]!, StringComparison.Ordinal);
        var i60 = attention.IndexOf((string)in60["id"]!, StringComparison.Ordinal);
        Assert.True(i20 > 0 && i60 > i20, "the 30-day notice comes before the 90-day one");
        Assert.Contains("Vence en menos de 30 días", attention);
    }

    // ---- Documents ----

    private static byte[] MinimalPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static byte[] MinimalDocx(int bombBytes = 0)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Convenio de hermanamiento</w:t></w:r></w:p></w:body></w:document>");
            if (bombBytes > 0)
            {
                using var s = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
                var zeros = new byte[1024 * 1024];
                for (var written = 0; written < bombBytes; written += zeros.Length) s.Write(zeros);
            }
        }
        return ms.ToArray();
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    private static MultipartFormDataContent Upload(byte[] bytes, string name, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private string DocumentsFolder(Guid orgId) =>
        Path.Combine(Path.GetFullPath(app.App.Services.GetRequiredService<NodalOptions>().DataDirectory), "documents", orgId.ToString("N"));

    private int StoredFiles(Guid orgId) => Directory.Exists(DocumentsFolder(orgId)) ? Directory.GetFiles(DocumentsFolder(orgId)).Length : 0;

    [Fact]
    public async Task A_pdf_and_a_docx_are_stored_and_downloaded_byte_for_byte_while_impostors_bombs_and_giants_are_refused()
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        var c = await CounterpartAsync("Burdeos");
        using var api = await app.ApiClientAsync(Coordinator);
        var a = await CreateAsync(api, new { kind = "Twinning", title = new { es = "Con documentos" }, partyIds = new[] { c } });
        var id = (string)a["id"]!;

        var pdf = MinimalPdf();
        var pdfUp = await api.PostAsync($"/api/v1/agreements/{id}/documents", Upload(pdf, "convenio.pdf", "application/octet-stream"));
        var pdfText = await pdfUp.Content.ReadAsStringAsync();
        Assert.True(pdfUp.StatusCode == HttpStatusCode.Created, pdfText);
        var pdfDoc = JsonNode.Parse(pdfText)!;
        Assert.Equal("application/pdf", (string)pdfDoc["contentType"]!);
        var docx = MinimalDocx();
        var docxUp = await api.PostAsync($"/api/v1/agreements/{id}/documents", Upload(docx, "anexo.docx", "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, docxUp.StatusCode);
        var docxDoc = (await docxUp.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (string)docxDoc["contentType"]!);

        var download = await api.GetAsync($"/api/v1/agreements/{id}/documents/{(string)pdfDoc["id"]!}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        using var web = await app.SignInAsync(Viewer);
        var pageDownload = await web.GetAsync($"/solmar/agreements/{id}?handler=Download&doc={(string)docxDoc["id"]!}");
        Assert.Equal(HttpStatusCode.OK, pageDownload.StatusCode);
        Assert.Equal(docx, await pageDownload.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", pageDownload.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("anexo.docx", pageDownload.Content.Headers.ContentDisposition.FileNameStar ?? pageDownload.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", pageDownload.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(File.Exists(Path.Combine(DocumentsFolder(orgId), (string)pdfDoc["sha256"]!)));

        var before = StoredFiles(orgId);
        var png = await api.PostAsync($"/api/v1/agreements/{id}/documents", Upload(Png(), "firmado.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, png.StatusCode);
        Assert.Contains("Only PDF and Word (DOCX) documents can be attached", await png.Content.ReadAsStringAsync());
        var bomb = await api.PostAsync($"/api/v1/agreements/{id}/documents", Upload(MinimalDocx(bombBytes: 300 * 1024 * 1024), "bomba.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        var giant = new byte[21 * 1024 * 1024];
        MinimalPdf().CopyTo(giant, 0);
        var tooLarge = await api.PostAsync($"/api/v1/agreements/{id}/documents", Upload(giant, "enorme.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, StoredFiles(orgId));
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonArray>($"/api/v1/agreements/{id}/documents"))!.Count);

        // Moving a document to the Trash keeps its file.
        using var coordinator = await app.SignInAsync(Coordinator);
        var delete = await coordinator.PostFormAsync($"/solmar/agreements/{id}?handler=DeleteDocument", new() { ["doc"] = (string)pdfDoc["id"]! });
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Single((await api.GetFromJsonAsync<JsonArray>($"/api/v1/agreements/{id}/documents"))!);
        Assert.True(File.Exists(Path.Combine(DocumentsFolder(orgId), (string)pdfDoc["sha256"]!)));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/agreements/{id}/documents/{(string)pdfDoc["id"]!}")).StatusCode);
    }

    // ---- Tenancy, roles, concurrency, language ----

    [Fact]
    public async Task Another_organizations_agreement_and_document_answer_404_and_a_viewer_gets_403()
    {
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var genova = await CounterpartAsync("Génova", "IT", Seeder.SecondDemoSlug);
        var (foreign, doc) = await app.WithDbAsync(async db =>
        {
            var a = new Agreement { OrganizationId = costaAlta, Code = "AG-" + Guid.NewGuid().ToString("N")[..6], Kind = AgreementKind.Twinning, Title = new LocalizedText("De Costa Alta", null, null), PartyIds = [genova], Status = AgreementStatus.Active };
            var d = new AgreementDocument { OrganizationId = costaAlta, AgreementId = a.Id, FileName = "x.pdf", ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64) };
            db.Agreements.Add(a);
            db.AgreementDocuments.Add(d);
            await db.SaveChangesAsync();
            return (a.Id, d.Id);
        }, costaAlta);

        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // member of both, token for Solmar
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/agreements/{foreign}", null),
            (HttpMethod.Put, $"/api/v1/agreements/{foreign}", new { kind = "Twinning", title = new { es = "X" }, partyIds = new[] { genova }, version = 1 }),
            (HttpMethod.Delete, $"/api/v1/agreements/{foreign}", null),
            (HttpMethod.Post, $"/api/v1/agreements/{foreign}/status", new { status = "Terminated", version = 1 }),
            (HttpMethod.Post, $"/api/v1/agreements/{foreign}/renew", new { version = 1 }),
            (HttpMethod.Get, $"/api/v1/agreements/{foreign}/ledger", null),
            (HttpMethod.Post, $"/api/v1/agreements/{foreign}/ledger", new { on = "2026-01-01", kind = "Visit", summary = new { es = "X" } }),
            (HttpMethod.Get, $"/api/v1/agreements/{foreign}/documents/{doc}", null),
        };
        foreach (var (method, url, content) in routes)
        {
            var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = content is null ? null : JsonContent.Create(content) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
        }
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        foreach (var url in new[] { $"/solmar/agreements/{foreign}", $"/solmar/agreements/{foreign}/edit", $"/solmar/agreements/{foreign}?handler=Download&doc={doc}" })
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"GET {url}");
        var post = await admin.PostFormAsync($"/solmar/agreements/{foreign}?handler=Status", new() { ["to"] = "Terminated", ["version"] = "1" }, formPage: "/solmar/agreements/new");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(AgreementStatus.Active, await app.WithDbAsync(db => db.Agreements.Where(x => x.Id == foreign).Select(x => x.Status).SingleAsync(), costaAlta));

        // A viewer reads but changes nothing.
        var c = await CounterpartAsync("Niza");
        using var coordinator = await app.ApiClientAsync(Coordinator);
        var mine = await CreateAsync(coordinator, new { kind = "Friendship", title = new { es = "Amistad con Niza" }, partyIds = new[] { c } });
        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/agreements/{(string)mine["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/agreements", new { kind = "Twinning", title = new { es = "X" }, partyIds = new[] { c } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/agreements/{(string)mine["id"]!}/status", new { status = "LegalReview" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/agreements/{(string)mine["id"]!}/ledger", new { on = "2026-01-01", kind = "Visit", summary = new { es = "X" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/agreements/{(string)mine["id"]!}/documents", Upload(MinimalPdf(), "a.pdf", "application/pdf"))).StatusCode);
        using var viewerWeb = await app.SignInAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerWeb.GetAsync("/solmar/agreements/new")).StatusCode);
        var page = await viewerWeb.GetHtmlAsync($"/solmar/agreements/{(string)mine["id"]!}");
        Assert.DoesNotContain("handler=Status", page);
    }

    [Fact]
    public async Task A_stale_change_answers_409_and_form_errors_come_in_spanish()
    {
        var c = await CounterpartAsync("Valparaíso", "CL");
        using var api = await app.ApiClientAsync(Coordinator);
        var a = await CreateAsync(api, new { kind = "Twinning", title = new { es = "Primera" }, partyIds = new[] { c } });
        var id = (string)a["id"]!;
        var v = (long)a["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/agreements/{id}", new { kind = "Twinning", title = new { es = "Segunda" }, partyIds = new[] { c }, version = v })).StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/agreements/{id}", new { kind = "Twinning", title = new { es = "Tercera" }, partyIds = new[] { c }, version = v });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Segunda", (string)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["title"]!["es"]!);

        using var es = await app.ApiClientAsync(Coordinator, language: "es");
        var bad = await es.PostAsJsonAsync("/api/v1/agreements", new { kind = "Twinning", title = new { en = "Only English" }, partyIds = Array.Empty<Guid>(), effectiveFrom = "2026-05-01", expiresOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("Elija al menos una contraparte firmante del acuerdo.", (string)errors["partyIds"]![0]!);
        Assert.Equal("El vencimiento debe ser posterior a la entrada en vigor.", (string)errors["expiresOn"]![0]!);
        Assert.Contains("title.es", errors.Select(e => e.Key));

        using var web = await app.SignInAsync(Coordinator, language: "es");
        var form = await web.PostFormAsync("/solmar/agreements/new", new()
        {
            ["Input.Kind"] = "Twinning", ["Input.Title.Es"] = "Sin partes", ["Input.Status"] = "Draft", ["Input.Renewal"] = "None",
            ["Input.EffectiveFrom"] = "2026-05-01", ["Input.ExpiresOn"] = "2026-04-01",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_PartyIds-error\"", html);
        Assert.Contains("Elija al menos una contraparte firmante del acuerdo.", html);
        Assert.Contains("El vencimiento debe ser posterior a la entrada en vigor.", html);
        Assert.Contains("value=\"Sin partes\"", html);

        // The ledger form too.
        var ledger = await web.PostFormAsync($"/solmar/agreements/{id}?handler=Ledger", new() { ["Entry.On"] = D(Today.AddDays(5)), ["Entry.Kind"] = "Visit" });
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        var ledgerHtml = await ledger.Content.ReadAsStringAsync();
        Assert.Contains("El registro recoge lo hecho: la fecha no puede ser futura.", ledgerHtml);
        Assert.Contains("id=\"Entry_On-error\"", ledgerHtml);
    }
}

public sealed class AgreementTestsOnSqlite(SqliteApp app) : AgreementTests<SqliteApp>(app);
public sealed class AgreementTestsOnPostgres(PostgresApp app) : AgreementTests<PostgresApp>(app);
