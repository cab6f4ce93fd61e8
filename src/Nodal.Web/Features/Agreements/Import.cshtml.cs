using Microsoft.AspNetCore.Antiforgery;
using Nodal.Web.Features.Actions.Spreadsheet;

namespace Nodal.Web.Features.Agreements;

/// <summary>
/// Imports agreements from an XLSX or CSV file (/{org}/agreements/import), all rows or none. Like the actions'
/// import, the size is checked before the body is read, then the antiforgery token by hand.
/// </summary>
[Requires(Capability.ManageRelations)]
public sealed class ImportModel(AgreementSpreadsheet sheets, IAntiforgery antiforgery, TenantContext tenant, IStringLocalizer<SharedResource> localizer)
    : SpreadsheetImportPage(antiforgery, localizer)
{
    protected override Task<ImportReport> ImportAsync(byte[] data, CancellationToken ct) => sheets.ImportAsync(data, ct);

    protected override string Done(ImportReport r) => sheets.CounterpartsAdded == 0
        ? L["Import done: {0} agreements added, {1} updated, {2} unchanged.", r.Added, r.Updated, r.Unchanged].Value
        : L["Import done: {0} agreements added, {1} updated, {2} unchanged; {3} partner cities registered as counterparts.", r.Added, r.Updated, r.Unchanged, sheets.CounterpartsAdded].Value;

    protected override string DonePath => $"/{tenant.OrganizationSlug}/agreements/import";
}
