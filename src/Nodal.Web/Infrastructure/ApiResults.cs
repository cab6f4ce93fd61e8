using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Infrastructure;

/// <summary>The API's problem answers (RFC 9457), worded in the caller's language.</summary>
public static class ApiResults
{
    public static NotFound<ProblemDetails> NotFound(IStringLocalizer<SharedResource> L) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = L["Not found."], Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5" });

    public static ValidationProblem Invalid(FluentValidation.Results.ValidationResult validation, IStringLocalizer<SharedResource> L) =>
        TypedResults.ValidationProblem(validation.ToFieldErrors(), title: L["The request has invalid fields."]);

    public static ProblemHttpResult Forbidden(IStringLocalizer<SharedResource> L) =>
        TypedResults.Problem(statusCode: 403, title: L["Your role does not allow this."]);

    public static ProblemHttpResult Conflict(IStringLocalizer<SharedResource> L, object? current) =>
        TypedResults.Problem(statusCode: 409, title: L["Someone else changed this record after you loaded it."],
            detail: L["Nothing was saved. Read the current values, apply your change to them and send it again with their version."],
            extensions: current is null ? null : new Dictionary<string, object?> { ["current"] = current });

    /// <summary>Makes a change over the version the caller read. When someone changed the record since, answers 409 with
    /// its current values (read after the failed save; none when it is gone meanwhile); otherwise null.</summary>
    public static async Task<ProblemHttpResult?> ConflictIfStaleAsync<TDto>(IStringLocalizer<SharedResource> L, Func<Task> change, Func<Task<TDto?>> current)
        where TDto : class
    {
        try
        {
            await change();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(L, await current());
        }
    }
}
