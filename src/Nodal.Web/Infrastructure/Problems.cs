using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Infrastructure;

/// <summary>Maps failures to RFC 9457 problem details for the API; pages get the error page.</summary>
public sealed class ApiExceptionHandler(IStringLocalizer<SharedResource> L, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        // The middleware has already rewritten the path to the error page: ask for the original one.
        var path = ctx.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? ctx.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        IResult result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [JsonPathToField(json.Path)] = [L["This value has the wrong type or format."]] },
                title: L["The request has invalid fields."]),
            BadHttpRequestException bad => TypedResults.Problem(statusCode: bad.StatusCode, title: L["The request is malformed."], detail: bad.Message),
            DbUpdateConcurrencyException => TypedResults.Problem(statusCode: 409, title: L["Someone else changed this record after you loaded it."]),
            TenantViolationException => TypedResults.Problem(statusCode: 404, title: L["Not found."]),
            _ => TypedResults.Problem(statusCode: 500, title: L["Something went wrong on our side."]),
        };
        if (result is ProblemHttpResult { StatusCode: 500 }) log.LogError(exception, "Unhandled API error");
        await result.ExecuteAsync(ctx);
        return true;
    }

    /// <summary>"$.name.en" → "name.en"; "$" → "body".</summary>
    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
