using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Evaluations;

/// <summary>How the evaluation pages write their choices and states, in the reader's language.</summary>
public static class EvaluationDisplay
{
    public static IEnumerable<SelectListItem> Kinds(IStringLocalizer L) =>
        Enum.GetValues<EvaluationKind>().Select(k => new SelectListItem(k.Label(L), k.ToString()));

    public static IEnumerable<SelectListItem> Scopes(IStringLocalizer L) =>
        Enum.GetValues<EvaluationScope>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    public static IEnumerable<SelectListItem> Statuses(IStringLocalizer L) =>
        Enum.GetValues<EvaluationStatus>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    public static IEnumerable<SelectListItem> EvaluatorKinds(IStringLocalizer L) =>
        Enum.GetValues<EvaluatorKind>().Select(s => new SelectListItem(s.Label(L), s.ToString()));

    /// <summary>The 169 SDG targets, grouped by goal, to pick several.</summary>
    public static IEnumerable<SelectListItem> SdgTargets(IStringLocalizer L)
    {
        var lang = Languages.Current;
        foreach (var byGoal in Sdg.Targets.GroupBy(t => t.Goal))
        {
            var goal = Sdg.FindGoal(byGoal.Key);
            var group = new SelectListGroup { Name = goal is null ? L["Targets of goal {0}", byGoal.Key] : $"{byGoal.Key}. {goal.Short.Get(lang)}" };
            foreach (var t in byGoal)
                yield return new SelectListItem(t.Title.IsEmpty ? t.Code : $"{t.Code} — {Actions.ActionDisplay.Shorten(t.Title.Get(lang), 90)}", t.Code) { Group = group };
        }
    }

    /// <summary>"11 — Sustainable cities and communities".</summary>
    public static string Goal(int number) =>
        Sdg.FindGoal(number) is { } g ? $"{number} — {g.Short.Get(Languages.Current)}" : number.ToString(CultureInfo.InvariantCulture);

    public static string StatusTagClass(EvaluationStatus s) => s switch
    {
        EvaluationStatus.Planned => "govuk-tag govuk-tag--grey",
        EvaluationStatus.InProgress => "govuk-tag govuk-tag--blue",
        EvaluationStatus.Completed => "govuk-tag govuk-tag--green",
        _ => "govuk-tag",
    };

    public static string TagClass(RecommendationStatus s) => s switch
    {
        RecommendationStatus.Proposed => "govuk-tag govuk-tag--grey",
        RecommendationStatus.Accepted => "govuk-tag govuk-tag--blue",
        RecommendationStatus.InProgress => "govuk-tag govuk-tag--turquoise",
        RecommendationStatus.Done => "govuk-tag govuk-tag--green",
        RecommendationStatus.Rejected => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag",
    };

    /// <summary>"2025 – 2026", "Mar 2026 – …" for lists; empty without dates.</summary>
    public static string Span(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? "—" : $"{Actions.ActionDisplay.ShortDate(start)} – {Actions.ActionDisplay.ShortDate(end)}".Trim();
}
