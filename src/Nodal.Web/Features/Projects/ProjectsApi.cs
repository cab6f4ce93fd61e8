using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Projects.Iati;

namespace Nodal.Web.Features.Projects;

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects");

        g.MapGet("/", async ([AsParameters] ProjectListQuery query, ProjectListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListProjects").WithSummary("List cooperation projects")
            .WithDescription("Filters: kind (Decentralized, SouthSouth, Triangular), status, role (the organization's role), sector (a DAC 3-digit category such as 151), "
                             + "country (ISO 3166-1 alpha-2), year (running that year). Search (q) in code, IATI identifier, titles and descriptions. "
                             + "Sorting (sort=code|title|status|start|end|budget, dir=asc|desc) and paging (page, pageSize ≤ 200). "
                             + "budgets adds up the budgets of every matching project per currency.");

        g.MapGet("/{id:guid}", async Task<Results<Ok<ProjectDto>, NotFound<ProblemDetails>>> (Guid id, ProjectService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{p.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(p, ct));
            })
            .WithName("GetProject").WithSummary("Get a project")
            .WithDescription("One project with its partners, its transactions and their totals per kind and currency, and its version (also the ETag).");

        g.MapPost("/", async Task<Results<Created<ProjectDto>, ValidationProblem>> (ProjectInput input, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var p = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/projects/{p.Id}", await service.ToDtoAsync(p, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateProject").WithSummary("Create a project")
            .WithDescription("Required: the title in the organization's main language, kind, ourRole, status, and the planned or the actual start. "
                             + "Sectors are DAC 5-digit purpose codes, countries ISO 3166-1 alpha-2, regions UN M49 codes, the currency ISO 4217 (the organization's when empty). "
                             + "The code is generated (PR-0001…) when empty.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<ProjectDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, ProjectInput input, ProjectService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(p, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{p.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(p, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateProject").WithSummary("Change a project")
            .WithDescription("Send the whole project with the version you read; if someone changed it (or its partners or transactions) since, the answer is 409 with the current values.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(p, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteProject").WithSummary("Move a project to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the project since you read it (409).");

        g.MapHistory<CooperationProject>()
            .WithName("GetProjectHistory").WithSummary("A project's history");

        // ---- partners ----
        g.MapGet("/{id:guid}/partners", async Task<Results<Ok<List<PartnerDto>>, NotFound<ProblemDetails>>> (Guid id, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await service.FindAsync(id, ct) is null ? ApiResults.NotFound(L) : TypedResults.Ok((await service.PartnersAsync(id, ct)).Select(ProjectService.ToDto).ToList()))
            .WithName("ListProjectPartners").WithSummary("A project's partners");

        g.MapPost("/{id:guid}/partners", async Task<Results<Created<PartnerDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, PartnerInput input, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var validation = await service.ValidatePartnerAsync(input, false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var x = await service.SavePartnerAsync(p, null, input, ct);
                return TypedResults.Created($"/api/v1/projects/{id}/partners/{x.Id}", ProjectService.ToDto(x));
            })
            .Requires(Capability.ManageRelations)
            .WithName("AddProjectPartner").WithSummary("Add a partner")
            .WithDescription("A registered counterpart (counterpartId) or a name; the IATI role (Funding, Accountable, Extending, Implementing); optionally the IATI organisation identifier (iatiRef) and type (iatiType, OrganisationType code).");

        g.MapPut("/{id:guid}/partners/{partnerId:guid}", async Task<Results<Ok<PartnerDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid partnerId, PartnerInput input, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                var x = p is null ? null : await service.FindPartnerAsync(id, partnerId, ct);
                if (p is null || x is null) return ApiResults.NotFound(L);
                var validation = await service.ValidatePartnerAsync(input, true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.SavePartnerAsync(p, x, input, ct), () => CurrentPartnerAsync(service, id, partnerId, ct)) is { } stale) return stale;
                return TypedResults.Ok(ProjectService.ToDto(x));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateProjectPartner").WithSummary("Change a partner")
            .WithDescription("Send the partner's version you read; 409 with the current values when it changed since.");

        g.MapDelete("/{id:guid}/partners/{partnerId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, Guid partnerId, long? version, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                var x = p is null ? null : await service.FindPartnerAsync(id, partnerId, ct);
                if (p is null || x is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeletePartnerAsync(p, x, version, ct), () => CurrentPartnerAsync(service, id, partnerId, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteProjectPartner").WithSummary("Remove a partner");

        // ---- transactions ----
        g.MapGet("/{id:guid}/transactions", async Task<Results<Ok<List<TransactionDto>>, NotFound<ProblemDetails>>> (Guid id, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await service.FindAsync(id, ct) is null ? ApiResults.NotFound(L) : TypedResults.Ok((await service.TransactionsAsync(id, ct)).Select(ProjectService.ToDto).ToList()))
            .WithName("ListProjectTransactions").WithSummary("A project's transactions");

        g.MapPost("/{id:guid}/transactions", async Task<Results<Created<TransactionDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, TransactionInput input, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateTransactionAsync(input, false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var t = await service.SaveTransactionAsync(p, null, input, ct);
                return TypedResults.Created($"/api/v1/projects/{id}/transactions/{t.Id}", ProjectService.ToDto(t));
            })
            .Requires(Capability.ManageRelations)
            .WithName("AddProjectTransaction").WithSummary("Add a transaction")
            .WithDescription("kind (IncomingFunds, Commitment, Disbursement, Expenditure, IncomingCommitment: IATI transaction types 1, 2, 3, 4, 11), on (date), amount > 0, currency (the project's when empty).");

        g.MapPut("/{id:guid}/transactions/{transactionId:guid}", async Task<Results<Ok<TransactionDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid transactionId, TransactionInput input, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                var t = p is null ? null : await service.FindTransactionAsync(id, transactionId, ct);
                if (p is null || t is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateTransactionAsync(input, true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.SaveTransactionAsync(p, t, input, ct), () => CurrentTransactionAsync(service, id, transactionId, ct)) is { } stale) return stale;
                return TypedResults.Ok(ProjectService.ToDto(t));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateProjectTransaction").WithSummary("Change a transaction");

        g.MapDelete("/{id:guid}/transactions/{transactionId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, Guid transactionId, long? version, ProjectService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await service.FindAsync(id, ct);
                var t = p is null ? null : await service.FindTransactionAsync(id, transactionId, ct);
                if (p is null || t is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteTransactionAsync(p, t, version, ct), () => CurrentTransactionAsync(service, id, transactionId, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteProjectTransaction").WithSummary("Remove a transaction");

        // ---- IATI ----
        g.MapGet("/iati", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (IatiExporter exporter, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(await exporter.OrganisationIdAsync(ct)))
                    return TypedResults.Problem(statusCode: 409, title: L["The organization has no IATI organisation identifier."],
                        detail: L["An administrator sets it in the organization's profile (IATI organisation identifier), e.g. ES-DIR3-L01280796."]);
                http.Response.ContentType = "application/xml; charset=utf-8";
                await exporter.WriteAsync(http.Response.Body, ct);
                return TypedResults.Empty;
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ExportProjectsIati").WithSummary("Export the projects as IATI 2.03")
            .WithDescription("Every project as an iati-activity of an IATI 2.03 iati-activities document, streamed. "
                             + "Needs the organization's IATI organisation identifier (profile); without it the answer is 409.");

        g.MapPost("/iati", async Task<Results<Ok<IatiImportResult>, ProblemHttpResult>> (HttpRequest request, IatiImporter importer, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var report = await importer.ImportAsync(request.Body, ct);
                if (report.Succeeded) return TypedResults.Ok(new IatiImportResult(report.Added, report.Updated));
                return TypedResults.Problem(statusCode: 422, title: report.Refusal ?? L["The file has errors: nothing was imported."].Value,
                    extensions: new Dictionary<string, object?> { ["errors"] = report.Errors });
            })
            .Requires(Capability.ManageRelations)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(IatiImporter.MaxBytes))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "An IATI 2.0x iati-activities XML file as the body.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ImportProjectsIati").WithSummary("Import projects from an IATI file")
            .WithDescription("Reads an iati-activities file (version 2.0x; 1.x refused) one activity at a time. An activity whose identifier matches a project "
                             + "(its stored IATI identifier, or the organisation identifier followed by a project's code) updates it; any other creates a project. "
                             + "All or nothing: when any activity has errors, nothing is written and errors lists each (identifier and message).");

        return api;
    }

    private static async Task<ProjectDto?> CurrentAsync(ProjectService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;

    private static async Task<PartnerDto?> CurrentPartnerAsync(ProjectService service, Guid id, Guid partnerId, CancellationToken ct) =>
        await service.ReloadPartnerAsync(id, partnerId, ct) is { } current ? ProjectService.ToDto(current) : null;

    private static async Task<TransactionDto?> CurrentTransactionAsync(ProjectService service, Guid id, Guid transactionId, CancellationToken ct) =>
        await service.ReloadTransactionAsync(id, transactionId, ct) is { } current ? ProjectService.ToDto(current) : null;
}

public sealed record IatiImportResult(int Added, int Updated);
