using Microsoft.AspNetCore.Antiforgery;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Counterparts;

/// <summary>
/// Imports counterparts from an XLSX or CSV file (/{org}/counterparts/import), all rows or none. Like the actions'
/// import, the size is checked before the body is read, then the antiforgery token by hand.
/// </summary>
[Requires(Capability.ManageRelations)]
public sealed class ImportModel(CounterpartSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> localizer)
    : SpreadsheetImportPage(antiforgery, localizer)
{
    protected override Task<ImportReport> ImportAsync(byte[] data, CancellationToken ct) => sheets.ImportAsync(data, ct);

    protected override string Done(ImportReport r) => L["Import done: {0} counterparts added, {1} updated, {2} unchanged.", r.Added, r.Updated, r.Unchanged].Value;

    protected override string DonePath => $"/{tenant.OrganizationSlug}/counterparts/import";
}
