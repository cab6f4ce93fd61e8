using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Maturity;

/// <summary>
/// The words of the self-assessment in the reader's language: each criterion's and check's title, the translation of
/// the paper's sentence (the Spanish original is in <see cref="Nodal.Core.Monitoring.Maturity"/>), the formula, and
/// what Nodal does not hold yet.
/// </summary>
public static class MaturityText
{
    public sealed record Words(string Title, string Quote, string Formula = "", string? NotHeld = null);

    public static Words Criterion(string key, IStringLocalizer L) => key switch
    {
        "a1" => new(L["Political will made into a strategy"], L["It gives form to the political will […] with clear objectives, concrete actions and set deadlines."]),
        "a2" => new(L["Axes drawn from the territory"], L["It sets the axes of internationalization, which must come from the analysis of the territory's own specificities."]),
        "a3" => new(L["Consulted and owned by society"], L["It is built on guidelines consulted, debated, agreed and owned by various sectors of society."]),
        "a4" => new(L["Evaluable and flexible"], L["It is evaluable and flexible […] What is not measured is not improved."]),
        "a5" => new(L["Transversal across the government"], L["It seeks transversality of its action within the local governments involved."]),
        "a6" => new(L["Tuned to the global agenda"], L["It is tuned to the global agenda."]),
        "r1" => new(L["Public policy, not politics"], L["Make international action a public policy, not politics with international action."]),
        "r2" => new(L["Planned, not reactive"], L["Move away from a “reactive internationalization” towards a “planned internationalization”."]),
        "r3" => new(L["Adequate legal and administrative frameworks"], L["Build the strategic action within adequate or favourable legal, administrative and political frameworks."]),
        "r4" => new(L["Coordination and governance"], L["Find the best way to join efforts, improve coordination and the models of representation."]),
        "r5" => new(L["The diversity of local actors"], L["Take into account the great diversity of local actors with international activities."]),
        "r6" => new(L["A tool for local development"], L["Make the international action of local governments a tool for local development, based on territorial strategies and priorities."]),
        "r7" => new(L["Measure in three dimensions"], L["Carry out a measurement covering the territorial, political and institutional dimensions."]),
        "r8" => new(L["Visible internationalization"], L["Make internationalization visible, including communication […] as a transversal axis."]),
        "r9" => new(L["Attention to externalities"], L["Pay attention to the externalities or negative effects of internationalization."]),
        _ => new(key, ""),
    };

    public static Words Check(string key, IStringLocalizer L) => key switch
    {
        "a1.deadlines" => new(L["Objectives with a deadline"], L["…with clear objectives, concrete actions and set deadlines."],
            L["Objectives with a deadline ÷ objectives of the plan."]),
        "a1.owners" => new(L["Objectives with an owner department"], L["…taken on transversally by the whole institution."],
            L["Objectives with an owner department ÷ objectives of the plan."]),
        "a1.actions" => new(L["Objectives with actions"], L["…putting into practice a strategy […] with clear objectives, concrete actions…"],
            L["Objectives served by at least one action that is not cancelled ÷ objectives of the plan."]),
        "a1.city-plan" => new(L["Objectives aligned with the city development plan"], L["The objectives and axes […] should be aligned with the city's strategic development plan."],
            L["Objectives naming the objective of the city development plan they serve ÷ objectives of the plan."]),
        "a2.axes-from-analysis" => new(L["Axes drawn from the territorial analysis"], L["…axes […] that come from the analysis of the territory's own specificities."],
            L["Axes naming at least one finding of the territorial analysis ÷ axes of the plan."]),
        "a2.objectives-on-axes" => new(L["Objectives on an axis"], L["Strategic planning and the axes of internationalization start from a coherent vision of the territory."],
            L["Objectives tied to at least one axis ÷ objectives of the plan."]),
        "a2.thematic-focus" => new(L["Thematic focus"], L["…a dispersed, limited international action, without a thematic and geographic focus."],
            L["Herfindahl–Hirschman index (HHI) of the actions over the thematic axes: focused (HHI ≥ 0.25) 100 %, balanced 50 %, dispersed (HHI < 0.15) 0 %."]),
        "a2.geographic-focus" => new(L["Geographic focus"], L["…a dispersed, limited international action, without a thematic and geographic focus."],
            L["Herfindahl–Hirschman index (HHI) of the actions over the world sub-regions of their countries: focused (HHI ≥ 0.25) 100 %, balanced 50 %, dispersed (HHI < 0.15) 0 %."]),
        "a3.consultation" => new(L["Guidelines consulted with local actors"], L["…guidelines consulted, debated, agreed and owned by various sectors of society."],
            L["Actor groups × policy phases actually consulted."], L["Nodal does not hold the consultations of local actors yet."]),
        "a4.evaluable" => new(L["Objectives that can be evaluated"], L["It is evaluable and flexible."],
            L["Objectives with at least one indicator that has a baseline and a target ÷ objectives of the plan."]),
        "a4.on-time" => new(L["Measurements on time"], L["What is not measured is not improved."],
            L["Measurements due that were submitted or validated ÷ measurements due (each indicator's periods up to today, after its grace days)."]),
        "a4.follow-up" => new(L["Recommendations followed up"], L["…so that the objectives and axes can be readapted and evolve according to their progress."],
            L["Recommendations accepted, in progress or done ÷ recommendations of the plan's evaluations that were not rejected."]),
        "a5.departments" => new(L["Departments engaged"], L["…accompany internationally the sectoral strategies and programmes carried out by the various departments."],
            L["Departments leading or involved in an action that is not cancelled ÷ departments."]),
        "a6.sdg-objectives" => new(L["Objectives aligned with the SDGs"], L["It is tuned to the global agenda."],
            L["Objectives with at least one SDG target ÷ objectives of the plan."]),
        "r1.adopted" => new(L["Plan adopted"], L["Make international action a public policy, not politics with international action."],
            L["1 when the plan has been adopted at least once (a version frozen), else 0."]),
        "r1.frame" => new(L["Vision, city model and development plan stated"], L["…a tool aligned with and for achieving territorial development objectives."],
            L["Of the plan's vision, city model and city development plan, those stated ÷ 3."]),
        "r2.planned-actions" => new(L["Planned actions"], L["…move towards a “planned internationalization”."],
            L["Planned actions ÷ actions that are not cancelled, today (a request attached to an objective counts as planned)."]),
        "r2.planned-budget" => new(L["Planned budget"], L["A specific planning exercise is recommended to set the objectives, tools and strategy."],
            L["Planned budget of planned actions ÷ planned budget of all actions that are not cancelled, in the organization's currency."]),
        "r3.legal-basis" => new(L["Objectives with a legal basis"], L["Build the strategic action within […] adequate or favourable legal frameworks."],
            L["Objectives naming the competence or legal instrument they rest on ÷ objectives of the plan."]),
        "r3.office-capacity" => new(L["Office with staff and budget"], L["…adequate legal, administrative and political frameworks…"],
            L["Years of the plan up to this one for which the office has staff and a budget recorded ÷ those years."]),
        "r4.holistic" => new(L["Actions shared between departments"], L["…institutional and operational relations with the other departments to carry out ever more holistic actions."],
            L["Actions that involve another department than the one leading them ÷ actions that are not cancelled."]),
        "r4.multilevel" => new(L["Coordination with other levels of government"], L["…mitigate the disparity […] and the institutional fragmentation. Ensure local governance throughout the process."],
            L["Levels of government of the metropolitan space coordinated with."], L["Nodal does not hold the coordination with other levels of government yet."]),
        "r5.local-actors" => new(L["Local actors taking part"], L["…create a participatory dynamic of collaboration, coordination and complementarity among the actors."],
            L["Local actor groups taking part in the policy."], L["Nodal does not hold the map of local actors yet."]),
        "r5.agreements-alive" => new(L["Agreements alive, not merely symbolic"], L["Keep building horizontal, two-way and nodal logics of cooperation."],
            L["Active agreements with activity within the organization's dormancy period ÷ active agreements."]),
        "r6.sdg-actions" => new(L["Actions aligned with the SDGs"], L["…aware of the trends of the global agendas and of the tools to influence them."],
            L["Actions with at least one SDG target ÷ actions that are not cancelled."]),
        "r6.networks" => new(L["Taking part in city networks"], L["…generate a solid critical mass that allows them to give their opinion and influence."],
            L["Current memberships of city networks with a role held or a working group ÷ current memberships."]),
        "r7.levels" => new(L["Indicators at the three levels"], L["Carry out a measurement covering the territorial, political and institutional dimensions."],
            L["Levels (territorial, programmatic, operational) with at least one indicator that has a baseline and a target ÷ 3."]),
        "r7.evaluated" => new(L["Evaluations completed"], L["Carry out a measurement…"],
            L["Evaluations completed ÷ evaluations due (completed, or whose end date has passed)."]),
        "r8.communication" => new(L["Communication plan"], L["…including communication as a transversal axis of the internationalization policy."],
            L["Communication plan complete and evaluated."], L["Nodal does not hold the communication plan yet."]),
        "r8.portal" => new(L["Results published"], L["Raising awareness of the positive impact of internationalization can bring […] legitimacy and support."],
            L["Items published on the public accountability portal."], L["Nodal does not hold the public accountability portal yet."]),
        "r9.watched" => new(L["Externalities watched and mitigated"], L["…reach measures of response and mitigation of the negative effects."],
            L["Externalities with at least one indicator and one mitigation that is not dropped ÷ externalities of the plan."]),
        "r9.who-benefits" => new(L["Who benefits and who bears the cost"], L["…reflect on and specify “who” will benefit from internationalization."],
            L["Externalities stating who benefits and who bears the cost ÷ externalities of the plan."]),
        _ => new(key, ""),
    };

    public static string Level(MaturityLevel level, IStringLocalizer L) => level switch
    {
        MaturityLevel.Met => L["Met"],
        MaturityLevel.Partly => L["Partly met"],
        MaturityLevel.NotMet => L["Not met"],
        _ => L["Not assessable"],
    };

    public static string TagClass(MaturityLevel level) => level switch
    {
        MaturityLevel.Met => "govuk-tag--green",
        MaturityLevel.Partly => "govuk-tag--yellow",
        MaturityLevel.NotMet => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Part(MaturityPart part, IStringLocalizer L) =>
        part == MaturityPart.Attribute ? L["Attribute"] : L["Recommendation"];

    public static string PlanField(string field, IStringLocalizer L) => field switch
    {
        "Vision" => L["The plan states no vision."],
        "CityModel" => L["The plan states no city model."],
        _ => L["The plan names no city development plan."],
    };
}
