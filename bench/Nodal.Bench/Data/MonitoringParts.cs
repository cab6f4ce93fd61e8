using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Organizations;
using static Nodal.Bench.Data.MonitoringVocabulary;
using static Nodal.Bench.Data.PolicyVocabulary;

namespace Nodal.Bench.Data;

/// <summary>What the monitoring parts generated for one organization, kept in <see cref="OrganizationData.Items"/>.</summary>
public sealed class MonitoringData
{
    public const string Key = "monitoring";

    /// <summary>The plan the indicators, evaluations and externalities belong to: the current plan.</summary>
    public Guid PlanId { get; set; }
    public List<Guid> ObjectiveIds { get; set; } = [];
    public List<Guid> IndicatorIds { get; } = [];
    public List<string> IndicatorCodes { get; } = [];
    public Dictionary<IndicatorLevel, int> ByLevel { get; } = [];
    public int Targets { get; set; }
    public int Measurements { get; set; }
    public Dictionary<MeasurementStatus, int> ByStatus { get; } = [];
    /// <summary>Periods due by today (last day plus grace days passed, up to the plan's end) with no measurement, or only a draft or a returned one: what <c>MonitoringFacts.LateAsync</c> lists.</summary>
    public int Late { get; set; }
    /// <summary>Of them, periods with no measurement at all.</summary>
    public int Missing { get; set; }
    public int LinkedToObjective { get; set; }
    public int LinkedToAction { get; set; }
    public int LinkedToProject { get; set; }
    public int LinkedToExternality { get; set; }
    public List<Guid> ExternalityIds { get; } = [];
    public int Mitigations { get; set; }
    public int Evaluations { get; set; }
    public int GoodPractices { get; set; }
    public int Recommendations { get; set; }
    /// <summary>Every record the monitoring parts wrote, audit entries not counted.</summary>
    public int Records { get; set; }

    public static MonitoringData Of(OrganizationData org) => (MonitoringData)org.Items[Key];

    public static MonitoringData For(GenerationContext ctx)
    {
        if (!ctx.Organization.Items.TryGetValue(Key, out var data))
            ctx.Organization.Items[Key] = data = new MonitoringData { PlanId = PolicyData.Of(ctx.Organization).CurrentPlanId };
        return (MonitoringData)data;
    }

    public override string ToString() =>
        $"{IndicatorIds.Count:N0} indicators ({string.Join(", ", ByLevel.OrderBy(l => l.Key).Select(l => $"{l.Value} {l.Key.ToString().ToLowerInvariant()}"))}; "
        + $"linked: {LinkedToObjective} to an objective, {LinkedToAction} to an action, {LinkedToProject} to a project, {LinkedToExternality} to an externality), "
        + $"{Targets:N0} yearly targets, {Measurements:N0} measurements ({string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key.ToString().ToLowerInvariant()}"))}), "
        + $"{Late:N0} periods late ({Missing:N0} with nothing entered), {ExternalityIds.Count} externalities with {Mitigations} mitigations, "
        + $"{Evaluations} evaluations ({GoodPractices} good practices) with {Recommendations} recommendations";
}

/// <summary>
/// Externalities of the international action (issue #5) and their mitigations, on the current plan: the five kinds in turn,
/// each driven by 1–2 objectives and 1–5 actions, 2–4 mitigations each (a third carried out by an action).
/// Before the indicators: some indicators watch an externality.
/// </summary>
public sealed class ExternalitiesPart : IDatasetPart
{
    public string Name => "monitoring: externalities and mitigations";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization.Id;
        var data = MonitoringData.For(ctx);
        var relations = RelationsKit.Data(ctx);
        await NetworksPart.LoadActionIdsAsync(ctx, relations, ct);
        await ctx.InOrganizationAsync(async (db, _) =>
            data.ObjectiveIds = await db.Objectives.Where(o => o.PlanId == data.PlanId).OrderBy(o => o.SortOrder).Select(o => o.Id).ToListAsync(ct));
        var today = RelationsKit.Today;
        var departments = new Skewed<Guid>(ctx.Organization.DepartmentIds, 0.7);
        ExternalityKind[] kinds = [ExternalityKind.Gentrification, ExternalityKind.MassTourism, ExternalityKind.LabourOverSpecialization, ExternalityKind.PortOrAirportPollution, ExternalityKind.Other];
        var externalities = new List<Externality>();
        var mitigations = new List<Mitigation>();
        for (var i = 0; i < p.ExternalitiesFor(ctx.Organization); i++)
        {
            var k = i % kinds.Length;
            var name = ExternalityNames[k];
            var district = Districts[(i / kinds.Length + k) % Districts.Length];
            var x = new Externality
            {
                OrganizationId = org, PlanId = data.PlanId, Code = $"X-{i + 1:00}", Kind = kinds[k],
                Name = new LocalizedText($"{name.Es} ({district.Es})", $"{name.En} ({district.En})", $"{name.Fr} ({district.Fr})"),
                Description = new LocalizedText(
                    $"{name.Es} en {district.Es}, vinculada a la proyección internacional de la ciudad. Se sigue con indicadores territoriales y se revisa cada semestre.",
                    $"{name.En} in {district.En}, linked to the city's international promotion. Watched with territorial indicators and reviewed every six months.",
                    r.NextDouble() < 0.5 ? $"{name.Fr} dans {district.Fr}, liée au rayonnement international de la ville. Suivie par des indicateurs territoriaux." : null),
                DriverObjectiveIds = data.ObjectiveIds.Count == 0 ? [] : Enumerable.Range(0, r.Next(1, 3)).Select(_ => Draw.One(r, data.ObjectiveIds)).Distinct().ToList(),
                DriverActionIds = relations.ActionIds.Count == 0 ? [] : Enumerable.Range(0, r.Next(1, 6)).Select(_ => Draw.One(r, relations.ActionIds)).Distinct().ToList(),
                WhoBenefits = new LocalizedText("Propietarios, operadores turísticos e inversores", "Owners, tour operators and investors", "Propriétaires, voyagistes et investisseurs"),
                WhoBearsCost = new LocalizedText("Vecinos con alquileres, comercio de proximidad", "Residents who rent, neighbourhood shops", "Habitants locataires, commerce de proximité"),
                State = (ExternalityState)Draw.Weighted(r, 40, 40, 20) + 1,
                OwnerDepartmentId = departments.Pick(r),
                ReviewedOn = r.NextDouble() < 0.85 ? today.AddDays(-r.Next(5, 400)) : null,
            };
            externalities.Add(x);
            for (var m = 0; m < r.Next(2, 5); m++)
            {
                var status = (MitigationStatus)Draw.Weighted(r, 25, 40, 30, 5) + 1;
                mitigations.Add(new Mitigation
                {
                    OrganizationId = org, ExternalityId = x.Id,
                    Measure = Mitigations[(i * 3 + m) % Mitigations.Length].Localized,
                    OwnerDepartmentId = departments.Pick(r),
                    Status = status,
                    Due = status == MitigationStatus.Done ? today.AddDays(-r.Next(30, 700)) : today.AddDays(r.Next(-60, 540)),
                    ActionId = relations.ActionIds.Count > 0 && r.NextDouble() < 0.35 ? Draw.One(r, relations.ActionIds) : null,
                });
            }
        }
        await ctx.AddInBatchesAsync(externalities, ct);
        await ctx.AddInBatchesAsync(mitigations, ct);
        data.ExternalityIds.AddRange(externalities.Select(x => x.Id));
        data.Mitigations = mitigations.Count;
        data.Records += externalities.Count + mitigations.Count;
        // Kept for the indicators that watch them (kind by id).
        ctx.Organization.Items[KindsKey] = externalities.ToDictionary(x => x.Id, x => x.Kind);
    }

    internal const string KindsKey = "monitoring:externality-kinds";
}

/// <summary>
/// The plan's indicators (issue #5): monthly, quantitative, over 10 years (120 periods each: 60,000 measurements
/// for 500), the three levels from their templates, owners spread over the departments, yearly targets over
/// the plan's years, baselines on 9 in 10; linked to an objective, an action, a project or an externality
/// (2 indicators watch each externality). Values follow a trend (improving for 3 in 4), a season for flows and
/// noise. Every period up to 3 months back is validated; the last three are a mix of validated, submitted,
/// returned and draft; 1 indicator in 5 lags 1–3 months behind (its last periods missing).
/// </summary>
public sealed class IndicatorsPart : IDatasetPart
{
    public string Name => "monitoring: indicators, targets, measurements";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization;
        var data = MonitoringData.For(ctx);
        var relations = RelationsKit.Data(ctx);
        var kinds = (Dictionary<Guid, ExternalityKind>)org.Items.GetValueOrDefault(ExternalitiesPart.KindsKey, new Dictionary<Guid, ExternalityKind>());
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        int planStart = 0, planEnd = 0;
        await ctx.InOrganizationAsync(async (db, _) =>
        {
            var plan = await db.Plans.Where(x => x.Id == data.PlanId).Select(x => new { x.StartYear, x.EndYear }).SingleAsync(ct);
            (planStart, planEnd) = (plan.StartYear, plan.EndYear);
        });
        var planLast = new DateOnly(planEnd, 12, 31);

        var departments = new Skewed<Guid>(org.DepartmentIds, 0.5);
        var focalPoints = org.Members.Where(m => m.Role == OrgRole.FocalPoint && m.DepartmentId is not null)
            .GroupBy(m => m.DepartmentId!.Value).ToDictionary(g => g.Key, g => g.Select(m => m.Email).ToList());
        var validators = org.Members.Where(m => m.Role is OrgRole.Coordinator or OrgRole.Administrator).Select(m => m.Email).ToList();
        var objectives = data.ObjectiveIds.Count == 0 ? null : new Skewed<Guid>(data.ObjectiveIds, 0.4);
        var general = Indicators.Where(t => t.Externality is null).ToArray();
        var count = p.IndicatorsFor(org);
        // The last complete month; the window of an indicator that does not lag ends there.
        var lastMonth = Periods.StartOf(today, Frequency.Monthly).AddMonths(-1);

        var indicators = new List<Indicator>(count);
        var targets = new List<IndicatorTarget>();
        var measurements = new List<Measurement>(count * p.MeasurementMonths);
        var watching = data.ExternalityIds.SelectMany(id => Enumerable.Repeat(id, p.IndicatorsPerExternality)).ToList();
        for (var n = 0; n < count; n++)
        {
            // The first ones watch the externalities (two each, with a template of the externality's kind), the others
            // take the general templates in a shuffled round (so levels, units and aggregations mix).
            Guid? externality = n < watching.Count ? watching[n] : null;
            IndicatorTemplate t;
            if (externality is { } xid)
            {
                var ofKind = Indicators.Where(x => x.Externality == kinds.GetValueOrDefault(xid)).ToList();
                t = ofKind.Count > 0 ? ofKind[n % ofKind.Count] : Draw.One(r, Indicators.Where(x => x.Externality is not null).ToList());
            }
            else t = general[(n * 7 + r.Next(3)) % general.Length];

            var owner = departments.Pick(r);
            var topic = Draw.One(r, Topics);
            var district = Districts[n % Districts.Length];
            var qualifier = t.Level == IndicatorLevel.Territorial ? district : topic;
            var lag = Draw.Weighted(r, 80, 12, 6, 2);
            var last = lastMonth.AddMonths(-lag);
            var first = last.AddMonths(-(p.MeasurementMonths - 1));
            var scale = t.Magnitude * Math.Exp(r.NextDouble() - 0.5);
            var improvement = r.NextDouble() < 0.75 ? 0.01 + r.NextDouble() * 0.07 : -0.04 + r.NextDouble() * 0.05;
            var growth = t.Direction == Direction.HigherIsBetter ? improvement : -improvement;
            var phase = r.NextDouble() * 2 * Math.PI;
            double Trend(DateOnly month) => scale * Math.Pow(1 + growth, ((month.Year - first.Year) * 12 + month.Month - first.Month) / 12.0);
            decimal Round(double v) => (decimal)Math.Round(Math.Clamp(v, 0, t.Max ?? double.MaxValue), t.Decimals);
            // What a year is worth in the indicator's own aggregation, on the trend.
            double Yearly(int year)
            {
                var months = Enumerable.Range(1, 12).Select(m => Trend(new DateOnly(year, m, 1))).ToList();
                return t.Aggregation switch { Aggregation.Sum => months.Sum(), Aggregation.Average => months.Average(), _ => months[^1] };
            }

            var i = new Indicator
            {
                OrganizationId = org.Id, PlanId = data.PlanId,
                Code = $"I-{n + 1:000}",
                Name = new LocalizedText($"{t.Name.Es}: {qualifier.Es}", $"{t.Name.En}: {qualifier.En}", $"{t.Name.Fr} : {qualifier.Fr}"),
                Definition = new LocalizedText(
                    $"{t.Name.Es} ({t.Unit}), {Aggregated(t.Aggregation, "es")} Fuente: {t.Source}.",
                    $"{t.Name.En} ({t.Unit}), {Aggregated(t.Aggregation, "en")} Source: {t.Source}.",
                    r.NextDouble() < 0.5 ? $"{t.Name.Fr} ({t.Unit}), {Aggregated(t.Aggregation, "fr")} Source : {t.Source}." : null),
                Level = t.Level,
                Kind = IndicatorKind.Quantitative,
                Unit = t.Unit,
                Decimals = t.Decimals,
                Direction = t.Direction,
                Aggregation = t.Aggregation,
                Frequency = Frequency.Monthly,
                FirstPeriod = first,
                DataSource = t.Source,
                OwnerDepartmentId = owner,
                SdgIndicator = t.Sdg is not null && r.NextDouble() < 0.7 ? t.Sdg : null,
                GraceDays = Draw.Weighted(r, 20, 60, 20) switch { 0 => 15, 1 => 30, _ => 45 },
            };
            if (r.NextDouble() < 0.9)
            {
                i.BaselineValue = Round(t.Aggregation == Aggregation.Sum ? Enumerable.Range(0, 12).Sum(m => Trend(first.AddMonths(m))) : Trend(first));
                i.BaselineDate = first;
            }
            if (t.BySex)
            {
                i.DisaggregationName = "Sexo";
                i.DisaggregationCategories = ["Mujeres", "Hombres"];
            }
            // At most one link: externality watchers; else by level, objectives for the strategic ones, actions and projects for the operational.
            if (externality is not null) { i.ExternalityId = externality; data.LinkedToExternality++; }
            else
            {
                var roll = r.NextDouble();
                if (t.Level != IndicatorLevel.Operational && objectives is not null && roll < (t.Level == IndicatorLevel.Programmatic ? 0.9 : 0.5))
                {
                    i.ObjectiveId = objectives.Pick(r); data.LinkedToObjective++;
                }
                else if (t.Level == IndicatorLevel.Operational && roll < 0.5 && relations.ActionIds.Count > 0)
                {
                    i.ActionId = Draw.One(r, relations.ActionIds); data.LinkedToAction++;
                }
                else if (t.Level == IndicatorLevel.Operational && roll < 0.7 && relations.ProjectIds.Count > 0)
                {
                    i.ProjectId = Draw.One(r, relations.ProjectIds); data.LinkedToProject++;
                }
                else if (t.Level == IndicatorLevel.Operational && roll < 0.9 && objectives is not null)
                {
                    i.ObjectiveId = objectives.Pick(r); data.LinkedToObjective++;
                }
            }
            indicators.Add(i);
            data.IndicatorIds.Add(i.Id);
            data.IndicatorCodes.Add(i.Code);
            data.ByLevel[t.Level] = data.ByLevel.GetValueOrDefault(t.Level) + 1;

            // Yearly targets over the plan's years: the trend pushed by an ambition (met by about a third).
            for (var year = Math.Max(planStart, first.Year); year <= planEnd; year++)
            {
                var ambition = -0.03 + r.NextDouble() * 0.13;
                targets.Add(new IndicatorTarget
                {
                    OrganizationId = org.Id, IndicatorId = i.Id, Period = new DateOnly(year, 1, 1), Span = Frequency.Yearly,
                    Value = Round(Yearly(year) * (1 + (t.Direction == Direction.HigherIsBetter ? ambition : -ambition))),
                });
            }

            var enterers = focalPoints.GetValueOrDefault(owner) ?? [ctx.Organization.Administrator.Email];
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var season = t.Aggregation == Aggregation.Sum ? 1 + 0.15 * Math.Sin(2 * Math.PI * (month.Month - 1) / 12 + phase) : 1;
                var noise = 1 + Math.Clamp(RelationsKit.Gaussian(r) * 0.06, -0.2, 0.2);
                var value = Round(Trend(month) * season * noise);
                var back = (lastMonth.Year - month.Year) * 12 + lastMonth.Month - month.Month;
                var status = back switch
                {
                    0 => (MeasurementStatus)(Draw.Weighted(r, 45, 40, 10, 5) + 1),
                    1 => (MeasurementStatus)(Draw.Weighted(r, 12, 35, 45, 8) + 1),
                    2 => (MeasurementStatus)(Draw.Weighted(r, 4, 12, 80, 4) + 1),
                    3 => (MeasurementStatus)(Draw.Weighted(r, 0, 4, 95, 1) + 1),
                    _ => MeasurementStatus.Validated,
                };
                var m = new Measurement
                {
                    OrganizationId = org.Id, IndicatorId = i.Id, Period = month, Value = value, Status = status,
                    Note = r.NextDouble() < 0.05 ? "Dato provisional facilitado por la fuente; se confirmará en el cierre anual." : null,
                    EvidenceUrl = r.NextDouble() < 0.1 ? $"https://datos.{org.Slug}.bench.example/indicadores/{i.Code}/{Periods.Key(month, Frequency.Monthly)}" : null,
                };
                if (t.BySex)
                {
                    var women = Math.Round(value * (decimal)(0.45 + r.NextDouble() * 0.15), t.Decimals);
                    m.BreakdownCategories = ["Mujeres", "Hombres"];
                    m.BreakdownValues = t.Aggregation == Aggregation.Average ? [value, value] : [women, value - women];
                }
                if (status != MeasurementStatus.Draft)
                {
                    var end = Periods.EndOf(month, Frequency.Monthly).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                    var submitted = Min(end.AddDays(r.Next(3, 35)).AddMinutes(r.Next(600)), now.AddHours(-2));
                    m.SubmittedAt = submitted;
                    m.SubmittedBy = Draw.One(r, enterers);
                    if (status == MeasurementStatus.Validated)
                    {
                        m.ValidatedAt = Min(submitted.AddDays(r.Next(1, 15)).AddMinutes(r.Next(600)), now.AddHours(-1));
                        m.ValidatedBy = Draw.One(r, validators);
                    }
                    else if (status == MeasurementStatus.Returned)
                        m.ReturnComment = "El valor no coincide con la fuente citada: revisad el dato del mes y adjuntad la evidencia.";
                }
                measurements.Add(m);
                data.ByStatus[status] = data.ByStatus.GetValueOrDefault(status) + 1;
            }

            // What LateAsync will find: due periods (to the plan's end) not submitted nor validated.
            var entered = measurements.Skip(measurements.Count - p.MeasurementMonths).ToDictionary(x => x.Period, x => x.Status);
            foreach (var period in Periods.DueBy(first, today, Frequency.Monthly, i.GraceDays))
            {
                if (period > planLast) break;
                if (!entered.TryGetValue(period, out var s)) { data.Late++; data.Missing++; }
                else if (s is MeasurementStatus.Draft or MeasurementStatus.Returned) data.Late++;
            }
        }

        await ctx.AddInBatchesAsync(indicators, ct);
        await ctx.AddInBatchesAsync(targets, ct);
        await ctx.AddInBatchesAsync(measurements, ct);
        data.Targets = targets.Count;
        data.Measurements = measurements.Count;
        data.Records += indicators.Count + targets.Count + measurements.Count;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Aggregated(Aggregation a, string lang) => (a, lang) switch
    {
        (Aggregation.Sum, "es") => "suma de los meses del periodo.",
        (Aggregation.Average, "es") => "media de los meses del periodo.",
        (_, "es") => "valor al cierre del periodo.",
        (Aggregation.Sum, "fr") => "somme des mois de la période.",
        (Aggregation.Average, "fr") => "moyenne des mois de la période.",
        (_, "fr") => "valeur en fin de période.",
        (Aggregation.Sum, _) => "the sum of the period's months.",
        (Aggregation.Average, _) => "the average of the period's months.",
        _ => "the value at the end of the period.",
    };
}

/// <summary>
/// Evaluations of the plan, its objectives, actions and projects (issue #5): impact, process and systematizations;
/// completed 6 in 10 (with findings), a good practice from most completed systematizations; 5 recommendations
/// each, followed up when the evaluation is completed.
/// </summary>
public sealed class EvaluationsPart : IDatasetPart
{
    public string Name => "monitoring: evaluations and recommendations";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization;
        var data = MonitoringData.For(ctx);
        var relations = RelationsKit.Data(ctx);
        var today = RelationsKit.Today;
        var departments = new Skewed<Guid>(org.DepartmentIds, 0.7);
        var evaluations = new List<Evaluation>();
        var recommendations = new List<Recommendation>();
        for (var n = 0; n < p.EvaluationsFor(org); n++)
        {
            var kind = (EvaluationKind)Draw.Weighted(r, 30, 45, 25) + 1;
            var scope = (EvaluationScope)Draw.Weighted(r, 10, 40, 35, 15) + 1;
            if (scope == EvaluationScope.Objective && data.ObjectiveIds.Count == 0) scope = EvaluationScope.Plan;
            if (scope == EvaluationScope.Action && relations.ActionIds.Count == 0) scope = EvaluationScope.Plan;
            if (scope == EvaluationScope.Project && relations.ProjectIds.Count == 0) scope = EvaluationScope.Plan;
            var status = (EvaluationStatus)Draw.Weighted(r, 20, 20, 60) + 1;
            var start = status == EvaluationStatus.Planned ? today.AddDays(r.Next(20, 300)) : today.AddDays(-r.Next(status == EvaluationStatus.Completed ? 200 : 20, 2000));
            var end = status == EvaluationStatus.Completed ? start.AddDays(r.Next(60, 240)) : start.AddDays(r.Next(90, 300));
            if (status == EvaluationStatus.Completed && end > today) end = today.AddDays(-r.Next(1, 30));
            var title = EvaluationTitles[kind == EvaluationKind.Systematization ? 4 : n % EvaluationTitles.Length];
            var topic = Draw.One(r, Topics);
            var completed = status == EvaluationStatus.Completed;
            var good = completed && kind == EvaluationKind.Systematization && r.NextDouble() < 0.7;
            var e = new Evaluation
            {
                OrganizationId = org.Id, PlanId = data.PlanId, Code = $"E-{n + 1:000}",
                Title = new LocalizedText($"{title.Es}: {topic.Es}", $"{title.En}: {topic.En}", $"{title.Fr} : {topic.Fr}"),
                Kind = kind, Scope = scope, Status = status, Start = start, End = end,
                ObjectiveId = scope == EvaluationScope.Objective ? Draw.One(r, data.ObjectiveIds) : null,
                ActionId = scope == EvaluationScope.Action ? Draw.One(r, relations.ActionIds) : null,
                ProjectId = scope == EvaluationScope.Project ? Draw.One(r, relations.ProjectIds) : null,
                Method = new LocalizedText(
                    "Análisis documental, 24 entrevistas a personal municipal y socios, encuesta a 180 participantes y dos grupos focales.",
                    "Desk review, 24 interviews with city staff and partners, a survey of 180 participants and two focus groups.",
                    "Analyse documentaire, 24 entretiens avec des agents et des partenaires, enquête auprès de 180 participants et deux groupes de discussion."),
                Evaluators = (EvaluatorKind)Draw.Weighted(r, 45, 35, 20) + 1,
                EvaluatorNames = Draw.One(r, Evaluators),
                Findings = completed
                    ? new LocalizedText(
                        $"La acción sobre {topic.Es} alcanzó la mayoría de sus metas; la coordinación entre departamentos y el seguimiento de los indicadores son los puntos débiles.",
                        $"The work on {topic.En} reached most of its targets; coordination between departments and the follow-up of indicators are the weak points.",
                        $"L'action sur {topic.Fr} a atteint la plupart de ses cibles ; la coordination entre services et le suivi des indicateurs sont les points faibles.")
                    : new LocalizedText(),
                ReportUrl = completed ? $"https://{org.Slug}.bench.example/evaluaciones/E-{n + 1:000}.pdf" : null,
                IsGoodPractice = good,
                PracticeSummary = good
                    ? new LocalizedText(
                        $"Qué se hizo: un intercambio técnico sostenido sobre {topic.Es}. Por qué funcionó: equipo estable y metas compartidas. Qué hace falta para transferirlo: un punto focal y dos años de compromiso.",
                        $"What was done: a sustained technical exchange on {topic.En}. Why it worked: a stable team and shared targets. What it takes to transfer: a focal point and two years of commitment.",
                        null)
                    : new LocalizedText(),
                Themes = good ? Enumerable.Range(0, r.Next(1, 4)).Select(_ => Draw.One(r, Themes)).Distinct().ToList() : [],
                SdgTargets = good ? [Draw.One(r, PracticeTargets)] : [],
            };
            evaluations.Add(e);
            if (good) data.GoodPractices++;
            for (var k = 0; k < p.RecommendationsPerEvaluation; k++)
            {
                var rs = completed ? (RecommendationStatus)Draw.Weighted(r, 10, 25, 30, 30, 5) + 1 : RecommendationStatus.Proposed;
                var due = end.AddDays(r.Next(90, 540));
                recommendations.Add(new Recommendation
                {
                    OrganizationId = org.Id, EvaluationId = e.Id, SortOrder = k + 1,
                    Text = Recommendations[(n + k) % Recommendations.Length].Localized,
                    OwnerDepartmentId = rs == RecommendationStatus.Proposed && r.NextDouble() < 0.5 ? null : departments.Pick(r),
                    Due = rs == RecommendationStatus.Proposed ? null : due,
                    Status = rs,
                    Response = rs switch
                    {
                        RecommendationStatus.Rejected => new LocalizedText("No se aplica: el presupuesto de 2026 no lo permite.", "Not applied: the 2026 budget does not allow it.", null),
                        RecommendationStatus.Proposed => new LocalizedText(),
                        _ => new LocalizedText("Aceptada; se incorpora al plan de trabajo anual.", "Accepted; added to the yearly work plan.", "Acceptée ; intégrée au plan de travail annuel."),
                    },
                    DoneOn = rs == RecommendationStatus.Done ? Min(due.AddDays(-r.Next(0, 120)), today) : null,
                });
            }
        }
        await ctx.AddInBatchesAsync(evaluations, ct);
        await ctx.AddInBatchesAsync(recommendations, ct);
        data.Evaluations = evaluations.Count;
        data.Recommendations = recommendations.Count;
        data.Records += evaluations.Count + recommendations.Count;
    }

    private static readonly string[] PracticeTargets = ["11.3", "11.6", "17.16", "17.17", "13.2", "8.9"];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
