using System.Globalization;
using M = Nodal.Core.Policy.Modality;
using S = Nodal.Core.Policy.ActionStatus;

namespace Nodal.Web.Seeding;

/// <summary>
/// The demo's international policy. Solmar keeps its archived first strategy (2019–2022, mostly reactive)
/// and works under "Solmar Global 2023–2027": a territorial analysis, five axes, ten objectives over the
/// five families (one still without an action) and 68 actions whose planned share rises year by year
/// while requests from embassies, networks and departments keep arriving. Costa Alta gets a small draft.
/// Everything is fixed data (no randomness, no "now"): the statuses read as of <see cref="AsOf"/>.
/// Plan versions are left to the app's adopt operation, which builds the snapshots.
/// </summary>
public static class DemoPlan
{
    /// <summary>The day the demo's statuses and spending were written for.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    private sealed record Item(string Key, AnalysisKind Kind, TerritoryArea Area, LocalizedText Statement);
    private sealed record AxisRow(string Key, AxisKind Kind, LocalizedText Name, LocalizedText Description, string Regions, string Countries, string Items);
    private sealed record Goal(string Code, ObjectiveFamily Family, string Owner, string Axes, string Deadline, string Sdg, string CityPlan, LocalizedText Legal, LocalizedText Statement);
    /// <summary>How a reactive action arrived: from an outside actor, or from a department ("@MOB"); attached later to an objective or not.</summary>
    private sealed record Req(string By, string On, string? AttachedOn = null);
    private sealed record Ms(string Due, string? Done, string Es, string En, string Fr);
    private sealed record Act(
        string? Objective, Req? Request, M Modality, string Lead, string Involved, string Axes,
        string Partners, string Countries, string Cities, string Start, string End, S Status,
        decimal Budget, string Sdg, LocalizedText Title, LocalizedText Description, LocalizedText Beneficiaries, int? Count,
        string Currency = "EUR", Ms[]? Milestones = null);

    // ───────────────────────────── Solmar ─────────────────────────────

    public static async Task SeedSolmarAsync(NodalDbContext db, Organization org, IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var dept = departments.ToDictionary(d => d.Code, d => d.Id);
        await SeedPastPlanAsync(db, org.Id, dept, ct);
        await SeedCurrentPlanAsync(db, org.Id, dept, ct);
    }

    private static async Task SeedCurrentPlanAsync(NodalDbContext db, Guid orgId, Dictionary<string, Guid> dept, CancellationToken ct)
    {
        var plan = new StrategicPlan
        {
            OrganizationId = orgId,
            Title = T("Solmar Global 2023–2027", "Solmar Global 2023–2027", "Solmar Global 2023–2027"),
            StartYear = 2023, EndYear = 2027,
            Vision = T(
                "En 2027 Solmar es una metrópolis mediterránea abierta que usa su acción internacional para acelerar la transición climática, diversificar su economía más allá del turismo y estrechar los lazos con el Mediterráneo y América Latina, con una política planificada, transversal y evaluada.",
                "By 2027 Solmar is an open Mediterranean metropolis that uses its international action to speed up the climate transition, diversify its economy beyond tourism and deepen its ties with the Mediterranean and Latin America, through a policy that is planned, cross-cutting and evaluated.",
                "En 2027, Solmar est une métropole méditerranéenne ouverte qui met son action internationale au service de la transition climatique, de la diversification de son économie au-delà du tourisme et du resserrement de ses liens avec la Méditerranée et l'Amérique latine, grâce à une politique planifiée, transversale et évaluée."),
            CityModel = T(
                "Una metrópolis descarbonizada, cohesionada y creativa, que vive de su puerto y de su conocimiento y no solo de sus visitantes; donde la diversidad de sus vecinos —uno de cada cinco nacido en el extranjero— es un activo, y donde el crecimiento no expulsa a quienes la habitan.",
                "A decarbonized, cohesive and creative metropolis that lives from its port and its knowledge and not only from its visitors; where the diversity of its residents — one in five born abroad — is an asset, and where growth does not push out the people who live there.",
                "Une métropole décarbonée, solidaire et créative, qui vit de son port et de ses savoirs et pas seulement de ses visiteurs ; où la diversité de ses habitants — un sur cinq né à l'étranger — est un atout, et où la croissance ne chasse pas ceux qui y vivent."),
            CityPlanName = "Plan Estratégico Metropolitano Solmar 2030",
            CityPlanUrl = "https://solmar.example/plan-estrategico-2030",
            CityPlanObjectives = string.Join('\n', CityPlanGoals),
            Status = PlanStatus.Adopted,
            AdoptedOn = new DateOnly(2023, 3, 30),
            AdoptedBy = "Pleno del Consejo Metropolitano",
            AdoptionAct = "Acuerdo 2023/045",
            IsCurrent = true,
        };
        db.Plans.Add(plan);

        var items = new Dictionary<string, Guid>();
        var order = 0;
        foreach (var i in Analysis)
        {
            var item = new AnalysisItem { OrganizationId = orgId, PlanId = plan.Id, Kind = i.Kind, Area = i.Area, Statement = i.Statement, SortOrder = ++order };
            items[i.Key] = item.Id;
            db.AnalysisItems.Add(item);
        }

        var axes = new Dictionary<string, Guid>();
        var priority = 0;
        foreach (var a in Axes)
        {
            var axis = new Axis
            {
                OrganizationId = orgId, PlanId = plan.Id, Kind = a.Kind, Name = a.Name, Description = a.Description, Priority = ++priority,
                Regions = Codes(a.Regions), Countries = Codes(a.Countries), AnalysisItemIds = Codes(a.Items).Select(k => items[k]).ToList(),
            };
            axes[a.Key] = axis.Id;
            db.Axes.Add(axis);
        }

        var objectives = AddObjectives(db, orgId, plan.Id, Goals, dept, axes);
        AddActions(db, orgId, plan.Id, CurrentActions, "A-{0:000}", dept, axes, objectives);
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] CityPlanGoals =
    [
        "OE1. Una metrópolis neutra en carbono y adaptada al clima",
        "OE2. Una economía diversificada e innovadora, con empleo de calidad",
        "OE3. Una metrópolis cohesionada, con vivienda asequible",
        "OE4. Una metrópolis abierta, creativa y diversa",
    ];

    private static readonly Item[] Analysis =
    [
        new("port", AnalysisKind.Specificity, TerritoryArea.Geographic, T(
            "Ciudad portuaria mediterránea con uno de los principales puertos de contenedores del Mediterráneo occidental y un aeropuerto internacional con 96 destinos directos.",
            "A Mediterranean port city with one of the leading container ports of the western Mediterranean and an international airport serving 96 direct destinations.",
            "Ville portuaire méditerranéenne dotée de l'un des principaux ports à conteneurs de la Méditerranée occidentale et d'un aéroport international desservant 96 destinations directes.")),
        new("heritage", AnalysisKind.Specificity, TerritoryArea.Cultural, T(
            "Centro histórico de origen romano y andalusí, un festival internacional de cine con 40 ediciones y una escena creativa reconocida en todo el Mediterráneo.",
            "A historic centre of Roman and Andalusi origin, an international film festival now in its 40th edition and a creative scene known across the Mediterranean.",
            "Un centre historique d'origine romaine et andalouse, un festival international de cinéma qui compte 40 éditions et une scène créative reconnue dans toute la Méditerranée.")),
        new("diversity", AnalysisKind.Specificity, TerritoryArea.Social, T(
            "El 18 % de la población ha nacido en el extranjero; las comunidades más numerosas proceden de Marruecos, Colombia, Argelia, Ecuador y Argentina.",
            "18% of residents were born abroad; the largest communities come from Morocco, Colombia, Algeria, Ecuador and Argentina.",
            "18 % des habitants sont nés à l'étranger ; les communautés les plus nombreuses viennent du Maroc, de Colombie, d'Algérie, d'Équateur et d'Argentine.")),
        new("logistics", AnalysisKind.Strength, TerritoryArea.Economic, T(
            "Nodo logístico del Corredor Mediterráneo: puerto, zona de actividades logísticas y conexión ferroviaria de ancho estándar con Francia.",
            "A logistics hub on the Mediterranean Corridor: the port, a logistics activity zone and a standard-gauge rail link to France.",
            "Un nœud logistique du corridor méditerranéen : le port, une zone d'activités logistiques et une liaison ferroviaire à écartement standard vers la France.")),
        new("universities", AnalysisKind.Strength, TerritoryArea.Social, T(
            "Tres universidades públicas y un parque tecnológico: 95 000 estudiantes, 9 000 de ellos internacionales, y grupos de investigación punteros en agua, energía y datos.",
            "Three public universities and a technology park: 95,000 students, 9,000 of them international, and leading research groups in water, energy and data.",
            "Trois universités publiques et un parc technologique : 95 000 étudiants, dont 9 000 internationaux, et des équipes de recherche de pointe sur l'eau, l'énergie et les données.")),
        new("metro", AnalysisKind.Strength, TerritoryArea.Institutional, T(
            "Un gobierno metropolitano con competencias propias en transporte, medio ambiente y planeamiento sobre 36 municipios, miembro de Metropolis desde 2008.",
            "A metropolitan government with its own powers over transport, environment and planning across 36 municipalities, a member of Metropolis since 2008.",
            "Un gouvernement métropolitain doté de compétences propres en transports, environnement et planification sur 36 communes, membre de Metropolis depuis 2008.")),
        new("tourism", AnalysisKind.Weakness, TerritoryArea.Economic, T(
            "Fuerte dependencia del turismo: el 14 % del PIB y el 18 % del empleo, muy estacional y con salarios por debajo de la media.",
            "Heavy reliance on tourism: 14% of GDP and 18% of jobs, highly seasonal and paid below the average.",
            "Forte dépendance au tourisme : 14 % du PIB et 18 % de l'emploi, très saisonnier et moins bien rémunéré que la moyenne.")),
        new("fragmented", AnalysisKind.Weakness, TerritoryArea.Institutional, T(
            "Hasta 2022, una acción internacional reactiva y fragmentada: cada departamento y cada municipio con su propia agenda, sin objetivos comunes ni evaluación.",
            "Until 2022, reactive and fragmented international action: each department and municipality kept its own agenda, with no shared objectives and no evaluation.",
            "Jusqu'en 2022, une action internationale réactive et fragmentée : chaque service et chaque commune avait son propre agenda, sans objectifs communs ni évaluation.")),
        new("pollution", AnalysisKind.Weakness, TerritoryArea.Natural, T(
            "Contaminación del aire por el tráfico portuario, aeroportuario y rodado: el NO2 supera las guías de la OMS en los barrios del frente portuario.",
            "Air pollution from port, airport and road traffic: NO2 exceeds the WHO guidelines in the neighbourhoods along the port.",
            "Pollution de l'air due au trafic portuaire, aéroportuaire et routier : le NO2 dépasse les lignes directrices de l'OMS dans les quartiers du front portuaire.")),
        new("eufunds", AnalysisKind.Opportunity, TerritoryArea.Economic, T(
            "Los fondos europeos (Next Generation EU, Horizonte Europa, Interreg Euro-MED) y la relocalización de empresas digitales hacia el sur de Europa.",
            "European funds (Next Generation EU, Horizon Europe, Interreg Euro-MED) and digital companies relocating to southern Europe.",
            "Les fonds européens (Next Generation EU, Horizon Europe, Interreg Euro-MED) et la relocalisation d'entreprises numériques vers le sud de l'Europe.")),
        new("diaspora", AnalysisKind.Opportunity, TerritoryArea.Social, T(
            "Las diásporas latinoamericana y magrebí, con asociaciones activas y vínculos familiares y empresariales, pueden servir de puente para el comercio, la cultura y la cooperación.",
            "The Latin American and Maghreb diasporas, with active associations and family and business ties, can act as bridges for trade, culture and cooperation.",
            "Les diasporas latino-américaine et maghrébine, avec des associations actives et des liens familiaux et d'affaires, peuvent servir de pont pour le commerce, la culture et la coopération.")),
        new("gentrification", AnalysisKind.Threat, TerritoryArea.Social, T(
            "Turismo masivo y gentrificación: los alquileres del centro histórico y del frente marítimo han subido un 38 % desde 2017 y una de cada cinco viviendas es de uso turístico.",
            "Mass tourism and gentrification: rents in the historic centre and along the seafront have risen 38% since 2017 and one home in five is let to tourists.",
            "Tourisme de masse et gentrification : les loyers du centre historique et du front de mer ont augmenté de 38 % depuis 2017 et un logement sur cinq est loué aux touristes.")),
        new("climate", AnalysisKind.Threat, TerritoryArea.Natural, T(
            "Emergencia climática en el Mediterráneo: olas de calor más largas, sequías, subida del nivel del mar y lluvias torrenciales sobre un litoral muy urbanizado.",
            "Climate emergency in the Mediterranean: longer heat waves, droughts, sea-level rise and torrential rain over a heavily built-up coast.",
            "Urgence climatique en Méditerranée : canicules plus longues, sécheresses, montée du niveau de la mer et pluies torrentielles sur un littoral très urbanisé.")),
    ];

    private static readonly AxisRow[] Axes =
    [
        new("CLIMA", AxisKind.Thematic,
            T("Movilidad sostenible y clima", "Sustainable mobility and climate", "Mobilité durable et climat"),
            T("Aprender y cooperar para descarbonizar la movilidad, el puerto y la logística, y para adaptar el litoral al cambio climático.",
              "Learning and cooperating to decarbonize mobility, the port and logistics, and to adapt the coast to climate change.",
              "Apprendre et coopérer pour décarboner la mobilité, le port et la logistique, et pour adapter le littoral au changement climatique."),
            "", "", "pollution climate metro"),
        new("CONOC", AxisKind.Thematic,
            T("Economía del conocimiento e innovación", "Knowledge economy and innovation", "Économie de la connaissance et innovation"),
            T("Atraer inversión, talento y proyectos que diversifiquen la economía más allá del turismo, apoyándose en las universidades y el puerto.",
              "Attracting investment, talent and projects that diversify the economy beyond tourism, building on the universities and the port.",
              "Attirer investissements, talents et projets qui diversifient l'économie au-delà du tourisme, en s'appuyant sur les universités et le port."),
            "", "", "universities eufunds tourism"),
        new("CULT", AxisKind.Thematic,
            T("Cultura y diversidad", "Culture and diversity", "Culture et diversité"),
            T("Proyectar la cultura de Solmar, valorar la diversidad de sus vecinos y acercar a la ciudadanía a otras realidades del mundo.",
              "Projecting Solmar's culture, valuing the diversity of its residents and bringing citizens closer to other realities of the world.",
              "Faire rayonner la culture de Solmar, valoriser la diversité de ses habitants et rapprocher les citoyens d'autres réalités du monde."),
            "", "", "heritage diversity gentrification"),
        new("MED", AxisKind.Geographic,
            T("Mediterráneo", "Mediterranean", "Méditerranée"),
            T("El espacio natural de Solmar: ciudades portuarias del sur de Europa y del norte de África que comparten retos de clima, turismo y migración.",
              "Solmar's natural space: port cities of southern Europe and North Africa that share challenges of climate, tourism and migration.",
              "L'espace naturel de Solmar : les villes portuaires du sud de l'Europe et d'Afrique du Nord, qui partagent des défis de climat, de tourisme et de migration."),
            "039 015", "MA TN IT FR PT GR", "port logistics diaspora"),
        new("LAT", AxisKind.Geographic,
            T("América Latina", "Latin America", "Amérique latine"),
            T("Vínculos históricos, lengua común y una diáspora numerosa: socios para el intercambio en movilidad, urbanismo social e innovación.",
              "Historic ties, a shared language and a large diaspora: partners for exchange on mobility, social urbanism and innovation.",
              "Des liens historiques, une langue commune et une importante diaspora : des partenaires d'échange en mobilité, urbanisme social et innovation."),
            "419", "MX CO AR BR CL PE UY", "diaspora diversity"),
    ];

    private static readonly LocalizedText LawLocal25H = T(
        "Ley 7/1985, de 2 de abril, reguladora de las Bases del Régimen Local, art. 25.2.h (promoción de la actividad turística)",
        "Law 7/1985 of 2 April regulating the Bases of Local Government, art. 25.2.h (promotion of tourism)",
        "Loi 7/1985 du 2 avril réglementant les bases du régime local, art. 25.2.h (promotion de l'activité touristique)");
    private static readonly LocalizedText LawLocal25M = T(
        "Ley 7/1985, de 2 de abril, reguladora de las Bases del Régimen Local, art. 25.2.m (promoción de la cultura)",
        "Law 7/1985 of 2 April regulating the Bases of Local Government, art. 25.2.m (promotion of culture)",
        "Loi 7/1985 du 2 avril réglementant les bases du régime local, art. 25.2.m (promotion de la culture)");
    // The metropolitan law is as fictional as Solmar itself.
    private static readonly LocalizedText LawMetro14 = T(
        "Ley 6/2012, de 14 de junio, del Área Metropolitana de Solmar, art. 14 (movilidad y transporte metropolitano)",
        "Law 6/2012 of 14 June on the Solmar Metropolitan Area, art. 14 (metropolitan mobility and transport)",
        "Loi 6/2012 du 14 juin relative à l'aire métropolitaine de Solmar, art. 14 (mobilité et transports métropolitains)");
    private static readonly LocalizedText LawMetro17 = T(
        "Ley 6/2012, de 14 de junio, del Área Metropolitana de Solmar, art. 17 (promoción económica)",
        "Law 6/2012 of 14 June on the Solmar Metropolitan Area, art. 17 (economic development)",
        "Loi 6/2012 du 14 juin relative à l'aire métropolitaine de Solmar, art. 17 (développement économique)");
    private static readonly LocalizedText LawCooperation = T(
        "Ley 1/2023, de 20 de febrero, de Cooperación para el Desarrollo Sostenible y la Solidaridad Global (cooperación descentralizada)",
        "Law 1/2023 of 20 February on Cooperation for Sustainable Development and Global Solidarity (decentralized cooperation)",
        "Loi 1/2023 du 20 février sur la coopération pour le développement durable et la solidarité mondiale (coopération décentralisée)");
    private static readonly LocalizedText LawGlobalCitizenship = T(
        "Ley 1/2023, de 20 de febrero, de Cooperación para el Desarrollo Sostenible y la Solidaridad Global (educación para la ciudadanía global)",
        "Law 1/2023 of 20 February on Cooperation for Sustainable Development and Global Solidarity (global citizenship education)",
        "Loi 1/2023 du 20 février sur la coopération pour le développement durable et la solidarité mondiale (éducation à la citoyenneté mondiale)");
    private static readonly LocalizedText LawGender = T(
        "Ley 1/2023 de Cooperación para el Desarrollo Sostenible y la Solidaridad Global; Ley Orgánica 3/2007, para la igualdad efectiva de mujeres y hombres",
        "Law 1/2023 on Cooperation for Sustainable Development and Global Solidarity; Organic Law 3/2007 on effective equality between women and men",
        "Loi 1/2023 sur la coopération pour le développement durable et la solidarité mondiale ; loi organique 3/2007 pour l'égalité effective entre les femmes et les hommes");
    private static readonly LocalizedText LawExternalAction = T(
        "Ley 2/2014, de 25 de marzo, de la Acción y del Servicio Exterior del Estado, art. 11",
        "Law 2/2014 of 25 March on the State's External Action and Service, art. 11",
        "Loi 2/2014 du 25 mars sur l'action et le service extérieurs de l'État, art. 11");

    private static readonly Goal[] Goals =
    [
        new("O1", ObjectiveFamily.Projection, "ECO", "CONOC", "2027-12-31", "8.2 9.5", CityPlanGoals[1], LawMetro17, T(
            "Atraer inversión, empresas y talento de la economía del conocimiento para que el empleo tecnológico crezca un 25 % en 2027.",
            "Attract knowledge-economy investment, companies and talent so that tech employment grows by 25% by 2027.",
            "Attirer investissements, entreprises et talents de l'économie de la connaissance pour que l'emploi technologique progresse de 25 % d'ici 2027.")),
        new("O2", ObjectiveFamily.Projection, "TUR", "CULT", "2027-06-30", "8.9 12.b", CityPlanGoals[1], LawLocal25H, T(
            "Reorientar la proyección turística hacia el turismo cultural y de congresos fuera de temporada, sin aumentar la presión sobre el centro histórico.",
            "Shift tourism promotion towards off-season cultural and business tourism without adding pressure on the historic centre.",
            "Réorienter la promotion touristique vers le tourisme culturel et d'affaires hors saison, sans accroître la pression sur le centre historique.")),
        new("O3", ObjectiveFamily.Exchange, "MOB", "CLIMA MED", "2027-12-31", "11.2 13.2", CityPlanGoals[0], LawMetro14, T(
            "Intercambiar soluciones de movilidad sostenible y logística descarbonizada con ciudades pares del Mediterráneo y América Latina, e incorporar al menos cinco a las políticas metropolitanas.",
            "Exchange sustainable mobility and low-carbon logistics solutions with peer cities in the Mediterranean and Latin America, and adopt at least five of them in metropolitan policies.",
            "Échanger des solutions de mobilité durable et de logistique décarbonée avec des villes pairs de la Méditerranée et d'Amérique latine, et en intégrer au moins cinq aux politiques métropolitaines.")),
        new("O4", ObjectiveFamily.Exchange, "INN", "CONOC LAT", "2026-12-31", "9.5 16.6 17.6", CityPlanGoals[1], LawExternalAction, T(
            "Compartir con ciudades pares experiencias de innovación urbana, datos abiertos y gobierno digital, con tres proyectos piloto conjuntos.",
            "Share urban innovation, open data and digital government experience with peer cities, with three joint pilot projects.",
            "Partager avec des villes pairs des expériences d'innovation urbaine, de données ouvertes et d'administration numérique, avec trois projets pilotes communs.")),
        new("O5", ObjectiveFamily.Solidarity, "AMB", "CLIMA MED", "2027-12-31", "11.6 13.1 17.9", CityPlanGoals[0], LawCooperation, T(
            "Cooperar con ciudades del Magreb en gestión de residuos, agua y adaptación al clima, transfiriendo capacidades técnicas y no solo recursos.",
            "Cooperate with Maghreb cities on waste, water and climate adaptation, transferring technical capacity and not only funds.",
            "Coopérer avec des villes du Maghreb sur les déchets, l'eau et l'adaptation au climat, en transférant des capacités techniques et pas seulement des fonds.")),
        new("O6", ObjectiveFamily.Solidarity, "ORI", "LAT", "2027-12-31", "10.2 11.1 17.9", CityPlanGoals[2], LawCooperation, T(
            "Impulsar la cooperación Sur-Sur y triangular con ciudades latinoamericanas en urbanismo social, vivienda e inclusión.",
            "Promote South-South and triangular cooperation with Latin American cities on social urbanism, housing and inclusion.",
            "Promouvoir la coopération Sud-Sud et triangulaire avec des villes latino-américaines en urbanisme social, logement et inclusion.")),
        new("O7", ObjectiveFamily.Reciprocity, "EDU", "CULT", "2027-06-30", "4.7", CityPlanGoals[3], LawGlobalCitizenship, T(
            "Llevar la educación para la ciudadanía global a la mitad de los centros educativos del área metropolitana.",
            "Bring global citizenship education to half of the schools in the metropolitan area.",
            "Étendre l'éducation à la citoyenneté mondiale à la moitié des établissements scolaires de l'aire métropolitaine.")),
        new("O8", ObjectiveFamily.Reciprocity, "CUL", "CULT MED LAT", "2027-12-31", "11.4 10.2 10.7", CityPlanGoals[3], LawLocal25M, T(
            "Valorizar la diversidad cultural de las diásporas y abrir la vida cultural de Solmar al Mediterráneo y a América Latina.",
            "Value the cultural diversity of the diasporas and open Solmar's cultural life to the Mediterranean and Latin America.",
            "Valoriser la diversité culturelle des diasporas et ouvrir la vie culturelle de Solmar à la Méditerranée et à l'Amérique latine.")),
        new("O9", ObjectiveFamily.Advocacy, "ORI", "CLIMA", "2027-09-30", "11.1 13.2 16.7 17.17", CityPlanGoals[0], LawExternalAction, T(
            "Defender en redes y alianzas de ciudades el acceso directo de los gobiernos locales a la financiación climática y la regulación del alquiler turístico.",
            "Press, through city networks and alliances, for local governments' direct access to climate finance and for the regulation of short-term rentals.",
            "Défendre, au sein des réseaux et alliances de villes, l'accès direct des gouvernements locaux à la finance climat et la régulation de la location touristique.")),
        // Adopted with the plan but never given an action: the overview shows it as an objective with no action.
        new("O10", ObjectiveFamily.Solidarity, "SOC", "MED LAT", "2026-12-31", "5.5 5.c", CityPlanGoals[2], LawGender, T(
            "Incorporar la perspectiva de género en la cooperación descentralizada: el 40 % de los proyectos con enfoque de género y con mujeres electas en puestos de liderazgo.",
            "Mainstream gender in decentralized cooperation: 40% of projects with a gender focus and women elected officials in leading roles.",
            "Intégrer le genre dans la coopération décentralisée : 40 % des projets avec une approche de genre et des élues en position de responsabilité.")),
    ];

    /// <summary>
    /// Solmar Global's actions, in the order they were registered (codes A-001…). By start year:
    /// 2023: 5 of 11 planned, 2024: 9 of 15, 2025: 13 of 17, 2026: 13 of 16, 2027: 8 of 9 (at each year's end;
    /// four reactive actions were attached to an objective in a later year).
    /// </summary>
    private static readonly Act[] CurrentActions =
    [
        // ── 2023: the plan is adopted in March; requests still set most of the agenda ──
        new(null, new("Embajada de Japón", "2023-01-18"), M.MissionOrVisit, "ORI", "ECO TUR", "",
            "Embajada de Japón; JETRO Madrid", "JP", "Osaka", "2023-02-20", "2023-02-24", S.Done, 18_000, "17.17",
            T("Recepción de la delegación económica de Osaka", "Hosting the Osaka economic delegation", "Accueil de la délégation économique d'Osaka"),
            T("Programa de cuatro días para 22 empresas de Osaka interesadas en el puerto y la zona de actividades logísticas, organizado a petición de la Embajada de Japón.",
              "Four-day programme for 22 Osaka companies interested in the port and the logistics activity zone, organized at the request of the Embassy of Japan."),
            T("Empresas logísticas y portuarias de Solmar", "Solmar logistics and port companies"), 40),
        new("O3", new("Red C40", "2023-02-06", "2024-03-12"), M.CityNetworks, "AMB", "ORI MOB", "CLIMA",
            "C40", "", "", "2023-03-01", "2023-12-15", S.Done, 35_000, "11.6 13.2",
            T("Adhesión al Acelerador de Aire Limpio de C40", "Joining the C40 Clean Air Accelerator", "Adhésion à l'accélérateur Air pur du C40"),
            T("C40 invitó a Solmar a comprometerse con metas de reducción del NO2 en los barrios portuarios. Nació como petición de la red y en 2024 se incorporó al objetivo O3.",
              "C40 invited Solmar to commit to NO2 reduction targets in the port neighbourhoods. It began as a request from the network and was attached to objective O3 in 2024."),
            T("Residentes de los barrios del frente portuario", "Residents of the port-side neighbourhoods"), 210_000),
        new(null, new("Cámara de Comercio de Solmar", "2023-01-25"), M.EventsAndCongresses, "ECO", "TUR COM", "CONOC",
            "Cámara de Comercio de Solmar; Fira Solmar", "", "", "2023-04-17", "2023-04-20", S.Done, 60_000, "8.2 9.1",
            T("Apoyo al Congreso Mediterráneo de Logística y Puertos (MedLog 2023)", "Support for the Mediterranean Logistics and Ports Congress (MedLog 2023)", "Soutien au Congrès méditerranéen de la logistique et des ports (MedLog 2023)"),
            T("Cofinanciación y sede institucional del congreso organizado por la Cámara de Comercio, con 1 200 asistentes de 28 países.",
              "Co-funding and institutional venue for the congress organized by the Chamber of Commerce, with 1,200 participants from 28 countries."),
            T("Empresas y profesionales asistentes", "Participating companies and professionals"), 1_200),
        new("O8", new("@CUL", "2023-02-14", "2025-01-20"), M.InternationalDiversity, "CUL", "SOC", "CULT",
            "Casa de América Latina de Solmar; Asociación Cultural Amazigh de Solmar", "", "", "2023-05-05", "2023-10-30", S.Done, 42_000, "4.7 10.2",
            T("Festival Solmar Diversa 2023", "Solmar Diversa Festival 2023", "Festival Solmar Diversa 2023"),
            T("Ciclo de música, cine y gastronomía organizado con asociaciones de las comunidades latinoamericana y magrebí. Lo pidió el Departamento de Cultura; desde 2025 forma parte del objetivo O8.",
              "Music, film and food programme organized with Latin American and Maghreb community associations. The Culture department asked for it; since 2025 it belongs to objective O8."),
            T("Público asistente y asociaciones participantes", "Audience and participating associations"), 28_000),
        new("O3", null, M.TechnicalExchange, "MOB", "ORI AMB", "",
            "Métropole Aix-Marseille-Provence; Ville de Marseille", "FR", "Marsella", "2023-05-15", "2023-11-30", S.Done, 24_000, "11.2 11.6",
            T("Intercambio técnico con Aix-Marsella-Provenza sobre zonas de bajas emisiones", "Technical exchange with Aix-Marseille-Provence on low-emission zones", "Échange technique avec Aix-Marseille-Provence sur les zones à faibles émissions"),
            T("Dos visitas cruzadas de los equipos de movilidad para comparar el diseño, el control y la comunicación de las zonas de bajas emisiones antes de ampliar la de Solmar.",
              "Two reciprocal visits by the mobility teams to compare how low-emission zones are designed, enforced and explained before Solmar extends its own."),
            T("Personal técnico de movilidad de los 36 municipios", "Mobility staff of the 36 municipalities"), 60),
        new("O1", null, M.Investment, "ECO", "ORI INN COM", "",
            "ICEX España Exportación e Inversiones", "", "", "2023-06-01", "2023-12-31", S.Done, 120_000, "8.2 9.5",
            T("Creación del servicio Invest in Solmar de acompañamiento a inversores", "Launching Invest in Solmar, a soft-landing service for investors", "Création du service Invest in Solmar d'accompagnement des investisseurs"),
            T("Ventanilla única en inglés, francés y español para empresas extranjeras: información de suelo y locales, trámites, incentivos y contacto con universidades.",
              "A one-stop service in English, French and Spanish for foreign companies: sites and premises, permits, incentives and introductions to the universities."),
            T("Empresas extranjeras atendidas", "Foreign companies assisted"), 45),
        new("O7", null, M.InternationalDiversity, "EDU", "ORI SOC", "",
            "Red de Escuelas Asociadas de la UNESCO", "", "", "2023-09-11", "2024-06-21", S.Done, 38_000, "4.7",
            T("Programa escolar «Aulas del mundo»", "'Classrooms of the world' school programme", "Programme scolaire « Classes du monde »"),
            T("Materiales y talleres de educación para la ciudadanía global en 40 institutos, con la participación de familias de 30 nacionalidades.",
              "Global citizenship education materials and workshops in 40 secondary schools, with families of 30 nationalities taking part."),
            T("Alumnado de secundaria", "Secondary school pupils"), 6_500),
        new("O5", null, M.DirectCooperation, "AMB", "ORI", "",
            "Commune de Tanger; Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "MA", "Tánger", "2023-10-02", "2025-06-30", S.Done, 260_000, "11.6 12.5",
            T("Cooperación con Tánger en recogida selectiva y compostaje", "Cooperation with Tangier on separate collection and composting", "Coopération avec Tanger sur la collecte sélective et le compostage"),
            T("Asistencia técnica del servicio metropolitano de residuos para implantar la recogida selectiva de orgánica en dos distritos de Tánger y una planta de compostaje.",
              "Technical assistance from the metropolitan waste service to roll out separate organic collection in two Tangier districts and a composting plant."),
            T("Hogares de los distritos piloto de Tánger", "Households in the Tangier pilot districts"), 18_000,
            Milestones:
            [
                new("2023-12-15", "2023-12-20", "Diagnóstico de residuos de los distritos piloto", "Waste assessment of the pilot districts", "Diagnostic des déchets des quartiers pilotes"),
                new("2024-09-30", "2024-10-14", "Puesta en marcha de la recogida selectiva", "Separate collection under way", "Lancement de la collecte sélective"),
                new("2025-06-30", "2025-06-27", "Informe final y traspaso a la Commune de Tanger", "Final report and handover to the Commune of Tangier", "Rapport final et transfert à la Commune de Tanger"),
            ]),
        new(null, new("Ayuntamiento de Génova", "2023-05-08"), M.Twinning, "ORI", "CUL", "MED",
            "Comune di Genova", "IT", "Génova", "2023-09-20", "2023-09-22", S.Done, 15_000, "17.17",
            T("Renovación del hermanamiento con Génova en su 35.º aniversario", "Renewing the twinning with Genoa on its 35th anniversary", "Renouvellement du jumelage avec Gênes pour son 35e anniversaire"),
            T("Acto protocolario de renovación del acuerdo de 1988, a petición del Ayuntamiento de Génova, todavía sin programa de trabajo asociado.",
              "Ceremony renewing the 1988 agreement, at the request of the City of Genoa, still with no work programme attached."),
            T("Representantes institucionales de ambas ciudades", "Officials of both cities"), 40),
        new("O2", null, M.Tourism, "TUR", "CUL ECO COM", "",
            "Turespaña; European Cities Marketing", "", "", "2023-10-01", "2024-12-31", S.Done, 95_000, "8.9 12.b",
            T("Estrategia de desestacionalización: producto de turismo cultural y de congresos", "Deseasonalization strategy: cultural and business tourism product", "Stratégie de désaisonnalisation : produit de tourisme culturel et d'affaires"),
            T("Diseño, con el sector, de un producto de otoño e invierno basado en el patrimonio, el festival de cine y los congresos científicos, dirigido a mercados europeos de proximidad.",
              "Designing with the industry an autumn and winter offer built on heritage, the film festival and scientific congresses, aimed at nearby European markets."),
            T("Pymes turísticas del área metropolitana", "Tourism SMEs of the metropolitan area"), 320),
        new(null, new("Universidad de Solmar", "2023-07-03"), M.Talent, "EDU", "ECO", "CONOC",
            "Universidad de Solmar; Universidad Politécnica del Mediterráneo", "", "", "2023-09-01", "2024-07-31", S.Done, 70_000, "4.3 9.5",
            T("Oficina de acogida de investigadores internacionales (Welcome Office)", "Welcome Office for international researchers", "Guichet d'accueil des chercheurs internationaux (Welcome Office)"),
            T("Servicio compartido con las universidades para ayudar a investigadores extranjeros y sus familias con la vivienda, la escolarización y los trámites de residencia.",
              "A service shared with the universities to help foreign researchers and their families with housing, schooling and residence permits."),
            T("Investigadores internacionales y sus familias", "International researchers and their families"), 240),

        // ── 2024: the plan's programmes start; the share of planned actions rises ──
        new("O9", null, M.CityNetworks, "ORI", "AMB MOB", "",
            "Metropolis; CGLU", "", "", "2024-01-15", "2026-12-31", S.InProgress, 180_000, "17.16 13.2",
            T("Participación en el Consejo de Metropolis y en la comisión de acción climática de CGLU", "Taking part in the Metropolis Board and in the UCLG climate action commission", "Participation au conseil de Metropolis et à la commission d'action climatique de CGLU"),
            T("Cuotas, asistencia a los órganos de gobierno y aportaciones técnicas a las posiciones de las redes sobre clima y financiación local.",
              "Membership fees, attendance at governing bodies and technical input to the networks' positions on climate and local finance."),
            T("Gobierno metropolitano y sus 36 municipios", "The metropolitan government and its 36 municipalities"), null,
            Milestones:
            [
                new("2024-12-15", "2024-12-11", "Primer informe anual de participación en redes", "First annual report on network participation", "Premier rapport annuel de participation aux réseaux"),
                new("2025-12-15", "2025-12-19", "Segundo informe anual de participación en redes", "Second annual report on network participation", "Deuxième rapport annuel de participation aux réseaux"),
            ]),
        new("O3", null, M.TechnicalExchange, "MOB", "INN", "LAT",
            "Intendencia de Montevideo; Mercociudades", "UY", "Montevideo", "2024-02-05", "2024-10-31", S.Done, 32_000, "11.2",
            T("Intercambio con Montevideo sobre electrificación de autobuses urbanos", "Exchange with Montevideo on electrifying city buses", "Échange avec Montevideo sur l'électrification des autobus urbains"),
            T("Comparación de modelos de compra, recarga en cocheras y mantenimiento de flotas eléctricas, con una visita de cada equipo a la otra ciudad.",
              "Comparing procurement, depot charging and maintenance of electric fleets, with each team visiting the other city."),
            T("Personal técnico de la empresa metropolitana de autobuses", "Staff of the metropolitan bus company"), 35),
        new("O1", null, M.Talent, "ECO", "EDU INN", "",
            "Universidad de Solmar; Parque Tecnológico de Solmar", "", "", "2024-03-01", "2025-12-31", S.InProgress, 150_000, "8.5 4.4",
            T("Programa «Solmar Talent» de atracción de profesionales digitales", "'Solmar Talent': attracting digital professionals", "Programme « Solmar Talent » d'attraction de professionnels du numérique"),
            T("Campañas en Europa y América Latina, ayudas a la contratación y acompañamiento a la llegada de profesionales para las empresas del parque tecnológico. La evaluación sigue pendiente.",
              "Campaigns in Europe and Latin America, hiring grants and arrival support for professionals joining technology park companies. The evaluation is still pending."),
            T("Profesionales internacionales contratados", "International professionals hired"), 180,
            Milestones:
            [
                new("2024-04-15", "2024-04-15", "Lanzamiento de la convocatoria", "Call launched", "Lancement de l'appel"),
                new("2024-11-30", "2024-12-10", "Primera cohorte incorporada", "First cohort on board", "Première promotion intégrée"),
                new("2025-12-15", null, "Evaluación del programa", "Programme evaluation", "Évaluation du programme"),
            ]),
        new(null, new("Embajada de la República de Corea", "2024-01-22"), M.MissionOrVisit, "INN", "ORI", "CONOC",
            "Gobierno Metropolitano de Seúl; Embajada de la República de Corea", "KR", "Seúl", "2024-04-08", "2024-04-12", S.Done, 22_000, "16.6",
            T("Misión a Seúl sobre gobierno digital", "Mission to Seoul on digital government", "Mission à Séoul sur l'administration numérique"),
            T("Visita de estudio a los servicios digitales del Gobierno Metropolitano de Seúl, propuesta por la Embajada de Corea.",
              "Study visit to the Seoul Metropolitan Government's digital services, proposed by the Korean Embassy."),
            T("Equipo de Innovación y Ciudad Digital", "Innovation and Digital City team"), 8),
        new("O1", null, M.CityBrand, "COM", "TUR ECO ORI", "",
            "Agencia Mar Abierto (diseño); Turespaña", "", "", "2024-03-15", "2024-12-20", S.Done, 140_000, "8.9",
            T("Nueva marca internacional «Solmar, Mediterráneo abierto» y portal en cuatro idiomas", "New international brand 'Solmar, the open Mediterranean' and a four-language portal", "Nouvelle marque internationale « Solmar, Méditerranée ouverte » et portail en quatre langues"),
            T("Marca compartida por el gobierno metropolitano, el puerto, las universidades y el sector turístico, con un portal en español, inglés, francés y árabe.",
              "A brand shared by the metropolitan government, the port, the universities and the tourism industry, with a portal in Spanish, English, French and Arabic."),
            T("Público internacional: inversores, estudiantes y visitantes", "International audiences: investors, students and visitors"), null),
        new("O5", null, M.DirectCooperation, "AMB", "ORI VIV", "",
            "Municipalité de Sfax; Unión por el Mediterráneo", "TN", "Sfax", "2024-04-01", "2026-03-31", S.InProgress, 210_000, "13.1 11.b 17.9",
            T("Asistencia técnica a Sfax en planificación de la adaptación costera", "Technical assistance to Sfax on coastal adaptation planning", "Assistance technique à Sfax pour la planification de l'adaptation côtière"),
            T("Acompañamiento al municipio de Sfax para elaborar su plan de adaptación del litoral y ejecutar una obra piloto de protección dunar. Las obras piloto acumulan retraso.",
              "Supporting the municipality of Sfax in drawing up its coastal adaptation plan and building a pilot dune protection. The pilot works are behind schedule."),
            T("Población costera de Sfax", "Coastal population of Sfax"), 95_000,
            Milestones:
            [
                new("2025-10-31", "2026-01-20", "Plan de adaptación costera aprobado por Sfax", "Coastal adaptation plan adopted by Sfax", "Plan d'adaptation côtière adopté par Sfax"),
                new("2026-03-31", null, "Obra piloto de protección dunar", "Pilot dune protection works", "Travaux pilotes de protection dunaire"),
            ]),
        new("O6", null, M.TriangularCooperation, "ORI", "VIV MOB SOC", "",
            "Alcaldía de Medellín; Agencia de Cooperación e Inversión de Medellín (ACI); Municipalidad Metropolitana de Lima", "CO PE", "Medellín; Lima", "2024-05-01", "2026-06-30", S.Done, 240_000, "11.1 11.3 10.2",
            T("Cooperación triangular Solmar–Medellín–Lima en urbanismo social", "Solmar–Medellín–Lima triangular cooperation on social urbanism", "Coopération triangulaire Solmar–Medellín–Lima en urbanisme social"),
            T("Medellín comparte su experiencia en urbanismo social y transporte por cable con Lima; Solmar financia, aporta planificación metropolitana y sistematiza el aprendizaje.",
              "Medellín shares its experience of social urbanism and cable transport with Lima; Solmar funds the project, contributes metropolitan planning and documents what was learned."),
            T("Vecinos de barrios periféricos de Lima", "Residents of outlying neighbourhoods of Lima"), 40_000,
            Milestones:
            [
                new("2024-10-15", "2024-10-15", "Misión de Lima a Medellín y Solmar", "Lima delegation visits Medellín and Solmar", "Mission de Lima à Medellín et à Solmar"),
                new("2025-12-15", "2026-02-10", "Proyecto piloto en el distrito de Comas", "Pilot project in the Comas district", "Projet pilote dans le district de Comas"),
                new("2026-06-30", "2026-06-25", "Sistematización de la experiencia", "Lessons learned documented", "Capitalisation de l'expérience"),
            ]),
        new("O8", null, M.InternationalDiversity, "CUL", "SOC COM", "",
            "Casa Árabe; Casa de América Latina de Solmar", "", "", "2024-05-10", "2024-11-30", S.Done, 55_000, "11.4 10.2",
            T("Archivo de memorias migrantes", "Migrant memories archive", "Archives des mémoires migrantes"),
            T("Recogida de 300 testimonios de vecinos de origen latinoamericano y magrebí, exposición en el museo de historia y archivo abierto en línea.",
              "Collecting 300 testimonies from residents of Latin American and Maghreb origin, with an exhibition at the history museum and an open online archive."),
            T("Personas entrevistadas y visitantes de la exposición", "People interviewed and visitors to the exhibition"), 15_000),
        new(null, new("@MOB", "2024-02-19"), M.CityNetworks, "MOB", "ORI", "CLIMA",
            "POLIS", "", "", "2024-06-01", "2024-12-31", S.Done, 12_000, "11.2",
            T("Adhesión a la red POLIS de ciudades y regiones por la innovación en el transporte", "Joining POLIS, the network of cities and regions for transport innovation", "Adhésion au réseau POLIS des villes et régions pour l'innovation dans les transports"),
            T("El Departamento de Movilidad pidió entrar en POLIS para acceder a proyectos europeos de transporte.",
              "The Mobility department asked to join POLIS to take part in European transport projects."),
            T("Departamento de Movilidad y Transporte", "Mobility and Transport department"), null),
        new(null, new("Ministerio de Asuntos Exteriores, Unión Europea y Cooperación", "2024-03-11"), M.MissionOrVisit, "ORI", "ECO", "",
            "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación", "DE UA", "Berlín", "2024-06-10", "2024-06-12", S.Done, 9_000, "11.b 17.17",
            T("Participación en la Conferencia para la Recuperación de Ucrania", "Taking part in the Ukraine Recovery Conference", "Participation à la Conférence pour le redressement de l'Ukraine"),
            T("Presencia en la delegación española, a invitación del Ministerio, en la sesión dedicada a las ciudades.",
              "Part of the Spanish delegation, at the Ministry's invitation, at the session devoted to cities."),
            T("", ""), null),
        new("O4", null, M.TechnicalExchange, "INN", "ORI", "MED",
            "Câmara Municipal do Porto; Eurocities", "PT", "Oporto", "2024-06-03", "2024-12-13", S.Done, 28_000, "9.c 16.6",
            T("Intercambio con Oporto sobre plataformas de datos urbanos abiertos", "Exchange with Porto on open urban data platforms", "Échange avec Porto sur les plateformes de données urbaines ouvertes"),
            T("Trabajo conjunto sobre la arquitectura, la gobernanza y la apertura de los datos de sensores urbanos, en el grupo de conocimiento de Eurocities.",
              "Joint work on the architecture, governance and opening of urban sensor data, within the Eurocities knowledge group."),
            T("Servicios metropolitanos y municipales que usan los datos", "Metropolitan and municipal services using the data"), 36),
        new("O7", null, M.Twinning, "EDU", "ORI CUL", "LAT",
            "Municipalidad de Rosario", "AR", "Rosario", "2024-07-01", "2024-08-31", S.Done, 65_000, "4.7",
            T("Hermanamiento con Rosario: primer intercambio juvenil", "Twinning with Rosario: first youth exchange", "Jumelage avec Rosario : premier échange de jeunes"),
            T("Treinta jóvenes de cada ciudad conviven dos semanas en la otra en torno a un proyecto común sobre ciudadanía y clima, para dar contenido a un hermanamiento que solo era protocolario.",
              "Thirty young people from each city spend two weeks in the other on a shared project about citizenship and climate, giving substance to a twinning that was only ceremonial."),
            T("Jóvenes de 16 a 20 años", "Young people aged 16 to 20"), 60),
        new("O1", new("Cámara de Comercio de Solmar", "2024-05-06", "2025-01-28"), M.MissionOrVisit, "ECO", "ORI", "CONOC LAT",
            "Cámara de Comercio de Solmar; ProColombia", "CO MX", "Bogotá; Ciudad de México", "2024-09-16", "2024-09-22", S.Done, 48_000, "8.2 17.17",
            T("Misión empresarial a Bogotá y Ciudad de México", "Trade mission to Bogotá and Mexico City", "Mission économique à Bogotá et Mexico"),
            T("Misión propuesta por la Cámara de Comercio con empresas tecnológicas y logísticas; por sus resultados se incorporó en 2025 al objetivo O1.",
              "A mission proposed by the Chamber of Commerce with technology and logistics firms; given its results it was attached to objective O1 in 2025."),
            T("Empresas participantes", "Participating companies"), 26),
        new(null, new("@TUR", "2024-09-02"), M.Tourism, "TUR", "COM", "",
            "Aeropuerto de Solmar", "US", "Nueva York", "2024-11-04", "2025-03-31", S.Done, 85_000, "8.9",
            T("Campaña de promoción en Estados Unidos ligada a la nueva ruta Nueva York–Solmar", "Promotion campaign in the United States tied to the new New York–Solmar route", "Campagne de promotion aux États-Unis liée à la nouvelle ligne New York–Solmar"),
            T("Campaña pedida por el Departamento de Turismo para sostener la nueva ruta aérea, contratada y pagada en dólares.",
              "A campaign the Tourism department asked for to support the new air route, contracted and paid in US dollars."),
            T("Sector turístico de Solmar", "Solmar's tourism industry"), null, Currency: "USD"),
        new(null, new("ONU-Hábitat", "2024-08-05"), M.MissionOrVisit, "ORI", "VIV", "",
            "ONU-Hábitat", "EG", "El Cairo", "2024-11-04", "2024-11-08", S.Done, 14_000, "11.3",
            T("Participación en el Foro Urbano Mundial (WUF12)", "Taking part in the World Urban Forum (WUF12)", "Participation au Forum urbain mondial (WUF12)"),
            T("Ponencia sobre planificación metropolitana en una sesión organizada por ONU-Hábitat, que cursó la invitación.",
              "A talk on metropolitan planning in a session organized by UN-Habitat, which sent the invitation."),
            T("", ""), null),

        // ── 2025 ──
        new("O9", null, M.CityAlliance, "VIV", "ORI SOC", "",
            "Cities for Adequate Housing; Metropolis; Ajuntament de Barcelona", "", "", "2025-01-15", "2025-05-31", S.Done, 20_000, "11.1 16.7",
            T("Adhesión a la declaración «Cities for Adequate Housing»", "Signing the 'Cities for Adequate Housing' declaration", "Adhésion à la déclaration « Cities for Adequate Housing »"),
            T("Solmar suscribe la declaración y aporta a la alianza su propuesta de regulación del alquiler turístico en zonas tensionadas.",
              "Solmar signs the declaration and brings the alliance its proposal for regulating short-term rentals in stressed housing markets."),
            T("Hogares inquilinos del área metropolitana", "Tenant households of the metropolitan area"), 410_000,
            Milestones:
            [
                new("2025-02-27", "2025-02-27", "Adhesión aprobada por el Consejo Metropolitano", "Signature approved by the Metropolitan Council", "Adhésion approuvée par le Conseil métropolitain"),
            ]),
        new("O1", null, M.AttractivenessInfrastructure, "VIV", "ECO INN", "",
            "Autoridad Portuaria de Solmar", "", "", "2025-02-01", "2027-06-30", S.InProgress, 400_000, "9.5 11.3",
            T("Distrito de innovación en los antiguos tinglados del puerto", "Innovation district in the former port warehouses", "Quartier d'innovation dans les anciens hangars du port"),
            T("Rehabilitación de tres tinglados portuarios como espacio para empresas emergentes internacionales, centros de investigación y eventos, tras un concurso internacional de ideas.",
              "Converting three port warehouses into space for international start-ups, research centres and events, after an international ideas competition."),
            T("Empresas emergentes alojadas (previsión)", "Start-ups hosted (forecast)"), 60,
            Milestones:
            [
                new("2025-06-30", "2025-07-08", "Fallo del concurso internacional de ideas", "International ideas competition decided", "Résultats du concours international d'idées"),
                new("2026-03-31", "2026-05-12", "Adjudicación de las obras", "Works contract awarded", "Attribution des travaux"),
                new("2027-03-31", null, "Apertura del primer tinglado", "First warehouse opens", "Ouverture du premier hangar"),
            ]),
        new("O2", null, M.EventsAndCongresses, "TUR", "ECO ORI", "",
            "Solmar Convention Bureau; Autoridad Portuaria de Solmar", "", "", "2025-02-10", "2025-11-30", S.Done, 65_000, "8.9",
            T("Candidatura para acoger la Conferencia Mundial de Puertos 2027", "Bid to host the 2027 World Ports Conference", "Candidature pour accueillir la Conférence mondiale des ports 2027"),
            T("Preparación y defensa de la candidatura con la Autoridad Portuaria y el Convention Bureau, en temporada baja y con criterios de evento sostenible.",
              "Preparing and presenting the bid with the Port Authority and the Convention Bureau, in the low season and to sustainable event standards."),
            T("Sector de congresos y hostelería", "Meetings and hospitality industry"), null,
            Milestones:
            [
                new("2025-06-15", "2025-06-13", "Presentación de la candidatura", "Bid submitted", "Dépôt de la candidature"),
                new("2025-11-15", "2025-11-12", "Decisión de la asociación: Solmar elegida", "Association's decision: Solmar chosen", "Décision de l'association : Solmar retenue"),
            ]),
        new("O3", null, M.TechnicalExchange, "MOB", "ECO AMB", "",
            "Comune di Genova; Municipio de Tesalónica; Interreg Euro-MED", "IT GR", "Génova; Tesalónica", "2025-03-01", "2027-02-28", S.InProgress, 280_000, "11.2 9.1",
            T("Proyecto Euro-MED de logística urbana de última milla con Génova y Tesalónica", "Euro-MED project on last-mile urban logistics with Genoa and Thessaloniki", "Projet Euro-MED de logistique urbaine du dernier kilomètre avec Gênes et Thessalonique"),
            T("Pilotos de reparto con bicicletas de carga y microplataformas logísticas en las tres ciudades portuarias, cofinanciados por Interreg Euro-MED.",
              "Cargo-bike delivery pilots and micro-hubs in the three port cities, co-funded by Interreg Euro-MED."),
            T("Comercios y vecinos de los centros urbanos piloto", "Shops and residents of the pilot city centres"), 12_000,
            Milestones:
            [
                new("2025-03-31", "2025-03-20", "Aprobación del proyecto por Interreg Euro-MED", "Project approved by Interreg Euro-MED", "Projet approuvé par Interreg Euro-MED"),
                new("2026-06-30", "2026-07-20", "Piloto de reparto con bicicletas de carga", "Cargo-bike delivery pilot", "Pilote de livraison en vélos-cargos"),
                new("2027-01-31", null, "Informe de transferibilidad", "Transferability report", "Rapport de transférabilité"),
            ]),
        new("O2", null, M.Tourism, "TUR", "AMB VIV", "",
            "ONU Turismo – Red INSTO", "", "", "2025-03-01", "2026-02-28", S.InProgress, 90_000, "12.b 8.9",
            T("Observatorio de turismo sostenible en la red INSTO", "Sustainable tourism observatory in the INSTO network", "Observatoire du tourisme durable dans le réseau INSTO"),
            T("Creación de un observatorio que mide la presión turística, la vivienda de uso turístico y el empleo, para fijar límites de capacidad de carga. El primer informe llega tarde.",
              "Setting up an observatory measuring tourism pressure, short-term rentals and jobs, in order to set carrying-capacity limits. The first report is late."),
            T("Vecinos del centro histórico y del frente marítimo", "Residents of the historic centre and seafront"), 85_000,
            Milestones:
            [
                new("2025-05-30", "2025-05-30", "Adhesión a la red INSTO", "INSTO membership", "Adhésion au réseau INSTO"),
                new("2026-01-31", null, "Primer informe del observatorio", "The observatory's first report", "Premier rapport de l'observatoire"),
            ]),
        new("O8", null, M.CityNetworks, "CUL", "ORI EDU", "",
            "CGLU – Comisión de Cultura", "", "", "2025-03-15", "2026-12-31", S.InProgress, 60_000, "11.4 4.7",
            T("Programa Ciudades Líderes de la Agenda 21 de la Cultura", "Leading Cities programme of Agenda 21 for Culture", "Programme Villes leaders de l'Agenda 21 de la culture"),
            T("Autoevaluación de la política cultural con la Comisión de Cultura de CGLU e intercambio de buenas prácticas sobre diversidad cultural.",
              "Self-assessment of cultural policy with the UCLG Culture Committee and exchange of good practices on cultural diversity."),
            T("Agentes culturales de la metrópolis", "Cultural organizations of the metropolis"), 150),
        new("O4", null, M.TechnicalExchange, "INN", "ECO EDU", "",
            "Gobierno de Guadalajara; Prefeitura de Curitiba; CAF – Banco de Desarrollo de América Latina y el Caribe", "MX BR", "Guadalajara; Curitiba", "2025-04-01", "2026-09-30", S.InProgress, 120_000, "9.5 17.6",
            T("Laboratorios GovTech con Guadalajara y Curitiba", "GovTech labs with Guadalajara and Curitiba", "Laboratoires GovTech avec Guadalajara et Curitiba"),
            T("Tres pilotos compartidos de compra pública de innovación con empresas emergentes locales, financiados con un fondo de CAF en dólares. Solo uno de los tres pilotos está en marcha.",
              "Three shared pilots of public procurement of innovation with local start-ups, funded by a CAF grant in US dollars. Only one of the three pilots is running."),
            T("Empresas emergentes participantes", "Participating start-ups"), 24, Currency: "USD",
            Milestones:
            [
                new("2025-05-15", "2025-05-22", "Convenio con CAF firmado", "Agreement with CAF signed", "Convention signée avec la CAF"),
                new("2026-06-30", null, "Tres pilotos en marcha", "Three pilots running", "Trois pilotes en cours"),
            ]),
        new("O6", null, M.SouthSouthCooperation, "SOC", "ORI", "",
            "Mercociudades; Municipalidad de Rosario; Prefeitura de Porto Alegre; Intendencia de Montevideo", "AR BR UY", "Rosario; Porto Alegre; Montevideo", "2025-05-01", "2025-12-15", S.Done, 75_000, "10.7 17.9",
            T("Apoyo al intercambio Sur-Sur de Mercociudades sobre inclusión de personas migrantes", "Supporting Mercociudades' South-South exchange on migrant inclusion", "Soutien à l'échange Sud-Sud de Mercociudades sur l'inclusion des personnes migrantes"),
            T("Solmar financia y facilita, sin protagonizar, el intercambio entre Rosario, Porto Alegre y Montevideo sobre servicios de acogida a personas migrantes.",
              "Solmar funds and facilitates, without leading, the exchange between Rosario, Porto Alegre and Montevideo on reception services for migrants."),
            T("Equipos municipales de acogida", "Municipal reception teams"), 45),
        new(null, new("ICLEI – Gobiernos Locales por la Sostenibilidad", "2025-02-03"), M.EventsAndCongresses, "AMB", "TUR", "CLIMA",
            "ICLEI", "", "", "2025-05-20", "2025-05-22", S.Done, 52_000, "11.b 13.3",
            T("Acogida de la reunión europea de ICLEI sobre adaptación", "Hosting ICLEI's European meeting on adaptation", "Accueil de la réunion européenne de l'ICLEI sur l'adaptation"),
            T("ICLEI pidió a Solmar acoger su encuentro regional sobre adaptación climática; 300 participantes de 90 gobiernos locales.",
              "ICLEI asked Solmar to host its regional meeting on climate adaptation; 300 participants from 90 local governments."),
            T("Participantes de gobiernos locales europeos", "Participants from European local governments"), 300),
        new(null, new("Oficina de Asuntos Exteriores de Shenzhen", "2025-03-03"), M.MissionOrVisit, "MOB", "", "CLIMA",
            "Gobierno Municipal de Shenzhen", "CN", "Shenzhen", "2025-05-12", "2025-05-14", S.Done, 11_000, "11.2",
            T("Visita de una delegación de Shenzhen sobre autobuses eléctricos", "Visit by a Shenzhen delegation on electric buses", "Visite d'une délégation de Shenzhen sur les autobus électriques"),
            T("Programa de visita a cocheras y centros de control, a petición de la ciudad de Shenzhen.",
              "Tour of bus depots and control centres, at the request of the city of Shenzhen."),
            T("", ""), null),
        new("O5", null, M.DirectCooperation, "AMB", "ORI", "",
            "Commune de Sousse; Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "TN", "Susa", "2025-06-01", "2027-05-31", S.InProgress, 300_000, "6.3 6.4",
            T("Agua regenerada para el riego de parques en Susa", "Reclaimed water for park irrigation in Sousse", "Eau recyclée pour l'arrosage des parcs à Sousse"),
            T("Cooperación técnica y financiera para una planta de regeneración y una red de riego de parques urbanos, con formación del personal municipal.",
              "Technical and financial cooperation for a water reclamation plant and an irrigation network for urban parks, with training for municipal staff."),
            T("Vecinos de los barrios con nuevos parques regados", "Residents of neighbourhoods with newly irrigated parks"), 60_000,
            Milestones:
            [
                new("2025-12-15", "2026-01-30", "Estudio de viabilidad", "Feasibility study", "Étude de faisabilité"),
                new("2027-03-31", null, "Obras de la planta de regeneración", "Reclamation plant works", "Travaux de la station de recyclage"),
            ]),
        new("O1", new("@ECO", "2025-04-07", "2026-02-16"), M.Investment, "ECO", "INN ORI", "CONOC MED",
            "Commune de Tanger; Technopark Tanger", "MA", "Tánger", "2025-06-01", "2026-05-31", S.Done, 55_000, "8.3 17.17",
            T("Tech Bridge Tánger–Solmar: aterrizaje de empresas tecnológicas marroquíes", "Tech Bridge Tangier–Solmar: soft landing for Moroccan tech companies", "Tech Bridge Tanger–Solmar : accueil d'entreprises technologiques marocaines"),
            T("Pedido por el Departamento de Desarrollo Económico, el programa ofrece espacio y mentoría a empresas de Tánger que abren oficina en Solmar. Se incorporó al objetivo O1 en 2026.",
              "Requested by the Economic Development department, the programme offers space and mentoring to Tangier companies opening an office in Solmar. It was attached to objective O1 in 2026."),
            T("Empresas marroquíes acompañadas", "Moroccan companies supported"), 14),
        new("O9", null, M.CityAlliance, "ORI", "AMB", "LAT",
            "Metropolis; Mercociudades; ICLEI; Prefeitura de Belém", "BR", "Belém", "2025-06-01", "2025-11-21", S.Done, 45_000, "13.2 17.16",
            T("Declaración de ciudades mediterráneas y latinoamericanas sobre financiación climática local para la COP30", "Declaration of Mediterranean and Latin American cities on local climate finance for COP30", "Déclaration des villes méditerranéennes et latino-américaines sur la finance climat locale pour la COP30"),
            T("Redacción y defensa de una posición común que pide acceso directo de las ciudades a los fondos climáticos, presentada en Belém.",
              "Drafting and presenting in Belém a common position asking for cities' direct access to climate funds."),
            T("Gobiernos locales firmantes", "Signatory local governments"), 24,
            Milestones:
            [
                new("2025-10-31", "2025-10-28", "Declaración firmada por 24 ciudades", "Declaration signed by 24 cities", "Déclaration signée par 24 villes"),
                new("2025-11-15", "2025-11-15", "Presentación en la COP30", "Presented at COP30", "Présentation à la COP30"),
            ]),
        new("O8", null, M.TechnicalExchange, "CUL", "EDU", "",
            "Ville de Casablanca; Secretaría de Cultura de la Ciudad de México", "MA MX", "Casablanca; Ciudad de México", "2025-09-01", "2026-06-30", S.Done, 72_000, "11.4 10.2",
            T("Residencias artísticas cruzadas con Casablanca y Ciudad de México", "Artist residencies exchanged with Casablanca and Mexico City", "Résidences artistiques croisées avec Casablanca et Mexico"),
            T("Seis artistas de Solmar viajan a Casablanca y Ciudad de México y seis de esas ciudades trabajan en Solmar con colectivos de sus diásporas.",
              "Six Solmar artists go to Casablanca and Mexico City and six from those cities work in Solmar with their diaspora communities."),
            T("Artistas y colectivos de las diásporas", "Artists and diaspora groups"), 12),
        new(null, new("Ayuntamiento de Dakar", "2025-06-10"), M.DirectCooperation, "AMB", "ORI", "",
            "Ville de Dakar", "SN", "Dakar", "2025-09-01", "2025-12-31", S.Cancelled, 30_000, "11.5",
            T("Apoyo técnico a Dakar en drenaje tras las inundaciones", "Technical support to Dakar on drainage after the floods", "Appui technique à Dakar en matière de drainage après les inondations"),
            T("Petición de ayuda tras las inundaciones de 2025. Cancelada: la AECID asumió la respuesta y el envío del equipo de drenaje no llegó a hacerse.",
              "A request for help after the 2025 floods. Cancelled: AECID took over the response and the drainage team was never sent."),
            T("", ""), null),
        new("O1", null, M.Investment, "ECO", "INN COM", "MED",
            "ICEX España Exportación e Inversiones", "IT FR", "Milán; Lyon", "2025-10-06", "2025-10-10", S.Done, 38_000, "8.2 9.5",
            T("Roadshow de inversión en Milán y Lyon", "Investment roadshow in Milan and Lyon", "Roadshow investisseurs à Milan et Lyon"),
            T("Presentación del distrito de innovación portuario a fondos e industriales del norte de Italia y de la región de Lyon.",
              "Presenting the port innovation district to funds and industrial firms in northern Italy and the Lyon region."),
            T("Inversores contactados", "Investors contacted"), 70),
        new("O7", null, M.InternationalDiversity, "EDU", "CUL SOC COM", "",
            "Red de Escuelas Asociadas de la UNESCO", "", "", "2025-10-13", "2025-10-19", S.Done, 30_000, "4.7",
            T("Semana de la Ciudadanía Global en los centros educativos", "Global Citizenship Week in schools", "Semaine de la citoyenneté mondiale dans les établissements scolaires"),
            T("Una semana de actividades sobre los Objetivos de Desarrollo Sostenible y las culturas presentes en las aulas, en 120 centros.",
              "A week of activities on the Sustainable Development Goals and the cultures present in the classroom, in 120 schools."),
            T("Alumnado de primaria y secundaria", "Primary and secondary pupils"), 31_000),

        // ── 2026 ──
        new("O1", null, M.CityBrand, "COM", "ORI", "",
            "", "", "", "2026-01-12", "2027-12-31", S.InProgress, 58_000, "16.10",
            T("Seguimiento de la reputación internacional y boletín «Solmar Global»", "International reputation monitoring and the 'Solmar Global' newsletter", "Veille de la réputation internationale et lettre « Solmar Global »"),
            T("Análisis mensual de la presencia de Solmar en medios internacionales y boletín trimestral en tres idiomas para socios, redes y cuerpo consular.",
              "Monthly analysis of Solmar's presence in international media and a quarterly three-language newsletter for partners, networks and the consular corps."),
            T("Socios internacionales y cuerpo consular", "International partners and the consular corps"), 2_400),
        new(null, new("Red Eurocities", "2026-01-12"), M.EventsAndCongresses, "MOB", "TUR", "CLIMA",
            "Eurocities", "", "", "2026-04-22", "2026-04-24", S.Done, 70_000, "11.2",
            T("Acogida del Foro de Movilidad de Eurocities", "Hosting the Eurocities Mobility Forum", "Accueil du Forum mobilité d'Eurocities"),
            T("Eurocities propuso Solmar como sede de su foro de movilidad; 250 responsables de 80 ciudades europeas.",
              "Eurocities proposed Solmar as the venue of its mobility forum; 250 officials from 80 European cities."),
            T("Participantes de ciudades europeas", "Participants from European cities"), 250),
        new("O5", null, M.DirectCooperation, "AMB", "ECO ORI", "",
            "Commune de Tanger", "MA", "Tánger", "2026-01-15", "2027-12-31", S.InProgress, 320_000, "12.5 11.6",
            T("Tánger, segunda fase: economía circular en los mercados municipales", "Tangier, second phase: circular economy in municipal markets", "Tanger, deuxième phase : économie circulaire dans les marchés municipaux"),
            T("Extiende la cooperación en residuos a los mercados municipales de Tánger, con compostaje de proximidad y formación de comerciantes.",
              "Extends the waste cooperation to Tangier's municipal markets, with local composting and training for traders."),
            T("Comerciantes y vecinos de los mercados", "Market traders and neighbours"), 2_500,
            Milestones:
            [
                new("2026-05-31", "2026-06-10", "Inventario de residuos de los mercados", "Market waste inventory", "Inventaire des déchets des marchés"),
                new("2027-04-30", null, "Instalación de las compostadoras", "Composters installed", "Installation des composteurs"),
            ]),
        new("O9", null, M.CityNetworks, "ORI", "", "",
            "Metropolis", "", "", "2026-01-20", "2026-09-30", S.Done, 25_000, "17.16 16.7",
            T("Candidatura a la copresidencia regional de Metropolis para Europa", "Bid for the Metropolis regional co-presidency for Europe", "Candidature à la coprésidence régionale de Metropolis pour l'Europe"),
            T("Candidatura para ocupar la copresidencia europea de Metropolis y llevar a la red las prioridades de clima y vivienda del plan.",
              "A bid for the European co-presidency of Metropolis, to take the plan's climate and housing priorities to the network."),
            T("", ""), null,
            Milestones:
            [
                new("2026-03-31", "2026-03-30", "Presentación de la candidatura", "Bid submitted", "Dépôt de la candidature"),
                new("2026-09-30", "2026-09-24", "Elección en la Asamblea General", "Elected at the General Assembly", "Élection à l'Assemblée générale"),
            ]),
        new("O3", null, M.TechnicalExchange, "MOB", "", "",
            "Métropole de Lyon; Sytral Mobilités", "FR", "Lyon", "2026-02-02", "2026-07-15", S.Done, 26_000, "11.2",
            T("Intercambio con Lyon sobre tarificación metropolitana integrada", "Exchange with Lyon on integrated metropolitan fares", "Échange avec Lyon sur la tarification métropolitaine intégrée"),
            T("Estudio conjunto de la tarifa única metropolitana y de la tarifa social, antes de la reforma tarifaria de Solmar.",
              "A joint study of the single metropolitan fare and social fares, ahead of Solmar's fare reform."),
            T("Usuarios del transporte público metropolitano", "Metropolitan public transport users"), 900_000),
        new("O9", null, M.CityAlliance, "VIV", "ORI TUR", "",
            "Eurocities; Cities for Adequate Housing", "BE", "Bruselas", "2026-02-16", "2026-12-18", S.InProgress, 30_000, "11.1 16.7",
            T("Propuesta de las ciudades al Plan Europeo de Vivienda Asequible", "Cities' proposal for the European Affordable Housing Plan", "Proposition des villes pour le plan européen pour le logement abordable"),
            T("Posición común de ciudades turísticas sobre vivienda asequible y alquiler de corta duración, defendida ante la Comisión Europea.",
              "A common position of tourist cities on affordable housing and short-term rentals, presented to the European Commission."),
            T("Hogares inquilinos del área metropolitana", "Tenant households of the metropolitan area"), 410_000,
            Milestones:
            [
                new("2026-06-30", "2026-07-03", "Documento de posición común", "Common position paper", "Document de position commune"),
                new("2026-11-30", null, "Reunión con la Comisión Europea", "Meeting with the European Commission", "Rencontre avec la Commission européenne"),
            ]),
        new("O6", null, M.DirectCooperation, "SOC", "VIV ORI", "",
            "Municipalidad de Valparaíso", "CL", "Valparaíso", "2026-03-01", "2027-09-30", S.InProgress, 180_000, "10.2 11.1",
            T("Cooperación con Valparaíso en atención a personas sin hogar", "Cooperation with Valparaíso on homelessness services", "Coopération avec Valparaíso sur l'accompagnement des personnes sans abri"),
            T("Intercambio de equipos de calle y apoyo a Valparaíso para abrir un programa de vivienda primero.",
              "Exchange of outreach teams and support for Valparaíso to open a Housing First programme."),
            T("Personas sin hogar de Valparaíso", "Homeless people in Valparaíso"), 400,
            Milestones:
            [
                new("2026-07-31", "2026-08-05", "Diagnóstico compartido", "Shared assessment", "Diagnostic partagé"),
                new("2027-03-31", null, "Intercambio de equipos de calle", "Outreach team exchange", "Échange d'équipes de rue"),
            ]),
        new("O3", null, M.MissionOrVisit, "MOB", "VIV", "LAT",
            "Prefeitura de Curitiba; TransMilenio", "BR CO", "Curitiba; Bogotá", "2026-03-09", "2026-03-14", S.Cancelled, 34_000, "11.2",
            T("Misión técnica a Curitiba y Bogotá sobre autobuses de tránsito rápido", "Technical mission to Curitiba and Bogotá on bus rapid transit", "Mission technique à Curitiba et Bogotá sur les bus à haut niveau de service"),
            T("Cancelada por el ajuste presupuestario de 2026; se sustituye por dos sesiones de trabajo en línea.",
              "Cancelled in the 2026 budget adjustment; replaced by two online working sessions."),
            T("", ""), null),
        new("O4", null, M.TechnicalExchange, "INN", "AMB", "MED",
            "Métropole Aix-Marseille-Provence; Municipalité de Tunis", "FR TN", "Marsella; Túnez", "2026-04-01", "2027-03-31", S.InProgress, 160_000, "13.1 9.5",
            T("Gemelo digital climático compartido con Marsella y Túnez", "Climate digital twin shared with Marseille and Tunis", "Jumeau numérique climatique partagé avec Marseille et Tunis"),
            T("Intercambio de datos y modelos de calor urbano e inundación entre tres ciudades para construir un gemelo digital climático de código abierto.",
              "Sharing data and models of urban heat and flooding between three cities to build an open-source climate digital twin."),
            T("Servicios técnicos de las tres ciudades", "Technical services of the three cities"), 3,
            Milestones:
            [
                new("2026-06-30", "2026-07-15", "Acuerdo de intercambio de datos", "Data-sharing agreement", "Accord de partage de données"),
                new("2027-01-31", null, "Primer prototipo del gemelo digital", "First digital twin prototype", "Premier prototype du jumeau numérique"),
            ]),
        new("O2", null, M.TechnicalExchange, "TUR", "VIV", "MED",
            "Comune di Venezia; Grad Dubrovnik", "IT HR", "Venecia; Dubrovnik", "2026-04-13", "2026-12-15", S.InProgress, 44_000, "12.b 11.4",
            T("Gestión de flujos turísticos en el centro histórico: intercambio con Venecia y Dubrovnik", "Managing visitor flows in the historic centre: exchange with Venice and Dubrovnik", "Gestion des flux touristiques dans le centre historique : échange avec Venise et Dubrovnik"),
            T("Aprender de los sistemas de aforo, reserva y tasa de acceso de dos ciudades saturadas antes de regular los cruceros y los grupos en Solmar.",
              "Learning from the capacity, booking and access fee systems of two overcrowded cities before regulating cruise and group visits in Solmar."),
            T("Vecinos del centro histórico", "Residents of the historic centre"), 42_000),
        new("O8", null, M.InternationalDiversity, "CUL", "SOC TUR COM", "",
            "Casa de América Latina de Solmar; Asociación Cultural Amazigh de Solmar; Institut français", "", "", "2026-05-08", "2026-10-31", S.Done, 68_000, "10.2 11.4",
            T("Festival Solmar Diversa 2026", "Solmar Diversa Festival 2026", "Festival Solmar Diversa 2026"),
            T("Cuarta edición, ya dentro del plan, con programación coproducida con artistas del Magreb y de América Latina en doce barrios.",
              "Fourth edition, now part of the plan, with a programme co-produced with Maghreb and Latin American artists in twelve neighbourhoods."),
            T("Público asistente", "Audience"), 36_000),
        new(null, new("Autoridad Portuaria de Hamburgo", "2026-05-04"), M.MissionOrVisit, "AMB", "ECO", "CLIMA",
            "Hamburg Port Authority", "DE", "Hamburgo", "2026-06-15", "2026-06-17", S.Done, 7_500, "9.1 13.2",
            T("Visita técnica al puerto de Hamburgo sobre suministro eléctrico a buques", "Technical visit to the port of Hamburg on shore power for ships", "Visite technique au port de Hambourg sur le branchement électrique des navires à quai"),
            T("Invitación de la autoridad portuaria de Hamburgo para conocer su red de conexión eléctrica en muelle.",
              "An invitation from the Hamburg port authority to see its shore power network."),
            T("", ""), null),
        new("O6", null, M.TechnicalExchange, "ORI", "EDU VIV SOC", "LAT",
            "Universidad de Solmar; Mercociudades", "MX CO PE AR BR CL UY", "", "2026-06-22", "2026-07-10", S.Done, 90_000, "4.b 17.9",
            T("Escuela de verano de gestión metropolitana para técnicos latinoamericanos", "Summer school on metropolitan management for Latin American officials", "École d'été de gestion métropolitaine pour des cadres latino-américains"),
            T("Tres semanas de formación con la Universidad de Solmar para 30 técnicos municipales becados de siete países latinoamericanos.",
              "Three weeks of training with the University of Solmar for 30 municipal officials on scholarships from seven Latin American countries."),
            T("Técnicos municipales becados", "Municipal officials on scholarships"), 30,
            Milestones:
            [
                new("2026-04-30", "2026-04-28", "Selección de 30 becarios", "30 scholarship holders selected", "Sélection de 30 boursiers"),
            ]),
        new("O7", null, M.Twinning, "EDU", "CUL ORI", "MED",
            "Comune di Genova", "IT", "Génova", "2026-09-14", "2027-06-18", S.InProgress, 48_000, "4.7",
            T("El hermanamiento con Génova, convertido en intercambios escolares", "The twinning with Genoa turned into school exchanges", "Le jumelage avec Gênes transformé en échanges scolaires"),
            T("Doce institutos de Solmar y de Génova trabajan juntos durante el curso sobre el mar, el puerto y el clima, con un intercambio presencial en primavera.",
              "Twelve secondary schools in Solmar and Genoa work together over the school year on the sea, the port and the climate, with an in-person exchange in spring."),
            T("Alumnado de secundaria", "Secondary school pupils"), 480),
        new(null, new("@INN", "2026-07-20"), M.CityAlliance, "INN", "ORI", "CONOC",
            "Coalición de Ciudades por los Derechos Digitales", "", "", "2026-10-01", "2026-12-31", S.InProgress, 6_000, "16.10",
            T("Adhesión a la Coalición de Ciudades por los Derechos Digitales", "Joining the Cities Coalition for Digital Rights", "Adhésion à la Coalition des villes pour les droits numériques"),
            T("El Departamento de Innovación pidió sumarse a la coalición y a su declaración sobre el uso ético de los datos urbanos.",
              "The Innovation department asked to join the coalition and its declaration on the ethical use of urban data."),
            T("", ""), null),
        new("O1", null, M.Investment, "ECO", "AMB INN", "",
            "Autoridad Portuaria de Solmar; Hydrogen Europe", "", "", "2026-12-01", "2027-11-30", S.Planned, 150_000, "7.2 9.5",
            T("Atracción de un centro europeo de I+D en hidrógeno verde portuario", "Attracting a European R&D centre for green hydrogen in ports", "Attraction d'un centre européen de R&D sur l'hydrogène vert portuaire"),
            T("Campaña dirigida a grupos industriales europeos para instalar en el distrito portuario un centro de investigación en hidrógeno verde.",
              "A campaign aimed at European industrial groups to set up a green hydrogen research centre in the port district."),
            T("Empleo cualificado previsto", "Skilled jobs expected"), 120),

        // ── 2027: the last year of the plan, still being prepared ──
        new("O5", null, M.DirectCooperation, "ORI", "AMB", "",
            "Commune de Tanger; Municipalité de Sfax; Commune de Sousse", "MA TN", "Tánger; Sfax; Susa", "2027-01-15", "2027-06-30", S.Planned, 40_000, "17.9 17.17",
            T("Evaluación de impacto de la cooperación con el Magreb", "Impact evaluation of the cooperation with the Maghreb", "Évaluation d'impact de la coopération avec le Maghreb"),
            T("Evaluación externa de los proyectos con Tánger, Sfax y Susa, con las ciudades socias, para decidir la siguiente etapa.",
              "An external evaluation of the projects with Tangier, Sfax and Sousse, together with the partner cities, to decide the next stage."),
            T("Ciudades socias del Magreb", "Partner cities in the Maghreb"), 3),
        new("O8", null, M.InternationalDiversity, "CUL", "EDU TUR COM", "LAT",
            "Casa de América Latina de Solmar; Secretaría de Cultura de la Ciudad de México; Municipalidad de Rosario; Alcaldía de Medellín", "MX AR CO", "Ciudad de México; Rosario; Medellín", "2027-01-20", "2027-12-20", S.Planned, 260_000, "11.4 4.7",
            T("Año cultural Solmar–América Latina 2027", "Solmar–Latin America Cultural Year 2027", "Année culturelle Solmar–Amérique latine 2027"),
            T("Un año de programación compartida con ciudades latinoamericanas y con las asociaciones de la diáspora, en museos, bibliotecas y barrios.",
              "A year of programming shared with Latin American cities and diaspora associations, in museums, libraries and neighbourhoods."),
            T("Público previsto", "Expected audience"), 150_000,
            Milestones:
            [
                new("2026-12-15", null, "Programa aprobado por las ciudades socias", "Programme approved by the partner cities", "Programme approuvé par les villes partenaires"),
            ]),
        new("O3", null, M.TechnicalExchange, "MOB", "AMB ECO", "",
            "Ville de Marseille; Comune di Genova; MedPorts Association", "FR IT", "Marsella; Génova", "2027-02-01", "2027-12-15", S.Idea, 0, "13.2 14.1",
            T("Hoja de ruta compartida de puertos mediterráneos de cero emisiones", "Shared roadmap for zero-emission Mediterranean ports", "Feuille de route commune pour des ports méditerranéens zéro émission"),
            T("Idea en estudio: una hoja de ruta común con Marsella y Génova sobre electrificación de muelles y combustibles limpios.",
              "An idea under study: a common roadmap with Marseille and Genoa on shore power and clean fuels."),
            T("", ""), null),
        new(null, new("Cámara de Comercio de Solmar", "2026-09-14"), M.MissionOrVisit, "ECO", "", "",
            "Cámara de Comercio de Solmar", "IN", "Bombay; Bangalore", "2027-02-08", "2027-02-13", S.Idea, 0, "8.2",
            T("Misión comercial a Bombay y Bangalore", "Trade mission to Mumbai and Bengaluru", "Mission commerciale à Mumbai et Bangalore"),
            T("Propuesta de la Cámara de Comercio, fuera de los ejes geográficos del plan; pendiente de decidir.",
              "Proposed by the Chamber of Commerce, outside the plan's geographic axes; not yet decided."),
            T("", ""), null),
        new("O4", null, M.Talent, "EDU", "INN", "",
            "Universidad de Chile; Universidad de la República", "CL UY", "Santiago; Montevideo", "2027-02-15", "2027-12-20", S.Idea, 0, "4.3 9.5",
            T("Intercambio de jóvenes investigadores en inteligencia artificial urbana", "Young researchers' exchange on urban artificial intelligence", "Échange de jeunes chercheurs en intelligence artificielle urbaine"),
            T("Idea: estancias cruzadas de investigadores entre Solmar, Santiago y Montevideo sobre modelos de datos urbanos.",
              "Idea: reciprocal research stays between Solmar, Santiago and Montevideo on urban data models."),
            T("", ""), null),
        new("O9", null, M.MissionOrVisit, "ORI", "COM AMB SOC", "",
            "Naciones Unidas – Foro Político de Alto Nivel; CGLU", "US", "Nueva York", "2027-03-01", "2027-07-17", S.Planned, 35_000, "17.16 16.7",
            T("Informe Local Voluntario de Solmar ante el Foro Político de Alto Nivel", "Solmar's Voluntary Local Review at the High-Level Political Forum", "Revue locale volontaire de Solmar au Forum politique de haut niveau"),
            T("Elaboración participativa del primer Informe Local Voluntario sobre los ODS y presentación en Nueva York con CGLU.",
              "Preparing, with local actors, the first Voluntary Local Review of the SDGs and presenting it in New York with UCLG."),
            T("", ""), null),
        new("O6", null, M.TriangularCooperation, "VIV", "SOC ORI", "",
            "Alcaldía de Medellín; Municipalidad Metropolitana de Lima", "CO PE", "Medellín; Lima", "2027-03-01", "2027-12-31", S.Idea, 0, "11.1",
            T("Cooperación triangular con Medellín y Lima, segunda fase: vivienda progresiva", "Triangular cooperation with Medellín and Lima, second phase: incremental housing", "Coopération triangulaire avec Medellín et Lima, deuxième phase : logement évolutif"),
            T("Idea surgida de la sistematización de la primera fase: mejorar viviendas autoconstruidas en los barrios piloto de Lima.",
              "An idea from the lessons of the first phase: improving self-built homes in Lima's pilot neighbourhoods."),
            T("", ""), null),
        new("O1", null, M.EventsAndCongresses, "ECO", "ORI TUR COM", "",
            "Cámara de Comercio de Solmar; CAF – Banco de Desarrollo de América Latina y el Caribe; Unión por el Mediterráneo", "", "", "2027-05-11", "2027-05-12", S.Planned, 180_000, "8.2 17.17",
            T("Foro de Inversión Mediterráneo–América Latina", "Mediterranean–Latin America Investment Forum", "Forum d'investissement Méditerranée–Amérique latine"),
            T("Foro en Solmar que reúne a inversores y empresas de las dos regiones prioritarias del plan, con la diáspora empresarial como puente.",
              "A forum in Solmar bringing together investors and companies from the plan's two priority regions, with diaspora entrepreneurs as a bridge."),
            T("Empresas e inversores participantes", "Participating companies and investors"), 400),
        new("O2", null, M.EventsAndCongresses, "TUR", "ECO MOB", "",
            "Solmar Convention Bureau; Autoridad Portuaria de Solmar", "", "", "2027-05-24", "2027-05-27", S.Planned, 350_000, "8.9 9.1",
            T("Acogida de la Conferencia Mundial de Puertos 2027", "Hosting the 2027 World Ports Conference", "Accueil de la Conférence mondiale des ports 2027"),
            T("Organización de la conferencia ganada en 2025, en temporada baja y con compensación de emisiones de los desplazamientos.",
              "Organizing the conference won in 2025, in the low season and offsetting travel emissions."),
            T("Congresistas y sector hostelero", "Delegates and the hospitality industry"), 1_800,
            Milestones:
            [
                new("2026-12-20", null, "Contrato con el organizador profesional de congresos", "Contract with the professional congress organizer", "Contrat avec l'organisateur professionnel de congrès"),
                new("2027-01-15", null, "Apertura de inscripciones", "Registration opens", "Ouverture des inscriptions"),
            ]),
    ];

    // ───────────────────────────── The archived first strategy ─────────────────────────────

    private static async Task SeedPastPlanAsync(NodalDbContext db, Guid orgId, Dictionary<string, Guid> dept, CancellationToken ct)
    {
        var plan = new StrategicPlan
        {
            OrganizationId = orgId,
            Title = T("Estrategia de Internacionalización 2019–2022", "Internationalization Strategy 2019–2022", "Stratégie d'internationalisation 2019–2022"),
            StartYear = 2019, EndYear = 2022,
            Vision = T(
                "Situar a Solmar en el mapa internacional como destino turístico y de inversión.",
                "Put Solmar on the international map as a destination for tourism and investment.",
                "Placer Solmar sur la carte internationale comme destination touristique et d'investissement."),
            CityModel = T(
                "Una metrópolis turística y logística competitiva.",
                "A competitive tourism and logistics metropolis.",
                "Une métropole touristique et logistique compétitive."),
            CityPlanName = "Plan Estratégico Metropolitano Solmar 2020",
            CityPlanUrl = "https://solmar.example/plan-estrategico-2020",
            CityPlanObjectives = "Eje 1. Competitividad económica\nEje 3. Solmar, destino global",
            Status = PlanStatus.Archived,
            AdoptedOn = new DateOnly(2019, 5, 30),
            AdoptedBy = "Pleno del Consejo Metropolitano",
            AdoptionAct = "Acuerdo 2019/062",
        };
        db.Plans.Add(plan);

        AxisRow[] axesRows =
        [
            new("PROMO", AxisKind.Thematic, T("Promoción económica y turística", "Economic and tourism promotion", "Promotion économique et touristique"),
                T("Dar a conocer Solmar a turistas e inversores.", "Making Solmar known to tourists and investors.", "Faire connaître Solmar aux touristes et aux investisseurs."), "", "", ""),
            new("EUR", AxisKind.Geographic, T("Europa", "Europe", "Europe"),
                T("Mercados turísticos y socios de proyectos europeos.", "Tourism markets and partners in European projects.", "Marchés touristiques et partenaires de projets européens."), "039 155", "FR IT PT DE", ""),
        ];
        var axes = new Dictionary<string, Guid>();
        var priority = 0;
        foreach (var a in axesRows)
        {
            var axis = new Axis
            {
                OrganizationId = orgId, PlanId = plan.Id, Kind = a.Kind, Name = a.Name, Description = a.Description, Priority = ++priority,
                Regions = Codes(a.Regions), Countries = Codes(a.Countries),
            };
            axes[a.Key] = axis.Id;
            db.Axes.Add(axis);
        }

        Goal[] goals =
        [
            new("O1", ObjectiveFamily.Projection, "TUR", "PROMO EUR", "2022-12-31", "8.9", "Eje 3. Solmar, destino global", LawLocal25H, T(
                "Aumentar la llegada de turistas internacionales y de inversión extranjera.",
                "Increase international tourist arrivals and foreign investment.",
                "Augmenter les arrivées de touristes internationaux et les investissements étrangers.")),
            new("O2", ObjectiveFamily.Exchange, "ORI", "EUR", "2022-12-31", "17.17", "Eje 1. Competitividad económica", LawExternalAction, T(
                "Participar en proyectos europeos para acceder a financiación y conocimiento.",
                "Take part in European projects to gain funding and know-how.",
                "Participer à des projets européens pour accéder à des financements et à des savoir-faire.")),
            new("O3", ObjectiveFamily.Solidarity, "ORI", "", "2022-12-31", "11.6", "Eje 1. Competitividad económica", LawCooperation, T(
                "Mantener la cooperación con Tánger en servicios urbanos.",
                "Keep up the cooperation with Tangier on urban services.",
                "Poursuivre la coopération avec Tanger sur les services urbains.")),
        ];
        var objectives = AddObjectives(db, orgId, plan.Id, goals, dept, axes);

        Act[] actions =
        [
            new(null, new("Embajada de la República Popular China", "2019-06-10"), M.MissionOrVisit, "ECO", "ORI", "",
                "Gobierno Municipal de Cantón", "CN", "Cantón", "2019-09-16", "2019-09-18", S.Done, 12_000, "17.17",
                T("Recepción de una delegación de Cantón", "Hosting a delegation from Guangzhou", "Accueil d'une délégation de Canton"),
                T("Visita institucional a petición de la Embajada.", "An official visit at the Embassy's request."), T("", ""), null),
            new(null, new("Cámara de Comercio de Solmar", "2019-09-02"), M.MissionOrVisit, "ECO", "TUR", "",
                "Cámara de Comercio de Solmar", "US", "Miami", "2019-11-11", "2019-11-15", S.Done, 30_000, "8.2",
                T("Misión comercial a Miami", "Trade mission to Miami", "Mission commerciale à Miami"),
                T("Misión empresarial propuesta por la Cámara de Comercio.", "A trade mission proposed by the Chamber of Commerce."), T("Empresas participantes", "Participating companies"), 18),
            new(null, new("@CUL", "2019-10-15"), M.InternationalDiversity, "CUL", "", "",
                "Consulado de Colombia en Solmar", "CO", "", "2020-02-20", "2020-02-28", S.Done, 8_000, "4.7",
                T("Semana cultural de Colombia", "Colombian Culture Week", "Semaine culturelle de la Colombie"),
                T("Programa cultural con el consulado y las asociaciones colombianas.", "A cultural programme with the consulate and Colombian associations."), T("Público asistente", "Audience"), 4_000),
            new("O1", null, M.Tourism, "TUR", "COM", "",
                "Turespaña", "DE", "Berlín", "2020-03-04", "2020-03-08", S.Cancelled, 45_000, "8.9",
                T("Presencia de Solmar en la feria ITB de Berlín", "Solmar at the ITB Berlin fair", "Solmar au salon ITB de Berlin"),
                T("Cancelada al suspenderse la feria por la pandemia de COVID-19.", "Cancelled when the fair was called off because of the COVID-19 pandemic."), T("", ""), null),
            new(null, new("Red Eurocities", "2020-05-20"), M.CityNetworks, "ORI", "SOC", "",
                "Eurocities", "", "", "2020-06-01", "2020-12-18", S.Done, 5_000, "11.b",
                T("Grupo de trabajo de Eurocities sobre la respuesta a la COVID-19", "Eurocities working group on the COVID-19 response", "Groupe de travail d'Eurocities sur la réponse à la COVID-19"),
                T("Participación en los intercambios semanales de la red durante la pandemia.", "Taking part in the network's weekly exchanges during the pandemic."), T("", ""), null),
            new("O3", null, M.DirectCooperation, "AMB", "ORI", "",
                "Commune de Tanger", "MA", "Tánger", "2021-03-01", "2022-12-15", S.Done, 90_000, "11.6",
                T("Apoyo a Tánger en la gestión de residuos: fase preparatoria", "Supporting Tangier on waste management: preparatory phase", "Appui à Tanger pour la gestion des déchets : phase préparatoire"),
                T("Estudios previos y formación que prepararon el proyecto de recogida selectiva de 2023.", "Preliminary studies and training that prepared the 2023 separate collection project."),
                T("Personal técnico de la Commune de Tanger", "Technical staff of the Commune of Tangier"), 25),
            new(null, new("@MOB", "2021-02-08"), M.TechnicalExchange, "MOB", "", "",
                "Bordeaux Métropole", "FR", "Burdeos", "2021-10-05", "2021-10-07", S.Done, 6_000, "11.2",
                T("Visita de estudio al tranvía de Burdeos", "Study visit to the Bordeaux tramway", "Visite d'étude du tramway de Bordeaux"),
                T("Visita pedida por el Departamento de Movilidad.", "A visit the Mobility department asked for."), T("", ""), null),
            new(null, new("Ayuntamiento de Génova", "2022-03-01"), M.Twinning, "ORI", "CUL", "",
                "Comune di Genova", "IT", "Génova", "2022-06-20", "2022-06-23", S.Done, 10_000, "17.17",
                T("Intercambio de delegaciones del hermanamiento con Génova", "Delegation exchange under the twinning with Genoa", "Échange de délégations dans le cadre du jumelage avec Gênes"),
                T("Visita institucional de una delegación de Génova.", "An official visit by a delegation from Genoa."), T("", ""), null),
        ];
        AddActions(db, orgId, plan.Id, actions, "E19-{0:00}", dept, axes, objectives);
        await db.SaveChangesAsync(ct);
    }

    // ───────────────────────────── Costa Alta ─────────────────────────────

    /// <summary>A small municipality's first draft: one axis, two objectives, three actions (so both tenants have policy data).</summary>
    public static async Task SeedCostaAltaAsync(NodalDbContext db, Organization org, IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var dept = departments.ToDictionary(d => d.Code, d => d.Id);
        var plan = new StrategicPlan
        {
            OrganizationId = org.Id,
            Title = T("Costa Alta en el mundo 2026–2029", "Costa Alta in the world 2026–2029", "Costa Alta dans le monde 2026–2029"),
            StartYear = 2026, EndYear = 2029,
            Vision = T(
                "Un puerto pesquero y turístico que se abre al Mediterráneo sin perder su escala humana.",
                "A fishing and tourist port that opens up to the Mediterranean without losing its human scale.",
                "Un port de pêche et de tourisme qui s'ouvre à la Méditerranée sans perdre sa dimension humaine."),
            CityModel = T("Una ciudad costera pequeña, activa todo el año.", "A small coastal town, lively all year round.", "Une petite ville côtière, vivante toute l'année."),
            Status = PlanStatus.Draft,
            // Its only plan, still a draft: the one the municipality works on now.
            IsCurrent = true,
        };
        db.Plans.Add(plan);
        var axis = new Axis
        {
            OrganizationId = org.Id, PlanId = plan.Id, Kind = AxisKind.Thematic, Priority = 1,
            Name = T("Puerto y turismo sostenible", "Port and sustainable tourism", "Port et tourisme durable"),
            Description = T("Proyectar el puerto y un turismo de baja temporada.", "Promoting the port and off-season tourism.", "Promouvoir le port et le tourisme hors saison."),
        };
        db.Axes.Add(axis);
        var axes = new Dictionary<string, Guid> { ["PUERTO"] = axis.Id };
        Goal[] goals =
        [
            new("O1", ObjectiveFamily.Projection, "TUR", "PUERTO", "2028-12-31", "8.9", "", LawLocal25H, T(
                "Atraer un turismo náutico y de cruceros pequeños fuera del verano.",
                "Attract sailing and small-cruise tourism outside the summer.",
                "Attirer un tourisme nautique et de petites croisières en dehors de l'été.")),
            new("O2", ObjectiveFamily.Exchange, "PUE", "PUERTO", "2029-06-30", "14.b", "", LawLocal25H, T(
                "Aprender de otros puertos pesqueros mediterráneos cómo conviven la pesca artesanal y el turismo.",
                "Learn from other Mediterranean fishing ports how small-scale fishing and tourism live together.",
                "Apprendre d'autres ports de pêche méditerranéens comment pêche artisanale et tourisme cohabitent.")),
        ];
        var objectives = AddObjectives(db, org.Id, plan.Id, goals, dept, axes);
        Act[] actions =
        [
            new("O1", null, M.Tourism, "TUR", "PUE", "",
                "Asociación de Puertos Deportivos del Mediterráneo", "", "", "2026-03-01", "2026-12-31", S.InProgress, 18_000, "8.9",
                T("Promoción de Costa Alta como escala de cruceros pequeños", "Promoting Costa Alta as a port of call for small cruise ships", "Promotion de Costa Alta comme escale de petites croisières"),
                T("Presencia en dos ferias náuticas y material para navieras de cruceros pequeños.", "Attending two boat shows and materials for small cruise lines."),
                T("Comercio y hostelería del puerto", "Port shops and restaurants"), 60),
            new("O2", null, M.TechnicalExchange, "PUE", "TUR", "",
                "Ville de Sète", "FR", "Sète", "2026-05-04", "2026-10-30", S.Done, 9_500, "14.b",
                T("Intercambio con el puerto de Sète sobre pesca artesanal y turismo", "Exchange with the port of Sète on small-scale fishing and tourism", "Échange avec le port de Sète sur la pêche artisanale et le tourisme"),
                T("Visitas cruzadas de la cofradía de pescadores y del servicio del puerto.", "Reciprocal visits by the fishermen's guild and the port service."),
                T("Cofradía de pescadores de Costa Alta", "Costa Alta fishermen's guild"), 85),
            new(null, new("Área Metropolitana de Solmar", "2026-06-15"), M.CityNetworks, "ALC", "", "",
                "Área Metropolitana de Solmar", "", "", "2026-09-01", "2027-06-30", S.InProgress, 0, "17.17",
                T("Participación en la mesa metropolitana de acción internacional", "Taking part in the metropolitan table on international action", "Participation à la table métropolitaine d'action internationale"),
                T("Solmar invitó a Costa Alta a coordinar su agenda internacional en la mesa metropolitana.", "Solmar invited Costa Alta to coordinate its international agenda at the metropolitan table."),
                T("", ""), null),
        ];
        AddActions(db, org.Id, plan.Id, actions, "A-{0:000}", dept, axes, objectives);
        await db.SaveChangesAsync(ct);
    }

    // ───────────────────────────── Building the records ─────────────────────────────

    private static Dictionary<string, Guid> AddObjectives(NodalDbContext db, Guid orgId, Guid planId, Goal[] goals, Dictionary<string, Guid> dept, Dictionary<string, Guid> axes)
    {
        var ids = new Dictionary<string, Guid>();
        var order = 0;
        foreach (var g in goals)
        {
            var o = new Objective
            {
                OrganizationId = orgId, PlanId = planId, Code = g.Code, Family = g.Family, Statement = g.Statement,
                AxisIds = Codes(g.Axes).Select(k => axes[k]).ToList(), OwnerDepartmentId = dept[g.Owner], Deadline = D(g.Deadline),
                SdgTargets = Codes(g.Sdg), CityPlanObjective = string.IsNullOrEmpty(g.CityPlan) ? null : g.CityPlan,
                LegalBasis = g.Legal, SortOrder = ++order,
            };
            ids[g.Code] = o.Id;
            db.Objectives.Add(o);
        }
        return ids;
    }

    private static void AddActions(NodalDbContext db, Guid orgId, Guid planId, Act[] rows, string codeFormat,
        Dictionary<string, Guid> dept, Dictionary<string, Guid> axes, Dictionary<string, Guid> objectives)
    {
        for (var n = 0; n < rows.Length; n++)
        {
            var r = rows[n];
            var code = string.Format(CultureInfo.InvariantCulture, codeFormat, n + 1);
            var reactive = r.Request is not null;
            if (!reactive && r.Objective is null || reactive && (r.Objective is null) != (r.Request!.AttachedOn is null))
                throw new InvalidOperationException($"Demo action {code}: a planned action needs an objective; a reactive one has one only once attached.");
            var byDepartment = reactive && r.Request!.By.StartsWith('@');
            var a = new PolicyAction
            {
                OrganizationId = orgId, PlanId = planId, Code = code, Title = r.Title, Description = r.Description,
                Origin = reactive ? ActionOrigin.Reactive : ActionOrigin.Planned,
                ObjectiveId = r.Objective is null ? null : objectives[r.Objective],
                AttachedOn = reactive && r.Request!.AttachedOn is { } attached ? D(attached) : null,
                RequestedBy = reactive && !byDepartment ? r.Request!.By : null,
                RequestedByDepartmentId = byDepartment ? dept[r.Request!.By[1..]] : null,
                RequestedOn = reactive ? D(r.Request!.On) : null,
                Modality = r.Modality, LeadDepartmentId = dept[r.Lead],
                InvolvedDepartmentIds = Codes(r.Involved).Select(c => dept[c]).ToList(),
                AxisIds = Codes(r.Axes).Select(k => axes[k]).ToList(),
                Partners = Names(r.Partners), Countries = Codes(r.Countries), Cities = Names(r.Cities),
                Start = D(r.Start), End = D(r.End), Status = r.Status,
                Beneficiaries = r.Beneficiaries.IsEmpty ? new LocalizedText() : r.Beneficiaries,
                BeneficiaryCount = r.Count, SdgTargets = Codes(r.Sdg),
            };
            db.Actions.Add(a);
            foreach (var m in r.Milestones ?? [])
                db.Milestones.Add(new ActionMilestone { OrganizationId = orgId, ActionId = a.Id, Title = T(m.Es, m.En, m.Fr), Due = D(m.Due), DoneOn = m.Done is null ? null : D(m.Done) });
            foreach (var b in BudgetLines(r, n))
                db.Budgets.Add(new ActionBudget { OrganizationId = orgId, ActionId = a.Id, Year = b.Year, Planned = b.Planned, Spent = b.Spent, Currency = r.Currency });
        }
    }

    /// <summary>
    /// Spreads an action's budget over the years it runs, in proportion to its days in each year. Spending is
    /// what had happened by <see cref="AsOf"/>: most of it in past years, part of it this year while the action
    /// runs, none in later years, none for an action cancelled or not started. <paramref name="n"/> varies the
    /// execution rate deterministically from one action to the next.
    /// </summary>
    private static IEnumerable<(int Year, decimal Planned, decimal Spent)> BudgetLines(Act r, int n)
    {
        if (r.Budget <= 0) yield break;
        var start = D(r.Start);
        var end = D(r.End);
        var totalDays = end.DayNumber - start.DayNumber + 1;
        var remaining = r.Budget;
        for (var year = start.Year; year <= end.Year; year++)
        {
            decimal planned;
            if (year == end.Year) planned = remaining;
            else
            {
                var from = year == start.Year ? start : new DateOnly(year, 1, 1);
                var days = new DateOnly(year, 12, 31).DayNumber - from.DayNumber + 1;
                planned = Math.Round(r.Budget * days / totalDays / 100m, MidpointRounding.AwayFromZero) * 100m;
            }
            remaining -= planned;
            if (planned <= 0) continue;
            decimal rate = r.Status switch
            {
                S.Idea or S.Planned or S.Cancelled => 0m,
                _ when year > AsOf.Year => 0m,
                _ when year < AsOf.Year || r.Status == S.Done => 0.84m + (n * 7 + year) % 15 / 100m,
                _ => 0.55m + n * 13 % 20 / 100m,
            };
            yield return (year, planned, Math.Round(planned * rate / 100m, MidpointRounding.AwayFromZero) * 100m);
        }
    }

    private static LocalizedText T(string es, string en, string? fr = null) => new(es, en, fr);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Space-separated codes: ISO countries, M49 regions, SDG targets, department and axis keys.</summary>
    private static List<string> Codes(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Semicolon-separated names: partners, cities.</summary>
    private static List<string> Names(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
