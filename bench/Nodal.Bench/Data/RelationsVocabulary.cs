using Nodal.Core.Relations;
using static Nodal.Bench.Data.PolicyVocabulary;

namespace Nodal.Bench.Data;

/// <summary>
/// Words and places the generated relations registry is written with: countries with a centroid to place
/// cities around, real networks, organizations and agencies, OECD DAC purpose codes, agreement subjects.
/// </summary>
public static class RelationsVocabulary
{
    /// <summary>
    /// A country counterpart cities are drawn from: a weight (how often a Spanish metropolis works with it); and,
    /// for when the gazetteer has no city left for it, its rough centre of population (latitude, longitude), how
    /// far (degrees) its cities spread from it and a few real city names: such points fall in or near the country.
    /// </summary>
    public sealed record Country(string Code, double Latitude, double Longitude, double Spread, double Weight, string[] Cities);

    public static readonly Country[] Countries =
    [
        new("FR", 46.6, 2.4, 2.6, 60, ["Marseille", "Lyon", "Montpellier", "Toulouse", "Bordeaux", "Nantes", "Lille", "Strasbourg", "Nice", "Rennes", "Grenoble", "Perpignan"]),
        new("PT", 39.8, -8.2, 1.2, 35, ["Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Évora", "Aveiro", "Setúbal"]),
        new("MA", 32.5, -6.8, 1.8, 35, ["Tanger", "Casablanca", "Rabat", "Tétouan", "Fès", "Marrakech", "Agadir", "Oujda", "Chefchaouen"]),
        new("IT", 42.8, 12.6, 2.6, 45, ["Napoli", "Genova", "Milano", "Bologna", "Torino", "Firenze", "Palermo", "Bari", "Venezia", "Cagliari"]),
        new("ES", 40.2, -3.7, 2.6, 50, ["Sevilla", "Zaragoza", "Bilbao", "Málaga", "Valladolid", "Vigo", "Gijón", "Córdoba", "Alicante", "Murcia"]),
        new("DE", 51.2, 10.4, 2.2, 30, ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Leipzig", "Dresden", "Stuttgart"]),
        new("BE", 50.6, 4.6, 0.5, 15, ["Bruxelles", "Gent", "Antwerpen", "Liège", "Brugge"]),
        new("NL", 52.2, 5.4, 0.7, 15, ["Rotterdam", "Amsterdam", "Utrecht", "Den Haag", "Eindhoven"]),
        new("GB", 53.0, -1.8, 1.8, 20, ["London", "Bristol", "Glasgow", "Manchester", "Edinburgh", "Liverpool", "Cardiff"]),
        new("GR", 39.1, 22.0, 1.4, 10, ["Athína", "Thessaloníki", "Pátra", "Irákleio"]),
        new("HR", 45.1, 15.2, 1.0, 6, ["Zagreb", "Split", "Rijeka", "Dubrovnik"]),
        new("PL", 52.1, 19.4, 2.2, 10, ["Warszawa", "Kraków", "Gdańsk", "Wrocław", "Poznań"]),
        new("SE", 59.3, 15.5, 2.5, 6, ["Stockholm", "Göteborg", "Malmö"]),
        new("AT", 47.6, 14.5, 1.0, 6, ["Wien", "Graz", "Linz"]),
        new("CH", 46.8, 8.2, 0.6, 6, ["Genève", "Zürich", "Lausanne", "Basel"]),
        new("TR", 39.0, 33.0, 3.5, 10, ["İstanbul", "İzmir", "Ankara", "Bursa", "Antalya"]),
        new("TN", 35.0, 9.8, 1.3, 25, ["Tunis", "Sfax", "Sousse", "Bizerte", "Kairouan"]),
        new("DZ", 35.2, 3.0, 2.0, 15, ["Alger", "Oran", "Constantine", "Annaba", "Tlemcen"]),
        new("EG", 29.5, 31.0, 1.8, 8, ["Al-Qāhira", "Al-Iskandarīyah", "Asyūṭ"]),
        new("LB", 33.9, 35.8, 0.3, 6, ["Bayrūt", "Ṭarābulus", "Ṣaydā"]),
        new("JO", 31.5, 36.0, 0.8, 5, ["ʿAmmān", "Irbid", "Az-Zarqāʾ"]),
        new("PS", 31.9, 35.2, 0.2, 5, ["Rām Allāh", "Bayt Laḥm", "Nāblus"]),
        new("SN", 14.5, -15.5, 1.2, 20, ["Dakar", "Saint-Louis", "Thiès", "Ziguinchor", "Kaolack"]),
        new("MR", 18.5, -15.5, 1.5, 8, ["Nouakchott", "Nouadhibou"]),
        new("ML", 13.5, -6.5, 2.5, 6, ["Bamako", "Ségou", "Mopti"]),
        new("BF", 12.3, -1.5, 1.5, 6, ["Ouagadougou", "Bobo-Dioulasso"]),
        new("CV", 15.1, -23.6, 0.3, 6, ["Praia", "Mindelo"]),
        new("CI", 6.8, -5.3, 1.5, 6, ["Abidjan", "Bouaké", "Yamoussoukro"]),
        new("CM", 5.0, 11.5, 2.0, 5, ["Douala", "Yaoundé"]),
        new("MZ", -19.0, 35.0, 3.0, 8, ["Maputo", "Beira", "Nampula"]),
        new("AO", -11.5, 16.0, 3.0, 5, ["Luanda", "Huambo", "Benguela"]),
        new("ZA", -28.0, 26.0, 4.0, 6, ["Johannesburg", "Cape Town", "Durban", "eThekwini"]),
        new("KE", -0.5, 37.0, 1.5, 5, ["Nairobi", "Mombasa", "Kisumu"]),
        new("NG", 8.5, 6.5, 3.0, 5, ["Lagos", "Abuja", "Kano"]),
        new("MX", 21.0, -101.0, 4.0, 35, ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Mérida", "Querétaro", "Oaxaca", "Tijuana"]),
        new("GT", 15.0, -90.8, 0.9, 8, ["Ciudad de Guatemala", "Quetzaltenango", "Antigua Guatemala"]),
        new("SV", 13.8, -88.9, 0.4, 8, ["San Salvador", "Santa Ana", "San Miguel"]),
        new("HN", 14.8, -86.8, 1.0, 8, ["Tegucigalpa", "San Pedro Sula", "La Ceiba"]),
        new("NI", 12.6, -85.8, 0.9, 8, ["Managua", "León", "Granada"]),
        new("CR", 9.9, -84.1, 0.6, 6, ["San José", "Alajuela", "Heredia"]),
        new("CU", 21.8, -79.5, 2.5, 10, ["La Habana", "Santiago de Cuba", "Camagüey"]),
        new("DO", 18.8, -70.4, 0.8, 8, ["Santo Domingo", "Santiago de los Caballeros"]),
        new("CO", 5.0, -74.5, 2.5, 30, ["Medellín", "Bogotá", "Cali", "Barranquilla", "Cartagena", "Bucaramanga", "Manizales"]),
        new("EC", -1.5, -78.6, 1.2, 20, ["Quito", "Guayaquil", "Cuenca", "Manta"]),
        new("PE", -10.0, -76.0, 3.0, 20, ["Lima", "Arequipa", "Cusco", "Trujillo", "Piura"]),
        new("BO", -17.0, -65.0, 2.5, 12, ["La Paz", "Santa Cruz de la Sierra", "Cochabamba", "Sucre"]),
        new("CL", -34.0, -71.0, 3.0, 25, ["Santiago", "Valparaíso", "Concepción", "Valdivia", "Antofagasta"]),
        new("AR", -33.5, -62.0, 4.0, 30, ["Buenos Aires", "Rosario", "Córdoba", "Mendoza", "La Plata", "Mar del Plata"]),
        new("UY", -33.5, -56.0, 1.2, 12, ["Montevideo", "Salto", "Paysandú"]),
        new("PY", -25.0, -57.0, 1.5, 8, ["Asunción", "Ciudad del Este", "Encarnación"]),
        new("BR", -20.0, -46.0, 6.0, 25, ["São Paulo", "Curitiba", "Porto Alegre", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Recife", "Fortaleza"]),
        new("VE", 9.0, -67.0, 2.5, 6, ["Caracas", "Maracaibo", "Valencia"]),
        new("US", 38.0, -92.0, 9.0, 20, ["New York", "Miami", "Los Angeles", "Chicago", "San Francisco", "Boston", "Houston", "Seattle"]),
        new("CA", 46.0, -78.0, 6.0, 8, ["Montréal", "Toronto", "Vancouver", "Québec"]),
        new("CN", 31.0, 114.0, 5.0, 15, ["Shanghai", "Guangzhou", "Beijing", "Shenzhen", "Chengdu", "Wuhan", "Hangzhou"]),
        new("JP", 36.0, 138.0, 2.5, 8, ["Tōkyō", "Ōsaka", "Yokohama", "Kyōto", "Fukuoka"]),
        new("KR", 36.5, 127.8, 1.0, 8, ["Seoul", "Busan", "Incheon", "Daegu"]),
        new("IN", 22.0, 79.0, 5.5, 6, ["Mumbai", "Delhi", "Bengaluru", "Chennai", "Kolkata"]),
        new("VN", 16.0, 106.5, 4.0, 5, ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng"]),
        new("PH", 12.5, 122.0, 3.0, 5, ["Manila", "Cebu", "Davao"]),
        new("ID", -6.8, 110.0, 3.5, 5, ["Jakarta", "Surabaya", "Bandung"]),
        new("AU", -32.0, 146.0, 6.0, 5, ["Sydney", "Melbourne", "Brisbane", "Perth"]),
    ];

    /// <summary>Countries that receive decentralized cooperation from a Spanish city (ISO 3166-1 alpha-2), most frequent first.</summary>
    public static readonly string[] CooperationCountries =
        ["MA", "SN", "PS", "EC", "PE", "BO", "GT", "SV", "NI", "HN", "CO", "CU", "MR", "TN", "MZ", "CV", "ML", "BF", "LB", "DO", "PY", "DZ", "JO", "AO", "CI"];

    /// <summary>Syllables for the names of cities beyond a country's few real ones ("Valmora", "Castelnó").</summary>
    public static readonly string[] NameStarts = ["Val", "San", "Cas", "Mon", "Ber", "Lor", "Tal", "Ram", "Sel", "Cor", "Mar", "Bel", "Fon", "Ros", "Alm", "Ter", "Vil", "Pon", "Gra", "Nor"];
    public static readonly string[] NameMiddles = ["", "", "a", "e", "o", "i", "te", "ra", "li", "ne"];
    public static readonly string[] NameEnds = ["mora", "ville", "dale", "burg", "stad", "polis", "ano", "ena", "ón", "ford", "aba", "ine", "ar", "ia", "ona", "ate"];

    public static readonly string[] Regions = ["Norte", "Sur", "Centro", "Este", "Oeste", "Costa", "Montaña", "Valle", "Litoral", "Interior"];

    /// <summary>Thematic networks and platforms with no reference code ("Red de ciudades por…").</summary>
    public static readonly string[] NetworkNamePatterns =
    [
        "Red de Ciudades por {0}", "European Network on {0}", "Mediterranean Cities for {0}", "Réseau des villes pour {0}",
        "Plataforma Iberoamericana de {0}", "Global Cities Platform on {0}",
    ];

    public static readonly (string Name, string? Acronym, string? Country, string? Iati)[] InternationalOrganizations =
    [
        ("United Nations Human Settlements Programme", "UN-Habitat", "KE", "XM-DAC-41120"),
        ("United Nations Educational, Scientific and Cultural Organization", "UNESCO", "FR", "XM-DAC-41304"),
        ("United Nations Development Programme", "UNDP", "US", "XM-DAC-41114"),
        ("United Nations Children's Fund", "UNICEF", "US", "XM-DAC-41122"),
        ("World Health Organization", "WHO", "CH", "XM-DAC-928"),
        ("Organisation for Economic Co-operation and Development", "OECD", "FR", null),
        ("World Bank", "WB", "US", "44000"),
        ("Inter-American Development Bank", "IDB", "US", "XI-IATI-IADB"),
        ("CAF – Banco de Desarrollo de América Latina y el Caribe", "CAF", "VE", null),
        ("European Investment Bank", "EIB", null, "XM-DAC-918-3"),
        ("Council of Europe", "CoE", "FR", null),
        ("European Commission", "EC", "BE", "XI-IATI-EC_INTPA"),
        ("European Committee of the Regions", "CoR", "BE", null),
        ("Union for the Mediterranean", "UfM", "ES", null),
        ("Organización de Estados Americanos", "OEA", "US", null),
        ("Secretaría General Iberoamericana", "SEGIB", "ES", null),
        ("Organisation internationale de la Francophonie", "OIF", "FR", null),
        ("International Organization for Migration", "IOM", "CH", "XM-DAC-47066"),
        ("United Nations High Commissioner for Refugees", "UNHCR", "CH", "XM-DAC-41121"),
        ("Food and Agriculture Organization", "FAO", "IT", "XM-DAC-41301"),
        ("International Labour Organization", "ILO", "CH", "XM-DAC-41302"),
        ("United Nations Environment Programme", "UNEP", "KE", "XM-DAC-41116"),
        ("UN Women", "UN Women", "US", "XM-DAC-41146"),
        ("Comisión Económica para América Latina y el Caribe", "CEPAL", "CL", null),
        ("African Development Bank", "AfDB", "CI", "46002"),
    ];

    public static readonly (string Name, string Acronym, string Country, string? Iati)[] Agencies =
    [
        ("Agencia Española de Cooperación Internacional para el Desarrollo", "AECID", "ES", "ES-DIR3-E04585801"),
        ("Agence française de développement", "AFD", "FR", "FR-6"),
        ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", "DE", "DE-1"),
        ("Japan International Cooperation Agency", "JICA", "JP", "JP-8"),
        ("Korea International Cooperation Agency", "KOICA", "KR", null),
        ("Enabel – Belgian Development Agency", "Enabel", "BE", "BE-BCE_KBO-0264814354"),
        ("Agenzia Italiana per la Cooperazione allo Sviluppo", "AICS", "IT", null),
        ("Camões – Instituto da Cooperação e da Língua", "Camões", "PT", null),
        ("Swedish International Development Cooperation Agency", "Sida", "SE", "SE-0"),
        ("Swiss Agency for Development and Cooperation", "SDC", "CH", "CH-4"),
        ("Agència Catalana de Cooperació al Desenvolupament", "ACCD", "ES", null),
        ("Agencia Andaluza de Cooperación Internacional para el Desarrollo", "AACID", "ES", null),
        ("Agencia Mexicana de Cooperación Internacional para el Desarrollo", "AMEXCID", "MX", null),
        ("Agencia Presidencial de Cooperación Internacional de Colombia", "APC-Colombia", "CO", null),
        ("Agencia Chilena de Cooperación Internacional para el Desarrollo", "AGCID", "CL", null),
        ("Agência Brasileira de Cooperação", "ABC", "BR", null),
    ];

    public static readonly string[] FoundationNames =
        ["Fundación {0}", "{0} Foundation", "Fondation {0}", "Fundació {0}", "Stiftung {0}", "Fundação {0}"];
    public static readonly string[] FamilyNames =
        ["Ferrer", "Beltrán", "Ibáñez", "Solé", "Puig", "Vidal", "Moreau", "Bernard", "García", "Navarro", "Costa", "Diallo", "Rossi", "Bianchi", "Müller",
         "Schmidt", "Silva", "Santos", "Haddad", "Benali", "Okafor", "Nakamura", "Kim", "Peeters", "Janssen", "Novak", "López", "Herrera", "Duarte", "Ortega"];
    public static readonly string[] GivenNames =
        ["Lucía", "Ana", "Tomás", "Marta", "Jordi", "Inés", "Pablo", "Nuria", "Omar", "Claire", "Hugo", "Amina", "Sofía", "Mateo", "Léa", "Bruno",
         "Fatou", "Youssef", "Giulia", "Lukas", "Joana", "Camila", "Diego", "Hiroshi", "Min-jun", "Eva", "Karim", "Aïcha", "Pedro", "Sarah"];

    public static readonly string[] CompanySectors =
        ["Aguas", "Energía", "Movilidad", "Logística", "Ingeniería", "Consultores", "Tecnologías", "Puertos", "Turismo", "Infraestructuras", "Datos", "Biotech"];
    public static readonly string[] CompanySuffixes = ["S.A.", "S.L.", "SAS", "GmbH", "Ltd", "S.p.A.", "Lda.", "Inc."];

    public static readonly string[] LocalGovernmentPatterns =
        ["Región de {0}", "Provincia de {0}", "Área Metropolitana de {0}", "Diputación de {0}", "{0} Metropolitan Council", "Département de {0}"];

    public static readonly string[] UniversityPatterns = ["Universidad de {0}", "University of {0}", "Université de {0}", "Instituto Tecnológico de {0}", "{0} Urban Research Centre"];

    public static readonly string[] Positions =
    [
        "Director of International Relations", "Head of Protocol", "Cooperation Officer", "Deputy Mayor for International Affairs",
        "Secretary General", "Programme Manager", "Policy Officer", "Chief of Staff", "Consul General", "Project Coordinator",
    ];

    /// <summary>Subject areas of agreements (free words).</summary>
    public static readonly string[] Subjects =
    [
        "mobility", "culture", "tourism", "education", "climate", "water", "housing", "innovation", "youth", "sport", "health",
        "economy", "heritage", "gender equality", "waste", "energy", "migration", "governance", "trade", "science",
    ];

    /// <summary>About 40 real OECD DAC 5-digit purpose codes a city's cooperation uses.</summary>
    public static readonly string[] DacSectors =
    [
        "11110", "11220", "11330", "12110", "12220", "12261", "13020", "14010", "14020", "14030", "14050", "15110", "15112", "15150",
        "15160", "15170", "15190", "16010", "16020", "16030", "16040", "16050", "16061", "21010", "21020", "23110", "23210", "25010",
        "25030", "31110", "31161", "32130", "33210", "41010", "41030", "43030", "43040", "43060", "72010", "73010", "74020", "99820",
    ];

    public static readonly string[] WorkingGroups =
        ["Climate", "Urban mobility", "Culture", "Social affairs", "Economic development", "Digital", "Migration", "Local finance", "Peace", "Gender"];

    public static readonly Text[] LedgerSummaries =
    [
        new("Intercambio de personal técnico sobre {0}", "Staff exchange on {0}", "Échange de personnel technique sur {0}"),
        new("Visita de una delegación técnica: {0}", "Visit of a technical delegation: {0}", "Visite d'une délégation technique : {0}"),
        new("Reunión de seguimiento del convenio", "Follow-up meeting of the agreement", "Réunion de suivi de la convention"),
        new("Comunicación oficial de las alcaldías", "Official letter between the mayors", "Courrier officiel entre les maires"),
        new("Semana cultural conjunta", "Joint culture week", "Semaine culturelle commune"),
        new("Videoconferencia sobre {0}", "Video call on {0}", "Visioconférence sur {0}"),
    ];

    public static readonly Text[] AllianceTitles =
    [
        new("Ciudades por la Vivienda Adecuada", "Cities for Adequate Housing", "Villes pour un logement convenable"),
        new("Declaración de Ciudades por el Clima", "Cities Climate Declaration", "Déclaration des villes pour le climat"),
        new("Pacto de Milán sobre Política Alimentaria Urbana", "Milan Urban Food Policy Pact", "Pacte de Milan sur les politiques alimentaires urbaines"),
        new("Ciudades Refugio", "Cities of Refuge", "Villes refuges"),
        new("Ciudades por los Derechos Digitales", "Cities Coalition for Digital Rights", "Coalition des villes pour les droits numériques"),
        new("Compromiso de Ciudades Libres de Plástico", "Plastic-Free Cities Pledge", "Engagement des villes sans plastique"),
        new("Ciudades por la Igualdad de Género", "Cities for Gender Equality", "Villes pour l'égalité femmes-hommes"),
        new("Declaración de Ciudades Saludables", "Healthy Cities Declaration", "Déclaration des villes-santé"),
    ];

    public static readonly (MissionKind Kind, double Weight)[] MissionKinds =
        [(MissionKind.OutboundMission, 35), (MissionKind.InboundVisit, 30), (MissionKind.HostedEvent, 15), (MissionKind.AttendedEvent, 20)];
}
