using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Evaluations;

public static class EvaluationsApi
{
    /// <summary>/api/v1/evaluations (with their recommendations) and /api/v1/good-practices.</summary>
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/evaluations").WithTags("Evaluations");

        g.MapGet("/", async ([AsParameters] EvaluationListQuery query, EvaluationListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListEvaluations").WithSummary("List evaluations")
            .WithDescription("Evaluations of the token's organization. Filters: plan, kind (Impact, Process, Systematization), scope (Plan, Objective, Action, Project), "
                             + "status (Planned, InProgress, Completed), evaluators (Internal, External, Mixed), year (running that year). Search (q) in the code and the titles. "
                             + "Sorting (sort=code|title|kind|status|start|end, dir=asc|desc) and paging (page, pageSize ≤ 200). "
                             + "Each row names the record evaluated and counts its recommendations: done, total, and overdue (due before today, neither done nor rejected).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<EvaluationDto>, NotFound<ProblemDetails>>> (Guid id, EvaluationService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var e = await service.FindAsync(id, ct);
                if (e is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{e.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(e, ct));
            })
            .WithName("GetEvaluation").WithSummary("Get an evaluation")
            .WithDescription("One evaluation with its recommendations (each with its follow-up status, management response and whether it is overdue) and its version (also the ETag).");

        g.MapPost("/", async Task<Results<Created<EvaluationDto>, ValidationProblem>> (EvaluationInput input, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var e = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/evaluations/{e.Id}", await service.ToDtoAsync(e, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("CreateEvaluation").WithSummary("Create an evaluation")
            .WithDescription("The plan, the title in the organization's main language, the kind, the scope, the status and the evaluators are required; the code is generated (E-001…) when empty. "
                             + "Scope Objective names objectiveId (an objective of the same plan), Action names actionId (an action of the same plan), Project names projectId; the other ids are ignored. "
                             + "A good practice (isGoodPractice) needs its practiceSummary in the main language. Themes are free keywords, stored in lower case, each once; sdgTargets are target codes (11.2).");

        g.MapPut("/{id:guid}", async Task<Results<Ok<EvaluationDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, EvaluationInput input, EvaluationService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var e = await service.FindAsync(id, ct);
                if (e is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(e, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{e.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(e, ct));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("UpdateEvaluation").WithSummary("Change an evaluation")
            .WithDescription("Send the whole evaluation with the version you read; if someone changed it since, the answer is 409 with the current values. Recommendations are changed through their own routes.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var e = await service.FindAsync(id, ct);
                if (e is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(e, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("DeleteEvaluation").WithSummary("Move an evaluation to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the evaluation since you read it (409). It can be restored from the Trash with its recommendations.");

        g.MapHistory<Evaluation>()
            .WithName("GetEvaluationHistory").WithSummary("An evaluation's history")
            .WithDescription("Every change of the evaluation: who, when, each field before and after.");

        var r = g.MapGroup("/{id:guid}/recommendations");

        r.MapPost("/", async Task<Results<Created<RecommendationDto>, NotFound<ProblemDetails>, ValidationProblem>> (Guid id, RecommendationInput input, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var e = await service.FindAsync(id, ct);
                if (e is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateRecommendationAsync(input, false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var rec = await service.AddRecommendationAsync(e, input, ct);
                return TypedResults.Created($"/api/v1/evaluations/{id}/recommendations/{rec.Id}", service.ToDto(rec));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("CreateRecommendation").WithSummary("Add a recommendation to an evaluation")
            .WithDescription("The text in the organization's main language is required; the owner department and the due date are optional. A new recommendation is proposed; move it with POST …/status.");

        r.MapPut("/{recommendationId:guid}", async Task<Results<Ok<RecommendationDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid recommendationId, RecommendationInput input, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var rec = await service.FindRecommendationAsync(id, recommendationId, ct);
                if (rec is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateRecommendationAsync(input, true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateRecommendationAsync(rec, input, ct), () => CurrentRecommendationAsync(service, recommendationId, ct)) is { } stale) return stale;
                return TypedResults.Ok(service.ToDto(rec));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("UpdateRecommendation").WithSummary("Change a recommendation")
            .WithDescription("Its text, owner department, due date and order, with the version you read (409 with the current values when stale). The status moves with POST …/status.");

        r.MapDelete("/{recommendationId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, Guid recommendationId, long? version, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var rec = await service.FindRecommendationAsync(id, recommendationId, ct);
                if (rec is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteRecommendationAsync(rec, version, ct), () => CurrentRecommendationAsync(service, recommendationId, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("DeleteRecommendation").WithSummary("Move a recommendation to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed it since you read it (409).");

        r.MapPost("/{recommendationId:guid}/status", async Task<Results<Ok<RecommendationDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid recommendationId, RecommendationStatusInput input, EvaluationService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var rec = await service.FindRecommendationAsync(id, recommendationId, ct);
                if (rec is null) return ApiResults.NotFound(L);
                if (!service.CanFollowUp(rec)) return ApiResults.Forbidden(L);
                var validation = service.ValidateMove(rec, input);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.MoveAsync(rec, input, ct), () => CurrentRecommendationAsync(service, recommendationId, ct)) is { } stale) return stale;
                return TypedResults.Ok(service.ToDto(rec));
            })
            .Requires(Capability.Read)
            .WithName("MoveRecommendation").WithSummary("Move a recommendation's follow-up")
            .WithDescription("Proposed → Accepted or Rejected; Accepted → InProgress, Done or Rejected; InProgress → Done; Done → InProgress (reopened); Rejected → Proposed. "
                             + "Any other move answers 400 on status. Rejecting needs a management response (response.es/en/fr); a response left empty keeps the stored one. "
                             + "Done sets doneOn (today unless given; never in the future); leaving Done clears it. Send the version you read (409 when stale). "
                             + "The office may move any recommendation; a focal point only those their department owns (else 403).");

        api.MapGet("/good-practices", async ([AsParameters] GoodPracticeQuery query, GoodPracticeService library, CancellationToken ct) =>
                TypedResults.Ok((await library.SearchAsync(query, ct)).Page))
            .WithTags("Evaluations")
            .WithName("ListGoodPractices").WithSummary("Search the library of good practices")
            .WithDescription("The evaluations flagged as good practices, systematizations first, then the most recent. q searches titles, summaries, findings and themes in Spanish, "
                             + "English and French, ignoring case and accents (every word must appear). Filters: theme, sdg (a goal 1–17), kind, year. Paging: page, pageSize ≤ 200.");

        return api;
    }

    private static async Task<EvaluationDto?> CurrentAsync(EvaluationService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? await service.ToDtoAsync(current, ct) : null;

    private static async Task<RecommendationDto?> CurrentRecommendationAsync(EvaluationService service, Guid id, CancellationToken ct) =>
        await service.ReloadRecommendationAsync(id, ct) is { } current ? service.ToDto(current) : null;
}
