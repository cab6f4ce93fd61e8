using Microsoft.AspNetCore.Mvc.Filters;

namespace Nodal.Web.Infrastructure;

/// <summary>For pages whose bookkeeping must persist even when the form answers with errors (sign-in counts failures).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoRequestTransactionAttribute : Attribute;

/// <summary>
/// One transaction per request that changes data: everything a page handler saves commits together,
/// or — when the handler throws or the form is invalid — nothing does.
/// </summary>
public sealed class PageTransactionFilter(NodalDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            || context.HandlerInstance.GetType().IsDefined(typeof(NoRequestTransactionAttribute), false))
        {
            await next();
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(context.HttpContext.RequestAborted);
        var executed = await next();
        var failed = executed.Exception is not null && !executed.ExceptionHandled;
        if (!failed && context.ModelState.IsValid && executed.Result is not ForbidResult and not NotFoundResult)
            await tx.CommitAsync(context.HttpContext.RequestAborted);
        else
            await tx.RollbackAsync(CancellationToken.None);
    }
}

/// <summary>The same for the API: commits when the handler returns a success result, before it is written.</summary>
public sealed class ApiTransactionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return await next(context);
        var db = http.RequestServices.GetRequiredService<NodalDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        var status = StatusOf(result);
        if (status < 400) await tx.CommitAsync(http.RequestAborted);
        else await tx.RollbackAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The status a handler's result will write; a Results&lt;…&gt; union wraps the real result.</summary>
    private static int StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult s => s.StatusCode ?? 200,
        _ => 200,
    };
}
