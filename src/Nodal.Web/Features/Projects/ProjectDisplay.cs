using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>Choices and labels the project pages share.</summary>
public static class ProjectDisplay
{
    public static IEnumerable<SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<CooperationKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<SelectListItem> Roles(IStringLocalizer L) =>
        Enum.GetValues<ProjectRole>().Select(r => new SelectListItem(r.Label(L), r.ToString()));

    public static IEnumerable<SelectListItem> Statuses(IStringLocalizer L) =>
        Enum.GetValues<ProjectStatus>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    public static IEnumerable<SelectListItem> Support(IStringLocalizer L) =>
        Enum.GetValues<SupportKind>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    public static IEnumerable<SelectListItem> PartnerRoles(IStringLocalizer L) =>
        Enum.GetValues<PartnerRole>().Select(r => new SelectListItem($"{(int)r} — {r.Label(L)}", r.ToString()));

    public static IEnumerable<SelectListItem> TransactionKinds(IStringLocalizer L) =>
        Enum.GetValues<TransactionKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    /// <summary>IATI organisation types (OrganisationType codelist), named in the reader's language.</summary>
    public static IEnumerable<SelectListItem> OrganisationTypes(IStringLocalizer L) =>
        IatiCodes.OrganisationTypes.Select(t => new SelectListItem($"{t} — {OrganisationType(t, L)}", t.ToString(CultureInfo.InvariantCulture)));

    public static string OrganisationType(int code, IStringLocalizer L) => code switch
    {
        10 => L["Government"],
        11 => L["Local government"],
        15 => L["Other public sector"],
        21 => L["International NGO"],
        22 => L["National NGO"],
        23 => L["Regional NGO"],
        24 => L["Partner country based NGO"],
        30 => L["Public-private partnership"],
        40 => L["Multilateral"],
        60 => L["Foundation"],
        70 => L["Private sector"],
        71 => L["Private sector in provider country"],
        72 => L["Private sector in aid recipient country"],
        73 => L["Private sector in third country"],
        80 => L["Academic, training and research"],
        90 => L["Other"],
        _ => code.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>DAC sectors grouped by their 3-digit category (active codes only, plus <paramref name="keep"/> if withdrawn).</summary>
    public static IEnumerable<SelectListItem> Sectors(string? keep = null)
    {
        var lang = Languages.Current;
        var groups = DacSectors.Categories.ToDictionary(c => c.Code, c => new SelectListGroup { Name = $"{c.Code} — {c.Name.Get(lang, "en")}" });
        return DacSectors.All.Where(s => s.Active || s.Code == keep)
            .Select(s => new SelectListItem($"{s.Code} — {s.Name.Get(lang, "en")}", s.Code) { Group = groups[s.CategoryCode] });
    }

    /// <summary>Categories that have active sectors, for the list's filter.</summary>
    public static IEnumerable<SelectListItem> SectorCategories()
    {
        var lang = Languages.Current;
        var used = DacSectors.All.Where(s => s.Active).Select(s => s.CategoryCode).ToHashSet();
        return DacSectors.Categories.Where(c => used.Contains(c.Code)).Select(c => new SelectListItem($"{c.Code} — {c.Name.Get(lang, "en")}", c.Code));
    }

    public static string SectorName(string code) => $"{code} — {DacSectors.Name(code, Languages.Current)}";

    public static string RegionName(string code) => $"{code} — {M49.Name(code, Languages.Current)}";

    public static string StatusTagClass(ProjectStatus s) => s switch
    {
        ProjectStatus.Pipeline => "govuk-tag govuk-tag--grey",
        ProjectStatus.Implementation => "govuk-tag govuk-tag--blue",
        ProjectStatus.Finalisation => "govuk-tag govuk-tag--turquoise",
        ProjectStatus.Closed => "govuk-tag govuk-tag--green",
        ProjectStatus.Cancelled => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--yellow",
    };
}
