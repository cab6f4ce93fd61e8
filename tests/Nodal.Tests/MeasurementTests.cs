using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Policy;
using Nodal.Data;
using Nodal.Web.Features.Monitoring;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>Measurements: entry, workflow, permissions, evidence, due list, grid, reminders, spreadsheets and API, on each database.</summary>
public abstract class MeasurementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected const string Coordinator = "ana.coordinadora@solmar.example";
    protected const string FocalPointMobility = "marta.movilidad@solmar.example";
    protected const string FocalPointCulture = "ines.cultura@solmar.example";
    protected const string Viewer = "concejal@solmar.example";

    protected sealed record Fixture(Guid Plan, Guid Number, string NumberCode, Guid Rating, string RatingCode, Guid Text, string TextCode, Guid Culture, string CultureCode);

    protected static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A plan of its own (2024–2030) with yearly indicators from 2024: a number (one decimal, with a breakdown by sex) and a
    /// rating owned by Mobility, a free-text one owned by Mobility, and a number owned by Culture.</summary>
    protected async Task<Fixture> NewFixtureAsync(string slug = Seeder.DemoSlug)
    {
        var orgId = await app.OrgIdAsync(slug);
        return await app.WithDbAsync(async db =>
        {
            var depts = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var mob = depts.GetValueOrDefault("MOB", depts.Values.First());
            var cul = depts.GetValueOrDefault("CUL", depts.Values.Last());
            var plan = new StrategicPlan
            {
                OrganizationId = orgId, Title = new LocalizedText("Plan de medición", "Measurement plan", "Plan de mesure"),
                StartYear = 2024, EndYear = 2030, Status = PlanStatus.Adopted,
            };
            Indicator New(string prefix, Guid dept, Action<Indicator> set)
            {
                var i = new Indicator
                {
                    OrganizationId = orgId, PlanId = plan.Id, Code = NewCode(prefix), Name = new LocalizedText("Indicador " + prefix, "Indicator " + prefix, null),
                    Level = IndicatorLevel.Operational, Frequency = Frequency.Yearly, FirstPeriod = new DateOnly(2024, 1, 1), OwnerDepartmentId = dept, GraceDays = 30,
                };
                set(i);
                return i;
            }
            var number = New("N", mob, i => { i.Decimals = 1; i.Unit = "%"; i.BaselineValue = 0; i.DisaggregationName = "Sexo"; i.DisaggregationCategories = ["mujeres", "hombres"]; });
            var rating = New("R", mob, i => { i.Kind = IndicatorKind.Qualitative; i.RatingLevels = ["ninguno", "bajo", "medio", "alto"]; });
            var text = New("T", mob, i => i.Kind = IndicatorKind.Qualitative);
            var culture = New("C", cul, i => i.Decimals = 0);
            db.Plans.Add(plan);
            db.Indicators.AddRange(number, rating, text, culture);
            db.IndicatorTargets.Add(new IndicatorTarget { OrganizationId = orgId, IndicatorId = number.Id, Period = new DateOnly(2025, 1, 1), Span = Frequency.Yearly, Value = 100 });
            await db.SaveChangesAsync();
            return new Fixture(plan.Id, number.Id, number.Code, rating.Id, rating.Code, text.Id, text.Code, culture.Id, culture.Code);
        }, orgId);
    }

    protected async Task<IndicatorProgress> ProgressAsync(Guid plan, Guid indicator)
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        using var scope = app.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem(orgId);
        var facts = scope.ServiceProvider.GetRequiredService<MonitoringFacts>();
        return (await facts.ProgressAsync(plan)).Single(s => s.Id == indicator).Progress;
    }

    protected Task<Measurement?> StoredAsync(Guid indicator, DateOnly period) =>
        app.WithDbAsync(db => db.Measurements.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.IndicatorId == indicator && m.Period == period && m.DeletedAt == null));

    protected Task<int> CountAsync(Guid indicator) =>
        app.WithDbAsync(db => db.Measurements.IgnoreQueryFilters().CountAsync(m => m.IndicatorId == indicator && m.DeletedAt == null));

    protected static async Task<JsonObject> PostAsync(HttpClient api, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static readonly DateOnly Y2024 = new(2024, 1, 1), Y2025 = new(2025, 1, 1);

    [Fact]
    public async Task A_focal_point_enters_and_submits_the_coordinator_validates_and_only_then_it_counts()
    {
        var f = await NewFixtureAsync();
        using var marta = await app.SignInAsync(FocalPointMobility);
        var form = $"/solmar/measurements/new?indicator={f.Number}&period=2025";
        var page = await marta.GetHtmlAsync(form);
        Assert.Contains("mujeres", page);
        var post = await marta.PostFormAsync("/solmar/measurements/new", new()
        {
            ["Input.IndicatorId"] = f.Number.ToString(), ["Input.Period"] = "2025", ["Input.Value"] = "42.5",
            ["Input.Breakdown[0]"] = "40", ["Input.Breakdown[1]"] = "45", ["Input.Note"] = "Encuesta anual", ["Input.EvidenceUrl"] = "https://datos.solmar.example/encuesta",
            ["submit"] = "submit",
        }, form);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var url = post.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/').Last());
        var m = (await StoredAsync(f.Number, Y2025))!;
        Assert.Equal(id, m.Id);
        Assert.Equal(MeasurementStatus.Submitted, m.Status);
        Assert.Equal(42.5m, m.Value);
        Assert.Equal(["mujeres", "hombres"], m.BreakdownCategories);
        Assert.Equal([40m, 45m], m.BreakdownValues);
        Assert.Equal(FocalPointMobility, m.SubmittedBy);
        Assert.NotNull(m.SubmittedAt);

        // Submitted does not count yet.
        Assert.Null((await ProgressAsync(f.Plan, f.Number)).Actual);

        // The focal point's details page offers no validation; the coordinator's does.
        var mine = await marta.GetHtmlAsync(url);
        Assert.Contains("Submitted", mine);
        Assert.DoesNotContain("handler=Validate", mine);
        using var ana = await app.SignInAsync(Coordinator);
        Assert.Contains("handler=Validate", await ana.GetHtmlAsync(url));
        // The coordinator's queue lists it with the inline buttons.
        var due = await ana.GetHtmlAsync($"/solmar/measurements?plan={f.Plan}");
        Assert.Contains($"/solmar/measurements/{id}?handler=Validate", due);

        using var api = await app.ApiClientAsync(Coordinator);
        var validated = await PostAsync(api, $"/api/v1/measurements/{id}/validate", new { version = m.Version }, HttpStatusCode.OK);
        Assert.Equal("Validated", (string)validated["status"]!);
        Assert.Equal(Coordinator, (string)validated["validatedBy"]!);
        Assert.Equal("2025", (string)validated["periodKey"]!);
        Assert.Equal(45m, (decimal)validated["breakdown"]!["hombres"]!);

        var progress = await ProgressAsync(f.Plan, f.Number);
        Assert.Equal(42.5m, progress.Actual);
        Assert.Equal(100m, progress.Target);

        // The page shows it with its history.
        var details = await marta.GetHtmlAsync(url);
        Assert.Matches("id=\"status\">(Validated|Validada)<", details);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(details, "42[.,]5 %"), details[details.IndexOf("id=\"value\"", StringComparison.Ordinal)..][..200]);
        Assert.Contains("https://datos.solmar.example/encuesta", details);
        Assert.Contains($"/solmar/indicators/{f.Number}", details);
        Assert.Contains("id=\"history-title\"", details);
    }

    [Fact]
    public async Task A_focal_point_neither_validates_nor_enters_for_another_department()
    {
        var f = await NewFixtureAsync();
        using var coordinatorApi = await app.ApiClientAsync(Coordinator);
        var culture = await PostAsync(coordinatorApi, "/api/v1/measurements", new { indicatorId = f.Culture, period = "2025", value = 12 });
        var cultureId = (string)culture["id"]!;
        using var martaApi = await app.ApiClientAsync(FocalPointMobility);
        var mine = await PostAsync(martaApi, "/api/v1/measurements", new { indicatorId = f.Number, period = "2025", value = 10.5 });
        var mineId = (string)mine["id"]!;
        await PostAsync(martaApi, $"/api/v1/measurements/{mineId}/submit", new { }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PostAsJsonAsync($"/api/v1/measurements/{mineId}/validate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PostAsJsonAsync($"/api/v1/measurements/{mineId}/return", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PostAsJsonAsync("/api/v1/measurements", new { indicatorId = f.Culture, period = "2024", value = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PutAsJsonAsync($"/api/v1/measurements/{cultureId}", new { value = 13, version = (long)culture["version"]! })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PostAsJsonAsync($"/api/v1/measurements/{cultureId}/submit", new { })).StatusCode);

        using var marta = await app.SignInAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync($"/solmar/measurements/new?indicator={f.Culture}&period=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync($"/solmar/measurements/{cultureId}/edit")).StatusCode);
        var validate = await marta.PostFormAsync($"/solmar/measurements/{mineId}?handler=Validate", new() { ["version"] = "0" }, $"/solmar/measurements/{mineId}");
        Assert.Equal(HttpStatusCode.Forbidden, validate.StatusCode);
        Assert.Equal(MeasurementStatus.Submitted, (await StoredAsync(f.Number, Y2025))!.Status);
        Assert.Equal(1, await CountAsync(f.Culture));

        using var viewer = await app.ApiClientAsync(Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/measurements", new { indicatorId = f.Number, period = "2024", value = 3 })).StatusCode);
    }

    [Fact]
    public async Task Returning_needs_a_comment_then_the_department_corrects_and_a_validated_value_is_corrected_only_by_the_office()
    {
        var f = await NewFixtureAsync();
        using var martaApi = await app.ApiClientAsync(FocalPointMobility, language: "es");
        var created = await PostAsync(martaApi, "/api/v1/measurements", new { indicatorId = f.Number, period = "2024", value = 30 });
        var id = (string)created["id"]!;
        await PostAsync(martaApi, $"/api/v1/measurements/{id}/submit", new { }, HttpStatusCode.OK);

        using var anaApi = await app.ApiClientAsync(Coordinator, language: "es");
        var noComment = await anaApi.PostAsJsonAsync($"/api/v1/measurements/{id}/return", new { comment = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        var problem = (await noComment.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Indique qué", (string)problem["errors"]!["comment"]![0]!);
        using var ana = await app.SignInAsync(Coordinator);
        var pageNoComment = await ana.PostFormAsync($"/solmar/measurements/{id}?handler=Return", new() { ["comment"] = "" }, $"/solmar/measurements/{id}");
        Assert.Equal(HttpStatusCode.OK, pageNoComment.StatusCode);
        Assert.Contains("comment-error", await pageNoComment.Content.ReadAsStringAsync());
        Assert.Equal(MeasurementStatus.Submitted, (await StoredAsync(f.Number, Y2024))!.Status);

        var back = await ana.PostFormAsync($"/solmar/measurements/{id}?handler=Return", new() { ["comment"] = "Falta la fuente del dato" }, $"/solmar/measurements/{id}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var returned = (await StoredAsync(f.Number, Y2024))!;
        Assert.Equal(MeasurementStatus.Returned, returned.Status);
        Assert.Equal("Falta la fuente del dato", returned.ReturnComment);

        // The department sees the comment, corrects and submits again.
        using var marta = await app.SignInAsync(FocalPointMobility);
        Assert.Contains("Falta la fuente del dato", await marta.GetHtmlAsync($"/solmar/measurements/{id}"));
        var edit = await marta.PostFormAsync($"/solmar/measurements/{id}/edit", new()
        {
            ["Input.IndicatorId"] = f.Number.ToString(), ["Input.Value"] = "31.5", ["Input.Note"] = "Fuente: INE", ["Input.Version"] = returned.Version.ToString(), ["submit"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var resubmitted = (await StoredAsync(f.Number, Y2024))!;
        Assert.Equal(MeasurementStatus.Submitted, resubmitted.Status);
        Assert.Equal(31.5m, resubmitted.Value);

        await PostAsync(anaApi, $"/api/v1/measurements/{id}/validate", new { }, HttpStatusCode.OK);
        var validated = (await StoredAsync(f.Number, Y2024))!;

        // A focal point cannot change a validated measurement.
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync($"/solmar/measurements/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await martaApi.PutAsJsonAsync($"/api/v1/measurements/{id}", new { value = 50, version = validated.Version })).StatusCode);

        // The coordinator corrects it: a note is required, it stays validated, the history keeps before and after.
        var noNote = await anaApi.PutAsJsonAsync($"/api/v1/measurements/{id}", new { value = 32, note = "Fuente: INE", version = validated.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("correctionNote", await noNote.Content.ReadAsStringAsync());
        var stale = await anaApi.PutAsJsonAsync($"/api/v1/measurements/{id}", new { value = 32, correctionNote = "Errata", version = validated.Version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(31.5m, (decimal)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["value"]!);
        var corrected = await anaApi.PutAsJsonAsync($"/api/v1/measurements/{id}", new { value = 32, note = "Fuente: INE", correctionNote = "Errata en el total", version = validated.Version });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var after = (await StoredAsync(f.Number, Y2024))!;
        Assert.Equal(MeasurementStatus.Validated, after.Status);
        Assert.Equal(32m, after.Value);
        Assert.Contains("Errata en el total", after.Note);
        var history = await ana.GetHtmlAsync($"/solmar/measurements/{id}");
        history = history[history.IndexOf("id=\"history-title\"", StringComparison.Ordinal)..];
        Assert.Matches(@"31\.5(0*)? → 32(\.0*)?", history);
    }

    [Fact]
    public async Task A_second_measurement_for_the_same_period_is_refused_with_a_link_to_the_first()
    {
        var f = await NewFixtureAsync();
        using var api = await app.ApiClientAsync(FocalPointMobility);
        var first = await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Rating, period = "2025", value = 2 });
        Assert.Equal("medio", (string)first["level"]!);
        var again = await api.PostAsJsonAsync("/api/v1/measurements", new { indicatorId = f.Rating, period = "2025", value = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/v1/measurements/{(string)first["id"]!}", (string)problem["existing"]!);
        Assert.NotNull(problem["errors"]!["period"]);

        using var marta = await app.SignInAsync(FocalPointMobility);
        var page = await marta.PostFormAsync("/solmar/measurements/new", new() { ["Input.IndicatorId"] = f.Rating.ToString(), ["Input.Period"] = "2025", ["Input.Value"] = "1", ["submit"] = "draft" },
            $"/solmar/measurements/new?indicator={f.Rating}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"/solmar/measurements/{(string)first["id"]!}\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(f.Rating));
        // Opening the form on a taken period already says so.
        Assert.Contains("id=\"duplicate\"", await marta.GetHtmlAsync($"/solmar/measurements/new?indicator={f.Rating}&period=2025"));
    }

    [Fact]
    public async Task Bad_values_are_answered_next_to_their_fields_in_spanish_and_nothing_is_saved()
    {
        var f = await NewFixtureAsync();
        using var marta = await app.SignInAsync(FocalPointMobility, language: "es");
        async Task<string> Post(Guid indicator, string value, string? breakdown = null)
        {
            var fields = new Dictionary<string, string> { ["Input.IndicatorId"] = indicator.ToString(), ["Input.Period"] = "2025", ["Input.Value"] = value, ["submit"] = "draft" };
            if (breakdown is not null) { fields["Input.Breakdown[0]"] = breakdown; fields["Input.Breakdown[1]"] = ""; }
            var response = await marta.PostFormAsync("/solmar/measurements/new", fields, $"/solmar/measurements/new?indicator={indicator}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var letters = await Post(f.Number, "doce");
        Assert.Contains("Input_Value-error", letters);
        Assert.Contains("Indique un número", letters);
        var decimals = await Post(f.Number, "12,55");
        Assert.Contains("Use como máximo 1 decimales", decimals);
        var scale = await Post(f.Rating, "7");
        Assert.Contains("Elija uno de los niveles", scale);
        var partial = await Post(f.Number, "12,5", breakdown: "6");
        Assert.Contains("Input_Breakdown_1_-error", partial);
        var text = await Post(f.Text, "");
        Assert.Contains("Input_Text-error", text);
        Assert.Equal(0, await CountAsync(f.Number) + await CountAsync(f.Rating) + await CountAsync(f.Text));

        // The Spanish decimal comma is read as such.
        var ok = await marta.PostFormAsync("/solmar/measurements/new", new() { ["Input.IndicatorId"] = f.Number.ToString(), ["Input.Period"] = "2025", ["Input.Value"] = "12,5", ["submit"] = "draft" },
            $"/solmar/measurements/new?indicator={f.Number}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(12.5m, (await StoredAsync(f.Number, Y2025))!.Value);

        using var api = await app.ApiClientAsync(FocalPointMobility, language: "es");
        var bad = await api.PostAsJsonAsync("/api/v1/measurements", new { indicatorId = f.Number, period = "2030", value = 1.25 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.NotNull(errors["period"]);
        Assert.Contains("decimales", (string)errors["value"]![0]!);
    }

    private static byte[] MinimalPdf() => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    protected static MultipartFormDataContent Upload(byte[] bytes, string name, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task Evidence_a_pdf_round_trips_a_png_named_pdf_is_kept_as_png_and_programs_and_giants_are_refused()
    {
        var f = await NewFixtureAsync();
        using var api = await app.ApiClientAsync(FocalPointMobility);
        var m = await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Number, period = "2025", value = 5 });
        var id = (string)m["id"]!;
        var pdf = MinimalPdf();
        var up = await api.PostAsync($"/api/v1/measurements/{id}/evidence", Upload(pdf, "informe.pdf", "application/octet-stream"));
        Assert.True(up.StatusCode == HttpStatusCode.OK, await up.Content.ReadAsStringAsync());
        var download = await api.GetAsync($"/api/v1/measurements/{id}/evidence");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);

        // Members of the organization download it from the page, even viewers.
        using var viewer = await app.SignInAsync(Viewer);
        var page = await viewer.GetAsync($"/solmar/measurements/{id}?handler=Evidence");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(pdf, await page.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        // A PNG named .pdf is kept as what it is.
        var png = await api.PostAsync($"/api/v1/measurements/{id}/evidence", Upload(Png(), "foto.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        var asPng = (await png.Content.ReadFromJsonAsync<JsonObject>())!["evidenceFile"]!;
        Assert.Equal("image/png", (string)asPng["contentType"]!);
        Assert.Equal("foto.png", (string)asPng["fileName"]!);

        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        var program = await api.PostAsync($"/api/v1/measurements/{id}/evidence", Upload(exe, "datos.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        var giant = new byte[21 * 1024 * 1024];
        pdf.CopyTo(giant, 0);
        var tooLarge = await api.PostAsync($"/api/v1/measurements/{id}/evidence", Upload(giant, "enorme.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("image/png", (await StoredAsync(f.Number, Y2025))!.EvidenceContentType);

        // Through the form too: an .exe is refused next to the field, and nothing changes.
        using var marta = await app.SignInAsync(FocalPointMobility);
        var html = await marta.GetHtmlAsync($"/solmar/measurements/{id}/edit");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var stored = (await StoredAsync(f.Number, Y2025))!;
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(f.Number.ToString()), "Input.IndicatorId" },
            { new StringContent("6"), "Input.Value" },
            { new StringContent(stored.Version.ToString()), "Input.Version" },
            { new StringContent("draft"), "submit" },
        };
        var exeFile = new ByteArrayContent(exe);
        exeFile.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(exeFile, "evidence", "informe.pdf");
        var formPost = await marta.Http.PostAsync($"/solmar/measurements/{id}/edit", multipart);
        Assert.Equal(HttpStatusCode.OK, formPost.StatusCode);
        Assert.Contains("evidence-error", await formPost.Content.ReadAsStringAsync());
        Assert.Equal(5m, (await StoredAsync(f.Number, Y2025))!.Value);
    }

    [Fact]
    public async Task A_measurement_of_another_organization_answers_404_everywhere()
    {
        var f = await NewFixtureAsync(Seeder.SecondDemoSlug);
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        var foreign = await app.WithDbAsync(async db =>
        {
            var m = new Measurement { OrganizationId = costaAlta, IndicatorId = f.Number, Period = Y2025, Value = 3, Status = MeasurementStatus.Submitted };
            db.Measurements.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        }, costaAlta);
        using var api = await app.ApiClientAsync(TestApp.AdminEmail);
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/measurements/{id}", null),
            (HttpMethod.Put, "/api/v1/measurements/{id}", new { value = 1, version = 1 }),
            (HttpMethod.Delete, "/api/v1/measurements/{id}", null),
            (HttpMethod.Post, "/api/v1/measurements/{id}/submit", new { }),
            (HttpMethod.Post, "/api/v1/measurements/{id}/validate", new { }),
            (HttpMethod.Post, "/api/v1/measurements/{id}/return", new { comment = "x" }),
            (HttpMethod.Get, "/api/v1/measurements/{id}/evidence", null),
            (HttpMethod.Get, "/api/v1/measurements/{id}/history", null),
        };
        foreach (var (method, url, content) in routes)
        {
            var request = new HttpRequestMessage(method, url.Replace("{id}", foreign.ToString())) { Content = content is null ? null : JsonContent.Create(content) };
            var response = await api.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/measurements", new { indicatorId = f.Number, period = "2024", value = 1 })).StatusCode);
        var list = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/measurements?indicator={f.Number}"))!;
        Assert.Equal(0, (int)list["total"]!);
        using var admin = await app.SignInAsync(TestApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/solmar/measurements/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/solmar/measurements/{foreign}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/solmar/measurements/{foreign}?handler=Evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/solmar/measurements/new?indicator={f.Number}")).StatusCode);
    }

    [Fact]
    public async Task The_api_lists_with_filters()
    {
        var f = await NewFixtureAsync();
        using var api = await app.ApiClientAsync(Coordinator);
        var a = await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Culture, period = "2024", value = 1 });
        await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Culture, period = "2025", value = 2 });
        await PostAsync(api, $"/api/v1/measurements/{(string)a["id"]!}/submit", new { }, HttpStatusCode.OK);
        var all = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/measurements?indicator={f.Culture}"))!;
        Assert.Equal(2, (int)all["total"]!);
        var submitted = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/measurements?plan={f.Plan}&status=Submitted"))!;
        Assert.Equal([(string)a["id"]!], submitted["items"]!.AsArray().Select(x => (string)x!["id"]!).ToArray());
        var from = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/measurements?indicator={f.Culture}&from=2025&to=2025"))!;
        Assert.Equal("2025", (string)from["items"]![0]!["periodKey"]!);
        Assert.Equal(1, (int)from["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/measurements?from=someday")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/measurements/{(string)a["id"]!}")).StatusCode);
        Assert.Equal(1, await CountAsync(f.Culture));
    }

    private async Task<Guid> DeptAsync(string code) =>
        await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(), await app.OrgIdAsync(Seeder.DemoSlug));

    [Fact]
    public async Task The_grid_saves_every_row_or_none_with_an_error_next_to_each_bad_row()
    {
        var f = await NewFixtureAsync();
        using var marta = await app.SignInAsync(FocalPointMobility, language: "es");
        var grid = $"/solmar/measurements/grid?plan={f.Plan}&on=2025-06-15";
        var html = await marta.GetHtmlAsync(grid);
        Assert.Contains(f.NumberCode, html);
        Assert.DoesNotContain(f.CultureCode, html); // another department's
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync($"/solmar/measurements/grid?plan={f.Plan}&department={await DeptAsync("CUL")}")).StatusCode);

        Dictionary<string, string> Rows(string number, string rating, string text) => new()
        {
            ["Rows[0].IndicatorId"] = f.Number.ToString(), ["Rows[0].Period"] = "2025", ["Rows[0].Value"] = number, ["Rows[0].Note"] = "Cuadrícula",
            ["Rows[1].IndicatorId"] = f.Rating.ToString(), ["Rows[1].Period"] = "2025", ["Rows[1].Value"] = rating,
            ["Rows[2].IndicatorId"] = f.Text.ToString(), ["Rows[2].Period"] = "2025", ["Rows[2].Text"] = text,
            ["mode"] = "submit",
        };
        var bad = await marta.PostFormAsync(grid, Rows("12,55", "9", "Bien"), grid);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("row-0-error", page);
        Assert.Contains("row-1-error", page);
        Assert.DoesNotContain("row-2-error", page);
        Assert.Contains("Use como máximo 1 decimales", page);
        Assert.Equal(0, await CountAsync(f.Number) + await CountAsync(f.Rating) + await CountAsync(f.Text));

        var good = await marta.PostFormAsync(grid, Rows("12,5", "3", "Bien"), grid);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var number = (await StoredAsync(f.Number, Y2025))!;
        Assert.Equal((12.5m, MeasurementStatus.Submitted, "Cuadrícula"), (number.Value, number.Status, number.Note));
        Assert.Equal(3m, (await StoredAsync(f.Rating, Y2025))!.Value);
        Assert.Equal("Bien", (await StoredAsync(f.Text, Y2025))!.Text);

        // Validated rows are read-only for focal points: no input, and a forged row is refused.
        using var api = await app.ApiClientAsync(Coordinator);
        await PostAsync(api, $"/api/v1/measurements/{number.Id}/validate", new { }, HttpStatusCode.OK);
        html = await marta.GetHtmlAsync(grid);
        Assert.DoesNotContain($"value=\"{f.Number}\"", html);
        var forged = await marta.PostFormAsync(grid, new() { ["Rows[0].IndicatorId"] = f.Number.ToString(), ["Rows[0].Period"] = "2025", ["Rows[0].Value"] = "99", ["mode"] = "draft" }, grid);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("row-0-error", await forged.Content.ReadAsStringAsync());
        Assert.Equal(12.5m, (await StoredAsync(f.Number, Y2025))!.Value);
    }

    [Fact]
    public async Task Reminders_list_each_departments_missing_periods_in_a_message_a_mail_client_opens()
    {
        var f = await NewFixtureAsync();
        var mob = await DeptAsync("MOB");
        using var api = await app.ApiClientAsync(FocalPointMobility);
        // 2024 is a draft (still missing), 2025 is submitted (not missing).
        await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Rating, period = "2024", value = 1 });
        var submitted = await PostAsync(api, "/api/v1/measurements", new { indicatorId = f.Rating, period = "2025", value = 2 });
        await PostAsync(api, $"/api/v1/measurements/{(string)submitted["id"]!}/submit", new { }, HttpStatusCode.OK);

        using var marta = await app.SignInAsync(FocalPointMobility);
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync($"/solmar/measurements/reminders?plan={f.Plan}")).StatusCode);
        // The due list shows the focal point's department first, with links to enter what is missing.
        var due = await marta.GetHtmlAsync($"/solmar/measurements?plan={f.Plan}");
        Assert.Contains($"/solmar/measurements/new?indicator={f.Number}&amp;period=2024", due);

        using var ana = await app.SignInAsync(Coordinator);
        var page = await ana.GetHtmlAsync($"/solmar/measurements/reminders?plan={f.Plan}");
        Assert.Contains("mailto:marta.movilidad@solmar.example", page);
        var eml = await ana.GetAsync($"/solmar/measurements/reminders?handler=Eml&department={mob}&plan={f.Plan}");
        Assert.Equal(HttpStatusCode.OK, eml.StatusCode);
        Assert.Equal("message/rfc822", eml.Content.Headers.ContentType!.MediaType);
        var message = await MimeKit.MimeMessage.LoadAsync(await eml.Content.ReadAsStreamAsync());
        Assert.Contains(message.To.Mailboxes, m => m.Address == FocalPointMobility);
        Assert.Contains(message.From.Mailboxes, m => m.Address == Coordinator);
        Assert.Equal("1", message.Headers["X-Unsent"]);
        var body = message.TextBody ?? "";
        var numberLines = body.Split('\n').Where(l => l.Contains(f.NumberCode)).ToList();
        Assert.Equal(2, numberLines.Count); // 2024 and 2025
        Assert.Contains(numberLines, l => l.Contains("2024") && l.Contains("vence el"));
        Assert.Contains(numberLines, l => l.Contains("2025"));
        var ratingLines = body.Split('\n').Where(l => l.Contains(f.RatingCode)).ToList();
        Assert.Single(ratingLines); // the draft of 2024; the submitted 2025 is not missing
        Assert.Contains("2024", ratingLines[0]);
        Assert.Contains($"/solmar/measurements/new?indicator={f.Number}&period=2024", body);
        Assert.StartsWith("Mediciones pendientes", message.Subject);
    }

    private static async Task<HttpResponseMessage> ImportAsync(WebClient web, byte[] file, string name)
    {
        var page = await web.GetHtmlAsync("/solmar/measurements/import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await web.Http.PostAsync("/solmar/measurements/import?culture=en", form);
    }

    [Fact]
    public async Task An_import_saves_all_rows_or_none_reports_each_bad_row_and_an_export_reimports_as_updates()
    {
        var f = await NewFixtureAsync();
        using var marta = await app.SignInAsync(FocalPointMobility);
        string Csv(params string[] rows) => "Indicator code,Period,Value,Text,Note,Status,breakdown:mujeres,breakdown:hombres\r\n" + string.Join("\r\n", rows) + "\r\n";
        var bad = Csv(
            $"{f.NumberCode},2024,12.5,,Registro municipal,submitted,6,6.5",
            $"{f.RatingCode},2024,alto,,,draft,,",
            $"{f.CultureCode},2024,3,,,draft,,",
            $"{f.NumberCode},2025,abc,,,draft,,",
            $"{f.TextCode},2024,,Avances notables,,validated,,");
        var response = await ImportAsync(marta, System.Text.Encoding.UTF8.GetBytes(bad), "m.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Errors in the file", html);
        var errorRows = System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">(\\d+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["4", "5", "6"], errorRows);
        Assert.Equal(0, await CountAsync(f.Number) + await CountAsync(f.Rating) + await CountAsync(f.Text));

        var good = Csv(
            $"{f.NumberCode},2024,12.5,,Registro municipal,submitted,6,6.5",
            $"{f.RatingCode},2024,alto,,,draft,,",
            $"{f.TextCode},2024,,Avances notables,,,,");
        response = await ImportAsync(marta, System.Text.Encoding.UTF8.GetBytes(good), "m.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = (await StoredAsync(f.Number, Y2024))!;
        Assert.Equal((12.5m, MeasurementStatus.Submitted), (number.Value, number.Status));
        Assert.Equal([6m, 6.5m], number.BreakdownValues);
        Assert.Equal(3m, (await StoredAsync(f.Rating, Y2024))!.Value);
        Assert.Equal(MeasurementStatus.Draft, (await StoredAsync(f.Text, Y2024))!.Status);

        // The export re-imports as updates: nothing changes.
        var xlsx = await marta.Http.GetByteArrayAsync($"/solmar/measurements/export?format=xlsx&plan={f.Plan}");
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
        response = await ImportAsync(marta, xlsx, "export.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("0 measurements added, 0 updated, 3 unchanged", WebUtility.HtmlDecode(await marta.GetHtmlAsync("/solmar/measurements/import?culture=en")));
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync()));

        // A validated measurement is not overwritten by a focal point's import; the office's import corrects it.
        using var api = await app.ApiClientAsync(Coordinator);
        await PostAsync(api, $"/api/v1/measurements/{number.Id}/validate", new { }, HttpStatusCode.OK);
        var change = Csv($"{f.NumberCode},2024,13,,Registro municipal,,6,7");
        response = await ImportAsync(marta, System.Text.Encoding.UTF8.GetBytes(change), "m.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only the office can correct it", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(12.5m, (await StoredAsync(f.Number, Y2024))!.Value);
        using var ana = await app.SignInAsync(Coordinator);
        response = await ImportAsync(ana, System.Text.Encoding.UTF8.GetBytes(change), "m.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var corrected = (await StoredAsync(f.Number, Y2024))!;
        Assert.Equal((13m, MeasurementStatus.Validated), (corrected.Value, corrected.Status));

        // A program renamed .xlsx is refused as a whole.
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        response = await ImportAsync(marta, exe, "m.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a spreadsheet", await response.Content.ReadAsStringAsync());
    }
}

public sealed class MeasurementTestsOnSqlite(SqliteApp app) : MeasurementTests<SqliteApp>(app);
public sealed class MeasurementTestsOnPostgres(PostgresApp app) : MeasurementTests<PostgresApp>(app);
