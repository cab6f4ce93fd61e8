using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>What renewing an agreement sends.</summary>
public sealed class RenewInput
{
    /// <summary>The version of the agreement you read.</summary>
    public long? Version { get; set; }
}

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agreements").WithTags("Agreements");

        g.MapGet("/", async ([AsParameters] AgreementListQuery query, AgreementListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListAgreements").WithSummary("List agreements")
            .WithDescription("Agreements of the token's organization. Filters: kind, status, country (ISO 3166-1 alpha-2 of a party), "
                             + "dormant=true (active with no activity for the organization's dormancy period: at risk of being merely symbolic), "
                             + "expiring=true (expiring within 90 days, or active past its expiry). Search (q) in code, titles, subjects and parties. "
                             + "Sorting (sort=code|title|kind|status|expires|activity, dir=asc|desc) and paging (page, pageSize ≤ 200).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<AgreementDto>, NotFound<ProblemDetails>>> (Guid id, AgreementService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .WithName("GetAgreement").WithSummary("Get an agreement")
            .WithDescription("One agreement with the statuses it can move to next, its last activity (ledger entries, linked actions, missions and projects), "
                             + "whether it is dormant, its expiry notice (None, Within90Days, Within30Days, Expired) and its version.");

        g.MapPost("/", async Task<Results<Created<AgreementDto>, ValidationProblem>> (AgreementInput input, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var a = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/agreements/{a.Id}", await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateAgreement").WithSummary("Create an agreement")
            .WithDescription("The kind, the title in the organization's main language and at least one counterpart party are required; the code is generated (AG-0001…) when empty. "
                             + "A status may be given to register an agreement already signed or in force (Draft otherwise); later the status moves through POST …/status.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<AgreementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, AgreementInput input, AgreementService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                input.Status = a.Status;
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(a, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{a.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateAgreement").WithSummary("Change an agreement")
            .WithDescription("Send the whole agreement with the version you read; a stale version answers 409 with the current values. The status is not changed here: use POST …/status.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(a, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteAgreement").WithSummary("Move an agreement to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the agreement since you read it (409).");

        g.MapPost("/{id:guid}/status", async Task<Results<Ok<AgreementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, StatusInput input, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                var validation = service.ValidateStatus(a, input);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.MoveAsync(a, input.Status!.Value, input.On, input.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Ok(await service.ToDtoAsync(a, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("MoveAgreementStatus").WithSummary("Move an agreement to its next status")
            .WithDescription("Draft → LegalReview → Approved → Signed → Active → Expired or Terminated; LegalReview may go back to Draft; Signed or Active may be Terminated. "
                             + "Any other move answers 400 naming status. on= records when it happened (signing date, entry into force, end), today when empty. "
                             + "Renewal goes through POST …/renew.");

        g.MapPost("/{id:guid}/renew", async Task<Results<Created<AgreementDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, RenewInput input, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                var validation = service.ValidateRenew(a);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                Agreement? renewal = null;
                if (await ApiResults.ConflictIfStaleAsync(L, async () => renewal = await service.RenewAsync(a, input.Version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.Created($"/api/v1/agreements/{renewal!.Id}", await service.ToDtoAsync(renewal, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("RenewAgreement").WithSummary("Renew an agreement")
            .WithDescription("Creates the renewal, a draft with the same kind, title, parties and commitments whose renewsId points to this agreement, "
                             + "which becomes Renewed. Only an active or expired agreement can be renewed. Answers with the new agreement.");

        g.MapGet("/{id:guid}/ledger", async Task<Results<Ok<IReadOnlyList<LedgerItemDto>>, NotFound<ProblemDetails>>> (Guid id, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                var items = await service.LedgerAsync(id, ct);
                return TypedResults.Ok<IReadOnlyList<LedgerItemDto>>(items.Select(i => new LedgerItemDto(i.On, i.Source, i.Kind, i.Title, i.Url, i.Id)).ToList());
            })
            .WithName("GetAgreementLedger").WithSummary("An agreement's ledger")
            .WithDescription("Newest first: entries written by hand (source entry) and the actions, missions and projects linked to the agreement (source action, mission, project), each with its date and a link.");

        g.MapPost("/{id:guid}/ledger", async Task<Results<Created<LedgerItemDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, LedgerInput input, AgreementService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (!service.CanLog(a)) return ApiResults.Forbidden(L);
                var validation = await service.ValidateLedgerAsync(input, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var e = await service.AddLedgerEntryAsync(a, input, ct);
                return TypedResults.Created($"/api/v1/agreements/{id}/ledger", new LedgerItemDto(e.On, "entry", e.Kind.ToString(), e.Summary.Get(Languages.Current), null, e.Id));
            })
            .Requires(Capability.LogRelations)
            .WithName("AddAgreementLedgerEntry").WithSummary("Write in an agreement's ledger")
            .WithDescription("Something done under the agreement: on (not in the future), kind (Exchange, Visit, Meeting, Communication, Event, Other), summary in the organization's main language. "
                             + "A focal point writes only in the ledger of agreements their department follows (else 403).");

        g.MapGet("/{id:guid}/documents", async Task<Results<Ok<List<AgreementDocumentDto>>, NotFound<ProblemDetails>>> (Guid id, AgreementService service, AgreementDocumentService documents, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await service.FindAsync(id, ct) is null) return ApiResults.NotFound(L);
                return TypedResults.Ok((await documents.ListAsync(id, ct)).Select(AgreementDocumentService.ToDto).ToList());
            })
            .WithName("ListAgreementDocuments").WithSummary("An agreement's documents");

        g.MapPost("/{id:guid}/documents", async Task<Results<Created<AgreementDocumentDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, HttpRequest request, AgreementService service, AgreementDocumentService documents, NodalDbContext db, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var a = await service.FindAsync(id, ct);
                if (a is null) return ApiResults.NotFound(L);
                if (documents.RefuseDeclaredLength(request.ContentLength) is { } tooLarge)
                    return TypedResults.Problem(statusCode: 413, title: tooLarge);
                if (!request.HasFormContentType)
                    return ApiResults.Invalid(FileError(L["Send the file as multipart/form-data, in a field named file."]), L);
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null)
                    return ApiResults.Invalid(FileError(L["Choose a file."]), L);
                if (file.Length > AgreementDocumentService.MaxBytes)
                    return TypedResults.Problem(statusCode: 413, title: L["The file is larger than {0} MB.", AgreementDocumentService.MaxBytes / (1024 * 1024)]);
                await using var stream = file.OpenReadStream();
                var (doc, error) = await documents.AddAsync(a, stream, file.FileName, form["title"].ToString(), ct);
                if (doc is null)
                    return ApiResults.Invalid(FileError(error!), L);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/agreements/{id}/documents/{doc.Id}", AgreementDocumentService.ToDto(doc));
            })
            .Requires(Capability.ManageRelations)
            .DisableAntiforgery()
            .WithName("UploadAgreementDocument").WithSummary("Attach a document to an agreement")
            .WithDescription("multipart/form-data with a field file (and optionally title). PDF or DOCX only, recognised from the content whatever the name or declared type; at most 20 MB (413 beyond).");

        g.MapGet("/{id:guid}/documents/{docId:guid}", async (Guid id, Guid docId, AgreementDocumentService documents, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var d = await documents.FindAsync(id, docId, ct);
                return d is null ? ApiResults.NotFound(L) : documents.Download(d, http.Response);
            })
            .Produces(200, contentType: AgreementDocumentService.PdfType, additionalContentTypes: [AgreementDocumentService.DocxType])
            .ProducesProblem(404)
            .WithName("DownloadAgreementDocument").WithSummary("Download a document of an agreement")
            .WithDescription("The stored file, as an attachment.");

        return api;
    }

    private static FluentValidation.Results.ValidationResult FileError(string message) =>
        new([new FluentValidation.Results.ValidationFailure("File", message)]);

    private static async Task<AgreementDto?> CurrentAsync(AgreementService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;
}
