using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Actions;

/// <summary>How the action pages write dates, statuses and choices, in the reader's language.</summary>
public static class ActionDisplay
{
    /// <summary>"12 March 2026", "12 de marzo de 2026", "12 mars 2026".</summary>
    public static string Date(DateOnly? d) => d is not { } date ? "—" : Languages.Current switch
    {
        "es" => date.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.CurrentCulture),
        _ => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
    };

    /// <summary>"12 Mar 2026", for tables.</summary>
    public static string ShortDate(DateOnly? d) => d?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "";

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string StatusTagClass(ActionStatus s) => s switch
    {
        ActionStatus.Idea => "govuk-tag govuk-tag--grey",
        ActionStatus.Planned => "govuk-tag govuk-tag--blue",
        ActionStatus.InProgress => "govuk-tag govuk-tag--turquoise",
        ActionStatus.Done => "govuk-tag govuk-tag--green",
        ActionStatus.Cancelled => "govuk-tag govuk-tag--red",
        _ => "govuk-tag",
    };

    public static IEnumerable<SelectListItem> Statuses(IStringLocalizer L) =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    /// <summary>The modalities in their two groups: in the territory, city diplomacy.</summary>
    public static IEnumerable<SelectListItem> Modalities(IStringLocalizer L)
    {
        var territory = new SelectListGroup { Name = Modality.Tourism.GroupLabel(L) };
        var diplomacy = new SelectListGroup { Name = Modality.Twinning.GroupLabel(L) };
        return Enum.GetValues<Modality>().Select(m => new SelectListItem(m.Label(L), m.ToString()) { Group = m.InTerritory() ? territory : diplomacy });
    }

    public static IEnumerable<SelectListItem> Families(IStringLocalizer L) =>
        Enum.GetValues<ObjectiveFamily>().Select(f => new SelectListItem(f.Label(L), f.ToString()));

    /// <summary>The plan's objectives, grouped by family.</summary>
    public static IEnumerable<SelectListItem> Objectives(ActionLookups lookups, IStringLocalizer L)
    {
        var groups = Enum.GetValues<ObjectiveFamily>().ToDictionary(f => f, f => new SelectListGroup { Name = f.Label(L) });
        return lookups.Objectives.Select(o => new SelectListItem($"{o.Code} — {Shorten(o.Statement, 120)}", o.Id.ToString()) { Group = groups[o.Family] });
    }

    public static IEnumerable<SelectListItem> Departments(IEnumerable<DepartmentChoice> departments) =>
        departments.Select(d => new SelectListItem($"{d.Code} — {d.Name}", d.Id.ToString()));

    public static IEnumerable<SelectListItem> Plans(ActionLookups lookups) =>
        lookups.Plans.Select(p => new SelectListItem($"{p.Title} ({p.StartYear}–{p.EndYear})", p.Id.ToString()));

    public static IEnumerable<SelectListItem> Axes(ActionLookups lookups) =>
        lookups.Axes.Select(a => new SelectListItem(a.Name, a.Id.ToString()));

    /// <summary>The SDG: goals, then (when the reference data has them) targets grouped by goal.</summary>
    public static IEnumerable<SelectListItem> Sdgs(IStringLocalizer L)
    {
        var lang = Languages.Current;
        var goals = new SelectListGroup { Name = L["Goals"] };
        foreach (var g in Sdg.Goals)
            yield return new SelectListItem(Join(g.Short.Get(lang), g.Title.Get(lang)), g.Number.ToString(CultureInfo.InvariantCulture)) { Group = goals };
        foreach (var byGoal in Sdg.Targets.GroupBy(t => t.Goal))
        {
            var group = new SelectListGroup { Name = L["Targets of goal {0}", byGoal.Key] };
            foreach (var t in byGoal)
                yield return new SelectListItem(Join(t.Code, Shorten(t.Title.Get(lang), 90)), t.Code) { Group = group };
        }
    }

    public static IEnumerable<SelectListItem> Countries()
    {
        var lang = Languages.Current;
        var compare = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);
        return Nodal.Web.Features.Organizations.Countries.All.OrderBy(c => c.Name(lang), compare)
            .Select(c => new SelectListItem(c.Name(lang), c.Code));
    }

    public static string CountryName(string code) => Nodal.Web.Features.Organizations.Countries.Name(code, Languages.Current);

    /// <summary>An SDG target with its title when the reference data has it: "11.2 — Safe, affordable… transport".</summary>
    public static string SdgTarget(string code) =>
        Sdg.FindTarget(code) is { } t && !t.Title.IsEmpty ? $"{t.Code} — {t.Title.Get(Languages.Current)}" : code;

    private static string Join(string a, string b) => string.IsNullOrWhiteSpace(b) ? a : $"{a} — {b}";

    public static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
