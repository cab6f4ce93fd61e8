using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Missions;

/// <summary>Pickers and links the missions, memberships, alliances and calendar pages share: departments and actions.</summary>
public sealed class NetLookups(NodalDbContext db, TenantContext tenant)
{
    private string Org => tenant.OrganizationSlug ?? "";

    public async Task<IReadOnlyList<SelectListItem>> DepartmentOptionsAsync(CancellationToken ct, bool onlyLedByUser = false)
    {
        var rows = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var lang = Languages.Current;
        return rows.Where(d => !onlyLedByUser || tenant.Can(Capability.ManageRelations) || tenant.CanEditDepartment(d.Id))
            .Select(d => new SelectListItem($"{d.Code} — {d.Name.Get(lang, tenant.DefaultLanguage)}", d.Id.ToString())).ToList();
    }

    public async Task<RelationRef?> DepartmentAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } d) return null;
        var row = await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => new { x.Id, x.Code, x.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : new RelationRef(row.Id, $"{row.Code} — {row.Name.Get(Languages.Current, tenant.DefaultLanguage)}", $"/{Org}/departments/{row.Id}");
    }

    /// <summary>The organization's actions by code (every plan).</summary>
    public async Task<IReadOnlyList<SelectListItem>> ActionOptionsAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var rows = await db.Actions.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        return rows.Select(a => new SelectListItem($"{a.Code} — {Actions.ActionDisplay.Shorten(a.Title.Get(lang, tenant.DefaultLanguage), 80)}", a.Id.ToString())).ToList();
    }

    public async Task<IReadOnlyList<RelationRef>> ActionsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return [];
        var lang = Languages.Current;
        var rows = await db.Actions.AsNoTracking().Where(a => set.Contains(a.Id)).OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        return rows.Select(a => new RelationRef(a.Id, $"{a.Code} — {a.Title.Get(lang, tenant.DefaultLanguage)}", $"/{Org}/actions/{a.Id}")).ToList();
    }

    public static IEnumerable<SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<MissionKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<SelectListItem> EventKinds(IStringLocalizer L) =>
        Enum.GetValues<EventKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<SelectListItem> Statuses(IStringLocalizer L) =>
        Enum.GetValues<MissionStatus>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    public static string StatusTagClass(MissionStatus s) => s switch
    {
        MissionStatus.Planned => "govuk-tag govuk-tag--blue",
        MissionStatus.Done => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>"3–5 March 2026" style: a start and end date in the reader's language.</summary>
    public static string Span(DateOnly start, DateOnly end) =>
        start == end ? Actions.ActionDisplay.Date(start) : $"{Actions.ActionDisplay.Date(start)} – {Actions.ActionDisplay.Date(end)}";
}
