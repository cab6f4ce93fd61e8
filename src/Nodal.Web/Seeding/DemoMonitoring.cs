using System.Globalization;
using Nodal.Core.Monitoring;

namespace Nodal.Web.Seeding;

/// <summary>
/// How Solmar measures and evaluates "Solmar Global 2023–2027", read as of <see cref="DemoPlan.AsOf"/>:
/// 16 indicators at the three levels over nine of the ten objectives (O10 has none: the maturity
/// self-assessment shows it), one action, one project and three externalities; yearly targets; measurements
/// from 2023 on, validated up to the last quarter, with this quarter's mix of submitted, returned, draft and
/// missing ones so the due list, the reminders and the validation queue have work; one quarterly indicator
/// started in Q3 2026 with nothing measured yet. Four externalities (one with no indicator and no mitigation),
/// four evaluations with recommendations at every stage, two good practices. Values follow each indicator's
/// trajectory from baseline to target at a fixed performance, so the lights read green, amber and red.
/// </summary>
public static class DemoMonitoring
{
    private static DateOnly AsOf => DemoPlan.AsOf;
    private const string Coordinator = "ana.coordinadora@solmar.example";

    /// <summary>The state of each indicator's last due period.</summary>
    private enum Last { Validated, Submitted, Returned, Draft, Missing }

    private sealed record Spec(
        string Code, IndicatorLevel Level, string Owner, string? Objective, LocalizedText Name, LocalizedText Definition,
        string? Unit, int Decimals, Direction Direction, Aggregation Aggregation, Frequency Frequency,
        decimal? Baseline, string? BaselineOn, string Targets, double Performance, Last LastState,
        string? Source = null, string? Sdg = null, string? Externality = null, string? Project = null, string? ActionOf = null,
        string? FirstPeriod = null, string[]? Rating = null, string? Disaggregation = null, string[]? Categories = null);

    private static readonly Spec[] Specs =
    [
        new("I-001", IndicatorLevel.Territorial, "ECO", "O1",
            T("Empleo en el sector tecnológico", "Tech-sector employment", "Emploi dans le secteur technologique"),
            T("Personas afiliadas a la Seguridad Social en las divisiones CNAE 26, 62 y 63 en el área metropolitana, a 31 de diciembre.",
              "People registered with Social Security in NACE divisions 26, 62 and 63 in the metropolitan area, on 31 December.",
              "Personnes affiliées à la sécurité sociale dans les divisions NACE 26, 62 et 63 de l'aire métropolitaine, au 31 décembre."),
            "empleos", 0, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            21_400, "2022-12-31", "2023:22500 2024:23600 2025:24800 2026:25900 2027:26750", 0.93, Last.Validated,
            Source: "Tesorería General de la Seguridad Social", Sdg: "8.2.1"),
        new("I-002", IndicatorLevel.Programmatic, "ECO", "O1",
            T("Empresas extranjeras instaladas con apoyo de la oficina", "Foreign companies set up with the office's support", "Entreprises étrangères installées avec l'appui du bureau"),
            T("Empresas con capital extranjero que abren sede o centro en Solmar tras un acompañamiento del programa Soft Landing.",
              "Foreign-owned companies opening an office or centre in Solmar after support from the Soft Landing programme.",
              "Entreprises à capitaux étrangers ouvrant un siège ou un centre à Solmar après un accompagnement du programme Soft Landing."),
            "empresas", 0, Direction.HigherIsBetter, Aggregation.Sum, Frequency.Quarterly,
            12, "2022-12-31", "2023:15 2024:17 2025:20 2026:22 2027:25", 0.72, Last.Submitted,
            Source: "Registro de la Oficina de Relaciones Internacionales", ActionOf: "O1"),
        new("I-003", IndicatorLevel.Territorial, "TUR", "O2",
            T("Pernoctaciones fuera de temporada", "Off-season overnight stays", "Nuitées hors saison"),
            T("Porcentaje de las pernoctaciones hoteleras del año que se producen entre noviembre y marzo.",
              "Share of the year's hotel overnight stays that fall between November and March.",
              "Part des nuitées hôtelières de l'année réalisées entre novembre et mars."),
            "%", 1, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            31, "2022-12-31", "2023:32.5 2024:34 2025:36 2026:38 2027:40", 0.45, Last.Validated,
            Source: "INE, Encuesta de Ocupación Hotelera", Sdg: "8.9.1"),
        new("I-004", IndicatorLevel.Programmatic, "TUR", "O2",
            T("Delegados de congresos internacionales", "International congress delegates", "Délégués de congrès internationaux"),
            T("Personas inscritas en congresos y ferias internacionales celebrados en Solmar con apoyo del Convention Bureau.",
              "People registered at international congresses and fairs held in Solmar with the Convention Bureau's support.",
              "Personnes inscrites aux congrès et salons internationaux tenus à Solmar avec l'appui du Convention Bureau."),
            "delegados", 0, Direction.HigherIsBetter, Aggregation.Sum, Frequency.Quarterly,
            48_000, "2022-12-31", "2023:52000 2024:56000 2025:60000 2026:64000 2027:68000", 1.02, Last.Validated,
            Source: "Solmar Convention Bureau"),
        new("I-005", IndicatorLevel.Territorial, "MOB", "O3",
            T("Soluciones de ciudades pares incorporadas a políticas metropolitanas", "Peer-city solutions adopted in metropolitan policies", "Solutions de villes pairs intégrées aux politiques métropolitaines"),
            T("Número acumulado de soluciones conocidas en intercambios con ciudades pares y aprobadas en un plan o una ordenanza metropolitana.",
              "Cumulative number of solutions learnt in exchanges with peer cities and approved in a metropolitan plan or by-law.",
              "Nombre cumulé de solutions découvertes lors d'échanges avec des villes pairs et adoptées dans un plan ou un règlement métropolitain."),
            "soluciones", 0, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            0, "2022-12-31", "2023:1 2024:2 2025:3 2026:4 2027:5", 1.0, Last.Validated,
            Source: "Actas del Consejo Metropolitano"),
        new("I-006", IndicatorLevel.Operational, "MOB", "O3",
            T("Intercambios técnicos de movilidad realizados", "Mobility technical exchanges held", "Échanges techniques de mobilité réalisés"),
            T("Visitas técnicas, talleres y estancias con ciudades pares sobre movilidad y logística, con informe de retorno.",
              "Technical visits, workshops and placements with peer cities on mobility and logistics, with a report back.",
              "Visites techniques, ateliers et séjours avec des villes pairs sur la mobilité et la logistique, avec un rapport de retour."),
            "intercambios", 0, Direction.HigherIsBetter, Aggregation.Sum, Frequency.Quarterly,
            null, null, "2026:8 2027:12", 1.0, Last.Missing,
            Source: "Registro del Departamento de Movilidad", FirstPeriod: "2026-07-01"),
        new("I-007", IndicatorLevel.Territorial, "AMB", "O5",
            T("Residuos depositados en vertedero en Sfax", "Waste landfilled in Sfax", "Déchets mis en décharge à Sfax"),
            T("Toneladas de residuos municipales de Sfax depositadas en vertedero en el año.",
              "Tonnes of Sfax's municipal waste landfilled in the year.",
              "Tonnes de déchets municipaux de Sfax mises en décharge dans l'année."),
            "t", 0, Direction.LowerIsBetter, Aggregation.Last, Frequency.Yearly,
            180_000, "2022-12-31", "2023:176000 2024:168000 2025:160000 2026:150000 2027:140000", 0.8, Last.Validated,
            Source: "Municipalité de Sfax, service de la propreté", Sdg: "11.6.1", Project: "PR-0002"),
        new("I-008", IndicatorLevel.Programmatic, "ORI", "O6",
            T("Personal técnico formado en cooperación Sur-Sur", "Technical staff trained through South-South cooperation", "Personnel technique formé par la coopération Sud-Sud"),
            T("Personas de los gobiernos socios que completan una formación o estancia técnica, por sexo.",
              "People from partner governments completing a training course or technical placement, by sex.",
              "Personnes des gouvernements partenaires ayant achevé une formation ou un séjour technique, par sexe."),
            "personas", 0, Direction.HigherIsBetter, Aggregation.Sum, Frequency.Quarterly,
            null, null, "2023:40 2024:50 2025:60 2026:60 2027:60", 0.9, Last.Returned,
            Source: "Listas de asistencia de los proyectos", Sdg: "17.9.1", Disaggregation: "Sexo", Categories: ["Mujeres", "Hombres"]),
        new("I-009", IndicatorLevel.Territorial, "EDU", "O7",
            T("Centros con educación para la ciudadanía global", "Schools with global citizenship education", "Établissements avec éducation à la citoyenneté mondiale"),
            T("Porcentaje de centros educativos del área metropolitana con un proyecto de ciudadanía global en su programación anual.",
              "Share of the metropolitan area's schools whose yearly programme includes a global citizenship project.",
              "Part des établissements scolaires de l'aire métropolitaine dont le programme annuel comporte un projet de citoyenneté mondiale."),
            "%", 0, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            12, "2022-12-31", "2023:20 2024:28 2025:36 2026:44 2027:50", 0.79, Last.Validated,
            Source: "Consejería de Educación", Sdg: "4.7.1"),
        new("I-010", IndicatorLevel.Programmatic, "CUL", "O8",
            T("Público del programa cultural de las diásporas", "Audience of the diasporas' cultural programme", "Public du programme culturel des diasporas"),
            T("Asistentes a las actividades del programa cultural organizado con asociaciones de las diásporas.",
              "People attending the cultural programme organized with diaspora associations.",
              "Participants aux activités du programme culturel organisé avec les associations des diasporas."),
            "asistentes", 0, Direction.HigherIsBetter, Aggregation.Sum, Frequency.Quarterly,
            9_000, "2022-12-31", "2023:10000 2024:12000 2025:14000 2026:16000 2027:18000", 0.97, Last.Draft,
            Source: "Departamento de Cultura"),
        new("I-011", IndicatorLevel.Operational, "ORI", "O9",
            T("Influencia de Solmar en las declaraciones de las redes", "Solmar's influence on networks' declarations", "Influence de Solmar sur les déclarations des réseaux"),
            T("Valoración anual de la oficina, contrastada con las actas: ¿se recogen las propuestas de Solmar en las posiciones adoptadas?",
              "The office's yearly rating, checked against the minutes: are Solmar's proposals taken up in the positions adopted?",
              "Appréciation annuelle du bureau, vérifiée sur les procès-verbaux : les propositions de Solmar sont-elles reprises dans les positions adoptées ?"),
            null, 0, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            1, "2022-12-31", "2023:1 2024:2 2025:2 2026:3 2027:3", 1.0, Last.Validated,
            Source: "Actas de Metropolis y CGLU", Rating: ["Ninguna", "Consultada", "Propuesta recogida", "Liderazgo de la posición"]),
        new("I-012", IndicatorLevel.Operational, "INN", "O4",
            T("Pilotos conjuntos de innovación en marcha", "Joint innovation pilots under way", "Pilotes communs d'innovation en cours"),
            T("Proyectos piloto de datos abiertos o gobierno digital con al menos una ciudad par, con acuerdo firmado.",
              "Open-data or digital-government pilot projects with at least one peer city, under a signed agreement.",
              "Projets pilotes de données ouvertes ou d'administration numérique avec au moins une ville pair, sous accord signé."),
            "pilotos", 0, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            0, "2022-12-31", "2024:1 2025:2 2026:3", 0.5, Last.Validated,
            Source: "Departamento de Innovación", Sdg: "17.6.1", FirstPeriod: "2024-01-01"),
        new("I-013", IndicatorLevel.Operational, "ORI", null,
            T("Ejecución del presupuesto de la oficina", "Execution of the office's budget", "Exécution du budget du bureau"),
            T("Gasto ejecutado sobre el presupuesto anual de la Oficina de Relaciones Internacionales.",
              "Spending executed over the International Relations Office's yearly budget.",
              "Dépenses exécutées rapportées au budget annuel du Bureau des relations internationales."),
            "%", 1, Direction.HigherIsBetter, Aggregation.Last, Frequency.Yearly,
            78, "2022-12-31", "2023:85 2024:88 2025:90 2026:92 2027:95", 0.98, Last.Validated,
            Source: "Intervención General"),
        new("I-014", IndicatorLevel.Territorial, "VIV", null,
            T("Alquiler medio en el centro histórico", "Average rent in the historic centre", "Loyer moyen dans le centre historique"),
            T("Euros por metro cuadrado y mes de los contratos de alquiler de vivienda habitual firmados en el trimestre.",
              "Euros per square metre and month of the main-residence tenancies signed in the quarter.",
              "Euros par mètre carré et par mois des baux de résidence principale signés dans le trimestre."),
            "€/m²", 2, Direction.LowerIsBetter, Aggregation.Last, Frequency.Quarterly,
            12.4m, "2022-12-31", "2023:12.6 2024:12.8 2025:13 2026:13.2 2027:13.4", 3, Last.Validated,
            Source: "Observatorio Metropolitano del Alquiler", Sdg: "11.1.1", Externality: "X-01"),
        new("I-015", IndicatorLevel.Territorial, "TUR", null,
            T("Viviendas de uso turístico en el centro histórico", "Tourist-use dwellings in the historic centre", "Logements à usage touristique dans le centre historique"),
            T("Viviendas inscritas en el registro autonómico de viviendas de uso turístico en los barrios del centro histórico.",
              "Dwellings in the regional register of tourist-use dwellings in the historic centre's neighbourhoods.",
              "Logements inscrits au registre régional des logements à usage touristique dans les quartiers du centre historique."),
            "viviendas", 0, Direction.LowerIsBetter, Aggregation.Last, Frequency.Quarterly,
            2_900, "2022-12-31", "2023:2900 2024:2800 2025:2650 2026:2500 2027:2400", 0.62, Last.Submitted,
            Source: "Registro de Turismo", Externality: "X-02"),
        new("I-016", IndicatorLevel.Territorial, "AMB", null,
            T("NO₂ en la estación del puerto", "NO₂ at the port station", "NO₂ à la station du port"),
            T("Media mensual de dióxido de nitrógeno en la estación de calidad del aire del puerto.",
              "Monthly mean of nitrogen dioxide at the port's air-quality station.",
              "Moyenne mensuelle du dioxyde d'azote à la station de qualité de l'air du port."),
            "µg/m³", 1, Direction.LowerIsBetter, Aggregation.Average, Frequency.Monthly,
            42, "2022-12-31", "2023:40 2024:38 2025:36 2026:34 2027:32", 0.85, Last.Missing,
            Source: "Red de Vigilancia de la Calidad del Aire", Sdg: "11.6.2", Externality: "X-03"),
    ];

    public static async Task SeedSolmarAsync(NodalDbContext db, Guid orgId, IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var dept = departments.ToDictionary(d => d.Code, d => d.Id);
        var plan = await db.Plans.SingleAsync(p => p.OrganizationId == orgId && p.IsCurrent, ct);
        var objectives = await db.Objectives.Where(o => o.PlanId == plan.Id).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var actions = await db.Actions.Where(a => a.PlanId == plan.Id).Select(a => new { a.Id, a.Code, a.ObjectiveId, a.Modality, a.LeadDepartmentId }).OrderBy(a => a.Code).ToListAsync(ct);
        var projects = await db.Projects.Where(p => p.OrganizationId == orgId).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        Guid FirstAction(string objective, Nodal.Core.Policy.Modality? modality = null) =>
            actions.First(a => a.ObjectiveId == objectives[objective] && (modality is null || a.Modality == modality)).Id;

        var externalities = SeedExternalities(db, orgId, plan.Id, dept, objectives, FirstAction);

        foreach (var s in Specs)
        {
            var indicator = new Indicator
            {
                OrganizationId = orgId, PlanId = plan.Id, Code = s.Code, Name = s.Name, Definition = s.Definition, Level = s.Level,
                Kind = s.Rating is null ? IndicatorKind.Quantitative : IndicatorKind.Qualitative,
                Unit = s.Unit, Decimals = s.Decimals, Direction = s.Direction, Aggregation = s.Aggregation, Frequency = s.Frequency,
                RatingLevels = s.Rating?.ToList() ?? [],
                BaselineValue = s.Baseline, BaselineDate = s.BaselineOn is null ? null : D(s.BaselineOn),
                FirstPeriod = s.FirstPeriod is null ? null : D(s.FirstPeriod),
                DataSource = s.Source, OwnerDepartmentId = dept[s.Owner],
                ObjectiveId = s.ActionOf is null && s.Objective is not null ? objectives[s.Objective] : null,
                ActionId = s.ActionOf is null ? null : FirstAction(s.ActionOf, Nodal.Core.Policy.Modality.Investment),
                ProjectId = s.Project is null ? null : projects[s.Project],
                ExternalityId = s.Externality is null ? null : externalities[s.Externality],
                SdgIndicator = s.Sdg,
                DisaggregationName = s.Disaggregation, DisaggregationCategories = s.Categories?.ToList() ?? [],
            };
            db.Indicators.Add(indicator);

            var targets = s.Targets.Split(' ').Select(t => t.Split(':'))
                .ToDictionary(t => int.Parse(t[0], CultureInfo.InvariantCulture), t => decimal.Parse(t[1], CultureInfo.InvariantCulture));
            foreach (var (year, value) in targets)
            {
                db.IndicatorTargets.Add(new IndicatorTarget { OrganizationId = orgId, IndicatorId = indicator.Id, Period = new DateOnly(year, 1, 1), Span = Frequency.Yearly, Value = value });
            }

            var first = indicator.FirstPeriod ?? new DateOnly(plan.StartYear, 1, 1);
            var due = Periods.DueBy(first, AsOf, s.Frequency, indicator.GraceDays).ToList();
            var perYear = 12 / Periods.Rank(s.Frequency);
            for (var n = 0; n < due.Count; n++)
            {
                var period = due[n];
                var isLast = n == due.Count - 1;
                if (isLast && s.LastState == Last.Missing) break;
                if (!targets.TryGetValue(period.Year, out var target)) continue;
                var baseline = s.Baseline ?? 0m;
                var wiggle = 1m + ((n * 7 + s.Code[^1]) % 9 - 4) / 100m;
                decimal value = s.Aggregation == Aggregation.Sum
                    ? (baseline + (target - baseline) * (decimal)s.Performance) / perYear * wiggle
                    : s.Rating is not null
                        ? Math.Min(target, baseline + (period.Year - plan.StartYear + 1) / 2)
                        : (baseline + (target - baseline) * (decimal)s.Performance) * (s.Aggregation == Aggregation.Average ? wiggle : 1m);
                value = Math.Round(value, s.Decimals, MidpointRounding.AwayFromZero);
                var state = isLast ? s.LastState : Last.Validated;
                var submittedAt = Periods.DueOn(period, s.Frequency, 0).AddDays(12).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                var m = new Measurement
                {
                    OrganizationId = orgId, IndicatorId = indicator.Id, Period = period, Value = value,
                    Status = state switch { Last.Submitted => MeasurementStatus.Submitted, Last.Returned => MeasurementStatus.Returned, Last.Draft => MeasurementStatus.Draft, _ => MeasurementStatus.Validated },
                    SubmittedAt = state is Last.Draft ? null : submittedAt,
                    SubmittedBy = state is Last.Draft ? null : FocalPointOf(s.Owner),
                    ValidatedAt = state == Last.Validated ? submittedAt.AddDays(5) : null,
                    ValidatedBy = state == Last.Validated ? Coordinator : null,
                    ReturnComment = state == Last.Returned
                        ? "El desglose por sexo no suma el total: revisad las listas de asistencia de Quito y Rosario."
                        : null,
                    EvidenceUrl = n % 4 == 0 && s.Source is not null ? $"https://datos.solmar.example/indicadores/{s.Code.ToLowerInvariant()}/{Periods.Key(period, s.Frequency)}" : null,
                };
                if (s.Categories is { } cats)
                {
                    var women = Math.Round(value * 0.56m, 0, MidpointRounding.AwayFromZero);
                    m.BreakdownCategories = cats.ToList();
                    // The returned one is the one whose breakdown does not add up.
                    m.BreakdownValues = [women, state == Last.Returned ? value - women - 3 : value - women];
                }
                db.Measurements.Add(m);
            }
        }

        SeedEvaluations(db, orgId, plan.Id, dept, objectives, projects);
        await db.SaveChangesAsync(ct);
    }

    private static string? FocalPointOf(string department) => department switch
    {
        "MOB" => "marta.movilidad@solmar.example",
        "AMB" => "jordi.ambiente@solmar.example",
        "CUL" => "ines.cultura@solmar.example",
        _ => Coordinator,
    };

    private static Dictionary<string, Guid> SeedExternalities(
        NodalDbContext db, Guid orgId, Guid planId, Dictionary<string, Guid> dept, Dictionary<string, Guid> objectives,
        Func<string, Nodal.Core.Policy.Modality?, Guid> firstAction)
    {
        var result = new Dictionary<string, Guid>();
        Externality Add(string code, ExternalityKind kind, ExternalityState state, string owner, string drivers, Guid[] driverActions,
            LocalizedText name, LocalizedText description, LocalizedText benefits, LocalizedText costs, string? reviewed)
        {
            var x = new Externality
            {
                OrganizationId = orgId, PlanId = planId, Code = code, Kind = kind, State = state, OwnerDepartmentId = dept[owner],
                DriverObjectiveIds = drivers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(o => objectives[o]).ToList(),
                DriverActionIds = driverActions.ToList(),
                Name = name, Description = description, WhoBenefits = benefits, WhoBearsCost = costs,
                ReviewedOn = reviewed is null ? null : D(reviewed),
            };
            db.Externalities.Add(x);
            result[code] = x.Id;
            return x;
        }
        void Mitigate(Externality x, string owner, MitigationStatus status, string? due, LocalizedText measure) =>
            db.Mitigations.Add(new Mitigation { OrganizationId = orgId, ExternalityId = x.Id, OwnerDepartmentId = dept[owner], Status = status, Due = due is null ? null : D(due), Measure = measure });

        var gentrification = Add("X-01", ExternalityKind.Gentrification, ExternalityState.Concern, "VIV", "O1 O2",
            [firstAction("O1", Nodal.Core.Policy.Modality.Investment)],
            T("Gentrificación del centro histórico", "Gentrification of the historic centre", "Gentrification du centre historique"),
            T("La inversión inmobiliaria internacional y la demanda de profesionales desplazados encarecen el alquiler en el centro histórico y expulsan a vecinos de rentas bajas.",
              "International real-estate investment and demand from relocated professionals push rents up in the historic centre and push out low-income residents.",
              "L'investissement immobilier international et la demande des professionnels expatriés font monter les loyers du centre historique et chassent les habitants modestes."),
            T("Propietarios e inversores inmobiliarios; empresas que atraen talento.", "Property owners and investors; companies attracting talent.", "Propriétaires et investisseurs immobiliers ; entreprises qui attirent des talents."),
            T("Vecinos con alquiler en el centro, sobre todo mayores y jóvenes; comercio de proximidad.", "Tenants in the centre, above all older and young people; local shops.", "Locataires du centre, surtout les personnes âgées et les jeunes ; commerces de proximité."),
            "2026-09-15");
        Mitigate(gentrification, "VIV", MitigationStatus.InProgress, "2027-12-31",
            T("300 viviendas asequibles en el centro histórico", "300 affordable homes in the historic centre", "300 logements abordables dans le centre historique"));
        Mitigate(gentrification, "VIV", MitigationStatus.Done, "2024-06-30",
            T("Convenio con el Observatorio Metropolitano del Alquiler", "Agreement with the Metropolitan Rent Observatory", "Convention avec l'Observatoire métropolitain des loyers"));

        var tourism = Add("X-02", ExternalityKind.MassTourism, ExternalityState.Concern, "TUR", "O2",
            [firstAction("O2", Nodal.Core.Policy.Modality.Tourism)],
            T("Saturación turística del centro", "Tourist saturation of the centre", "Saturation touristique du centre"),
            T("La promoción internacional y las nuevas rutas aéreas concentran visitantes en pocas calles y convierten vivienda en alojamiento turístico.",
              "International promotion and new air routes concentrate visitors in a few streets and turn homes into tourist lets.",
              "La promotion internationale et les nouvelles lignes aériennes concentrent les visiteurs dans quelques rues et transforment des logements en meublés touristiques."),
            T("Hostelería, plataformas de alquiler turístico, aerolíneas.", "Hospitality, short-term rental platforms, airlines.", "Hôtellerie, plateformes de location touristique, compagnies aériennes."),
            T("Vecinos del centro histórico; servicios municipales de limpieza y seguridad.", "Historic-centre residents; municipal cleaning and safety services.", "Habitants du centre historique ; services municipaux de propreté et de sécurité."),
            "2026-06-10");
        Mitigate(tourism, "TUR", MitigationStatus.Done, "2024-12-31",
            T("Moratoria de nuevas licencias de vivienda turística en el centro", "Moratorium on new tourist-let licences in the centre", "Moratoire sur les nouvelles licences de meublés touristiques dans le centre"));
        Mitigate(tourism, "TUR", MitigationStatus.Planned, "2026-06-30",
            T("Tasa turística finalista para los barrios del centro", "Earmarked tourist tax for the centre's neighbourhoods", "Taxe de séjour affectée aux quartiers du centre"));

        var port = Add("X-03", ExternalityKind.PortOrAirportPollution, ExternalityState.Watch, "AMB", "O1 O3", [],
            T("Contaminación del tráfico portuario", "Pollution from port traffic", "Pollution du trafic portuaire"),
            T("El crecimiento de cruceros y logística atraído por la proyección internacional eleva el NO₂ en los barrios junto al puerto.",
              "The growth of cruises and logistics drawn by international promotion raises NO₂ in the neighbourhoods next to the port.",
              "La croissance des croisières et de la logistique attirée par la promotion internationale augmente le NO₂ dans les quartiers proches du port."),
            T("Navieras, operadores logísticos, comercio del puerto.", "Shipping lines, logistics operators, port trade.", "Compagnies maritimes, opérateurs logistiques, commerce portuaire."),
            T("Vecinos de los barrios portuarios.", "Residents of the port neighbourhoods.", "Habitants des quartiers portuaires."),
            "2026-03-20");
        Mitigate(port, "AMB", MitigationStatus.InProgress, "2027-06-30",
            T("Electrificación de los muelles de cruceros", "Shore power for the cruise berths", "Électrification des quais de croisière"));

        Add("X-04", ExternalityKind.LabourOverSpecialization, ExternalityState.Watch, "ECO", "O2", [],
            T("Dependencia del empleo turístico y ferial", "Dependence on tourism and trade-fair jobs", "Dépendance aux emplois du tourisme et des salons"),
            T("La captación de congresos y turismo concentra el empleo en sectores estacionales y de baja cualificación.",
              "Attracting congresses and tourism concentrates jobs in seasonal, low-skilled sectors.",
              "La captation de congrès et de touristes concentre l'emploi dans des secteurs saisonniers et peu qualifiés."),
            T("Sector turístico y ferial.", "The tourism and trade-fair sector.", "Le secteur du tourisme et des salons."),
            T("Trabajadores temporales; la economía metropolitana ante una crisis del turismo.", "Seasonal workers; the metropolitan economy in a tourism downturn.", "Travailleurs saisonniers ; l'économie métropolitaine en cas de crise du tourisme."),
            null);
        return result;
    }

    private static void SeedEvaluations(
        NodalDbContext db, Guid orgId, Guid planId, Dictionary<string, Guid> dept, Dictionary<string, Guid> objectives,
        Dictionary<string, Guid> projects)
    {
        Evaluation Add(string code, EvaluationKind kind, EvaluationScope scope, EvaluationStatus status, string? start, string? end,
            EvaluatorKind evaluators, string? names, LocalizedText title, LocalizedText method, LocalizedText findings,
            Guid? objective = null, Guid? action = null, Guid? project = null, LocalizedText? practice = null, string[]? themes = null, string[]? sdg = null)
        {
            var e = new Evaluation
            {
                OrganizationId = orgId, PlanId = planId, Code = code, Kind = kind, Scope = scope, Status = status,
                Start = start is null ? null : D(start), End = end is null ? null : D(end), Evaluators = evaluators, EvaluatorNames = names,
                Title = title, Method = method, Findings = findings, ObjectiveId = objective, ActionId = action, ProjectId = project,
                IsGoodPractice = practice is not null, PracticeSummary = practice ?? new LocalizedText(), Themes = themes?.ToList() ?? [], SdgTargets = sdg?.ToList() ?? [],
            };
            db.Evaluations.Add(e);
            return e;
        }
        var order = 0;
        void Recommend(Evaluation e, string owner, RecommendationStatus status, string? due, string? done, LocalizedText text, LocalizedText? response = null) =>
            db.Recommendations.Add(new Recommendation
            {
                OrganizationId = orgId, EvaluationId = e.Id, OwnerDepartmentId = dept[owner], Status = status, Due = due is null ? null : D(due),
                DoneOn = done is null ? null : D(done), Text = text, Response = response ?? new LocalizedText(), SortOrder = ++order,
            });

        var midTerm = Add("E-001", EvaluationKind.Process, EvaluationScope.Plan, EvaluationStatus.Completed, "2025-03-01", "2025-06-30",
            EvaluatorKind.External, "Universidad de Solmar — Instituto de Políticas Públicas",
            T("Evaluación intermedia de Solmar Global", "Mid-term evaluation of Solmar Global", "Évaluation à mi-parcours de Solmar Global"),
            T("Análisis documental, 42 entrevistas a departamentos y actores locales, dos grupos focales y revisión de los indicadores.",
              "Document review, 42 interviews with departments and local actors, two focus groups and a review of the indicators.",
              "Analyse documentaire, 42 entretiens avec les directions et les acteurs locaux, deux groupes de discussion et un examen des indicateurs."),
            T("La acción internacional es hoy mayoritariamente planificada, pero un tercio de las acciones sigue llegando como petición; tres objetivos carecían de indicador con línea de base y la coordinación con los departamentos depende de personas concretas.",
              "International action is now mostly planned, but a third of the actions still arrive as requests; three objectives lacked an indicator with a baseline, and coordination with departments depends on particular people.",
              "L'action internationale est désormais surtout planifiée, mais un tiers des actions arrivent encore sous forme de demandes ; trois objectifs n'avaient pas d'indicateur avec valeur de référence, et la coordination avec les directions repose sur quelques personnes."));
        Recommend(midTerm, "ORI", RecommendationStatus.Done, "2025-12-31", "2025-10-15",
            T("Dotar a cada objetivo de al menos un indicador con línea de base y meta.", "Give every objective at least one indicator with a baseline and a target.", "Doter chaque objectif d'au moins un indicateur avec valeur de référence et cible."),
            T("Hecho para nueve de diez objetivos; O10 pendiente de la nueva estrategia de género.", "Done for nine of ten objectives; O10 awaits the new gender strategy.", "Fait pour neuf objectifs sur dix ; O10 attend la nouvelle stratégie de genre."));
        Recommend(midTerm, "ORI", RecommendationStatus.InProgress, "2026-06-30", null,
            T("Vincular a un objetivo, en tres meses como máximo, cada petición que se atienda.", "Attach every request taken on to an objective within three months.", "Rattacher à un objectif, sous trois mois au plus, chaque demande prise en charge."),
            T("Revisión trimestral de las acciones reactivas en el comité de coordinación.", "Quarterly review of reactive actions in the coordination committee.", "Revue trimestrielle des actions réactives au comité de coordination."));
        Recommend(midTerm, "ORI", RecommendationStatus.Accepted, "2026-12-31", null,
            T("Formalizar la red de puntos focales con una persona designada en cada departamento.", "Formalize the focal-point network with a named person in every department.", "Formaliser le réseau de points focaux avec une personne désignée dans chaque direction."));
        Recommend(midTerm, "COM", RecommendationStatus.Proposed, "2027-03-31", null,
            T("Publicar un informe anual de rendición de cuentas de la acción internacional.", "Publish a yearly accountability report on international action.", "Publier un rapport annuel de reddition de comptes de l'action internationale."));
        Recommend(midTerm, "ORI", RecommendationStatus.Rejected, null, null,
            T("Reducir a la mitad las membresías en redes de ciudades.", "Halve the number of city-network memberships.", "Réduire de moitié les adhésions aux réseaux de villes."),
            T("No aceptada: las cinco redes sostienen objetivos de incidencia (O9); se revisará su aporte cada año.", "Not accepted: the five networks support advocacy objectives (O9); what each brings will be reviewed yearly.", "Non acceptée : les cinq réseaux servent les objectifs de plaidoyer (O9) ; leur apport sera revu chaque année."));

        var sfax = Add("E-002", EvaluationKind.Impact, EvaluationScope.Project, EvaluationStatus.InProgress, "2026-05-01", "2027-02-28",
            EvaluatorKind.Mixed, "Departamento de Medio Ambiente; Université de Sfax",
            T("Impacto del plan de adaptación del litoral de Sfax", "Impact of Sfax's coastal adaptation plan", "Impact du plan d'adaptation du littoral de Sfax"),
            T("Comparación de barrios intervenidos y no intervenidos (diferencias en diferencias) con datos de residuos y de inundaciones 2019–2026.",
              "Comparison of neighbourhoods with and without the intervention (difference in differences) with waste and flooding data 2019–2026.",
              "Comparaison de quartiers avec et sans intervention (doubles différences) à partir des données de déchets et d'inondations 2019–2026."),
            T("Primeros resultados en febrero de 2027.", "First results in February 2027.", "Premiers résultats en février 2027."),
            project: projects["PR-0002"]);
        Recommend(sfax, "AMB", RecommendationStatus.Proposed, "2027-03-31", null,
            T("Incluir a las asociaciones de barrio en la recogida de datos.", "Involve neighbourhood associations in data collection.", "Associer les associations de quartier à la collecte des données."));

        Add("E-003", EvaluationKind.Systematization, EvaluationScope.Objective, EvaluationStatus.Completed, "2026-01-15", "2026-05-30",
            EvaluatorKind.Internal, "Departamento de Educación y Oficina de Relaciones Internacionales",
            T("Escuelas globales: la ciudadanía global en el aula", "Global schools: global citizenship in the classroom", "Écoles globales : la citoyenneté mondiale en classe"),
            T("Talleres con docentes y familias de 30 nacionalidades; revisión de materiales; encuesta a 1.200 estudiantes.",
              "Workshops with teachers and families of 30 nationalities; review of the materials; survey of 1,200 students.",
              "Ateliers avec des enseignants et des familles de 30 nationalités ; examen des supports ; enquête auprès de 1 200 élèves."),
            T("El programa funciona donde las familias de la diáspora participan como ponentes; la formación docente es la clave para extenderlo.",
              "The programme works where diaspora families take part as speakers; teacher training is the key to scaling it.",
              "Le programme fonctionne là où les familles de la diaspora interviennent ; la formation des enseignants est la clé de son extension."),
            objective: objectives["O7"],
            practice: T("Centros educativos que invitan a las familias de la diáspora a explicar su ciudad de origen y conectan el aula con escuelas de ciudades hermanadas. Transferible con una guía docente de 40 páginas y un coordinador por distrito.",
                        "Schools invite diaspora families to present their home city and link the classroom with schools in twin cities. Transferable with a 40-page teachers' guide and one coordinator per district.",
                        "Des établissements invitent les familles de la diaspora à présenter leur ville d'origine et relient la classe à des écoles de villes jumelées. Transférable avec un guide enseignant de 40 pages et un coordinateur par district."),
            themes: ["educación", "ciudadanía global", "diásporas"], sdg: ["4.7", "10.2"]);

        Add("E-004", EvaluationKind.Systematization, EvaluationScope.Objective, EvaluationStatus.Completed, "2025-02-01", "2025-04-30",
            EvaluatorKind.Internal, "Departamento de Movilidad y Transporte",
            T("De Medellín a Solmar: la transferencia del cable urbano", "From Medellín to Solmar: transferring the urban cable car", "De Medellín à Solmar : le transfert du téléphérique urbain"),
            T("Sistematización de los intercambios técnicos 2023–2024 y del estudio de viabilidad.", "Systematization of the 2023–2024 technical exchanges and of the feasibility study.", "Capitalisation des échanges techniques 2023–2024 et de l'étude de faisabilité."),
            T("La estancia de técnicos en la ciudad par, y no las visitas cortas, permitió adaptar la solución a la orografía de Solmar.",
              "Placements of technicians in the peer city, rather than short visits, made it possible to adapt the solution to Solmar's terrain.",
              "Les séjours de techniciens dans la ville pair, plutôt que des visites courtes, ont permis d'adapter la solution au relief de Solmar."),
            objective: objectives["O3"],
            practice: T("Estancias técnicas de tres semanas en la ciudad par, con un informe de retorno y un compromiso de adopción firmado por el departamento.",
                        "Three-week technical placements in the peer city, with a report back and a commitment to adopt signed by the department.",
                        "Séjours techniques de trois semaines dans la ville pair, avec un rapport de retour et un engagement d'adoption signé par la direction."),
            themes: ["movilidad", "transferencia de políticas", "intercambio técnico"], sdg: ["11.2"]);
    }

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LocalizedText T(string es, string en, string fr) => new(es, en, fr);
}
