using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>What an import did.</summary>
public sealed record ImportResultDto(int Added, int Updated, int Unchanged, bool DryRun);

public static class ActionSpreadsheetApi
{
    public static RouteGroupBuilder MapActionSpreadsheetApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/actions").WithTags("Actions");

        g.MapGet("/export", async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> (string? format, Guid? plan, ActionSpreadsheet sheets, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadFormat(L);
                var found = await sheets.FindPlanAsync(plan, ct);
                if (found is null) return ApiResults.NotFound(L);
                var file = await sheets.ExportAsync(f, found, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Requires(Capability.Read)
            .Produces(StatusCodes.Status200OK, contentType: ActionSpreadsheet.XlsxContentType, additionalContentTypes: "text/csv")
            .WithName("ExportActions").WithSummary("Export a plan's actions")
            .WithDescription("The actions of the plan (plan=<id>; the organization's current plan when omitted) as an Excel workbook (format=xlsx, the default: real date and number cells, frozen header, filters, and a Help sheet) or as CSV (format=csv: UTF-8 with BOM, comma separated, RFC 4180 quoting, dates as yyyy-mm-dd). The header row holds stable column keys; the file can be edited and imported back.");

        g.MapGet("/template", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string? format, Guid? plan, ActionSpreadsheet sheets, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (ActionSpreadsheet.ParseFormat(format) is not { } f) return BadFormat(L);
                var file = await sheets.TemplateAsync(f, await sheets.FindPlanAsync(plan, ct), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Requires(Capability.Read)
            .Produces(StatusCodes.Status200OK, contentType: ActionSpreadsheet.XlsxContentType, additionalContentTypes: "text/csv")
            .WithName("GetActionsTemplate").WithSummary("Download the import template")
            .WithDescription("The export's columns with no rows (format=xlsx|csv). The workbook's Help sheet explains each column in the caller's language and lists the allowed modalities, statuses, department codes and the plan's objective codes and axes.");

        // The handler reads the body itself (size first), so the request body is described here rather than bound.
        g.MapPost("/import", async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> (HttpRequest request, Guid? plan, bool? dryRun, ActionSpreadsheet sheets, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var upload = await SpreadsheetUpload.ReadAsync(request, L, ct);
                var report = upload.Refusal ?? await sheets.ImportAsync(upload.Data!, upload.PlanId, dryRun == true, ct);
                if (report.Succeeded) return TypedResults.Ok(new ImportResultDto(report.Added, report.Updated, report.Unchanged, dryRun == true));
                return Problem(report, L);
            })
            .Requires(Capability.EditActions)
            .DisableAntiforgery()
            // Above the 10 MB the handler allows: a larger upload is refused from its announced length, and Kestrel
            // can still drain its body so the client reads the 413 instead of a reset connection.
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024 * 1024))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                IOpenApiSchema File() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The .xlsx workbook or UTF-8 CSV file, at most 10 MB." };
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The file, as a multipart form (with the plan) or as the body itself (plan in the query string).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "file" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["file"] = File(),
                                    ["plan"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The plan to import into; the current plan when omitted." },
                                },
                            },
                        },
                        [ActionSpreadsheet.XlsxContentType] = new() { Schema = File() },
                        ["text/csv"] = new() { Schema = File() },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("ImportActions").WithSummary("Import actions from XLSX or CSV")
            .WithDescription("Send the file as multipart/form-data (field file, and plan=<id>; the current plan when omitted) or as the raw request body with plan in the query string. The type is read from the content (.xlsx workbook or UTF-8 CSV), not the name; at most 10 MB and 20,000 rows. Rows match actions by code: a known code changes that action, an empty or new code adds one, unchanged rows are skipped. All or nothing: when any row has an error the answer is 400 with an `errors` array of {row, column, value, message} and nothing is saved. dryRun=true checks the file and answers the counts without saving.");

        return api;
    }

    private static ProblemHttpResult BadFormat(IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: L["Choose the format xlsx or csv."]);

    private static ProblemHttpResult Problem(ImportReport report, IStringLocalizer L)
    {
        var fileLevel = report.Errors.Count == 1 && report.Errors[0].Row is null;
        return TypedResults.Problem(
            statusCode: report.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            title: fileLevel ? report.Errors[0].Message : L["The file has errors: nothing was imported."],
            detail: fileLevel ? L["Nothing was imported."] : L["{0} errors. Correct them in the file and import it again.", report.ErrorCount],
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = report.Errors.Select(e => new { row = e.Row, column = e.Column, value = e.Value, message = e.Message }).ToList(),
                ["errorCount"] = report.ErrorCount,
            });
    }
}
