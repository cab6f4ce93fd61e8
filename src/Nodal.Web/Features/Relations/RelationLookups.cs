using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Relations;

/// <summary>A registry record in a picker or a link: its id, a label and where it lives.</summary>
public sealed record RelationRef(Guid Id, string Label, string Url);

/// <summary>
/// Pickers and labels shared by the registry's forms and pages (counterparts, agreements, projects),
/// read in one query each, in the current organization only.
/// </summary>
public sealed class RelationLookups(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    private string Org => tenant.OrganizationSlug ?? "";

    /// <summary>Counterparts as options grouped by kind, names sorted; optionally only some kinds.</summary>
    public async Task<IReadOnlyList<SelectListItem>> CounterpartOptionsAsync(CancellationToken ct, params CounterpartKind[] kinds)
    {
        var q = db.Counterparts.AsNoTracking();
        if (kinds.Length > 0) q = q.Where(c => kinds.Contains(c.Kind));
        var rows = await q.Select(c => new { c.Id, c.Kind, c.Name, c.Country }).ToListAsync(ct);
        var groups = rows.Select(r => r.Kind).Distinct().ToDictionary(k => k, k => new SelectListGroup { Name = k.Label(L) });
        return rows.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new SelectListItem(r.Country is null ? r.Name : $"{r.Name} ({r.Country})", r.Id.ToString()) { Group = groups[r.Kind] })
            .ToList();
    }

    public async Task<IReadOnlyList<SelectListItem>> AgreementOptionsAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var rows = await db.Agreements.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        return rows.Select(a => new SelectListItem($"{a.Code} — {a.Title.Get(lang, tenant.DefaultLanguage)}", a.Id.ToString())).ToList();
    }

    public async Task<IReadOnlyList<SelectListItem>> ProjectOptionsAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var rows = await db.Projects.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct);
        return rows.Select(p => new SelectListItem($"{p.Code} — {p.Title.Get(lang, tenant.DefaultLanguage)}", p.Id.ToString())).ToList();
    }

    /// <summary>Labels and links of counterparts by id (missing or deleted ones are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, RelationRef>> CounterpartsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return new Dictionary<Guid, RelationRef>();
        var rows = await db.Counterparts.AsNoTracking().Where(c => set.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Country }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new RelationRef(r.Id, r.Country is null ? r.Name : $"{r.Name} ({r.Country})", $"/{Org}/counterparts/{r.Id}"));
    }

    public async Task<IReadOnlyDictionary<Guid, RelationRef>> AgreementsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return new Dictionary<Guid, RelationRef>();
        var lang = Languages.Current;
        var rows = await db.Agreements.AsNoTracking().Where(a => set.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new RelationRef(r.Id, $"{r.Code} — {r.Title.Get(lang, tenant.DefaultLanguage)}", $"/{Org}/agreements/{r.Id}"));
    }

    public async Task<IReadOnlyDictionary<Guid, RelationRef>> ProjectsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return new Dictionary<Guid, RelationRef>();
        var lang = Languages.Current;
        var rows = await db.Projects.AsNoTracking().Where(p => set.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new RelationRef(r.Id, $"{r.Code} — {r.Title.Get(lang, tenant.DefaultLanguage)}", $"/{Org}/projects/{r.Id}"));
    }

    /// <summary>Departments as options ("MOB — Mobility"); with <paramref name="onlyLedByUser"/>, a focal point sees only their own.</summary>
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

    /// <summary>The next free code with a prefix, e.g. "CP-" → CP-0013 (four digits, more when needed).</summary>
    public static string NextCode(string prefix, IEnumerable<string> existing)
    {
        var max = 0;
        foreach (var code in existing)
            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(code.AsSpan(prefix.Length), out var n) && n > max)
                max = n;
        return $"{prefix}{max + 1:0000}";
    }
}
