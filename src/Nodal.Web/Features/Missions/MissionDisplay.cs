using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Missions;

/// <summary>The words, tags and dates of missions, visits and events.</summary>
public static class MissionDisplay
{
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
