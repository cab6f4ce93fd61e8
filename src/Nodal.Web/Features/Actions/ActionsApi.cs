namespace Nodal.Web.Features.Actions;

public static class ActionsApi
{
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api) => api;
}

/// <summary>The actions list: filters, search, sorting and paging (pages and API).</summary>
public sealed class ActionListService;
