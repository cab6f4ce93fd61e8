using Nodal.Core.Monitoring;
using static Nodal.Bench.Data.PolicyVocabulary;

namespace Nodal.Bench.Data;

/// <summary>Words and magnitudes the generated indicators, evaluations and externalities are written with (es/en/fr).</summary>
public static class MonitoringVocabulary
{
    /// <summary>
    /// What an office measures, with a typical monthly magnitude: a flow is summed over a year (visitors), a rate
    /// averaged (occupancy), a stock read last (active agreements). <paramref name="Externality"/>: the side
    /// effect it watches (then it is territorial and lower is better). <paramref name="BySex"/>: counted people,
    /// disaggregated by sex.
    /// </summary>
    public sealed record IndicatorTemplate(Text Name, string Unit, Aggregation Aggregation, Direction Direction, IndicatorLevel Level,
        int Decimals, double Magnitude, string Source, string? Sdg = null, ExternalityKind? Externality = null, bool BySex = false, double? Max = null);

    public static readonly IndicatorTemplate[] Indicators =
    [
        new(new("Delegaciones internacionales recibidas", "International delegations received", "Délégations internationales reçues"),
            "delegations", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Operational, 0, 6, "Registro de visitas de la oficina"),
        new(new("Visitantes internacionales", "International visitors", "Visiteurs internationaux"),
            "visitors", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Territorial, 0, 240_000, "Instituto de Estadística", "8.9.1"),
        new(new("Ocupación hotelera", "Hotel occupancy", "Taux d'occupation hôtelière"),
            "%", Aggregation.Average, Direction.HigherIsBetter, IndicatorLevel.Territorial, 1, 71, "Encuesta de ocupación hotelera", Max: 100),
        new(new("Convenios internacionales activos", "Active international agreements", "Accords internationaux en vigueur"),
            "agreements", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 280, "Registro de convenios", "17.17.1"),
        new(new("Fondos internacionales captados", "International funds raised", "Fonds internationaux obtenus"),
            "EUR", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 180_000, "Contabilidad municipal", "17.3.1"),
        new(new("Proyectos de cooperación en ejecución", "Cooperation projects under way", "Projets de coopération en cours"),
            "projects", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 75, "Registro de proyectos", "17.2.1"),
        new(new("Inversión extranjera anunciada", "Foreign investment announced", "Investissements étrangers annoncés"),
            "EUR", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Territorial, 0, 6_500_000, "Agencia de promoción económica"),
        new(new("Empleo en empresas de capital extranjero", "Jobs in foreign-owned companies", "Emplois dans les entreprises à capitaux étrangers"),
            "jobs", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Territorial, 0, 118_000, "Seguridad Social, afiliación", "8.5.2"),
        new(new("Estudiantes internacionales matriculados", "International students enrolled", "Étudiants internationaux inscrits"),
            "students", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Territorial, 0, 21_000, "Universidades de la ciudad", "4.b.1", BySex: true),
        new(new("Congresos internacionales celebrados", "International conferences held", "Congrès internationaux organisés"),
            "events", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 9, "Oficina de congresos"),
        new(new("Satisfacción de las ciudades socias", "Partner cities' satisfaction", "Satisfaction des villes partenaires"),
            "score 0–10", Aggregation.Average, Direction.HigherIsBetter, IndicatorLevel.Operational, 1, 7.4, "Encuesta anual a socios", Max: 10),
        new(new("Días de respuesta a solicitudes externas", "Days to answer outside requests", "Délai de réponse aux demandes extérieures"),
            "days", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Operational, 1, 12, "Registro de entrada de la oficina"),
        new(new("Reuniones de grupos de trabajo de redes", "Network working-group meetings attended", "Réunions de groupes de travail des réseaux"),
            "meetings", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Operational, 0, 14, "Agenda de la oficina", "17.16.1"),
        new(new("Menciones en prensa internacional", "Mentions in the international press", "Mentions dans la presse internationale"),
            "mentions", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 320, "Servicio de seguimiento de medios"),
        new(new("Personal municipal formado en intercambios", "City staff trained in exchanges", "Agents municipaux formés lors d'échanges"),
            "people", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Operational, 0, 35, "Recursos Humanos, formación", "16.7.1", BySex: true),
        new(new("Posiciones de la ciudad en declaraciones internacionales", "City positions taken up in international declarations", "Positions de la ville reprises dans des déclarations internationales"),
            "positions", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 2, "Archivo de incidencia política", "16.8.1"),
        new(new("Ejecución del presupuesto de la oficina", "Office budget executed", "Exécution du budget du bureau"),
            "%", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Operational, 1, 62, "Contabilidad municipal", Max: 100),
        new(new("Seguidores internacionales en redes sociales", "International social-media followers", "Abonnés internationaux sur les réseaux sociaux"),
            "followers", Aggregation.Last, Direction.HigherIsBetter, IndicatorLevel.Operational, 0, 48_000, "Analítica de redes sociales"),
        new(new("Buenas prácticas transferidas a otras ciudades", "Good practices transferred to other cities", "Bonnes pratiques transférées à d'autres villes"),
            "practices", Aggregation.Sum, Direction.HigherIsBetter, IndicatorLevel.Programmatic, 0, 1.5, "Memoria de cooperación técnica", "17.9.1"),
        new(new("Acciones planificadas sobre el total", "Planned actions over all actions", "Actions planifiées sur l'ensemble des actions"),
            "%", Aggregation.Average, Direction.HigherIsBetter, IndicatorLevel.Operational, 1, 64, "Nodal, plan de acción", Max: 100),
        new(new("Precio medio del alquiler", "Average rent", "Loyer moyen"),
            "EUR/m²", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Territorial, 2, 14.6, "Observatorio de la vivienda", "11.1.1", ExternalityKind.Gentrification),
        new(new("Compras de vivienda por no residentes", "Home purchases by non-residents", "Achats de logements par des non-résidents"),
            "%", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Territorial, 1, 17, "Colegio de Registradores", null, ExternalityKind.Gentrification, Max: 100),
        new(new("Viviendas de uso turístico", "Homes let to tourists", "Logements loués aux touristes"),
            "homes", Aggregation.Last, Direction.LowerIsBetter, IndicatorLevel.Territorial, 0, 9_400, "Registro de viviendas turísticas", "11.1.1", ExternalityKind.MassTourism),
        new(new("Pernoctaciones por residente en el centro histórico", "Overnight stays per resident in the old town", "Nuitées par habitant dans le centre historique"),
            "nights", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Territorial, 2, 3.8, "Instituto de Estadística", null, ExternalityKind.MassTourism),
        new(new("Empleo temporal en turismo y hostelería", "Temporary jobs in tourism and hospitality", "Emplois temporaires dans le tourisme et l'hôtellerie"),
            "%", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Territorial, 1, 38, "Encuesta de población activa", "8.5.1", ExternalityKind.LabourOverSpecialization, Max: 100),
        new(new("Concentración de NO₂ junto al puerto", "NO₂ concentration by the port", "Concentration de NO₂ près du port"),
            "µg/m³", Aggregation.Average, Direction.LowerIsBetter, IndicatorLevel.Territorial, 1, 41, "Red de vigilancia de la calidad del aire", "11.6.2", ExternalityKind.PortOrAirportPollution),
        new(new("Vuelos nocturnos en el aeropuerto", "Night flights at the airport", "Vols de nuit à l'aéroport"),
            "flights", Aggregation.Sum, Direction.LowerIsBetter, IndicatorLevel.Territorial, 0, 420, "Autoridad aeroportuaria", null, ExternalityKind.PortOrAirportPollution),
    ];

    public static readonly Text[] ExternalityNames =
    [
        new("Subida de alquileres en barrios con inversión inmobiliaria internacional", "Rents rising in neighbourhoods with international property investment", "Hausse des loyers dans les quartiers à investissement immobilier international"),
        new("Saturación turística del centro histórico", "Tourist saturation of the old town", "Saturation touristique du centre historique"),
        new("Dependencia del empleo en turismo y congresos", "Dependence on tourism and conference jobs", "Dépendance à l'emploi touristique et événementiel"),
        new("Contaminación del aire por cruceros y tráfico portuario", "Air pollution from cruise ships and port traffic", "Pollution de l'air due aux croisières et au trafic portuaire"),
        new("Huella de carbono de los viajes institucionales", "Carbon footprint of official travel", "Empreinte carbone des déplacements institutionnels"),
    ];

    public static readonly Text[] Districts =
    [
        new("Ciutat Vella", "Ciutat Vella", "Ciutat Vella"), new("el frente marítimo", "the waterfront", "le front de mer"),
        new("el Ensanche", "the Eixample", "l'Eixample"), new("el barrio del puerto", "the port district", "le quartier du port"),
        new("el distrito universitario", "the university district", "le quartier universitaire"), new("el área metropolitana", "the metropolitan area", "l'aire métropolitaine"),
    ];

    public static readonly Text[] Mitigations =
    [
        new("Moratoria de nuevas licencias de pisos turísticos", "Moratorium on new holiday-let licences", "Moratoire sur les nouvelles licences de meublés touristiques"),
        new("Reserva del 30 % de vivienda asequible en nuevas promociones", "30 % of new developments reserved for affordable housing", "30 % des nouveaux programmes réservés au logement abordable"),
        new("Tasa turística finalista para los barrios afectados", "Tourist tax earmarked for the affected neighbourhoods", "Taxe de séjour affectée aux quartiers concernés"),
        new("Plan de diversificación económica con formación profesional", "Economic diversification plan with vocational training", "Plan de diversification économique avec formation professionnelle"),
        new("Conexión eléctrica de los buques en el puerto", "Shore power for ships in port", "Branchement électrique des navires à quai"),
        new("Compensación y reducción de los viajes oficiales", "Offsetting and cutting official travel", "Compensation et réduction des déplacements officiels"),
        new("Mesa de seguimiento con las asociaciones vecinales", "Monitoring table with residents' associations", "Table de suivi avec les associations d'habitants"),
        new("Estudio de impacto antes de cada gran evento internacional", "Impact study before every major international event", "Étude d'impact avant chaque grand événement international"),
    ];

    public static readonly Text[] EvaluationTitles =
    [
        new("Evaluación intermedia del plan", "Mid-term evaluation of the plan", "Évaluation à mi-parcours du plan"),
        new("Evaluación del programa de hermanamientos", "Evaluation of the twinning programme", "Évaluation du programme de jumelages"),
        new("Evaluación de impacto de la cooperación técnica", "Impact evaluation of technical cooperation", "Évaluation d'impact de la coopération technique"),
        new("Evaluación del proceso de coordinación interdepartamental", "Process evaluation of inter-departmental coordination", "Évaluation du processus de coordination interservices"),
        new("Sistematización de la experiencia", "Systematization of the experience", "Capitalisation de l'expérience"),
        new("Evaluación de la participación en redes de ciudades", "Evaluation of the participation in city networks", "Évaluation de la participation aux réseaux de villes"),
    ];

    public static readonly Text[] Recommendations =
    [
        new("Definir metas anuales para todos los indicadores del objetivo", "Set yearly targets for every indicator of the objective", "Fixer des cibles annuelles pour tous les indicateurs de l'objectif"),
        new("Designar un punto focal estable en cada departamento implicado", "Appoint a stable focal point in every department involved", "Désigner un point focal stable dans chaque service concerné"),
        new("Publicar los resultados en el portal de transparencia", "Publish the results on the transparency portal", "Publier les résultats sur le portail de transparence"),
        new("Reducir el número de redes y concentrar la participación", "Join fewer networks and focus the participation", "Réduire le nombre de réseaux et concentrer la participation"),
        new("Incluir a las asociaciones vecinales en el seguimiento", "Involve residents' associations in the follow-up", "Associer les associations d'habitants au suivi"),
        new("Presupuestar la evaluación desde el diseño de cada proyecto", "Budget the evaluation from each project's design", "Budgétiser l'évaluation dès la conception de chaque projet"),
        new("Documentar las buenas prácticas para su transferencia", "Document good practices so they can be transferred", "Documenter les bonnes pratiques pour les transférer"),
        new("Medir los efectos no deseados de la promoción internacional", "Measure the unwanted effects of international promotion", "Mesurer les effets indésirables de la promotion internationale"),
    ];

    public static readonly string[] Themes = ["movilidad", "vivienda", "clima", "cultura", "economía circular", "igualdad", "migraciones", "turismo", "agua", "innovación"];
    public static readonly string[] Evaluators = ["Universidad de Metrópolis", "Instituto de Gobierno y Políticas Públicas", "Consultora Ágora", "Equipo de la oficina", "Red de Evaluadoras"];
}
