namespace Nodal.Web.Features.Actions.Spreadsheet;

public static class ActionSpreadsheetApi
{
    public static RouteGroupBuilder MapActionSpreadsheetApi(this RouteGroupBuilder api) => api;
}

/// <summary>Exports actions to XLSX/CSV and imports them back.</summary>
public sealed class ActionSpreadsheet;
