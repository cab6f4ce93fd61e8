using Nodal.Core;
using Nodal.Core.Policy;

namespace Nodal.Bench.Data;

/// <summary>
/// Picks one of n items with a Zipf-like skew: item k (0-based) has weight 1 / (k + 1)^s. With s = 1 over
/// 60 departments the first leads about 21 % of the actions and the last 0.4 %, as in a real city where
/// international relations, economy and culture carry most of the work.
/// </summary>
public sealed class Skewed<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public Skewed(IReadOnlyList<T> items, double exponent)
    {
        if (items.Count == 0) throw new ArgumentException("Nothing to pick from.", nameof(items));
        _items = items;
        _cumulative = new double[items.Count];
        var sum = 0.0;
        for (var k = 0; k < items.Count; k++) _cumulative[k] = sum += 1 / Math.Pow(k + 1, exponent);
    }

    public int Count => _items.Count;

    public T Pick(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _items[Math.Min(i < 0 ? ~i : i, _items.Count - 1)];
    }

    /// <summary>Up to <paramref name="count"/> distinct items (fewer when the skew keeps drawing the same ones).</summary>
    public List<T> PickDistinct(Random random, int count, Func<T, bool>? allowed = null)
    {
        var picked = new List<T>(count);
        for (var attempt = 0; picked.Count < count && attempt < count * 8; attempt++)
        {
            var item = Pick(random);
            if (!picked.Contains(item) && (allowed is null || allowed(item))) picked.Add(item);
        }
        return picked;
    }
}

/// <summary>Weighted choice of a small number (how many countries, axes, targets an action has).</summary>
public static class Draw
{
    /// <summary>Index i with probability weights[i] / Σ weights.</summary>
    public static int Weighted(Random random, params double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.Length - 1;
    }

    public static T One<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static DateOnly Day(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}

/// <summary>Words the generated policy is written with: real places, real networks, themes in es/en/fr.</summary>
public static class PolicyVocabulary
{
    public sealed record Text(string Es, string En, string Fr)
    {
        public LocalizedText Localized => new(Es, En, Fr);
    }

    public sealed record City(string Name, string Country);

    /// <summary>The ~20 countries a Spanish metropolis works with most, most frequent first (ISO 3166-1 alpha-2).</summary>
    public static readonly string[] FavouriteCountries =
        ["FR", "PT", "MA", "IT", "MX", "CO", "AR", "DE", "BE", "CL", "TN", "EC", "NL", "BR", "US", "PE", "GB", "SN", "DZ", "CN"];

    public static readonly City[] Cities =
    [
        new("Marseille", "FR"), new("Lyon", "FR"), new("Montpellier", "FR"), new("Toulouse", "FR"), new("Bordeaux", "FR"),
        new("Lisboa", "PT"), new("Porto", "PT"),
        new("Tanger", "MA"), new("Casablanca", "MA"), new("Rabat", "MA"), new("Tétouan", "MA"),
        new("Napoli", "IT"), new("Genova", "IT"), new("Milano", "IT"), new("Bologna", "IT"),
        new("Ciudad de México", "MX"), new("Guadalajara", "MX"), new("Monterrey", "MX"),
        new("Medellín", "CO"), new("Bogotá", "CO"), new("Cali", "CO"),
        new("Buenos Aires", "AR"), new("Rosario", "AR"), new("Córdoba", "AR"),
        new("Berlin", "DE"), new("Hamburg", "DE"), new("München", "DE"),
        new("Bruxelles", "BE"), new("Gent", "BE"),
        new("Santiago", "CL"), new("Valparaíso", "CL"),
        new("Tunis", "TN"), new("Sfax", "TN"),
        new("Quito", "EC"), new("Guayaquil", "EC"),
        new("Rotterdam", "NL"), new("Amsterdam", "NL"), new("Utrecht", "NL"),
        new("São Paulo", "BR"), new("Curitiba", "BR"), new("Porto Alegre", "BR"),
        new("New York", "US"), new("Miami", "US"),
        new("Lima", "PE"), new("Arequipa", "PE"),
        new("London", "GB"), new("Bristol", "GB"), new("Glasgow", "GB"),
        new("Dakar", "SN"), new("Saint-Louis", "SN"),
        new("Oran", "DZ"), new("Alger", "DZ"),
        new("Shanghai", "CN"), new("Guangzhou", "CN"),
    ];

    public static readonly string[] Networks =
    [
        "Eurocities", "CGLU / UCLG", "Metropolis", "C40 Cities", "ICLEI", "MedCities", "Mercociudades", "UIM / UCCI",
        "CIDEU", "ONU-Hábitat", "Red AL-LAs", "Energy Cities", "Global Covenant of Mayors", "OCDE", "Comité Europeo de las Regiones",
    ];

    /// <summary>What an action is about: (es, en, fr), written to follow "sobre / on / sur".</summary>
    public static readonly Text[] Topics =
    [
        new("movilidad eléctrica", "electric mobility", "la mobilité électrique"),
        new("transporte público metropolitano", "metropolitan public transport", "les transports publics métropolitains"),
        new("adaptación al cambio climático", "climate change adaptation", "l'adaptation au changement climatique"),
        new("gestión de olas de calor", "heatwave management", "la gestion des vagues de chaleur"),
        new("economía circular", "the circular economy", "l'économie circulaire"),
        new("gestión de residuos urbanos", "urban waste management", "la gestion des déchets urbains"),
        new("vivienda asequible", "affordable housing", "le logement abordable"),
        new("rehabilitación energética de edificios", "energy retrofitting of buildings", "la rénovation énergétique des bâtiments"),
        new("comunidades energéticas", "energy communities", "les communautés énergétiques"),
        new("ciclo del agua y sequía", "the water cycle and drought", "le cycle de l'eau et la sécheresse"),
        new("renaturalización urbana", "urban greening", "la renaturation urbaine"),
        new("seguridad alimentaria", "food security", "la sécurité alimentaire"),
        new("industrias culturales y creativas", "cultural and creative industries", "les industries culturelles et créatives"),
        new("patrimonio histórico", "historic heritage", "le patrimoine historique"),
        new("turismo sostenible", "sustainable tourism", "le tourisme durable"),
        new("atracción de inversión extranjera", "foreign investment attraction", "l'attraction des investissements étrangers"),
        new("ecosistema de startups", "the startup ecosystem", "l'écosystème des startups"),
        new("talento científico", "scientific talent", "les talents scientifiques"),
        new("formación profesional dual", "dual vocational training", "la formation professionnelle en alternance"),
        new("inclusión de personas migrantes", "the inclusion of migrants", "l'inclusion des personnes migrantes"),
        new("igualdad de género", "gender equality", "l'égalité femmes-hommes"),
        new("juventud y empleo", "youth employment", "l'emploi des jeunes"),
        new("envejecimiento activo", "active ageing", "le vieillissement actif"),
        new("salud pública urbana", "urban public health", "la santé publique urbaine"),
        new("gobierno abierto y datos abiertos", "open government and open data", "le gouvernement ouvert et les données ouvertes"),
        new("participación ciudadana", "citizen participation", "la participation citoyenne"),
        new("ciudad inteligente", "the smart city", "la ville intelligente"),
        new("logística portuaria", "port logistics", "la logistique portuaire"),
        new("gestión de riesgos y emergencias", "risk and emergency management", "la gestion des risques et des urgences"),
        new("deporte y grandes eventos", "sport and major events", "le sport et les grands événements"),
        new("localización de los ODS", "localising the SDGs", "la localisation des ODD"),
        new("diplomacia climática de ciudades", "city climate diplomacy", "la diplomatie climatique des villes"),
    ];

    /// <summary>How an action of each modality is named: es with {0} = place, en, fr.</summary>
    public static readonly Dictionary<Modality, Text[]> Kinds = new()
    {
        [Modality.AttractivenessInfrastructure] = [new("Proyecto de infraestructura de atractivo internacional", "International attractiveness infrastructure project", "Projet d'infrastructure d'attractivité internationale")],
        [Modality.EventsAndCongresses] = [
            new("Congreso internacional", "International congress", "Congrès international"),
            new("Foro internacional", "International forum", "Forum international"),
            new("Cumbre de alcaldes", "Mayors' summit", "Sommet des maires")],
        [Modality.Tourism] = [new("Campaña de promoción turística", "Tourism promotion campaign", "Campagne de promotion touristique")],
        [Modality.Investment] = [
            new("Misión de atracción de inversiones", "Investment attraction mission", "Mission d'attraction des investissements"),
            new("Programa de acogida de empresas extranjeras", "Soft-landing programme for foreign companies", "Programme d'accueil des entreprises étrangères")],
        [Modality.Talent] = [new("Programa de atracción de talento", "Talent attraction programme", "Programme d'attraction des talents")],
        [Modality.CityBrand] = [new("Acción de marca ciudad", "City brand action", "Action de marque territoriale")],
        [Modality.InternationalDiversity] = [new("Programa con las comunidades de la diáspora", "Programme with diaspora communities", "Programme avec les communautés de la diaspora")],
        [Modality.DirectCooperation] = [
            new("Proyecto de cooperación descentralizada", "Decentralized cooperation project", "Projet de coopération décentralisée"),
            new("Asistencia técnica", "Technical assistance", "Assistance technique")],
        [Modality.SouthSouthCooperation] = [new("Apoyo a cooperación Sur-Sur", "Support to South-South cooperation", "Appui à la coopération Sud-Sud")],
        [Modality.TriangularCooperation] = [new("Proyecto de cooperación triangular", "Triangular cooperation project", "Projet de coopération triangulaire")],
        [Modality.Twinning] = [new("Actividades del hermanamiento", "Twinning activities", "Activités du jumelage")],
        [Modality.CityNetworks] = [
            new("Participación en el grupo de trabajo", "Taking part in the working group", "Participation au groupe de travail"),
            new("Copresidencia de la comisión", "Co-chairing the commission", "Coprésidence de la commission")],
        [Modality.CityAlliance] = [new("Alianza de ciudades", "City alliance", "Alliance de villes")],
        [Modality.TechnicalExchange] = [
            new("Intercambio técnico", "Technical exchange", "Échange technique"),
            new("Visita de estudio", "Study visit", "Visite d'étude")],
        [Modality.MissionOrVisit] = [
            new("Misión institucional", "Institutional mission", "Mission institutionnelle"),
            new("Recepción de una delegación", "Hosting a delegation", "Accueil d'une délégation")],
    };

    /// <summary>Modalities with how often a city uses them (exchanges, networks and missions dominate).</summary>
    public static readonly (Modality Modality, double Weight)[] ModalityWeights =
    [
        (Modality.TechnicalExchange, 16), (Modality.CityNetworks, 15), (Modality.MissionOrVisit, 14), (Modality.EventsAndCongresses, 10),
        (Modality.DirectCooperation, 9), (Modality.Investment, 7), (Modality.Twinning, 5), (Modality.Tourism, 5), (Modality.CityBrand, 4),
        (Modality.Talent, 3), (Modality.InternationalDiversity, 3), (Modality.CityAlliance, 3), (Modality.SouthSouthCooperation, 2),
        (Modality.TriangularCooperation, 2), (Modality.AttractivenessInfrastructure, 2),
    ];

    public static readonly Text[] Thematic =
    [
        new("Transición climática y energética", "Climate and energy transition", "Transition climatique et énergétique"),
        new("Economía, innovación y talento", "Economy, innovation and talent", "Économie, innovation et talents"),
        new("Cultura y creatividad", "Culture and creativity", "Culture et créativité"),
        new("Inclusión, diversidad y derechos", "Inclusion, diversity and rights", "Inclusion, diversité et droits"),
        new("Movilidad metropolitana", "Metropolitan mobility", "Mobilité métropolitaine"),
        new("Puerto y turismo sostenible", "Port and sustainable tourism", "Port et tourisme durable"),
        new("Conocimiento, universidades y ciencia", "Knowledge, universities and science", "Savoirs, universités et science"),
        new("Gobernanza abierta y participación", "Open governance and participation", "Gouvernance ouverte et participation"),
    ];

    public static readonly (Text Name, string[] Regions, string[] Countries)[] Geographic =
    [
        (new("Mediterráneo", "The Mediterranean", "La Méditerranée"), ["039", "015", "145"], ["FR", "IT", "PT", "MA", "TN", "DZ"]),
        (new("América Latina", "Latin America", "Amérique latine"), ["419"], ["MX", "CO", "AR", "CL", "EC", "PE", "BR"]),
        (new("Unión Europea y Europa", "The European Union and Europe", "Union européenne et Europe"), ["155", "154", "151"], ["DE", "BE", "NL", "GB"]),
        (new("África subsahariana", "Sub-Saharan Africa", "Afrique subsaharienne"), ["202"], ["SN"]),
    ];

    /// <summary>Objective statements per family: "{0}" is a topic (fr with its article).</summary>
    public static readonly Dictionary<ObjectiveFamily, Text[]> ObjectiveTemplates = new()
    {
        [ObjectiveFamily.Projection] = [
            new("Posicionar la metrópolis como referente internacional en {0}", "Position the metropolis as an international reference in {0}", "Faire de la métropole une référence internationale pour {0}"),
            new("Atraer inversión y eventos internacionales ligados a {0}", "Attract investment and international events linked to {0}", "Attirer des investissements et des événements internationaux liés à {0}")],
        [ObjectiveFamily.Exchange] = [
            new("Aprender de ciudades pares sobre {0} e incorporar lo aprendido a las políticas locales", "Learn from peer cities about {0} and bring what is learnt into local policy", "Apprendre des villes pairs sur {0} et intégrer les acquis aux politiques locales"),
            new("Compartir la experiencia municipal en {0} con otras metrópolis", "Share the city's experience in {0} with other metropolises", "Partager l'expérience municipale en matière de {0} avec d'autres métropoles")],
        [ObjectiveFamily.Solidarity] = [
            new("Cooperar con ciudades socias para reducir desigualdades en {0}", "Cooperate with partner cities to reduce inequalities in {0}", "Coopérer avec des villes partenaires pour réduire les inégalités en matière de {0}")],
        [ObjectiveFamily.Reciprocity] = [
            new("Sensibilizar a la ciudadanía sobre la dimensión global de {0}", "Raise residents' awareness of the global dimension of {0}", "Sensibiliser les habitants à la dimension mondiale de {0}")],
        [ObjectiveFamily.Advocacy] = [
            new("Defender en redes y organismos internacionales la agenda local de {0}", "Advocate the local agenda on {0} in networks and international bodies", "Défendre dans les réseaux et les organismes internationaux l'agenda local sur {0}")],
    };

    public static readonly Text[] LegalBases =
    [
        new("Ley reguladora de las bases del régimen local, art. 25", "Local Government Act, art. 25", "Loi sur le régime local, art. 25"),
        new("Carta municipal, título IV", "Municipal charter, title IV", "Charte municipale, titre IV"),
        new("Ley de acción exterior y cooperación, art. 11", "External action and cooperation act, art. 11", "Loi sur l'action extérieure et la coopération, art. 11"),
    ];

    public static readonly Text[] AnalysisStatements =
    [
        new("Ciudad portuaria con conexiones aéreas directas a {0} destinos internacionales", "A port city with direct flights to {0} international destinations", "Ville portuaire reliée par vols directs à {0} destinations internationales"),
        new("Un tejido universitario con {0}000 estudiantes internacionales", "A university system with {0},000 international students", "Un tissu universitaire de {0} 000 étudiants internationaux"),
        new("El {0} % de la población ha nacido en el extranjero", "{0}% of residents were born abroad", "{0} % des habitants sont nés à l'étranger"),
        new("Dependencia del turismo estacional: {0} % del empleo en temporada alta", "Dependence on seasonal tourism: {0}% of jobs in the high season", "Dépendance au tourisme saisonnier : {0} % des emplois en haute saison"),
        new("Poca coordinación entre las {0} áreas municipales que actúan fuera", "Little coordination between the {0} city departments acting abroad", "Peu de coordination entre les {0} services municipaux qui agissent à l'international"),
        new("Fondos europeos disponibles para {0} proyectos urbanos en el periodo", "EU funds available for {0} urban projects in the period", "Fonds européens disponibles pour {0} projets urbains sur la période"),
        new("Competencia de {0} ciudades vecinas por la inversión extranjera", "Competition from {0} neighbouring cities for foreign investment", "Concurrence de {0} villes voisines pour les investissements étrangers"),
        new("Riesgo climático: {0} días al año por encima de 35 °C en 2040", "Climate risk: {0} days a year above 35 °C by 2040", "Risque climatique : {0} jours par an au-dessus de 35 °C en 2040"),
    ];
}
