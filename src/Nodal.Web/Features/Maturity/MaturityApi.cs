using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Maturity;

public sealed record MaturityEvidenceDto(EvidenceKind Kind, Guid? Id, string Code, string Label, double? Share, DateOnly? Period);

public sealed record MaturityCheckDto(
    string Key,
    string Criterion,
    MaturityPart Part,
    int CriterionNumber,
    string Title,
    string QuoteEs,
    string Quote,
    string Formula,
    MaturityLevel Level,
    double? Score,
    int? Numerator,
    int? Denominator,
    double? Measure,
    NotAssessableReason Reason,
    string? NotHeld,
    int EvidenceTotal,
    IReadOnlyList<MaturityEvidenceDto> Evidence);

public sealed record MaturityDto(Guid PlanId, DateOnly AsOf, MaturitySummary Summary, IReadOnlyList<MaturityCheckDto> Checks);

public sealed record MaturityRecordDto(Guid Id, Guid PlanId, Guid? PlanVersionId, int? PlanVersionNumber, DateOnly TakenOn, string? TakenBy,
    IReadOnlyDictionary<string, MaturityScore> Scores);

public static class MaturityApi
{
    public static RouteGroupBuilder MapMaturityApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plans/{id:guid}/maturity").WithTags("Maturity");

        g.MapGet("/", async Task<Results<Ok<MaturityDto>, NotFound<ProblemDetails>>> (Guid id, MaturityService maturity, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await maturity.FindPlanAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var report = await maturity.AssessAsync(p, ct, MaturityService.EvidenceInApi);
                return TypedResults.Ok(new MaturityDto(report.PlanId, report.AsOf, report.Summary, report.Criteria.SelectMany(c => c.Checks.Select(k => new MaturityCheckDto(
                    k.Definition.Key, c.Criterion.Key, c.Criterion.Part, c.Criterion.Number, k.Words.Title, k.Definition.QuoteEs, k.Words.Quote, k.Words.Formula,
                    k.Result.Level, k.Result.Score, k.Result.Numerator, k.Result.Denominator, k.Result.Measure, k.Result.Reason, k.Words.NotHeld,
                    k.EvidenceTotal, k.Evidence.Select(e => new MaturityEvidenceDto(e.Kind, e.Id, e.Code, e.Label, e.Share, e.Period)).ToList()))).ToList()));
            })
            .WithName("GetPlanMaturity").WithSummary("A plan's maturity self-assessment")
            .WithDescription("The six attributes of a public policy of international action and the nine recommendations of the paper, each as checks "
                             + "computed from the data today: score (0–1) with numerator and denominator, level (Met ≥ 0.8, Partly ≥ 0.5, NotMet, NotAssessable), "
                             + "the paper's sentence in Spanish and its translation, the formula, and the evidence: the ids of the records behind the check "
                             + "(what is missing, or each category's share for a concentration), up to 1,000 per check (evidenceTotal counts them all). "
                             + "A check on data Nodal does not hold yet is NotAssessable with reason NotHeld and counts neither for nor against.");

        g.MapGet("/records", async Task<Results<Ok<List<MaturityRecordDto>>, NotFound<ProblemDetails>>> (Guid id, MaturityService maturity, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await maturity.FindPlanAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                return TypedResults.Ok((await maturity.RecordsAsync(id, ct)).Select(r => Dto(id, r)).ToList());
            })
            .WithName("ListPlanMaturityRecords").WithSummary("A plan's maturity records")
            .WithDescription("The assessments kept, oldest first: one each time the plan is adopted (with the version frozen) and each one recorded by hand. "
                             + "Scores map each check's key to s (score 0–1 or null), n and d (numerator and denominator) and l (level).");

        g.MapPost("/records", async Task<Results<Created<MaturityRecordDto>, NotFound<ProblemDetails>>> (Guid id, MaturityService maturity, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await maturity.FindPlanAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                var record = await maturity.RecordAsync(p, null, ct);
                var view = (await maturity.RecordsAsync(id, ct)).Single(r => r.Id == record.Id);
                return TypedResults.Created($"/api/v1/plans/{id}/maturity/records", Dto(id, view));
            })
            .Requires(Capability.ManageMonitoring)
            .WithName("RecordPlanMaturity").WithSummary("Record today's maturity assessment")
            .WithDescription("Keeps today's scores of every check as a record of the trend. Needs an administrator or a coordinator.");

        return g;
    }

    private static MaturityRecordDto Dto(Guid planId, MaturityRecordView r) =>
        new(r.Id, planId, r.PlanVersionId, r.PlanVersionNumber, r.TakenOn, r.TakenBy, r.Scores);
}
