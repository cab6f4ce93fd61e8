using System.Globalization;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using static Nodal.Bench.Data.PolicyVocabulary;

namespace Nodal.Bench.Data;

/// <summary>What the policy parts generated for one organization, kept in <see cref="OrganizationData.Items"/>.</summary>
public sealed class PolicyData
{
    public const string Key = "policy";

    public Guid CurrentPlanId { get; set; }
    public Guid ArchivedPlanId { get; set; }
    /// <summary>Counts in the current plan (what its overview and actions list show).</summary>
    public int Objectives { get; set; }
    public int ObjectivesWithoutAction { get; set; }
    public int Axes { get; set; }
    public int Actions { get; set; }
    public int PlannedActions { get; set; }
    public int ReactiveActions { get; set; }
    public int Milestones { get; set; }
    public int BudgetLines { get; set; }
    /// <summary>Every record the policy parts wrote for this organization (both plans), audit entries not counted.</summary>
    public int Records { get; set; }

    public static PolicyData Of(OrganizationData org) => (PolicyData)org.Items[Key];
}

/// <summary>
/// The organization's international policy (issue #3): its current adopted plan — territorial analysis,
/// thematic and geographic axes, objectives over the five families, thousands of actions with milestones
/// and budget lines — and a small archived plan before it. Written through the app's DbContext in batches,
/// every record with its audit entry.
/// </summary>
public sealed class PolicyPart : IDatasetPart
{
    public string Name => "policy (plans, analysis, axes, objectives, actions)";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var org = ctx.Organization;
        var data = new PolicyData();
        org.Items[PolicyData.Key] = data;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var archived = new PlanShape(
            new Text("Estrategia de Relaciones Internacionales 2016–2019", "International Relations Strategy 2016–2019", "Stratégie de relations internationales 2016–2019"),
            2016, 2019, PlanStatus.Archived, false, new DateOnly(2016, 4, 28),
            p.ArchivedAnalysisItems, p.ArchivedThematicAxes, p.ArchivedGeographicAxes, p.ArchivedObjectives, p.ArchivedActions, "H-{0:0000}");
        var current = new PlanShape(
            new Text("Metrópolis Global 2020–2027", "Metropolis Global 2020–2027", "Métropole globale 2020–2027"),
            2020, 2027, PlanStatus.Adopted, true, new DateOnly(2020, 2, 27),
            p.AnalysisItems, p.ThematicAxes, p.GeographicAxes, p.Objectives, p.ActionsFor(org), "A-{0:00000}");

        // One pseudo-random stream per organization (ctx.Random), consumed in a fixed order: the same data every run.
        var archivedBuild = new PlanBuilder(ctx, archived, today);
        var currentBuild = new PlanBuilder(ctx, current, today);
        data.ArchivedPlanId = archivedBuild.Plan.Id;
        data.CurrentPlanId = currentBuild.Plan.Id;
        data.Objectives = currentBuild.Objectives.Count;
        data.ObjectivesWithoutAction = currentBuild.Orphans;
        data.Axes = currentBuild.Axes.Count;
        data.Actions = currentBuild.Actions.Count;
        data.PlannedActions = currentBuild.Actions.Count(a => a.Origin == ActionOrigin.Planned);
        data.ReactiveActions = data.Actions - data.PlannedActions;
        data.Milestones = currentBuild.Milestones.Count;
        data.BudgetLines = currentBuild.Budgets.Count;

        foreach (var b in new[] { archivedBuild, currentBuild })
        {
            // Parents before children: every batch is its own SaveChanges.
            await ctx.AddInBatchesAsync([b.Plan], ct);
            await ctx.AddInBatchesAsync(b.Analysis, ct);
            await ctx.AddInBatchesAsync(b.Axes, ct);
            await ctx.AddInBatchesAsync(b.Objectives, ct);
            await ctx.AddInBatchesAsync(b.Actions, ct);
            await ctx.AddInBatchesAsync(b.Milestones, ct);
            await ctx.AddInBatchesAsync(b.Budgets, ct);
            data.Records += 1 + b.Analysis.Count + b.Axes.Count + b.Objectives.Count + b.Actions.Count + b.Milestones.Count + b.Budgets.Count;
        }
    }

    private sealed record PlanShape(Text Title, int StartYear, int EndYear, PlanStatus Status, bool IsCurrent, DateOnly AdoptedOn,
        int AnalysisItems, int ThematicAxes, int GeographicAxes, int Objectives, int Actions, string CodeFormat);

    /// <summary>Builds one plan's records in memory (nothing is saved here).</summary>
    private sealed class PlanBuilder
    {
        private static readonly Text[] MilestoneTitles =
        [
            new("Reunión de lanzamiento", "Kick-off meeting", "Réunion de lancement"),
            new("Firma del convenio", "Agreement signed", "Signature de la convention"),
            new("Visita técnica", "Technical visit", "Visite technique"),
            new("Informe intermedio", "Interim report", "Rapport intermédiaire"),
            new("Seminario de resultados", "Results seminar", "Séminaire de restitution"),
            new("Informe final", "Final report", "Rapport final"),
        ];

        private static readonly Text[] Results =
        [
            new("un plan de trabajo conjunto", "a joint work plan", "un plan de travail commun"),
            new("una guía de buenas prácticas", "a good-practice guide", "un guide de bonnes pratiques"),
            new("un proyecto piloto en dos barrios", "a pilot project in two neighbourhoods", "un projet pilote dans deux quartiers"),
            new("una candidatura a fondos europeos", "an application for EU funding", "une candidature aux fonds européens"),
            new("un acuerdo de colaboración firmado", "a signed cooperation agreement", "un accord de coopération signé"),
            new("la formación de 40 técnicos municipales", "training for 40 city staff", "la formation de 40 agents municipaux"),
        ];

        private readonly GenerationContext _ctx;
        private readonly Random _r;
        private readonly PlanShape _shape;
        private readonly DateOnly _today;
        private readonly Guid _org;

        public StrategicPlan Plan { get; }
        public List<AnalysisItem> Analysis { get; } = [];
        public List<Axis> Axes { get; } = [];
        public List<Objective> Objectives { get; } = [];
        public List<PolicyAction> Actions { get; } = [];
        public List<ActionMilestone> Milestones { get; } = [];
        public List<ActionBudget> Budgets { get; } = [];
        public int Orphans { get; }

        public PlanBuilder(GenerationContext ctx, PlanShape shape, DateOnly today)
        {
            _ctx = ctx;
            _r = ctx.Random;
            _shape = shape;
            _today = today;
            _org = ctx.Organization.Id;
            Plan = new StrategicPlan
            {
                OrganizationId = _org,
                Title = shape.Title.Localized,
                StartYear = shape.StartYear,
                EndYear = shape.EndYear,
                Vision = new LocalizedText(
                    "Una metrópolis abierta que usa su acción internacional para acelerar la transición climática, diversificar su economía y estrechar sus lazos con el Mediterráneo y América Latina.",
                    "An open metropolis that uses its international action to speed up the climate transition, diversify its economy and deepen its ties with the Mediterranean and Latin America.",
                    "Une métropole ouverte qui met son action internationale au service de la transition climatique, de la diversification de son économie et de ses liens avec la Méditerranée et l'Amérique latine."),
                CityModel = new LocalizedText(
                    "Una metrópolis descarbonizada, cohesionada y creativa.", "A decarbonized, cohesive and creative metropolis.", "Une métropole décarbonée, solidaire et créative."),
                CityPlanName = $"Plan Estratégico Metropolitano {shape.EndYear + 3}",
                CityPlanUrl = $"https://{ctx.Organization.Slug}.bench.example/plan-estrategico",
                CityPlanObjectives = "OE1. Neutralidad climática\nOE2. Economía diversificada\nOE3. Cohesión social\nOE4. Metrópolis abierta",
                Status = shape.Status,
                AdoptedOn = shape.AdoptedOn,
                AdoptedBy = "Pleno del Consejo Metropolitano",
                AdoptionAct = $"Acuerdo {shape.AdoptedOn.Year}/0{_r.Next(10, 99)}",
                IsCurrent = shape.IsCurrent,
            };
            BuildAnalysis();
            BuildAxes();
            Orphans = shape.Objectives < 10 ? 0 : Math.Max(1, shape.Objectives / 20);
            BuildObjectives();
            BuildActions();
        }

        private void BuildAnalysis()
        {
            for (var i = 0; i < _shape.AnalysisItems; i++)
            {
                var s = AnalysisStatements[i % AnalysisStatements.Length];
                var n = _r.Next(5, 60).ToString(CultureInfo.InvariantCulture);
                Analysis.Add(new AnalysisItem
                {
                    OrganizationId = _org, PlanId = Plan.Id,
                    Kind = (AnalysisKind)(i % 5 + 1),
                    Area = (TerritoryArea)(i * 7 % 6 + 1),
                    Statement = new LocalizedText(string.Format(CultureInfo.InvariantCulture, s.Es, n), string.Format(CultureInfo.InvariantCulture, s.En, n), string.Format(CultureInfo.InvariantCulture, s.Fr, n)),
                    SortOrder = i + 1,
                });
            }
        }

        private void BuildAxes()
        {
            var priority = 0;
            for (var i = 0; i < _shape.ThematicAxes; i++)
            {
                var name = Thematic[i % Thematic.Length];
                var suffix = i < Thematic.Length ? "" : $" {i / Thematic.Length + 1}";
                Axes.Add(NewAxis(AxisKind.Thematic, new Text(name.Es + suffix, name.En + suffix, name.Fr + suffix), [], [], ++priority));
            }
            for (var i = 0; i < _shape.GeographicAxes; i++)
            {
                var (name, regions, countries) = Geographic[i % Geographic.Length];
                var suffix = i < Geographic.Length ? "" : $" {i / Geographic.Length + 1}";
                foreach (var code in regions)
                    if (!M49.IsArea(code)) throw new InvalidOperationException($"{code} is not an M49 area.");
                foreach (var code in countries)
                    if (M49.RegionOf(code) is null) throw new InvalidOperationException($"{code} is not an ISO country placed in M49.");
                Axes.Add(NewAxis(AxisKind.Geographic, new Text(name.Es + suffix, name.En + suffix, name.Fr + suffix), [.. regions], [.. countries], ++priority));
            }
        }

        private Axis NewAxis(AxisKind kind, Text name, List<string> regions, List<string> countries, int priority) => new()
        {
            OrganizationId = _org, PlanId = Plan.Id, Kind = kind, Name = name.Localized, Priority = priority,
            Description = new LocalizedText(
                $"Prioridad {priority} de la estrategia: {name.Es.ToLowerInvariant()}, con objetivos medibles y departamentos responsables.",
                $"Priority {priority} of the strategy: {name.En.ToLowerInvariant()}, with measurable objectives and departments in charge.",
                $"Priorité {priority} de la stratégie : {name.Fr.ToLowerInvariant()}, avec des objectifs mesurables et des services responsables."),
            Regions = regions, Countries = countries,
            AnalysisItemIds = Analysis.Count == 0 ? [] : Enumerable.Range(0, _r.Next(2, 5)).Select(_ => Draw.One(_r, Analysis).Id).Distinct().ToList(),
        };

        /// <summary>The five families in the proportions 16 : 14 : 10 : 8 : 12 (of 60).</summary>
        private static ObjectiveFamily FamilyOf(int i, int n)
        {
            var k = i * 60 / n;
            return k < 16 ? ObjectiveFamily.Projection : k < 30 ? ObjectiveFamily.Exchange : k < 40 ? ObjectiveFamily.Solidarity
                : k < 48 ? ObjectiveFamily.Reciprocity : ObjectiveFamily.Advocacy;
        }

        private void BuildObjectives()
        {
            var departments = new Skewed<Guid>(_ctx.Organization.DepartmentIds, 1.0);
            var thematic = Axes.Where(a => a.Kind == AxisKind.Thematic).ToList();
            var geographic = Axes.Where(a => a.Kind == AxisKind.Geographic).ToList();
            for (var i = 0; i < _shape.Objectives; i++)
            {
                var family = FamilyOf(i, _shape.Objectives);
                var t = Draw.One(_r, ObjectiveTemplates[family]);
                var topic = Topics[(i * 11 + 3) % Topics.Length];
                var axes = new List<Guid> { thematic[i % thematic.Count].Id };
                if (geographic.Count > 0 && _r.NextDouble() < 0.5) axes.Add(Draw.One(_r, geographic).Id);
                Objectives.Add(new Objective
                {
                    OrganizationId = _org, PlanId = Plan.Id,
                    Code = $"O{i + 1:00}",
                    Family = family,
                    Statement = new LocalizedText(string.Format(CultureInfo.InvariantCulture, t.Es, topic.Es), string.Format(CultureInfo.InvariantCulture, t.En, topic.En),
                        string.Format(CultureInfo.InvariantCulture, t.Fr, topic.Fr)),
                    AxisIds = axes,
                    OwnerDepartmentId = departments.Pick(_r),
                    Deadline = Draw.Day(_r, new DateOnly(_shape.EndYear - 2, 6, 30), new DateOnly(_shape.EndYear, 12, 31)),
                    SdgTargets = Targets(_r.Next(1, 4)),
                    CityPlanObjective = $"OE{_r.Next(1, 5)}",
                    LegalBasis = Draw.One(_r, LegalBases).Localized,
                    SortOrder = i + 1,
                });
            }
        }

        private Skewed<string>? _targets;

        /// <summary>SDG targets, skewed to the goals a city's international action touches most (11, 17, 13, 8, 4…).</summary>
        private List<string> Targets(int count)
        {
            if (_targets is null)
            {
                int[] goalOrder = [11, 17, 13, 8, 4, 5, 10, 16, 9, 7, 3, 12, 6, 1, 2, 14, 15];
                _targets = new Skewed<string>(goalOrder.SelectMany(g => Sdg.TargetsOf(g).OrderBy(_ => _r.Next()).Select(t => t.Code)).ToList(), 0.8);
            }
            return _targets.PickDistinct(_r, count);
        }

        private void BuildActions()
        {
            var p = _ctx.Profile;
            var departments = new Skewed<Guid>(_ctx.Organization.DepartmentIds, 1.0);
            var involvedDepartments = new Skewed<Guid>(_ctx.Organization.DepartmentIds, 0.7);
            var axes = new Skewed<Guid>(Axes.Select(a => a.Id).ToList(), 0.5);
            var favourites = new Skewed<string>(FavouriteCountries, 0.9);
            var served = Objectives.Take(Objectives.Count - Orphans).Select(o => o.Id).ToList();
            var objectives = served.Count == 0 ? null : new Skewed<Guid>(served, 0.6);
            var modalities = ModalityWeights.Select(m => m.Weight).ToArray();
            var allCountries = M49.Countries;
            var first = new DateOnly(_shape.StartYear, 1, 1);
            var last = new DateOnly(_shape.EndYear, 9, 30);

            for (var n = 0; n < _shape.Actions; n++)
            {
                var reactive = objectives is null || _r.NextDouble() >= p.PlannedShare;
                var modality = ModalityWeights[Draw.Weighted(_r, modalities)].Modality;

                // Short missions and events, projects of months, programmes of years.
                var start = Draw.Day(_r, first, last);
                var days = Draw.Weighted(_r, 40, 35, 25) switch { 0 => _r.Next(1, 31), 1 => _r.Next(30, 366), _ => _r.Next(365, 1460) };
                DateOnly? end = _r.NextDouble() < 0.05 ? null : start.AddDays(days);

                var countries = new List<string>();
                var countryCount = Draw.Weighted(_r, 30, 45, 17, 8);
                for (var c = 0; c < countryCount * 4 && countries.Count < countryCount; c++)
                {
                    var code = _r.NextDouble() < 0.88 ? favourites.Pick(_r) : Draw.One(_r, allCountries);
                    if (!countries.Contains(code)) countries.Add(code);
                }
                var cities = countries.Select(code => Cities.Where(x => x.Country == code).ToList())
                    .Where(list => list.Count > 0 && _r.NextDouble() < 0.6).Select(list => Draw.One(_r, list).Name).ToList();

                var lead = departments.Pick(_r);
                var status = StatusOf(start, end);
                var a = new PolicyAction
                {
                    OrganizationId = _org, PlanId = Plan.Id,
                    Code = string.Format(CultureInfo.InvariantCulture, _shape.CodeFormat, n + 1),
                    Origin = reactive ? ActionOrigin.Reactive : ActionOrigin.Planned,
                    ObjectiveId = reactive ? null : objectives!.Pick(_r),
                    Modality = modality,
                    LeadDepartmentId = lead,
                    InvolvedDepartmentIds = involvedDepartments.PickDistinct(_r, Draw.Weighted(_r, 35, 35, 20, 10), d => d != lead),
                    AxisIds = axes.PickDistinct(_r, Draw.Weighted(_r, 35, 45, 20)),
                    Countries = countries,
                    Cities = cities,
                    Start = start,
                    End = end,
                    Status = status,
                    SdgTargets = Targets(Draw.Weighted(_r, 20, 40, 25, 15)),
                };
                if (reactive)
                {
                    a.RequestedOn = start.AddDays(-_r.Next(10, 120));
                    if (_r.NextDouble() < 0.4) a.RequestedByDepartmentId = departments.Pick(_r);
                    else a.RequestedBy = countries.Count > 0 && _r.NextDouble() < 0.5
                        ? $"Embajada de {Nodal.Web.Features.Organizations.Countries.Name(countries[0], "es")}"
                        : Draw.One(_r, Networks);
                    // Four requests in ten are attached to an objective later (they count as planned from then).
                    var attached = a.RequestedOn.Value.AddDays(_r.Next(20, 500));
                    if (objectives is not null && _r.NextDouble() < 0.4 && attached <= _today)
                    {
                        a.ObjectiveId = objectives.Pick(_r);
                        a.AttachedOn = attached;
                    }
                }
                Describe(a, countries, cities);
                Actions.Add(a);

                if (_r.NextDouble() < p.MilestoneShare) AddMilestones(a, start, end ?? start.AddDays(180));
                if (_r.NextDouble() < p.BudgetShare) AddBudget(a, start, end ?? start.AddDays(180), n);
            }
        }

        private ActionStatus StatusOf(DateOnly start, DateOnly? end)
        {
            if (_r.NextDouble() < 0.03) return ActionStatus.Cancelled;
            if (start > _today) return _r.NextDouble() < 0.25 ? ActionStatus.Idea : ActionStatus.Planned;
            if (end is { } e && e < _today)
                return Draw.Weighted(_r, 85, 12, 3) switch { 0 => ActionStatus.Done, 1 => ActionStatus.InProgress, _ => ActionStatus.Planned };
            return _r.NextDouble() < 0.9 ? ActionStatus.InProgress : ActionStatus.Planned;
        }

        /// <summary>Title in three languages (40–130 characters), description in Spanish and English and a third of the time in French.</summary>
        private void Describe(PolicyAction a, List<string> countries, List<string> cities)
        {
            var kind = Draw.One(_r, Kinds[a.Modality]);
            var topic = Draw.One(_r, Topics);
            var second = _r.NextDouble() < 0.3 ? Draw.One(_r, Topics) : null;
            string es, en, fr;
            if (a.Modality == Modality.CityNetworks)
            {
                var network = Draw.One(_r, Networks);
                a.Partners = [network];
                (es, en, fr) = ($" de {network}", $" of {network}", $" de {network}");
            }
            else if (cities.Count > 0)
            {
                var with = a.Modality is Modality.EventsAndCongresses or Modality.Tourism or Modality.Investment or Modality.CityBrand or Modality.Talent or Modality.AttractivenessInfrastructure;
                (es, en, fr) = with ? ($" en {cities[0]}", $" in {cities[0]}", $" à {cities[0]}") : ($" con {cities[0]}", $" with {cities[0]}", $" avec {cities[0]}");
                a.Partners = cities.Take(2).Select(c => $"Ayuntamiento de {c}").ToList();
            }
            else if (countries.Count > 0)
            {
                string Country(string lang) => Nodal.Web.Features.Organizations.Countries.Name(countries[0], lang);
                (es, en, fr) = ($" en {Country("es")}", $" in {Country("en")}", $" en {Country("fr")}");
            }
            else (es, en, fr) = ("", "", "");

            var year = a.Modality == Modality.EventsAndCongresses && a.Start is { } s ? $" {s.Year}" : "";
            a.Title = new LocalizedText(
                $"{kind.Es}{es} sobre {topic.Es}{(second is null ? "" : $" y {second.Es}")}{year}",
                $"{kind.En}{en} on {topic.En}{(second is null ? "" : $" and {second.En}")}{year}",
                $"{kind.Fr}{fr} sur {topic.Fr}{(second is null ? "" : $" et {second.Fr}")}{year}");

            var result = Draw.One(_r, Results);
            var involved = a.InvolvedDepartmentIds.Count + 1;
            a.Description = new LocalizedText(
                $"{kind.Es}{es} para avanzar en {topic.Es}. Participan {involved} áreas municipales y {a.Partners.Count} socios. Resultado esperado: {result.Es}.",
                $"{kind.En}{en} to make progress on {topic.En}. {involved} city departments and {a.Partners.Count} partners take part. Expected result: {result.En}.",
                _r.NextDouble() < 0.35 ? $"{kind.Fr}{fr} pour avancer sur {topic.Fr}. {involved} services municipaux et {a.Partners.Count} partenaires y participent. Résultat attendu : {result.Fr}." : null);
            if (_r.NextDouble() < 0.5)
            {
                a.Beneficiaries = new LocalizedText("Personal técnico municipal y entidades del territorio", "City staff and local organizations", null);
                a.BeneficiaryCount = _r.Next(20, 5000);
            }
        }

        private void AddMilestones(PolicyAction a, DateOnly start, DateOnly end)
        {
            var span = Math.Max(2, end.DayNumber - start.DayNumber);
            for (var m = 1; m <= _ctx.Profile.MilestonesPerAction; m++)
            {
                var due = start.AddDays(span * m / (_ctx.Profile.MilestonesPerAction + 1));
                var done = due < _today && a.Status is ActionStatus.InProgress or ActionStatus.Done && _r.NextDouble() < 0.85
                    ? due.AddDays(_r.Next(-10, 20)) : (DateOnly?)null;
                Milestones.Add(new ActionMilestone
                {
                    OrganizationId = _org, ActionId = a.Id,
                    Title = MilestoneTitles[(m - 1 + _r.Next(MilestoneTitles.Length - 1)) % MilestoneTitles.Length].Localized,
                    Due = due,
                    DoneOn = done > _today ? _today : done,
                });
            }
        }

        /// <summary>One line per year the action runs (at most 4), the total spread evenly; spent in past years and the current one.</summary>
        private void AddBudget(PolicyAction a, DateOnly start, DateOnly end, int n)
        {
            var years = Math.Clamp(end.Year - start.Year + 1, 1, 4);
            // Log-uniform from 2,000 to 400,000: many small missions, a few large projects.
            var total = Math.Round((decimal)Math.Exp(Math.Log(2_000) + _r.NextDouble() * (Math.Log(400_000) - Math.Log(2_000))) / 100m) * 100m;
            var currency = a.Countries.Any(c => M49.Contains("419", c)) && n % 25 == 0 ? "USD" : "EUR";
            for (var y = 0; y < years; y++)
            {
                var year = start.Year + y;
                var planned = Math.Round(total / years / 100m) * 100m;
                var rate = a.Status switch
                {
                    ActionStatus.Idea or ActionStatus.Planned or ActionStatus.Cancelled => 0m,
                    _ when year > _today.Year => 0m,
                    _ when year < _today.Year || a.Status == ActionStatus.Done => 0.8m + (decimal)_r.NextDouble() * 0.2m,
                    _ => 0.3m + (decimal)_r.NextDouble() * 0.4m,
                };
                Budgets.Add(new ActionBudget
                {
                    OrganizationId = _org, ActionId = a.Id, Year = year, Planned = planned,
                    Spent = Math.Round(planned * rate / 100m) * 100m, Currency = currency,
                });
            }
        }
    }
}
