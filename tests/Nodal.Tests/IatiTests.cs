using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core.Relations;
using Nodal.Data;
using Nodal.Web.Features.Projects.Iati;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// IATI 2.03: the export validates against the standard's own XSD (checked by .NET's XmlSchemaSet) and uses only codes of
/// the standard's codelists; the import reads the standard's example, round-trips our export, and refuses hostile,
/// truncated and partly wrong files without writing anything; it streams.
/// </summary>
public abstract class IatiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Coordinator = "ana.coordinadora@solmar.example";
    private const string OrganisationId = "ES-DIR3-L01999999";
    private static readonly int SampleMs = int.TryParse(Environment.GetEnvironmentVariable("NODAL_IATI_SAMPLE_MS"), out var ms) ? ms : 500;
    private static readonly int SizeMb = int.TryParse(Environment.GetEnvironmentVariable("NODAL_IATI_MB"), out var mb) ? mb : 30;

    private static readonly string Reference = FindReference();

    private static string FindReference()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "reference", "iati"))) dir = dir.Parent;
        return dir is null ? throw new InvalidOperationException("shared/reference/iati not found above the test folder.") : Path.Combine(dir.FullName, "shared", "reference", "iati");
    }

    private async Task<Guid> WithIdentifierAsync()
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        await app.WithDbAsync(async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == orgId);
            org.IatiOrganisationId = OrganisationId;
            return await db.SaveChangesAsync();
        }, orgId);
        return orgId;
    }

    private Task<int> ProjectCountAsync(Guid orgId) => app.WithDbAsync(db => db.Projects.CountAsync(), orgId);

    private static HashSet<string> Codes(string codelist) =>
        XDocument.Load(Path.Combine(Reference, "codelists", codelist + ".xml")).Descendants("codelist-item")
            .Select(i => i.Element("code")!.Value.Trim()).ToHashSet(StringComparer.Ordinal);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        return await api.PostAsync("/api/v1/projects/iati", content);
    }

    private static string Code() => "IA-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A project with every field, three partners (with and without references) and five kinds of transaction.</summary>
    private static async Task<(string Id, string Code)> FullProjectAsync(HttpClient api)
    {
        var code = Code();
        var created = await ProjectTests<TApp>.CreateAsync(api, new
        {
            code,
            title = new { es = "Agua para Tambacounda", en = "Water for Tambacounda", fr = "De l'eau pour Tambacounda" },
            description = new { es = "Red de agua <potable> & saneamiento", fr = "Réseau d'eau" },
            kind = "Triangular", ourRole = "Funder", support = new[] { "FinancialTransfer" },
            sectors = new[] { "14030", "15112", "43030" }, countries = new[] { "SN", "MA" }, regions = new[] { "011", "419" },
            status = "Finalisation", plannedStart = "2024-01-01", plannedEnd = "2026-12-31", actualStart = "2024-02-01", actualEnd = "2026-11-30",
            budget = 250000.50m, currency = "EUR",
            beneficiaries = new { es = "Barrios periféricos", en = "Outlying districts" }, beneficiaryCount = 12000, results = new { fr = "Trois puits" },
        });
        var id = (string)created["id"]!;
        foreach (var partner in new object[]
                 {
                     new { name = "Commune de Tambacounda", role = "Implementing", iatiRef = "SN-COM-001", iatiType = 11 },
                     new { name = "AECID", role = "Funding", iatiRef = "XM-DAC-50-1", iatiType = 10 },
                     new { name = "Fundación Agua", role = "Accountable", iatiType = 60 },
                     new { name = "Sin referencia", role = "Extending" },
                 })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/partners", partner)).StatusCode);
        foreach (var kind in new[] { "IncomingFunds", "Commitment", "Disbursement", "Expenditure", "IncomingCommitment" })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions",
                new { kind, on = "2024-06-01", amount = 1234.56m, currency = kind == "Expenditure" ? "XOF" : "EUR", description = "Tramo & pago", providerName = "Solmar", receiverName = "Tambacounda" })).StatusCode);
        return (id, code);
    }

    [Fact]
    public async Task The_export_validates_against_the_IATI_schema_and_every_code_is_in_its_codelist()
    {
        await WithIdentifierAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var (_, code) = await FullProjectAsync(api);
        // A second, minimal project: no description, no budget, no partners.
        await ProjectTests<TApp>.CreateAsync(api, new { code = Code(), title = new { es = "Mínimo" }, kind = "Decentralized", ourRole = "Beneficiary", status = "Pipeline", plannedStart = "2026-01-01" });

        var response = await api.GetAsync("/api/v1/projects/iati");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsByteArrayAsync();

        // The standard's XSD, read by .NET (a validator we did not write).
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(Reference, "schemas", "iati-activities-schema.xsd"));
        schemas.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(xml), settings)) while (reader.Read()) { }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var doc = XDocument.Load(new MemoryStream(xml));
        Assert.Equal("2.03", doc.Root!.Attribute("version")!.Value);
        Assert.NotNull(doc.Root.Attribute("generated-datetime"));
        var activity = doc.Root.Elements("iati-activity").Single(a => a.Element("iati-identifier")!.Value == $"{OrganisationId}-{code}");
        Assert.Equal(OrganisationId, activity.Element("reporting-org")!.Attribute("ref")!.Value);
        Assert.Equal(["es", "en", "fr"], activity.Element("title")!.Elements("narrative").Select(n => n.Attribute(XNamespace.Xml + "lang")!.Value).ToArray());
        Assert.Equal(["es", "fr"], activity.Elements("description").First().Elements("narrative").Select(n => n.Attribute(XNamespace.Xml + "lang")!.Value).ToArray());
        Assert.Equal("Red de agua <potable> & saneamiento", activity.Elements("description").First().Elements("narrative").First().Value);
        Assert.Equal(5, activity.Elements("participating-org").Count()); // four partners and the organization itself
        Assert.Equal(["1", "2", "3", "4"], activity.Elements("activity-date").Select(d => d.Attribute("type")!.Value).Order().ToArray());
        Assert.Equal(100m, activity.Elements("sector").Sum(s => decimal.Parse(s.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(100m, activity.Elements("recipient-country").Concat(activity.Elements("recipient-region"))
            .Sum(s => decimal.Parse(s.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(activity.Elements("recipient-region"), r => Assert.Equal("2", r.Attribute("vocabulary")!.Value));
        Assert.Equal("250000.5", activity.Element("budget")!.Element("value")!.Value);
        Assert.Equal(5, activity.Elements("transaction").Count());

        // Every code written is in its codelist.
        void In(string codelist, IEnumerable<string?> codes)
        {
            var known = Codes(codelist);
            foreach (var c in codes.Where(c => c is not null)) Assert.True(known.Contains(c!), $"{c} is not in the {codelist} codelist");
        }
        var all = doc.Descendants().ToList();
        In("Sector", all.Where(e => e.Name == "sector").Select(e => e.Attribute("code")!.Value));
        In("Country", all.Where(e => e.Name == "recipient-country").Select(e => e.Attribute("code")!.Value));
        In("RegionVocabulary", all.Where(e => e.Name == "recipient-region").Select(e => e.Attribute("vocabulary")!.Value));
        In("SectorVocabulary", all.Where(e => e.Name == "sector").Select(e => e.Attribute("vocabulary")!.Value));
        In("OrganisationType", all.Where(e => e.Name is { LocalName: "participating-org" or "reporting-org" }).Select(e => e.Attribute("type")?.Value));
        In("OrganisationRole", all.Where(e => e.Name == "participating-org").Select(e => e.Attribute("role")!.Value));
        In("TransactionType", all.Where(e => e.Name == "transaction-type").Select(e => e.Attribute("code")!.Value));
        In("ActivityStatus", all.Where(e => e.Name == "activity-status").Select(e => e.Attribute("code")!.Value));
        In("ActivityDateType", all.Where(e => e.Name == "activity-date").Select(e => e.Attribute("type")!.Value));
        In("CollaborationType", all.Where(e => e.Name == "collaboration-type").Select(e => e.Attribute("code")!.Value));
        In("Currency", all.Where(e => e.Name == "value").Select(e => e.Attribute("currency")!.Value)
            .Concat(all.Where(e => e.Name == "iati-activity").Select(e => e.Attribute("default-currency")!.Value)));
        In("BudgetType", all.Where(e => e.Name == "budget").Select(e => e.Attribute("type")!.Value));
        In("BudgetStatus", all.Where(e => e.Name == "budget").Select(e => e.Attribute("status")!.Value));
        In("Language", all.Select(e => e.Attribute(XNamespace.Xml + "lang")?.Value));
        // UN M49 regions (vocabulary 2) are the UN's codes: those of the embedded M49 list.
        Assert.All(all.Where(e => e.Name == "recipient-region"), r => Assert.True(Nodal.Core.Reference.M49.IsArea(r.Attribute("code")!.Value)));

        // The browser's export is the same document.
        using var page = await app.SignInAsync(Coordinator);
        var pageExport = await page.GetAsync("/solmar/projects/iati.xml");
        Assert.Equal("application/xml", pageExport.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{OrganisationId}-{code}", await pageExport.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_standard_s_example_imports_as_a_project_and_imports_again_as_an_update()
    {
        var orgId = await WithIdentifierAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var example = await File.ReadAllBytesAsync(Path.Combine(Reference, "examples", "activity-standard-example-annotated-2.03.xml"));
        var before = await ProjectCountAsync(orgId);
        var response = await ImportAsync(api, example);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(1, (int)JsonNode.Parse(text)!["added"]!);
        Assert.Equal(before + 1, await ProjectCountAsync(orgId));

        var (p, partners, transactions) = await app.WithDbAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(x => x.IatiIdentifier == "AA-AAA-123456789-ABC123");
            return (project, await db.ProjectPartners.AsNoTracking().Where(x => x.ProjectId == project.Id).ToListAsync(),
                await db.ProjectTransactions.AsNoTracking().Where(x => x.ProjectId == project.Id).ToListAsync());
        }, orgId);
        Assert.Equal("Activity title", p.Title.En);
        Assert.Equal("Titre de l'activité", p.Title.Fr);
        Assert.Equal("Título de la actividad", p.Title.Es);
        Assert.StartsWith("General activity description text.", p.Description.En);
        Assert.Equal("Statement of groups targeted to benefit from the activity.", p.Beneficiaries.En);
        Assert.Equal(ProjectStatus.Implementation, p.Status);
        Assert.Equal(new DateOnly(2012, 4, 15), p.PlannedStart);
        Assert.Equal(new DateOnly(2012, 4, 28), p.ActualStart);
        Assert.Equal(new DateOnly(2015, 12, 31), p.PlannedEnd);
        Assert.Null(p.ActualEnd);
        Assert.Equal(["AF", "AG"], p.Countries);
        // The example's sectors are DAC 3-digit (vocabulary 2) and its own (99): only vocabulary 1 is read.
        Assert.Empty(p.Sectors);
        // Its regions are OECD DAC (vocabulary 1) and its own (99): only UN M49 (vocabulary 2) is read.
        Assert.Empty(p.Regions);
        Assert.Equal(3000m, p.Budget);
        Assert.Equal("EUR", p.Currency);
        Assert.Equal(["Name of Agency A", "Name of Agency B", "Name of Agency C"], partners.Select(x => x.Name).Order().ToArray());
        Assert.Equal(40, partners.Single(x => x.Name == "Name of Agency B").IatiType);
        var t = Assert.Single(transactions);
        Assert.Equal((TransactionKind.IncomingFunds, new DateOnly(2012, 1, 1), 1000m, "EUR"), (t.Kind, t.On, t.Amount, t.Currency));
        Assert.Equal("Agency B", t.ProviderName);
        Assert.Equal("Agency A", t.ReceiverName);

        var again = await ImportAsync(api, example);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var result = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((0, 1), ((int)result["added"]!, (int)result["updated"]!));
        Assert.Equal(before + 1, await ProjectCountAsync(orgId));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProjectTransactions.CountAsync(x => x.ProjectId == p.Id), orgId));
    }

    [Fact]
    public async Task Our_export_imports_back_as_updates_without_duplicates()
    {
        var orgId = await WithIdentifierAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var (id, _) = await FullProjectAsync(api);
        var exported = await (await api.GetAsync("/api/v1/projects/iati")).Content.ReadAsByteArrayAsync();
        var projects = await ProjectCountAsync(orgId);
        var before = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}"))!;

        var response = await ImportAsync(api, exported);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(0, (int)JsonNode.Parse(text)!["added"]!);
        Assert.Equal(projects, await ProjectCountAsync(orgId));
        var after = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}"))!;
        foreach (var field in new[] { "title", "description", "sectors", "countries", "regions", "status", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "budget", "currency", "kind", "ourRole", "beneficiaries", "results" })
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"{field}: {before[field]?.ToJsonString()} → {after[field]?.ToJsonString()}");
        Assert.Equal(4, after["partners"]!.AsArray().Count);
        Assert.Equal(5, after["transactions"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(before["totals"], after["totals"]));
        Assert.Equal(before["partners"]!.AsArray().Select(x => (string)x!["id"]!).Order(), after["partners"]!.AsArray().Select(x => (string)x!["id"]!).Order());
    }

    private static byte[] Activities(params string[] activities) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">" + string.Concat(activities) + "</iati-activities>");

    private static string Activity(string identifier, string sector = "15112", string title = "Prueba") =>
        $"<iati-activity xml:lang=\"es\" default-currency=\"EUR\"><iati-identifier>{identifier}</iati-identifier>"
        + "<reporting-org ref=\"XM-OTHER-1\" type=\"10\"><narrative>Otra</narrative></reporting-org>"
        + $"<title><narrative>{title}</narrative></title><description><narrative>D</narrative></description>"
        + "<participating-org role=\"1\" ref=\"XM-OTHER-1\" type=\"10\"><narrative>Otra</narrative></participating-org>"
        + "<activity-status code=\"1\"/><activity-date type=\"1\" iso-date=\"2026-01-01\"/>"
        + $"<sector vocabulary=\"1\" code=\"{sector}\" percentage=\"100\"/>"
        + "<transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2026-02-01\"/><value currency=\"EUR\" value-date=\"2026-02-01\">10</value></transaction>"
        + "</iati-activity>";

    [Fact]
    public async Task Hostile_old_truncated_and_partly_wrong_files_are_refused_and_nothing_is_written()
    {
        var orgId = await WithIdentifierAsync();
        using var api = await app.ApiClientAsync(Coordinator, language: "es");
        var before = await ProjectCountAsync(orgId);
        async Task<JsonObject> Refused(byte[] file)
        {
            var response = await ImportAsync(api, file);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
            Assert.Equal(before, await ProjectCountAsync(orgId));
            return JsonNode.Parse(text)!.AsObject();
        }

        var old = await Refused(Encoding.UTF8.GetBytes("<iati-activities version=\"1.05\"><iati-activity><iati-identifier>X-1</iati-identifier></iati-activity></iati-activities>"));
        Assert.Equal("Los archivos IATI 1.x no se admiten; conviértalos a 2.03.", (string)old["title"]!);

        var entity = await Refused(Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaa\">]>"
            + "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>&xxe;&a;</iati-identifier></iati-activity></iati-activities>"));
        Assert.Contains("DTD", (string)entity["title"]!);

        Assert.Contains("<html>", (string)(await Refused("<html><body>hola</body></html>"u8.ToArray()))["title"]!);
        Assert.Contains("XML", (string)(await Refused("this is not XML at all"u8.ToArray()))["title"]!);

        // Good activities, then the file is cut: the first ones were already read (and batched), yet nothing stays.
        var good = Activities(Enumerable.Range(0, 20).Select(i => Activity($"XM-OTHER-1-T{Guid.NewGuid():N}")).ToArray());
        var truncated = await Refused(good[..(good.Length - 40)]);
        Assert.Contains("XML", (string)truncated["title"]!);

        // One bad activity among good ones: its identifier is named, the good ones are not written either.
        var bad = $"XM-OTHER-1-BAD{Guid.NewGuid():N}";
        var mixed = await Refused(Activities(Activity($"XM-OTHER-1-A{Guid.NewGuid():N}"), Activity(bad, sector: "99999"), Activity($"XM-OTHER-1-C{Guid.NewGuid():N}")));
        var error = Assert.Single(mixed["errors"]!.AsArray());
        Assert.Equal(bad, (string)error!["activity"]!);
        Assert.Equal("99999 no es un código de sector CAD de 5 dígitos.", (string)error["message"]!);

        // The page says the same next to the file field, and lists the activity.
        using var page = await app.SignInAsync(Coordinator, language: "es");
        var form = await page.GetHtmlAsync("/solmar/projects/iati-import");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Activities(Activity(bad, sector: "99999"))), "file", "bad.xml" },
        };
        var posted = await page.Http.PostAsync("/solmar/projects/iati-import", multipart);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("El archivo tiene errores", html);
        Assert.Contains(bad, html);
        Assert.Equal(before, await ProjectCountAsync(orgId));
    }

    [Fact]
    public async Task A_30_MB_file_imports_with_managed_memory_well_below_its_size()
    {
        var orgId = await WithIdentifierAsync();
        var path = Path.Combine(Path.GetTempPath(), $"nodal-iati-{Guid.NewGuid():N}.xml");
        // Long descriptions (7,500 characters in each language) keep the number of activities, and the test's time, small.
        var text = new string('x', 7500);
        var count = 0;
        await using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await file.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">");
            while (file.BaseStream.Length < SizeMb * 1024L * 1024)
            {
                count++;
                await file.WriteAsync($"<iati-activity xml:lang=\"en\" default-currency=\"EUR\"><iati-identifier>XM-BIG-1-{count}</iati-identifier>"
                    + $"<title><narrative>Activity {count}</narrative></title><description><narrative xml:lang=\"es\">{text}</narrative><narrative xml:lang=\"en\">{text}</narrative><narrative xml:lang=\"fr\">{text}</narrative></description>"
                    + "<participating-org role=\"1\" ref=\"XM-BIG-1\" type=\"40\"><narrative>Big funder</narrative></participating-org>"
                    + "<activity-status code=\"2\"/><activity-date type=\"2\" iso-date=\"2025-01-01\"/><recipient-country code=\"SN\" percentage=\"100\"/>"
                    + "<sector vocabulary=\"1\" code=\"14030\" percentage=\"100\"/></iati-activity>\n");
                await file.FlushAsync();
            }
            await file.WriteAsync("</iati-activities>");
        }
        var size = new FileInfo(path).Length;
        try
        {
            using var scope = app.App.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.EnterAsSystem(orgId);
            var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
            var importer = scope.ServiceProvider.GetRequiredService<IatiImporter>();
            await using var tx = await db.Database.BeginTransactionAsync();

            // Live managed memory, sampled after full collections while the import runs.
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    try { await Task.Delay(SampleMs, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            IatiImportReport report;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using (var stream = File.OpenRead(path)) report = await importer.ImportAsync(stream, default);
            Console.Error.WriteLine($"IATI import: {count} activities, {size / 1048576} MB in {watch.Elapsed.TotalSeconds:0.0} s, peak {peak / 1048576} MB");
            stop.Cancel();
            await sampler;
            Assert.True(report.Succeeded, report.Refusal ?? string.Join("; ", report.Errors.Take(3)));
            Assert.Equal(count, report.Added);
            Assert.True(peak < size / 2, $"live managed memory rose by {peak / 1048576} MB while importing a {size / 1048576} MB file");
            await tx.RollbackAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }
}

// The streaming test samples the process's live managed memory: nothing else may run meanwhile.
[Collection(MeasuredAlone.Name)]
public sealed class IatiTestsOnSqlite(SqliteApp app) : IatiTests<SqliteApp>(app);
[Collection(MeasuredAlone.Name)]
public sealed class IatiTestsOnPostgres(PostgresApp app) : IatiTests<PostgresApp>(app);

/// <summary>Test classes that measure the process (memory) and so run after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
