namespace Nodal.Web.Features.Monitoring;

using System.Globalization;
using Nodal.Core.Monitoring;

/// <summary>The words the interface shows for measurement and evaluation's enumerations, in the user's language.</summary>
public static class MonitoringLabels
{
    public static string Label(this IndicatorLevel v, IStringLocalizer L) => v switch
    {
        IndicatorLevel.Territorial => L["Territorial / strategic"],
        IndicatorLevel.Programmatic => L["Political / programmatic"],
        IndicatorLevel.Operational => L["Institutional / operational"],
        _ => v.ToString(),
    };

    public static string Label(this IndicatorKind v, IStringLocalizer L) => v switch
    {
        IndicatorKind.Quantitative => L["Quantitative"],
        IndicatorKind.Qualitative => L["Qualitative"],
        _ => v.ToString(),
    };

    public static string Label(this Direction v, IStringLocalizer L) => v switch
    {
        Direction.HigherIsBetter => L["Higher is better"],
        Direction.LowerIsBetter => L["Lower is better"],
        _ => v.ToString(),
    };

    public static string Label(this Aggregation v, IStringLocalizer L) => v switch
    {
        Aggregation.Sum => L["Sum of the periods"],
        Aggregation.Average => L["Average of the periods"],
        Aggregation.Last => L["Last value"],
        _ => v.ToString(),
    };

    public static string Label(this Frequency v, IStringLocalizer L) => v switch
    {
        Frequency.Monthly => L["Monthly"],
        Frequency.Quarterly => L["Quarterly"],
        Frequency.Yearly => L["Yearly"],
        _ => v.ToString(),
    };

    public static string Label(this MeasurementStatus v, IStringLocalizer L) => v switch
    {
        MeasurementStatus.Draft => L["Draft"],
        MeasurementStatus.Submitted => L["Submitted"],
        MeasurementStatus.Validated => L["Validated"],
        MeasurementStatus.Returned => L["Returned"],
        _ => v.ToString(),
    };

    /// <summary>The govuk-tag colour modifier of a measurement's status.</summary>
    public static string TagClass(this MeasurementStatus v) => v switch
    {
        MeasurementStatus.Draft => "govuk-tag--grey",
        MeasurementStatus.Submitted => "govuk-tag--blue",
        MeasurementStatus.Validated => "govuk-tag--green",
        MeasurementStatus.Returned => "govuk-tag--orange",
        _ => "",
    };

    public static string Label(this EvaluationKind v, IStringLocalizer L) => v switch
    {
        EvaluationKind.Impact => L["Impact evaluation"],
        EvaluationKind.Process => L["Process evaluation"],
        EvaluationKind.Systematization => L["Systematization of good practices"],
        _ => v.ToString(),
    };

    public static string Label(this EvaluationScope v, IStringLocalizer L) => v switch
    {
        EvaluationScope.Plan => L["Plan"],
        EvaluationScope.Objective => L["Objective"],
        EvaluationScope.Action => L["Action"],
        EvaluationScope.Project => L["Project"],
        _ => v.ToString(),
    };

    public static string Label(this EvaluatorKind v, IStringLocalizer L) => v switch
    {
        EvaluatorKind.Internal => L["Internal evaluators"],
        EvaluatorKind.External => L["External evaluators"],
        EvaluatorKind.Mixed => L["Internal and external evaluators"],
        _ => v.ToString(),
    };

    public static string Label(this EvaluationStatus v, IStringLocalizer L) => v switch
    {
        EvaluationStatus.Planned => L["Planned (evaluation)"],
        EvaluationStatus.InProgress => L["In progress"],
        EvaluationStatus.Completed => L["Completed (evaluation)"],
        _ => v.ToString(),
    };

    public static string Label(this RecommendationStatus v, IStringLocalizer L) => v switch
    {
        RecommendationStatus.Proposed => L["Proposed"],
        RecommendationStatus.Accepted => L["Accepted"],
        RecommendationStatus.InProgress => L["In progress"],
        RecommendationStatus.Done => L["Done"],
        RecommendationStatus.Rejected => L["Not accepted"],
        _ => v.ToString(),
    };

    public static string Label(this ExternalityKind v, IStringLocalizer L) => v switch
    {
        ExternalityKind.Gentrification => L["Gentrification"],
        ExternalityKind.MassTourism => L["Mass tourism"],
        ExternalityKind.LabourOverSpecialization => L["Labour-market over-specialization"],
        ExternalityKind.PortOrAirportPollution => L["Port or airport pollution"],
        ExternalityKind.Other => L["Other"],
        _ => v.ToString(),
    };

    public static string Label(this ExternalityState v, IStringLocalizer L) => v switch
    {
        ExternalityState.Watch => L["Watch"],
        ExternalityState.Concern => L["Concern"],
        ExternalityState.Mitigated => L["Mitigated"],
        _ => v.ToString(),
    };

    public static string TagClass(this ExternalityState v) => v switch
    {
        ExternalityState.Watch => "govuk-tag--yellow",
        ExternalityState.Concern => "govuk-tag--red",
        ExternalityState.Mitigated => "govuk-tag--green",
        _ => "",
    };

    public static string Label(this MitigationStatus v, IStringLocalizer L) => v switch
    {
        MitigationStatus.Planned => L["Planned (measure)"],
        MitigationStatus.InProgress => L["In progress"],
        MitigationStatus.Done => L["Done"],
        MitigationStatus.Dropped => L["Dropped"],
        _ => v.ToString(),
    };

    /// <summary>A traffic light in words (never colour alone).</summary>
    public static string Label(this Light v, IStringLocalizer L) => v switch
    {
        Light.Green => L["On track"],
        Light.Amber => L["Needs attention"],
        Light.Red => L["Off track"],
        _ => L["No data yet"],
    };

    public static string TagClass(this Light v) => v switch
    {
        Light.Green => "govuk-tag--green",
        Light.Amber => "govuk-tag--yellow",
        Light.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>A period as people read it, in the current culture ("T3 2026", "Q3 2026", "Julio de 2026").</summary>
    public static string PeriodLabel(DateOnly start, Frequency f) => Periods.Label(start, f, CultureInfo.CurrentUICulture);

    /// <summary>A measured value as people read it: number with the indicator's decimals and unit, the rating's level, or the text.</summary>
    public static string FormatValue(Indicator indicator, decimal? value, string? text)
    {
        if (indicator.IsText) return text ?? "";
        if (value is not { } v) return "";
        if (indicator.IsRating)
        {
            var i = (int)v;
            return i >= 0 && i < indicator.RatingLevels.Count ? indicator.RatingLevels[i] : v.ToString(CultureInfo.CurrentCulture);
        }
        var n = v.ToString("N" + Math.Clamp(indicator.Decimals, 0, 6), CultureInfo.CurrentCulture);
        // "45%" in English; "45 %" in Spanish and French.
        if (indicator.Unit == "%") return CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? n + "%" : n + " %";
        return string.IsNullOrEmpty(indicator.Unit) ? n : $"{n} {indicator.Unit}";
    }
}
