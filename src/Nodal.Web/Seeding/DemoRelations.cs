using System.Globalization;
using Nodal.Core.Relations;

namespace Nodal.Web.Seeding;

/// <summary>
/// Solmar's international relations registry, so that the map, the calendar and the agreements' health read
/// as in a real office: 33 counterparts (20 partner cities and metropolitan governments on every continent,
/// six city networks, international organizations, a cooperation agency, an embassy, a foundation and a
/// company), 12 agreements over the whole life cycle, 5 network memberships with roles and reports, 2
/// alliances, 6 cooperation projects, 13 missions and events, and links from 17 of the plan's actions.
/// Dates are fixed and read as of <see cref="DemoPlan.AsOf"/>: one twinning has had no activity for four
/// years (dormant), one agreement expires 20 days after that day and another 60 days after, one membership
/// report is overdue and another is due the following month. Partner cities are real places (names and
/// coordinates are facts); Solmar, its people, the foundation and the company are fictional.
/// </summary>
public static class DemoRelations
{
    /// <summary>The IATI organisation identifier given to Solmar: the Spanish public bodies' directory prefix
    /// (ES-DIR3) with a local-government code for province 99, which does not exist, so it cannot clash.</summary>
    public const string SolmarIatiId = "ES-DIR3-L01999991";

    private static DateOnly AsOf => DemoPlan.AsOf;

    private sealed record Party(string Code, CounterpartKind Kind, string Name, string? Acronym, string Country, string? Region,
        double? Lat = null, double? Lon = null, long? Population = null, string? Network = null, string? Website = null);

    /// <summary>The counterparts, codes CP-0001… in this order.</summary>
    private static readonly Party[] Parties =
    [
        new("CP-0001", CounterpartKind.City, "Comune di Genova", null, "IT", "Liguria", 44.4073, 8.9339, 558_745),
        new("CP-0002", CounterpartKind.City, "Câmara Municipal do Porto", null, "PT", "Norte", 41.1496, -8.6110, 231_800),
        new("CP-0003", CounterpartKind.City, "Municipality of Thessaloniki", null, "GR", "Central Macedonia", 40.6403, 22.9439, 319_045),
        new("CP-0004", CounterpartKind.City, "Freie und Hansestadt Hamburg", null, "DE", "Hamburg", 53.5511, 9.9937, 1_851_000),
        new("CP-0005", CounterpartKind.LocalGovernment, "Métropole Aix-Marseille-Provence", "AMP", "FR", "Provence-Alpes-Côte d'Azur", 43.2965, 5.3698, 1_900_000),
        new("CP-0006", CounterpartKind.LocalGovernment, "Métropole de Lyon", null, "FR", "Auvergne-Rhône-Alpes", 45.7640, 4.8357, 1_420_000),
        new("CP-0007", CounterpartKind.City, "Commune de Tanger", null, "MA", "Tanger-Tétouan-Al Hoceïma", 35.7595, -5.8340, 1_275_000),
        new("CP-0008", CounterpartKind.City, "Ville de Casablanca", null, "MA", "Casablanca-Settat", 33.5731, -7.5898, 3_360_000),
        new("CP-0009", CounterpartKind.City, "Municipalité de Sfax", null, "TN", "Sfax", 34.7406, 10.7603, 330_000),
        new("CP-0010", CounterpartKind.City, "Ville de Dakar", null, "SN", "Dakar", 14.6928, -17.4467, 1_146_000),
        new("CP-0011", CounterpartKind.City, "Municipalidad de Rosario", null, "AR", "Santa Fe", -32.9468, -60.6393, 1_276_000),
        new("CP-0012", CounterpartKind.City, "Intendencia de Montevideo", null, "UY", "Montevideo", -34.9011, -56.1645, 1_319_000),
        new("CP-0013", CounterpartKind.City, "Alcaldía de Medellín", null, "CO", "Antioquia", 6.2442, -75.5812, 2_573_000),
        new("CP-0014", CounterpartKind.City, "Municipalidad Metropolitana de Lima", null, "PE", "Lima", -12.0464, -77.0428, 9_750_000),
        new("CP-0015", CounterpartKind.City, "Prefeitura de Curitiba", null, "BR", "Paraná", -25.4284, -49.2733, 1_773_000),
        new("CP-0016", CounterpartKind.City, "Municipalidad de Valparaíso", null, "CL", "Valparaíso", -33.0472, -71.6127, 296_000),
        new("CP-0017", CounterpartKind.City, "Gobierno de la Ciudad de México", null, "MX", "Ciudad de México", 19.4326, -99.1332, 9_209_000),
        new("CP-0018", CounterpartKind.City, "Osaka City", null, "JP", "Osaka", 34.6937, 135.5023, 2_752_000),
        new("CP-0019", CounterpartKind.City, "Seoul Metropolitan Government", null, "KR", "Seoul", 37.5665, 126.9780, 9_411_000),
        new("CP-0020", CounterpartKind.City, "City of Melbourne", null, "AU", "Victoria", -37.8136, 144.9631, 183_000),
        new("CP-0021", CounterpartKind.CityNetwork, "Metropolis – World Association of the Major Metropolises", "Metropolis", "ES", "Catalonia", Network: "metropolis", Website: "https://www.metropolis.org"),
        new("CP-0022", CounterpartKind.CityNetwork, "United Cities and Local Governments", "UCLG", "ES", "Catalonia", Network: "uclg", Website: "https://www.uclg.org"),
        new("CP-0023", CounterpartKind.CityNetwork, "ICLEI – Local Governments for Sustainability", "ICLEI", "DE", "North Rhine-Westphalia", Network: "iclei", Website: "https://iclei.org"),
        new("CP-0024", CounterpartKind.CityNetwork, "C40 Cities Climate Leadership Group", "C40", "GB", "England", Network: "c40", Website: "https://www.c40.org"),
        new("CP-0025", CounterpartKind.CityNetwork, "Mercociudades", null, "UY", "Montevideo", Network: "mercociudades", Website: "https://mercociudades.org"),
        new("CP-0026", CounterpartKind.CityNetwork, "Eurocities", null, "BE", "Brussels-Capital", Network: "eurocities", Website: "https://eurocities.eu"),
        new("CP-0027", CounterpartKind.InternationalOrganization, "UN-Habitat", null, "KE", "Nairobi", Website: "https://unhabitat.org"),
        new("CP-0028", CounterpartKind.InternationalOrganization, "Union for the Mediterranean", "UfM", "ES", "Catalonia", Website: "https://ufmsecretariat.org"),
        new("CP-0029", CounterpartKind.InternationalOrganization, "CAF – Development Bank of Latin America and the Caribbean", "CAF", "VE", "Caracas", Website: "https://www.caf.com"),
        new("CP-0030", CounterpartKind.CooperationAgency, "Agencia Española de Cooperación Internacional para el Desarrollo", "AECID", "ES", "Madrid", Website: "https://www.aecid.es"),
        new("CP-0031", CounterpartKind.EmbassyOrConsulate, "Embajada de la República de Corea en España", null, "KR", null),
        new("CP-0032", CounterpartKind.Foundation, "Fundación Puentes Mediterráneos", null, "ES", null, Website: "https://puentesmediterraneos.example"),
        new("CP-0033", CounterpartKind.Company, "Hanse Landstrom GmbH", null, "DE", "Hamburg", Website: "https://hanse-landstrom.example"),
    ];

    /// <summary>The gazetteer name of each place among the counterparts.</summary>
    private static readonly Dictionary<string, string> Places = new()
    {
        ["CP-0001"] = "Genoa", ["CP-0002"] = "Porto", ["CP-0003"] = "Thessaloniki", ["CP-0004"] = "Hamburg", ["CP-0005"] = "Marseille",
        ["CP-0006"] = "Lyon", ["CP-0007"] = "Tangier", ["CP-0008"] = "Casablanca", ["CP-0009"] = "Sfax", ["CP-0010"] = "Dakar",
        ["CP-0011"] = "Rosario", ["CP-0012"] = "Montevideo", ["CP-0013"] = "Medellín", ["CP-0014"] = "Lima", ["CP-0015"] = "Curitiba",
        ["CP-0016"] = "Valparaíso", ["CP-0017"] = "Mexico City", ["CP-0018"] = "Osaka", ["CP-0019"] = "Seoul", ["CP-0020"] = "Melbourne",
    };

    public static async Task SeedSolmarAsync(NodalDbContext db, Organization org, IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var o = org.Id;
        var dept = departments.ToDictionary(d => d.Code, d => d.Id);
        org.IatiOrganisationId = SolmarIatiId;

        // ── Counterparts and contacts ──
        var cp = new Dictionary<string, Counterpart>();
        foreach (var p in Parties)
        {
            var c = new Counterpart
            {
                OrganizationId = o, Code = p.Code, Kind = p.Kind, Name = p.Name, Acronym = p.Acronym, Country = p.Country, Region = p.Region,
                Latitude = p.Lat, Longitude = p.Lon, Population = p.Population, NetworkCode = p.Network, Website = p.Website,
            };
            // Places come from the gazetteer as the counterpart form picks them (the figures above are the fallback).
            if (Places.GetValueOrDefault(p.Code) is { } place && Gazetteer.Match(place, p.Country) is { Kind: Gazetteer.MatchKind.Unique, Candidates: [var city] })
                (c.GazetteerId, c.Latitude, c.Longitude) = (city.Id, city.Latitude, city.Longitude);
            cp[p.Code] = c;
            db.Counterparts.Add(c);
        }
        cp["CP-0031"].Notes = T("Representa a la República de Corea; sede en Madrid.", "Represents the Republic of Korea; based in Madrid.", "Représente la République de Corée ; siège à Madrid.");
        cp["CP-0032"].Notes = T("Fundación privada que cofinancia proyectos de economía circular en el Magreb.", "A private foundation co-funding circular economy projects in the Maghreb.", "Fondation privée qui cofinance des projets d'économie circulaire au Maghreb.");
        cp["CP-0033"].Notes = T("Empresa de electrificación de muelles con la que se visitó el puerto de Hamburgo.", "A shore power company met during the visit to the port of Hamburg.", "Entreprise d'électrification des quais rencontrée lors de la visite du port de Hambourg.");
        (string Cp, string Name, string Position, string Email)[] contacts =
        [
            ("CP-0001", "Giulia Ferraro", "Responsabile Relazioni Internazionali", "g.ferraro@comune-genova.example"),
            ("CP-0011", "Martín Quiroga", "Director de Relaciones Internacionales", "mquiroga@rosario.example"),
            ("CP-0019", "Kim Ji-won", "Deputy Director, International Relations Division", "jiwon.kim@seoul.example"),
            ("CP-0007", "Samira El Idrissi", "Cheffe du service de la coopération décentralisée", "s.elidrissi@tanger.example"),
            ("CP-0021", "Laia Martí", "Membership Officer", "lmarti@metropolis.example"),
            ("CP-0030", "Carlos Ruiz Montes", "Coordinador de cooperación descentralizada", "carlos.ruiz@aecid.example"),
        ];
        foreach (var c in contacts)
            db.Contacts.Add(new Contact { OrganizationId = o, CounterpartId = cp[c.Cp].Id, Name = c.Name, Position = c.Position, Email = c.Email });

        // ── Agreements and their ledgers ──
        var ag = new Dictionary<string, Agreement>();
        Agreement Add(string code, AgreementKind kind, AgreementStatus status, string parties, LocalizedText title, string subjects,
            string? signed, string? from, DateOnly? expires, RenewalTerms renewal, string dept0, LocalizedText commitments, LocalizedText summary,
            string? signatories = null, string? ended = null, string? renews = null)
        {
            var a = new Agreement
            {
                OrganizationId = o, Code = code, Kind = kind, Status = status, Title = title,
                PartyIds = parties.Split(' ').Select(k => cp[k].Id).ToList(),
                Subjects = subjects.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                SignedOn = Dx(signed), EffectiveFrom = Dx(from), ExpiresOn = expires, Renewal = renewal,
                Commitments = commitments, Summary = summary, Signatories = signatories, LeadDepartmentId = dept[dept0],
                EndedOn = Dx(ended), RenewsId = renews is null ? null : ag[renews].Id,
            };
            ag[code] = a;
            db.Agreements.Add(a);
            return a;
        }

        Add("AG-0001", AgreementKind.Twinning, AgreementStatus.Renewed, "CP-0001",
            T("Hermanamiento Solmar–Génova", "Solmar–Genoa twinning", "Jumelage Solmar–Gênes"), "ports; culture; education",
            "1988-05-14", "1988-05-14", D("2023-09-30"), RenewalTerms.ByAgreement, "ORI",
            T("Intercambios culturales, escolares y portuarios anuales.", "Yearly cultural, school and port exchanges.", "Des échanges culturels, scolaires et portuaires chaque année."),
            T("El primer hermanamiento de Solmar, firmado por 35 años y sustituido por su renovación en 2023.", "Solmar's first twinning, signed for 35 years and replaced by its renewal in 2023.", "Le premier jumelage de Solmar, signé pour 35 ans et remplacé par son renouvellement en 2023."),
            "Alcalde de Solmar\nSindaco di Genova", ended: "2023-09-21");
        var genoa = Add("AG-0002", AgreementKind.Twinning, AgreementStatus.Active, "CP-0001",
            T("Renovación del hermanamiento Solmar–Génova", "Renewal of the Solmar–Genoa twinning", "Renouvellement du jumelage Solmar–Gênes"), "ports; logistics; education; culture",
            "2023-09-21", "2023-10-01", D("2033-09-30"), RenewalTerms.ByAgreement, "ORI",
            T("Un programa de trabajo cada dos años: logística portuaria, intercambios escolares y cultura.", "A two-year work programme: port logistics, school exchanges and culture.", "Un programme de travail tous les deux ans : logistique portuaire, échanges scolaires et culture."),
            T("Renovado en el 35.º aniversario con compromisos medibles para que el hermanamiento no sea solo simbólico.", "Renewed on its 35th anniversary with measurable commitments so that the twinning is not merely symbolic.", "Renouvelé pour son 35e anniversaire avec des engagements mesurables pour que le jumelage ne soit pas seulement symbolique."),
            "Presidenta del Área Metropolitana de Solmar\nSindaco di Genova", renews: "AG-0001");
        var rosario = Add("AG-0003", AgreementKind.Twinning, AgreementStatus.Active, "CP-0011",
            T("Hermanamiento Solmar–Rosario", "Solmar–Rosario twinning", "Jumelage Solmar–Rosario"), "youth; culture; migration",
            "2022-10-12", "2022-10-12", null, RenewalTerms.None, "CUL",
            T("Intercambio juvenil anual y cooperación entre las casas de cultura.", "A yearly youth exchange and cooperation between the cultural centres.", "Un échange de jeunes chaque année et une coopération entre les maisons de la culture."),
            T("Nacido de la comunidad rosarina de Solmar.", "Born of the Rosario community living in Solmar.", "Né de la communauté rosarina de Solmar."));
        var osaka = Add("AG-0004", AgreementKind.Twinning, AgreementStatus.Active, "CP-0018",
            T("Hermanamiento Solmar–Osaka", "Solmar–Osaka twinning", "Jumelage Solmar–Osaka"), "ports; trade",
            "1994-04-01", "1994-04-01", null, RenewalTerms.None, "ECO",
            T("Intercambio de delegaciones portuarias y comerciales.", "Exchanging port and trade delegations.", "Échanges de délégations portuaires et commerciales."),
            T("Un hermanamiento histórico sin programa de trabajo desde 2022.", "A historic twinning with no work programme since 2022.", "Un jumelage historique sans programme de travail depuis 2022."));
        var seoul = Add("AG-0005", AgreementKind.MemorandumOfUnderstanding, AgreementStatus.Active, "CP-0019",
            T("Memorando de entendimiento sobre gobierno digital con Seúl", "Memorandum of understanding on digital government with Seoul", "Protocole d'accord sur l'administration numérique avec Séoul"), "digital government; open data",
            "2024-04-10", "2024-04-10", AsOf.AddDays(60), RenewalTerms.ByAgreement, "INN",
            T("Compartir metodologías de gemelo digital y de datos abiertos; una reunión técnica al año.", "Share digital twin and open data methods; one technical meeting a year.", "Partager les méthodes de jumeau numérique et de données ouvertes ; une réunion technique par an."),
            T("Firmado durante la misión a Seúl de abril de 2024.", "Signed during the mission to Seoul in April 2024.", "Signé pendant la mission à Séoul d'avril 2024."),
            "Presidenta del Área Metropolitana de Solmar\nMayor of Seoul");
        var tangier = Add("AG-0006", AgreementKind.Cooperation, AgreementStatus.Active, "CP-0007",
            T("Convenio de cooperación Solmar–Tánger sobre residuos y economía circular", "Solmar–Tangier cooperation agreement on waste and the circular economy", "Convention de coopération Solmar–Tanger sur les déchets et l'économie circulaire"), "waste; circular economy",
            "2023-09-28", "2023-10-01", AsOf.AddDays(20), RenewalTerms.ByAgreement, "AMB",
            T("Asistencia técnica y financiación para la recogida selectiva y el compostaje; mercados municipales circulares.", "Technical assistance and funding for separate collection and composting; circular municipal markets.", "Assistance technique et financement pour la collecte sélective et le compostage ; marchés municipaux circulaires."),
            T("Marco de los proyectos PR-0001 y PR-0004.", "The framework of projects PR-0001 and PR-0004.", "Le cadre des projets PR-0001 et PR-0004."),
            "Presidenta del Área Metropolitana de Solmar\nPrésident du Conseil de la Commune de Tanger");
        Add("AG-0007", AgreementKind.Friendship, AgreementStatus.Terminated, "CP-0020",
            T("Acuerdo de amistad con Melbourne", "Friendship agreement with Melbourne", "Accord d'amitié avec Melbourne"), "urban forest; tourism",
            "2017-08-21", "2017-08-21", D("2027-08-20"), RenewalTerms.None, "AMB",
            T("Intercambio sobre arbolado urbano y turismo sostenible.", "Exchanges on urban trees and sustainable tourism.", "Échanges sur les arbres urbains et le tourisme durable."),
            T("Terminado de mutuo acuerdo cuando Melbourne reorientó su programa internacional hacia Asia-Pacífico.", "Ended by mutual consent when Melbourne refocused its international programme on Asia-Pacific.", "Résilié d'un commun accord lorsque Melbourne a recentré son programme international sur l'Asie-Pacifique."),
            ended: "2024-06-30");
        var triangular = Add("AG-0008", AgreementKind.Cooperation, AgreementStatus.Active, "CP-0013 CP-0014",
            T("Convenio triangular Solmar–Medellín–Lima sobre urbanismo social", "Solmar–Medellín–Lima triangular agreement on social urbanism", "Convention triangulaire Solmar–Medellín–Lima sur l'urbanisme social"), "social urbanism; housing",
            "2024-04-25", "2024-05-01", D("2027-12-31"), RenewalTerms.ByAgreement, "VIV",
            T("Medellín comparte su experiencia con Lima; Solmar cofinancia y aporta su experiencia en rehabilitación de barrios.", "Medellín shares its experience with Lima; Solmar co-funds and brings its neighbourhood renewal experience.", "Medellín partage son expérience avec Lima ; Solmar cofinance et apporte son expérience de la réhabilitation des quartiers."),
            T("Marco del proyecto PR-0003.", "The framework of project PR-0003.", "Le cadre du projet PR-0003."));
        var sfax = Add("AG-0009", AgreementKind.MemorandumOfUnderstanding, AgreementStatus.Active, "CP-0009",
            T("Memorando con Sfax sobre adaptación costera", "Memorandum with Sfax on coastal adaptation", "Protocole d'accord avec Sfax sur l'adaptation côtière"), "climate adaptation; coast",
            "2024-03-20", "2024-04-01", D("2027-06-30"), RenewalTerms.ByAgreement, "AMB",
            T("Asistencia técnica al plan de adaptación del litoral de Sfax.", "Technical assistance for Sfax's coastal adaptation plan.", "Assistance technique au plan d'adaptation du littoral de Sfax."),
            T("Marco del proyecto PR-0002.", "The framework of project PR-0002.", "Le cadre du projet PR-0002."));
        var mexico = Add("AG-0010", AgreementKind.Friendship, AgreementStatus.Signed, "CP-0017",
            T("Acuerdo de amistad con la Ciudad de México", "Friendship agreement with Mexico City", "Accord d'amitié avec Mexico"), "culture",
            "2026-10-15", "2027-01-01", D("2030-12-31"), RenewalTerms.ByAgreement, "CUL",
            T("Año Cultural Solmar–América Latina 2027 y residencias artísticas cruzadas.", "The Solmar–Latin America Cultural Year 2027 and artist residencies both ways.", "L'Année culturelle Solmar–Amérique latine 2027 et des résidences d'artistes croisées."),
            T("Firmado; entra en vigor el 1 de enero de 2027.", "Signed; comes into force on 1 January 2027.", "Signé ; entre en vigueur le 1er janvier 2027."));
        var dakar = Add("AG-0011", AgreementKind.Cooperation, AgreementStatus.LegalReview, "CP-0010",
            T("Convenio de cooperación con Dakar sobre drenaje y saneamiento", "Cooperation agreement with Dakar on drainage and sanitation", "Convention de coopération avec Dakar sur le drainage et l'assainissement"), "sanitation; flood risk",
            null, null, null, RenewalTerms.ByAgreement, "ORI",
            T("Asistencia técnica para el drenaje de los barrios inundables.", "Technical assistance for draining flood-prone neighbourhoods.", "Assistance technique pour le drainage des quartiers inondables."),
            T("En revisión jurídica antes de su aprobación.", "Under legal review before approval.", "En examen juridique avant approbation."));
        Add("AG-0012", AgreementKind.MemorandumOfUnderstanding, AgreementStatus.Expired, "CP-0002",
            T("Memorando con Oporto sobre datos urbanos abiertos", "Memorandum with Porto on open urban data", "Protocole d'accord avec Porto sur les données urbaines ouvertes"), "open data",
            "2024-06-05", "2024-06-05", D("2025-12-31"), RenewalTerms.None, "INN",
            T("Compartir los modelos de la plataforma de datos urbanos.", "Share the urban data platform's models.", "Partager les modèles de la plateforme de données urbaines."),
            T("Cumplido su objeto, no se renovó.", "Its purpose fulfilled, it was not renewed.", "Son objet rempli, il n'a pas été renouvelé."),
            ended: "2025-12-31");

        (Agreement A, string On, LedgerKind Kind, LocalizedText Text)[] ledger =
        [
            (genoa, "2024-03-18", LedgerKind.Exchange, T("Intercambio de técnicos de los dos puertos sobre logística de última milla.", "Technicians of both ports exchanged on last-mile logistics.", "Échange de techniciens des deux ports sur la logistique du dernier kilomètre.")),
            (genoa, "2025-05-06", LedgerKind.Meeting, T("Comisión de seguimiento del hermanamiento en Génova.", "Twinning follow-up committee in Genoa.", "Comité de suivi du jumelage à Gênes.")),
            (genoa, "2026-09-14", LedgerKind.Exchange, T("Primer intercambio escolar: 60 alumnos de cada ciudad.", "First school exchange: 60 pupils from each city.", "Premier échange scolaire : 60 élèves de chaque ville.")),
            (rosario, "2024-07-01", LedgerKind.Visit, T("Intercambio juvenil: 25 jóvenes de Rosario en Solmar.", "Youth exchange: 25 young people from Rosario in Solmar.", "Échange de jeunes : 25 jeunes de Rosario à Solmar.")),
            (rosario, "2025-11-20", LedgerKind.Communication, T("Convocatoria conjunta de residencias culturales.", "A joint call for cultural residencies.", "Un appel conjoint à résidences culturelles.")),
            (rosario, "2026-05-12", LedgerKind.Meeting, T("Reunión en línea para preparar el Año Cultural 2027.", "Online meeting to prepare the 2027 Cultural Year.", "Réunion en ligne pour préparer l'Année culturelle 2027.")),
            (osaka, "2019-10-15", LedgerKind.Visit, T("Visita de la Cámara de Comercio de Osaka.", "Visit of the Osaka Chamber of Commerce.", "Visite de la Chambre de commerce d'Osaka.")),
            (osaka, "2022-11-08", LedgerKind.Communication, T("Felicitación por el 28.º aniversario; sin respuesta sobre un nuevo programa.", "Greetings on the 28th anniversary; no answer about a new programme.", "Vœux pour le 28e anniversaire ; pas de réponse sur un nouveau programme.")),
            (seoul, "2025-03-04", LedgerKind.Communication, T("Seúl comparte el modelo de datos de su gemelo digital.", "Seoul shares its digital twin's data model.", "Séoul partage le modèle de données de son jumeau numérique.")),
            (seoul, "2026-06-10", LedgerKind.Meeting, T("Reunión técnica anual (en línea).", "Yearly technical meeting (online).", "Réunion technique annuelle (en ligne).")),
            (tangier, "2025-06-03", LedgerKind.Meeting, T("Balance de la primera fase de compostaje.", "Review of the composting project's first phase.", "Bilan de la première phase du compostage.")),
            (tangier, "2026-03-10", LedgerKind.Visit, T("Visita técnica a los mercados de Tánger.", "Technical visit to Tangier's markets.", "Visite technique des marchés de Tanger.")),
            (triangular, "2025-02-10", LedgerKind.Exchange, T("Taller en Lima con técnicos de Medellín y Solmar.", "Workshop in Lima with technicians from Medellín and Solmar.", "Atelier à Lima avec des techniciens de Medellín et de Solmar.")),
            (triangular, "2026-04-15", LedgerKind.Meeting, T("Comité de pilotaje en Medellín.", "Steering committee in Medellín.", "Comité de pilotage à Medellín.")),
            (sfax, "2026-02-09", LedgerKind.Visit, T("Equipo técnico de Sfax en Solmar.", "Sfax technical team in Solmar.", "Équipe technique de Sfax à Solmar.")),
        ];
        foreach (var l in ledger)
            db.LedgerEntries.Add(new LedgerEntry { OrganizationId = o, AgreementId = l.A.Id, On = D(l.On), Kind = l.Kind, Summary = l.Text });

        // ── Network memberships, roles held and reports due ──
        NetworkMembership Member(string network, string since, decimal fee, string groups, string dept0, LocalizedText commitments)
        {
            var m = new NetworkMembership
            {
                OrganizationId = o, NetworkId = cp[network].Id, Since = D(since), AnnualFee = fee, Currency = "EUR",
                WorkingGroups = groups.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                LeadDepartmentId = dept[dept0], Commitments = commitments,
            };
            db.NetworkMemberships.Add(m);
            return m;
        }
        var metropolis = Member("CP-0021", "2008-03-01", 18_500m, "Metropolitan governance; Gender equality", "ORI",
            T("Informe anual de actividad y contribución a las encuestas del Observatorio.", "A yearly activity report and answers to the Observatory's surveys.", "Un rapport d'activité annuel et des réponses aux enquêtes de l'Observatoire."));
        var uclg = Member("CP-0022", "2010-11-01", 9_800m, "Culture committee; Migration", "ORI",
            T("Participar en el Consejo Mundial y en la comisión de cultura.", "Take part in the World Council and the culture committee.", "Participer au Conseil mondial et à la commission culture."));
        var iclei = Member("CP-0023", "2015-06-01", 6_200m, "Climate adaptation", "AMB",
            T("Informar cada año sobre las emisiones y la adaptación.", "Report emissions and adaptation every year.", "Rendre compte chaque année des émissions et de l'adaptation."));
        var c40 = Member("CP-0024", "2019-01-15", 0m, "Clean air; Zero-emission buses", "AMB",
            T("Cumplir las metas del Acelerador de Aire Limpio.", "Meet the Clean Air Accelerator targets.", "Atteindre les objectifs de l'accélérateur Air pur."));
        var eurocities = Member("CP-0026", "2012-01-01", 14_000m, "Mobility forum; Urban freight; Housing", "MOB",
            T("Codirigir el grupo de trabajo de logística urbana.", "Co-lead the urban freight working group.", "Codiriger le groupe de travail sur la logistique urbaine."));
        db.NetworkRoles.AddRange(
            new NetworkRoleHeld { OrganizationId = o, MembershipId = metropolis.Id, Role = NetworkRole.Board, From = D("2023-06-01"), To = D("2026-12-31"), Detail = "Presidenta del Área Metropolitana" },
            new NetworkRoleHeld { OrganizationId = o, MembershipId = uclg.Id, Role = NetworkRole.VicePresidency, From = D("2022-11-01"), To = D("2026-12-31"), Detail = "Mediterranean" },
            new NetworkRoleHeld { OrganizationId = o, MembershipId = c40.Id, Role = NetworkRole.ThematicLead, From = D("2024-01-01"), Detail = "Clean Air Accelerator, port neighbourhoods" },
            new NetworkRoleHeld { OrganizationId = o, MembershipId = eurocities.Id, Role = NetworkRole.ThematicLead, From = D("2025-01-01"), To = D("2026-12-31"), Detail = "Urban freight working group" });
        db.MembershipReports.AddRange(
            new MembershipReport { OrganizationId = o, MembershipId = metropolis.Id, Due = D("2026-03-31"), SubmittedOn = D("2026-03-27"),
                Title = T("Informe anual de actividad 2025", "2025 annual activity report", "Rapport d'activité annuel 2025") },
            new MembershipReport { OrganizationId = o, MembershipId = metropolis.Id, Due = AsOf.AddDays(-24),
                Title = T("Respuesta a la encuesta del Observatorio Metropolis", "Answer to the Metropolis Observatory survey", "Réponse à l'enquête de l'Observatoire de Metropolis") },
            new MembershipReport { OrganizationId = o, MembershipId = iclei.Id, Due = new DateOnly(AsOf.Year, AsOf.Month, 1).AddMonths(1).AddDays(14),
                Title = T("Informe climático anual (CDP-ICLEI Track)", "Yearly climate report (CDP-ICLEI Track)", "Rapport climat annuel (CDP-ICLEI Track)") },
            new MembershipReport { OrganizationId = o, MembershipId = iclei.Id, Due = D("2025-12-15"), SubmittedOn = D("2025-12-10"),
                Title = T("Informe climático anual 2025", "2025 yearly climate report", "Rapport climat annuel 2025") },
            new MembershipReport { OrganizationId = o, MembershipId = uclg.Id, Due = D("2026-05-31"), SubmittedOn = D("2026-06-04"),
                Title = T("Aportación al informe GOLD VII", "Contribution to the GOLD VII report", "Contribution au rapport GOLD VII") });

        // ── Actions of the plan to link ──
        var actions = await db.Actions.Where(a => a.OrganizationId == o && a.Code.StartsWith("A-")).ToDictionaryAsync(a => a.Code, ct);
        PolicyAction? Act(string code) => actions.GetValueOrDefault(code);

        // ── Alliances ──
        db.Alliances.Add(new Alliance
        {
            OrganizationId = o,
            Title = T("Ciudades por la Vivienda Adecuada", "Cities for Adequate Housing", "Villes pour un logement convenable"),
            Declaration = T(
                "Las ciudades firmantes afirman que la vivienda es un derecho y no solo una mercancía. Piden a sus Estados más competencias para regular el mercado del alquiler y la vivienda turística, más financiación para vivienda pública y social, instrumentos para coproducir vivienda con cooperativas y entidades sin ánimo de lucro, y un planeamiento que mezcle usos y rentas. Se comprometen a compartir datos y buenas prácticas y a presentar su posición juntas ante los foros internacionales.",
                "The signatory cities affirm that housing is a right and not merely a commodity. They ask their states for more powers to regulate the rental market and short-term tourist lets, more funding for public and social housing, tools to co-produce housing with cooperatives and non-profit bodies, and planning that mixes uses and incomes. They commit to share data and good practices and to present their position together in international forums.",
                "Les villes signataires affirment que le logement est un droit et pas seulement une marchandise. Elles demandent à leurs États davantage de compétences pour réguler le marché locatif et les meublés touristiques, davantage de financements pour le logement public et social, des outils pour coproduire du logement avec des coopératives et des organismes à but non lucratif, et une planification qui mêle les usages et les revenus. Elles s'engagent à partager données et bonnes pratiques et à porter ensemble leur position dans les forums internationaux."),
            Url = "https://solmar.example/alianzas/vivienda-adecuada",
            AdheredOn = D("2025-01-20"),
            Commitments = T("Publicar cada año los datos de vivienda turística y de alquiler; llevar la declaración al Plan Europeo de Vivienda Asequible.",
                "Publish the tourist-let and rental data every year; bring the declaration to the European Affordable Housing Plan.",
                "Publier chaque année les données sur les meublés touristiques et les loyers ; porter la déclaration dans le plan européen pour le logement abordable."),
            CoSignatoryIds = [cp["CP-0012"].Id],
            OtherCoSignatories = ["Barcelona"],
            PromoterId = cp["CP-0021"].Id,
            FollowUpActionIds = new[] { Act("A-027"), Act("A-049") }.Where(a => a is not null).Select(a => a!.Id).ToList(),
        });
        db.Alliances.Add(new Alliance
        {
            OrganizationId = o,
            Title = T("Declaración de ciudades mediterráneas y latinoamericanas sobre financiación climática local", "Declaration of Mediterranean and Latin American cities on local climate finance", "Déclaration des villes méditerranéennes et latino-américaines sur le financement climatique local"),
            Declaration = T(
                "Las ciudades firmantes piden acceso directo de los gobiernos locales a los fondos climáticos internacionales, criterios de elegibilidad adaptados a proyectos urbanos de adaptación y una ventanilla para ciudades intermedias. Llevarán la declaración a la COP30.",
                "The signatory cities ask for direct access of local governments to international climate funds, eligibility criteria suited to urban adaptation projects and a window for intermediary cities. They will take the declaration to COP30.",
                "Les villes signataires demandent un accès direct des gouvernements locaux aux fonds climatiques internationaux, des critères d'éligibilité adaptés aux projets urbains d'adaptation et un guichet pour les villes intermédiaires. Elles porteront la déclaration à la COP30."),
            AdheredOn = D("2025-09-18"),
            Commitments = T("Preparar una cartera de tres proyectos de adaptación financiables.", "Prepare a portfolio of three fundable adaptation projects.", "Préparer un portefeuille de trois projets d'adaptation finançables."),
            CoSignatoryIds = [cp["CP-0012"].Id, cp["CP-0011"].Id, cp["CP-0005"].Id, cp["CP-0015"].Id],
            PromoterId = cp["CP-0025"].Id,
            FollowUpActionIds = new[] { Act("A-039") }.Where(a => a is not null).Select(a => a!.Id).ToList(),
        });

        // ── Cooperation projects, partners and transactions ──
        var pr = new Dictionary<string, CooperationProject>();
        CooperationProject Project(string code, CooperationKind kind, ProjectRole role, SupportKind[] support, string sectors, string countries, string regions,
            ProjectStatus status, string start, string end, string? actualStart, string? actualEnd, decimal budget, string dept0,
            LocalizedText title, LocalizedText description, LocalizedText beneficiaries, int? count, params Agreement[] agreements)
        {
            var p = new CooperationProject
            {
                OrganizationId = o, Code = code, Kind = kind, OurRole = role, Support = support.ToList(), Status = status,
                Sectors = Codes(sectors), Countries = Codes(countries), Regions = Codes(regions),
                PlannedStart = D(start), PlannedEnd = D(end), ActualStart = Dx(actualStart), ActualEnd = Dx(actualEnd),
                Budget = budget, Currency = "EUR", Title = title, Description = description, Beneficiaries = beneficiaries, BeneficiaryCount = count,
                AgreementIds = agreements.Select(a => a.Id).ToList(), LeadDepartmentId = dept[dept0],
            };
            pr[code] = p;
            db.Projects.Add(p);
            return p;
        }
        void Partner(CooperationProject p, string? cpCode, string name, PartnerRole role, int type, string? iati = null) =>
            db.ProjectPartners.Add(new ProjectPartner { OrganizationId = o, ProjectId = p.Id, CounterpartId = cpCode is null ? null : cp[cpCode].Id, Name = name, Role = role, IatiType = type, IatiRef = iati });
        void Money(CooperationProject p, TransactionKind kind, string on, decimal amount, string? provider, string? receiver, string description) =>
            db.ProjectTransactions.Add(new ProjectTransaction { OrganizationId = o, ProjectId = p.Id, Kind = kind, On = D(on), Amount = amount, Currency = "EUR", ProviderName = provider, ReceiverName = receiver, Description = description });
        const string Us = "Área Metropolitana de Solmar";

        var p1 = Project("PR-0001", CooperationKind.Decentralized, ProjectRole.Funder, [SupportKind.FinancialTransfer, SupportKind.TechnicalAssistance], "14050 41010", "MA", "015",
            ProjectStatus.Closed, "2023-10-01", "2025-06-30", "2023-10-02", "2025-06-30", 260_000m, "AMB",
            T("Recogida selectiva y compostaje en Tánger", "Separate collection and composting in Tangier", "Collecte sélective et compostage à Tanger"),
            T("Dos distritos piloto de recogida selectiva de la fracción orgánica y una planta de compostaje municipal.", "Two pilot districts for separate collection of organic waste and a municipal composting plant.", "Deux arrondissements pilotes de collecte sélective des biodéchets et une plateforme municipale de compostage."),
            T("Vecinos de los distritos piloto", "Residents of the pilot districts", "Habitants des arrondissements pilotes"), 85_000, tangier);
        Partner(p1, null, Us, PartnerRole.Funding, 11, SolmarIatiId);
        Partner(p1, "CP-0030", "AECID", PartnerRole.Funding, 10);
        Partner(p1, "CP-0007", "Commune de Tanger", PartnerRole.Implementing, 11);
        Money(p1, TransactionKind.Commitment, "2023-10-02", 260_000m, Us, "Commune de Tanger", "Convenio AG-0006");
        Money(p1, TransactionKind.Disbursement, "2023-11-15", 110_000m, Us, "Commune de Tanger", "Primer tramo");
        Money(p1, TransactionKind.Disbursement, "2024-09-10", 90_000m, Us, "Commune de Tanger", "Segundo tramo");
        Money(p1, TransactionKind.Disbursement, "2025-05-05", 40_000m, Us, "Commune de Tanger", "Tramo final");
        Money(p1, TransactionKind.Expenditure, "2025-06-30", 20_000m, Us, null, "Asistencia técnica del equipo de Medio Ambiente");

        var p2 = Project("PR-0002", CooperationKind.Decentralized, ProjectRole.Implementer, [SupportKind.TechnicalAssistance, SupportKind.InstitutionalStrengthening], "41010 43030", "TN", "015",
            ProjectStatus.Implementation, "2024-04-01", "2026-12-31", "2024-04-01", null, 190_000m, "AMB",
            T("Plan de adaptación del litoral de Sfax", "Coastal adaptation plan for Sfax", "Plan d'adaptation du littoral de Sfax"),
            T("Cartografía de riesgos costeros, plan de adaptación y formación de los técnicos municipales.", "Coastal risk mapping, an adaptation plan and training for municipal staff.", "Cartographie des risques côtiers, plan d'adaptation et formation des techniciens municipaux."),
            T("Barrios costeros de Sfax", "Sfax's coastal neighbourhoods", "Quartiers côtiers de Sfax"), 120_000, sfax);
        Partner(p2, "CP-0028", "Union for the Mediterranean", PartnerRole.Funding, 40);
        Partner(p2, null, Us, PartnerRole.Implementing, 11, SolmarIatiId);
        Partner(p2, "CP-0009", "Municipalité de Sfax", PartnerRole.Implementing, 11);
        Money(p2, TransactionKind.IncomingCommitment, "2024-03-25", 120_000m, "Union for the Mediterranean", Us, "Subvención UpM");
        Money(p2, TransactionKind.Commitment, "2024-04-01", 190_000m, Us, "Municipalité de Sfax", "Presupuesto del proyecto");
        Money(p2, TransactionKind.Expenditure, "2024-12-20", 64_000m, Us, null, "Cartografía de riesgos");
        Money(p2, TransactionKind.Expenditure, "2025-11-14", 58_000m, Us, null, "Plan de adaptación y formación");

        var p3 = Project("PR-0003", CooperationKind.Triangular, ProjectRole.Partner, [SupportKind.CapacityBuilding], "43030 15112", "CO PE", "419",
            ProjectStatus.Implementation, "2024-05-01", "2027-04-30", "2024-05-02", null, 380_000m, "VIV",
            T("Urbanismo social: Medellín comparte con Lima", "Social urbanism: Medellín shares with Lima", "Urbanisme social : Medellín partage avec Lima"),
            T("Cooperación triangular: Medellín transfiere su método de proyectos urbanos integrales a Lima; Solmar cofinancia y aporta rehabilitación de barrios.", "Triangular cooperation: Medellín transfers its integrated urban projects method to Lima; Solmar co-funds and brings neighbourhood renewal.", "Coopération triangulaire : Medellín transfère à Lima sa méthode de projets urbains intégrés ; Solmar cofinance et apporte la réhabilitation de quartiers."),
            T("Barrios de ladera de Lima", "Hillside neighbourhoods of Lima", "Quartiers à flanc de colline de Lima"), 40_000, triangular);
        Partner(p3, "CP-0029", "CAF – Development Bank of Latin America and the Caribbean", PartnerRole.Funding, 40);
        Partner(p3, null, Us, PartnerRole.Funding, 11, SolmarIatiId);
        Partner(p3, "CP-0013", "Alcaldía de Medellín", PartnerRole.Implementing, 11);
        Partner(p3, "CP-0014", "Municipalidad Metropolitana de Lima", PartnerRole.Implementing, 11);
        Money(p3, TransactionKind.Commitment, "2024-05-02", 150_000m, Us, "Municipalidad Metropolitana de Lima", "Aportación de Solmar");
        Money(p3, TransactionKind.Disbursement, "2024-07-15", 60_000m, Us, "Municipalidad Metropolitana de Lima", "Primer tramo");
        Money(p3, TransactionKind.Disbursement, "2025-07-15", 60_000m, Us, "Municipalidad Metropolitana de Lima", "Segundo tramo");
        Money(p3, TransactionKind.Expenditure, "2025-10-20", 12_000m, Us, null, "Viajes técnicos");

        var p4 = Project("PR-0004", CooperationKind.Decentralized, ProjectRole.Funder, [SupportKind.FinancialTransfer, SupportKind.CapacityBuilding], "14050 25010", "MA", "015",
            ProjectStatus.Implementation, "2026-01-15", "2027-12-31", "2026-01-15", null, 310_000m, "ECO",
            T("Mercados municipales circulares en Tánger", "Circular municipal markets in Tangier", "Marchés municipaux circulaires à Tanger"),
            T("Segunda fase: aprovechamiento de residuos en cuatro mercados y apoyo a los comerciantes.", "Second phase: recovering waste in four markets and support for the traders.", "Deuxième phase : valorisation des déchets dans quatre marchés et appui aux commerçants."),
            T("Comerciantes de los mercados", "Market traders", "Commerçants des marchés"), 1_200, tangier);
        Partner(p4, null, Us, PartnerRole.Funding, 11, SolmarIatiId);
        Partner(p4, "CP-0032", "Fundación Puentes Mediterráneos", PartnerRole.Funding, 60);
        Partner(p4, "CP-0007", "Commune de Tanger", PartnerRole.Implementing, 11);
        Money(p4, TransactionKind.Commitment, "2026-01-15", 310_000m, Us, "Commune de Tanger", "Convenio AG-0006");
        Money(p4, TransactionKind.Disbursement, "2026-03-01", 120_000m, Us, "Commune de Tanger", "Primer tramo");

        var p5 = Project("PR-0005", CooperationKind.Decentralized, ProjectRole.Implementer, [SupportKind.TechnicalAssistance], "14030", "SN", "011",
            ProjectStatus.Pipeline, "2027-02-01", "2029-01-31", null, null, 540_000m, "ORI",
            T("Saneamiento básico y drenaje en barrios inundables de Dakar", "Basic sanitation and drainage in Dakar's flood-prone neighbourhoods", "Assainissement de base et drainage dans les quartiers inondables de Dakar"),
            T("Asistencia técnica para diseñar el drenaje y el saneamiento tras las inundaciones.", "Technical assistance to design drainage and sanitation after the floods.", "Assistance technique pour concevoir le drainage et l'assainissement après les inondations."),
            T("Vecinos de los barrios inundables", "Residents of flood-prone neighbourhoods", "Habitants des quartiers inondables"), 60_000, dakar);
        Partner(p5, "CP-0030", "AECID", PartnerRole.Funding, 10);
        Partner(p5, "CP-0010", "Ville de Dakar", PartnerRole.Implementing, 11);

        var p6 = Project("PR-0006", CooperationKind.SouthSouth, ProjectRole.Funder, [SupportKind.FinancialTransfer, SupportKind.CapacityBuilding], "15112 15190", "AR BR UY", "419",
            ProjectStatus.Finalisation, "2025-05-01", "2026-10-31", "2025-05-01", null, 150_000m, "SOC",
            T("Intercambio Sur-Sur de Mercociudades sobre inclusión de personas migrantes", "Mercociudades South-South exchange on migrant inclusion", "Échange Sud-Sud de Mercociudades sur l'inclusion des personnes migrantes"),
            T("Rosario, Porto Alegre y Montevideo comparten sus oficinas de atención a migrantes; Solmar financia el intercambio.", "Rosario, Porto Alegre and Montevideo share their migrant support offices; Solmar funds the exchange.", "Rosario, Porto Alegre et Montevideo partagent leurs bureaux d'accueil des migrants ; Solmar finance l'échange."),
            T("Personas migrantes atendidas", "Migrants supported", "Personnes migrantes accompagnées"), 9_000);
        Partner(p6, null, Us, PartnerRole.Funding, 11, SolmarIatiId);
        Partner(p6, "CP-0025", "Mercociudades", PartnerRole.Implementing, 21);
        Partner(p6, "CP-0011", "Municipalidad de Rosario", PartnerRole.Implementing, 11);
        Partner(p6, "CP-0012", "Intendencia de Montevideo", PartnerRole.Implementing, 11);
        Money(p6, TransactionKind.Commitment, "2025-05-01", 150_000m, Us, "Mercociudades", "Aportación de Solmar");
        Money(p6, TransactionKind.Disbursement, "2025-06-01", 90_000m, Us, "Mercociudades", "Primer tramo");
        Money(p6, TransactionKind.Disbursement, "2026-04-01", 50_000m, Us, "Mercociudades", "Segundo tramo");
        Money(p6, TransactionKind.Expenditure, "2026-09-15", 8_000m, Us, null, "Evaluación final");

        // ── Missions, visits and events ──
        void AddMission(MissionKind kind, EventKind? ev, MissionStatus status, string start, string end, string? city, string country, double? lat, double? lon,
            string counterparts, Agreement? agreement, string dept0, LocalizedText title, LocalizedText agenda, LocalizedText outcomes,
            string[]? delegation = null, int? attendance = null, decimal? impact = null, string? followUp = null) =>
            db.Missions.Add(new Mission
            {
                OrganizationId = o, Kind = kind, EventKind = ev, Status = status, Start = D(start), End = D(end),
                City = city, Country = country, Latitude = lat, Longitude = lon,
                CounterpartIds = Codes(counterparts).Select(k => cp[k].Id).ToList(), AgreementId = agreement?.Id,
                LeadDepartmentId = dept[dept0], Title = title, Agenda = agenda, Outcomes = outcomes, Delegation = (delegation ?? []).ToList(),
                Attendance = attendance, EconomicImpact = impact, Currency = impact is null ? null : "EUR",
                FollowUpActionIds = followUp is null ? [] : Codes(followUp).Select(Act).Where(a => a is not null).Select(a => a!.Id).ToList(),
            });
        var none = new LocalizedText();

        AddMission(MissionKind.InboundVisit, null, MissionStatus.Done, "2023-02-20", "2023-02-24", "Solmar", "ES", null, null, "CP-0018", null, "ORI",
            T("Delegación económica de Osaka", "Osaka economic delegation", "Délégation économique d'Osaka"),
            T("Puerto, zona de actividades logísticas, reuniones con empresas.", "Port, logistics activity zone, company meetings.", "Port, zone d'activités logistiques, rencontres d'entreprises."),
            T("22 empresas visitaron el puerto; dos abrieron oficina en 2024.", "22 companies visited the port; two opened an office in 2024.", "22 entreprises ont visité le port ; deux ont ouvert un bureau en 2024."));
        AddMission(MissionKind.HostedEvent, EventKind.Congress, MissionStatus.Done, "2023-04-17", "2023-04-20", "Solmar", "ES", null, null, "", null, "ECO",
            T("Congreso Mediterráneo de Logística y Puertos (MedLog 2023)", "Mediterranean Logistics and Ports Congress (MedLog 2023)", "Congrès méditerranéen de la logistique et des ports (MedLog 2023)"),
            T("Tres días de sesiones y una feria de empresas.", "Three days of sessions and a trade fair.", "Trois jours de sessions et un salon d'entreprises."),
            T("1 200 asistentes de 28 países.", "1,200 participants from 28 countries.", "1 200 participants de 28 pays."),
            attendance: 1_200, impact: 2_300_000m);
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Done, "2023-09-20", "2023-09-22", "Genova", "IT", 44.4073, 8.9339, "CP-0001", genoa, "ORI",
            T("Renovación del hermanamiento en Génova", "Renewing the twinning in Genoa", "Renouvellement du jumelage à Gênes"),
            T("Firma de la renovación y visita del puerto.", "Signing the renewal and visiting the port.", "Signature du renouvellement et visite du port."),
            T("Renovación firmada con un programa de trabajo bienal.", "Renewal signed with a two-year work programme.", "Renouvellement signé avec un programme de travail biennal."),
            ["Presidenta del Área Metropolitana", "Ana Beltrán, ORI"]);
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Done, "2024-04-08", "2024-04-12", "Seoul", "KR", 37.5665, 126.9780, "CP-0019 CP-0031", seoul, "INN",
            T("Misión a Seúl sobre gobierno digital", "Mission to Seoul on digital government", "Mission à Séoul sur l'administration numérique"),
            T("Centro de datos urbanos, gemelo digital, firma del memorando.", "Urban data centre, digital twin, signing the memorandum.", "Centre de données urbaines, jumeau numérique, signature du protocole."),
            T("Memorando AG-0005 firmado.", "Memorandum AG-0005 signed.", "Protocole AG-0005 signé."),
            ["Consejero de Innovación", "Tomás Ibáñez, ORI"]);
        AddMission(MissionKind.InboundVisit, null, MissionStatus.Done, "2024-07-01", "2024-07-14", "Solmar", "ES", null, null, "CP-0011", rosario, "CUL",
            T("Intercambio juvenil con Rosario", "Youth exchange with Rosario", "Échange de jeunes avec Rosario"),
            T("Talleres culturales y estancia en familias.", "Cultural workshops and home stays.", "Ateliers culturels et séjour en familles."),
            T("25 jóvenes de Rosario; la edición recíproca, en 2025.", "25 young people from Rosario; the return edition in 2025.", "25 jeunes de Rosario ; l'édition retour en 2025."));
        AddMission(MissionKind.AttendedEvent, EventKind.Summit, MissionStatus.Done, "2024-11-04", "2024-11-08", "Cairo", "EG", 30.0444, 31.2357, "CP-0027", null, "VIV",
            T("Foro Urbano Mundial (WUF12)", "World Urban Forum (WUF12)", "Forum urbain mondial (WUF12)"),
            T("Sesión sobre vivienda asequible en ciudades turísticas.", "Session on affordable housing in tourist cities.", "Session sur le logement abordable dans les villes touristiques."),
            T("Contacto con las ciudades de la alianza por la vivienda.", "Contact with the cities of the housing alliance.", "Contact avec les villes de l'alliance pour le logement."));
        AddMission(MissionKind.InboundVisit, null, MissionStatus.Done, "2026-02-09", "2026-02-13", "Solmar", "ES", null, null, "CP-0009", sfax, "AMB",
            T("Equipo técnico de Sfax", "Sfax technical team", "Équipe technique de Sfax"),
            T("Visitas a las obras de protección del litoral.", "Visits to coastal protection works.", "Visites des ouvrages de protection du littoral."),
            T("Borrador del plan de adaptación revisado.", "Draft adaptation plan reviewed.", "Projet de plan d'adaptation relu."));
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Done, "2026-03-09", "2026-03-14", "Curitiba", "BR", -25.4284, -49.2733, "CP-0015", null, "MOB",
            T("Misión técnica a Curitiba y Bogotá sobre autobús de tránsito rápido", "Technical mission to Curitiba and Bogotá on bus rapid transit", "Mission technique à Curitiba et Bogotá sur le bus à haut niveau de service"),
            T("Operación de corredores BRT y tarificación.", "BRT corridor operations and fares.", "Exploitation des corridors BHNS et tarification."),
            T("Estudio de un corredor BRT en el eje portuario.", "A BRT corridor on the port axis under study.", "Étude d'un corridor BHNS sur l'axe portuaire."),
            ["Marta Solé, Movilidad"], followUp: "A-051");
        AddMission(MissionKind.HostedEvent, EventKind.Congress, MissionStatus.Done, "2026-04-22", "2026-04-24", "Solmar", "ES", null, null, "CP-0026", null, "MOB",
            T("Foro de Movilidad de Eurocities 2026", "Eurocities Mobility Forum 2026", "Forum mobilité d'Eurocities 2026"),
            T("Logística urbana, tarifas integradas, zonas de bajas emisiones.", "Urban freight, integrated fares, low-emission zones.", "Logistique urbaine, tarification intégrée, zones à faibles émissions."),
            T("640 asistentes de 95 ciudades.", "640 participants from 95 cities.", "640 participants de 95 villes."),
            attendance: 640, impact: 1_150_000m, followUp: "A-045");
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Done, "2026-06-15", "2026-06-17", "Hamburg", "DE", 53.5511, 9.9937, "CP-0004 CP-0033", null, "AMB",
            T("Visita técnica al puerto de Hamburgo sobre electrificación de muelles", "Technical visit to the port of Hamburg on shore power", "Visite technique du port de Hambourg sur l'électrification des quais"),
            T("Terminales de cruceros y contenedores con conexión eléctrica.", "Cruise and container terminals with shore power.", "Terminaux de croisière et de conteneurs branchés à quai."),
            T("Hoja de ruta para la conexión eléctrica de la terminal de cruceros.", "A roadmap for shore power at the cruise terminal.", "Une feuille de route pour le branchement à quai du terminal de croisière."),
            ["Jordi Puig, Medio Ambiente"], followUp: "A-055");
        AddMission(MissionKind.InboundVisit, null, MissionStatus.Planned, AsOf.AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AsOf.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "Solmar", "ES", null, null, "CP-0007", tangier, "ECO",
            T("Delegación de Tánger: mercados circulares", "Tangier delegation: circular markets", "Délégation de Tanger : marchés circulaires"),
            T("Mercados municipales de Solmar, renovación del convenio.", "Solmar's municipal markets; renewing the agreement.", "Les marchés municipaux de Solmar ; renouvellement de la convention."), none);
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Planned, "2027-01-19", "2027-01-22", "Ciudad de México", "MX", 19.4326, -99.1332, "CP-0017", mexico, "CUL",
            T("Inauguración del Año Cultural Solmar–América Latina en Ciudad de México", "Opening the Solmar–Latin America Cultural Year in Mexico City", "Ouverture de l'Année culturelle Solmar–Amérique latine à Mexico"),
            T("Acto inaugural y programa de residencias.", "Opening ceremony and residencies programme.", "Cérémonie d'ouverture et programme de résidences."), none,
            ["Inés Vidal, Cultura", "Ana Beltrán, ORI"], followUp: "A-061");
        AddMission(MissionKind.OutboundMission, null, MissionStatus.Planned, "2027-02-08", "2027-02-12", "Mumbai", "IN", 19.0760, 72.8777, "", null, "ECO",
            T("Misión comercial a Bombay y Bangalore", "Trade mission to Mumbai and Bengaluru", "Mission commerciale à Bombay et Bangalore"),
            T("Puertos, tecnologías de la información y farmacia.", "Ports, IT and pharmaceuticals.", "Ports, informatique et pharmacie."), none, followUp: "A-063");

        // ── Links from the plan's actions ──
        (string Action, string Counterparts, Agreement[] Agreements, string Projects)[] links =
        [
            ("A-001", "CP-0018", [], ""),
            ("A-008", "CP-0007 CP-0030", [tangier], "PR-0001"),
            ("A-009", "CP-0001", [genoa], ""),
            ("A-012", "CP-0021 CP-0022", [], ""),
            ("A-013", "CP-0012 CP-0025", [], ""),
            ("A-015", "CP-0019 CP-0031", [seoul], ""),
            ("A-017", "CP-0009 CP-0028", [sfax], "PR-0002"),
            ("A-018", "CP-0013 CP-0014", [triangular], "PR-0003"),
            ("A-023", "CP-0011", [rosario], ""),
            ("A-026", "CP-0027", [], ""),
            ("A-027", "CP-0021", [], ""),
            ("A-030", "CP-0001 CP-0003", [], ""),
            ("A-034", "CP-0025 CP-0011 CP-0012", [], "PR-0006"),
            ("A-041", "CP-0010", [dakar], "PR-0005"),
            ("A-046", "CP-0007 CP-0032", [tangier], "PR-0004"),
            ("A-057", "CP-0001", [genoa], ""),
            ("A-061", "CP-0017 CP-0011 CP-0013", [mexico], ""),
        ];
        foreach (var l in links)
        {
            if (Act(l.Action) is not { } a) continue;
            a.CounterpartIds = Codes(l.Counterparts).Select(k => cp[k].Id).ToList();
            a.AgreementIds = l.Agreements.Select(x => x.Id).ToList();
            a.ProjectIds = Codes(l.Projects).Select(k => pr[k].Id).ToList();
        }
        await db.SaveChangesAsync(ct);
    }

    private static LocalizedText T(string es, string en, string fr) => new(es, en, fr);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Dx(string? iso) => iso is null ? null : D(iso);

    private static List<string> Codes(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
}
