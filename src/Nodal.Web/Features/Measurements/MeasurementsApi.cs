using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Measurements;

/// <summary>What returning a measurement sends.</summary>
public sealed class ReturnInput
{
    /// <summary>What the department must correct (required).</summary>
    public string? Comment { get; set; }
    public long? Version { get; set; }
}

/// <summary>What submitting or validating sends: the version read (optional; a stale one answers 409).</summary>
public sealed class StepInput
{
    public long? Version { get; set; }
}

/// <summary>The filters of the measurements list.</summary>
public sealed class MeasurementApiQuery
{
    public Guid? Indicator { get; set; }
    public Guid? Department { get; set; }
    public Guid? Plan { get; set; }
    public MeasurementStatus? Status { get; set; }
    /// <summary>A period key or a day: "2025", "2025-Q2", "2025-04", "2025-04-01".</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

public sealed record MeasurementPage(IReadOnlyList<MeasurementDto> Items, int Total, int Page, int PageSize);

public static class MeasurementsApi
{
    public static RouteGroupBuilder MapMeasurementsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/measurements").WithTags("Measurements");

        g.MapGet("/", async Task<Results<Ok<MeasurementPage>, ValidationProblem>> ([AsParameters] MeasurementApiQuery query, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var errors = new FluentValidation.Results.ValidationResult();
                DateOnly? from = null, to = null;
                if (query.From is not null) { if (ParsePeriod(query.From) is { } f) from = f; else errors.Errors.Add(new("From", L["Enter a period such as {0}.", "2026-Q1"])); }
                if (query.To is not null) { if (ParsePeriod(query.To, end: true) is { } t) to = t; else errors.Errors.Add(new("To", L["Enter a period such as {0}.", "2026-Q1"])); }
                if (!errors.IsValid) return ApiResults.Invalid(errors, L);
                var q = db.Measurements.AsNoTracking().AsQueryable();
                if (query.Indicator is { } i) q = q.Where(m => m.IndicatorId == i);
                if (query.Department is { } d) q = q.Where(m => db.Indicators.Any(x => x.Id == m.IndicatorId && x.OwnerDepartmentId == d));
                if (query.Plan is { } p) q = q.Where(m => db.Indicators.Any(x => x.Id == m.IndicatorId && x.PlanId == p));
                if (query.Status is { } s) q = q.Where(m => m.Status == s);
                if (from is { } fr) q = q.Where(m => m.Period >= fr);
                if (to is { } tt) q = q.Where(m => m.Period <= tt);
                var page = Math.Max(1, query.Page ?? 1);
                var size = Math.Clamp(query.PageSize ?? 50, 1, 200);
                var total = await q.CountAsync(ct);
                var rows = await q.OrderByDescending(m => m.Period).ThenBy(m => m.IndicatorId).Skip((page - 1) * size).Take(size).ToListAsync(ct);
                var ids = rows.Select(m => m.IndicatorId).Distinct().ToList();
                var indicators = await db.Indicators.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
                return TypedResults.Ok(new MeasurementPage(rows.Select(m => MeasurementService.ToDto(m, indicators[m.IndicatorId])).ToList(), total, page, size));
            })
            .WithName("ListMeasurements").WithSummary("List measurements")
            .WithDescription("Measurements of the token's organization, latest periods first. Filters: indicator, department (owning the indicator), plan, "
                             + "status (Draft, Submitted, Validated, Returned), from and to (a period key such as 2026, 2026-Q3, 2026-07, or a day). Paging: page, pageSize ≤ 200.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>>> (Guid id, MeasurementService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{m.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(m, ct));
            })
            .WithName("GetMeasurement").WithSummary("Get a measurement")
            .WithDescription("One measurement with its value (for a rating: the level's index and name), breakdown, status, evidence and version (also the ETag).");

        g.MapPost("/", async Task<Results<Created<MeasurementDto>, ValidationProblem, ProblemHttpResult>> (MeasurementApiInput body, MeasurementService service, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var indicator = body.IndicatorId is { } iid ? await service.IndicatorAsync(iid, ct) : null;
                if (indicator is not null && !service.CanEnter(indicator)) return ApiResults.Forbidden(L);
                var (result, values) = await service.CheckAsync(body.ToInput(indicator), null, ct);
                if (!result.IsValid || values is null)
                    return service.Duplicate is { } dup
                        ? TypedResults.ValidationProblem(result.ToFieldErrors(), title: L["The request has invalid fields."], extensions: new Dictionary<string, object?> { ["existing"] = $"/api/v1/measurements/{dup.Id}" })
                        : ApiResults.Invalid(result, L);
                var m = service.Add(values);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/measurements/{m.Id}", MeasurementService.ToDto(m, indicator!));
            })
            .Requires(Capability.EnterMeasurements)
            .WithName("CreateMeasurement").WithSummary("Enter a measurement (as a draft)")
            .WithDescription("indicatorId, period (its key in the indicator's frequency), value (a number with the indicator's decimals; for a rating the level's index) or text (free-text indicators), "
                             + "breakdown {category: value} for all the indicator's categories or none, note, evidenceUrl (http/https). One measurement per indicator and period: a second is refused "
                             + "(400, with the existing one's address in existing). A focal point enters only for indicators their department owns (else 403).");

        g.MapPut("/{id:guid}", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, MeasurementApiInput body, MeasurementService service, NodalDbContext db, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var indicator = await service.IndicatorAsync(m.IndicatorId, ct);
                if (indicator is null) return ApiResults.NotFound(L);
                if (!service.CanChange(m, indicator)) return ApiResults.Forbidden(L);
                var (result, values) = await service.CheckAsync(body.ToInput(indicator), m, ct);
                if (!result.IsValid || values is null) return ApiResults.Invalid(result, L);
                if (await ApiResults.ConflictIfStaleAsync(L, async () => { service.Change(m, values, body.Version); await db.SaveChangesAsync(ct); }, () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{m.Version}\"";
                return TypedResults.Ok(MeasurementService.ToDto(m, indicator));
            })
            .Requires(Capability.EnterMeasurements)
            .WithName("UpdateMeasurement").WithSummary("Change a measurement")
            .WithDescription("Send the whole measurement with the version you read (409 with the current values when stale). The indicator and period do not change. "
                             + "A validated measurement is changed only by the office (focal points get 403), with a correctionNote; it stays validated and its history keeps the values before and after.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, MeasurementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var indicator = await service.IndicatorAsync(m.IndicatorId, ct);
                if (indicator is null || !service.CanChange(m, indicator)) return ApiResults.Forbidden(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(m, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.EnterMeasurements)
            .WithName("DeleteMeasurement").WithSummary("Move a measurement to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since (409). A validated measurement is deleted only by the office.");

        g.MapHistory<Measurement>()
            .WithName("GetMeasurementHistory").WithSummary("A measurement's history")
            .WithDescription("Every change: who, when, each field before and after (submission, validation, return, corrections).");

        g.MapPost("/{id:guid}/submit", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, StepInput? body, MeasurementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var indicator = await service.IndicatorAsync(m.IndicatorId, ct);
                if (indicator is null || !service.CanEnter(indicator)) return ApiResults.Forbidden(L);
                var check = service.CheckSubmit(m);
                if (!check.IsValid) return ApiResults.Invalid(check, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.SubmitAsync(m, body?.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(MeasurementService.ToDto(m, indicator));
            })
            .Requires(Capability.EnterMeasurements)
            .WithName("SubmitMeasurement").WithSummary("Submit a measurement for validation")
            .WithDescription("A draft or returned measurement becomes submitted (submittedAt, submittedBy). Optional body {version}.");

        g.MapPost("/{id:guid}/validate", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, StepInput? body, MeasurementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var check = service.CheckValidate(m);
                if (!check.IsValid) return ApiResults.Invalid(check, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.ValidateAsync(m, body?.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(await service.ToDtoAsync(m, ct));
            })
            .Requires(Capability.ValidateMeasurements)
            .WithName("ValidateMeasurement").WithSummary("Validate a submitted measurement")
            .WithDescription("Administrators and coordinators only (403 otherwise). From now on the value counts in the indicator's progress.");

        g.MapPost("/{id:guid}/return", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, ReturnInput body, MeasurementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var check = service.CheckReturn(m, body.Comment);
                if (!check.IsValid) return ApiResults.Invalid(check, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.ReturnAsync(m, body.Comment!, body.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(await service.ToDtoAsync(m, ct));
            })
            .Requires(Capability.ValidateMeasurements)
            .WithName("ReturnMeasurement").WithSummary("Return a submitted measurement with a comment")
            .WithDescription("Body {comment (required), version}. The department corrects it and submits it again.");

        g.MapPost("/{id:guid}/evidence", async Task<Results<Ok<MeasurementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, HttpRequest request, MeasurementService service, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                if (m is null) return ApiResults.NotFound(L);
                var indicator = await service.IndicatorAsync(m.IndicatorId, ct);
                if (indicator is null || !service.CanChange(m, indicator)) return ApiResults.Forbidden(L);
                if (service.RefuseDeclaredLength(request.ContentLength) is { } tooLarge) return TypedResults.Problem(statusCode: 413, title: tooLarge);
                if (!request.HasFormContentType) return ApiResults.Invalid(FileError(L["Send the file as multipart/form-data, in a field named file."]), L);
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null) return ApiResults.Invalid(FileError(L["Choose a file."]), L);
                if (file.Length > StoredFiles.MaxBytes) return TypedResults.Problem(statusCode: 413, title: service.TooLarge());
                if (m.Status == MeasurementStatus.Validated && string.IsNullOrWhiteSpace(form["correctionNote"]))
                    return ApiResults.Invalid(new([new FluentValidation.Results.ValidationFailure("CorrectionNote", L["Say why this validated measurement is corrected."])]), L);
                await using var stream = file.OpenReadStream();
                if (await service.AttachEvidenceAsync(m, stream, file.FileName, ct) is { } error) return ApiResults.Invalid(FileError(error), L);
                if (m.Status == MeasurementStatus.Validated)
                {
                    var line = L["Corrected on {0} by {1}: {2}", service.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), db.Tenant.UserName, form["correctionNote"].ToString().Trim()].Value;
                    var note = string.IsNullOrEmpty(m.Note) ? line : m.Note + "\n" + line;
                    m.Note = note.Length <= 2000 ? note : note[^2000..];
                }
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(MeasurementService.ToDto(m, indicator));
            })
            .Requires(Capability.EnterMeasurements)
            .DisableAntiforgery()
            .WithName("UploadMeasurementEvidence").WithSummary("Attach an evidence file to a measurement")
            .WithDescription("multipart/form-data with a field file (and correctionNote for a validated measurement). PDF, DOCX, XLSX, PNG or JPEG, recognised from the content "
                             + "whatever the name or declared type; at most 20 MB (413 beyond). Replaces the previous file.");

        g.MapGet("/{id:guid}/evidence", async (Guid id, MeasurementService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var m = await service.FindAsync(id, ct);
                return m?.EvidenceSha256 is null ? ApiResults.NotFound(L) : service.DownloadEvidence(m, http.Response);
            })
            .Produces(200, contentType: "application/pdf", additionalContentTypes: ["image/png", "image/jpeg"])
            .ProducesProblem(404)
            .WithName("DownloadMeasurementEvidence").WithSummary("Download a measurement's evidence file")
            .WithDescription("The stored file, as an attachment.");

        return api;
    }

    /// <summary>A period key of any frequency or a day; <paramref name="end"/>: the last day of a year or quarter key is meant.</summary>
    public static DateOnly? ParsePeriod(string text, bool end = false)
    {
        foreach (var f in new[] { Frequency.Yearly, Frequency.Quarterly, Frequency.Monthly })
        {
            var s = text.Trim();
            if (f != Frequency.Monthly && s.Length == 10) continue; // a day: read as a day, below
            if (Periods.TryParse(s, f, out var start))
                return s.Length == 10 ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : end ? Periods.EndOf(start, f) : start;
        }
        return null;
    }

    private static FluentValidation.Results.ValidationResult FileError(string message) => new([new FluentValidation.Results.ValidationFailure("File", message)]);

    private static async Task<MeasurementDto?> CurrentAsync(MeasurementService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
