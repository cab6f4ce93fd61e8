namespace Nodal.Web.Features.Plans;

/// <summary>The words the interface shows for the policy core's enumerations, in the user's language.</summary>
public static class PolicyLabels
{
    public static string Label(this PlanStatus s, IStringLocalizer L) => s switch
    {
        PlanStatus.Draft => L["Draft"],
        PlanStatus.InConsultation => L["In consultation"],
        PlanStatus.Adopted => L["Adopted"],
        PlanStatus.UnderReview => L["Under review"],
        PlanStatus.Archived => L["Archived"],
        _ => s.ToString(),
    };

    public static string Label(this AnalysisKind k, IStringLocalizer L) => k switch
    {
        AnalysisKind.Specificity => L["Specificity"],
        AnalysisKind.Strength => L["Strength"],
        AnalysisKind.Weakness => L["Weakness"],
        AnalysisKind.Opportunity => L["Opportunity"],
        AnalysisKind.Threat => L["Threat"],
        _ => k.ToString(),
    };

    public static string Label(this TerritoryArea a, IStringLocalizer L) => a switch
    {
        TerritoryArea.Cultural => L["Cultural"],
        TerritoryArea.Economic => L["Economic"],
        TerritoryArea.Natural => L["Natural"],
        TerritoryArea.Geographic => L["Geographic"],
        TerritoryArea.Social => L["Social"],
        TerritoryArea.Institutional => L["Institutional"],
        _ => a.ToString(),
    };

    public static string Label(this AxisKind k, IStringLocalizer L) => k switch
    {
        AxisKind.Thematic => L["Thematic"],
        AxisKind.Geographic => L["Geographic axis"],
        _ => k.ToString(),
    };

    public static string Label(this ObjectiveFamily f, IStringLocalizer L) => f switch
    {
        ObjectiveFamily.Projection => L["Projection, promotion and attractiveness of the territory"],
        ObjectiveFamily.Exchange => L["Exchange of experience and knowledge"],
        ObjectiveFamily.Solidarity => L["Solidarity and cooperation against inequality"],
        ObjectiveFamily.Reciprocity => L["Reciprocity: citizen awareness and cultural openness"],
        ObjectiveFamily.Advocacy => L["Defence of local interests and global advocacy"],
        _ => f.ToString(),
    };

    /// <summary>A few words for charts and table headers.</summary>
    public static string ShortLabel(this ObjectiveFamily f, IStringLocalizer L) => f switch
    {
        ObjectiveFamily.Projection => L["Projection"],
        ObjectiveFamily.Exchange => L["Exchange"],
        ObjectiveFamily.Solidarity => L["Solidarity"],
        ObjectiveFamily.Reciprocity => L["Reciprocity"],
        ObjectiveFamily.Advocacy => L["Advocacy"],
        _ => f.ToString(),
    };

    public static string Label(this ActionOrigin o, IStringLocalizer L) => o switch
    {
        ActionOrigin.Planned => L["Planned action"],
        ActionOrigin.Reactive => L["Reactive action"],
        _ => o.ToString(),
    };

    public static string Label(this ActionStatus s, IStringLocalizer L) => s switch
    {
        ActionStatus.Idea => L["Idea"],
        ActionStatus.Planned => L["Scheduled"],
        ActionStatus.InProgress => L["In progress"],
        ActionStatus.Done => L["Completed"],
        ActionStatus.Cancelled => L["Cancelled"],
        _ => s.ToString(),
    };

    public static string Label(this Modality m, IStringLocalizer L) => m switch
    {
        Modality.AttractivenessInfrastructure => L["Infrastructure for attractiveness"],
        Modality.EventsAndCongresses => L["Capturing events, fairs and congresses"],
        Modality.Tourism => L["Tourism"],
        Modality.Investment => L["Investment attraction"],
        Modality.Talent => L["Talent attraction"],
        Modality.CityBrand => L["City brand and reputation"],
        Modality.InternationalDiversity => L["Valuing the city's international diversity"],
        Modality.DirectCooperation => L["Direct (decentralized) cooperation"],
        Modality.SouthSouthCooperation => L["South-South cooperation"],
        Modality.TriangularCooperation => L["Triangular cooperation"],
        Modality.Twinning => L["Twinning"],
        Modality.CityNetworks => L["Multilateral relations in city networks"],
        Modality.CityAlliance => L["City alliance"],
        Modality.TechnicalExchange => L["Technical exchange"],
        Modality.MissionOrVisit => L["Mission or official visit"],
        _ => m.ToString(),
    };

    /// <summary>The two groups of the modality taxonomy.</summary>
    public static string GroupLabel(this Modality m, IStringLocalizer L) =>
        m.InTerritory() ? L["In the territory"] : L["City diplomacy"];
}
