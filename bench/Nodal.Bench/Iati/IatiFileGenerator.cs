using System.Globalization;
using System.Text;
using System.Xml;
using Nodal.Bench.Data;
using Nodal.Core.Reference;

namespace Nodal.Bench.Iati;

/// <summary>What the generated file holds.</summary>
public sealed record IatiFile(string Path, long Bytes, int Activities, int Partners, int Transactions, string IdentifierPrefix)
{
    public double Megabytes => Bytes / (1024.0 * 1024.0);
}

/// <summary>
/// Writes a valid IATI 2.03 <c>iati-activities</c> file of about the size asked, shaped like the standard's annotated
/// example and like our own export (<c>IatiExport.cs</c>): another publisher's decentralized-cooperation activities,
/// each with titles and descriptions in es/en/fr, 1–4 participating organisations, 1–2 recipient countries (and their
/// M49 region a fifth of the time), 1–4 DAC sectors, a budget and 2–10 transactions, all with unique identifiers.
/// Every activity passes the importer's validation (so the whole file imports); seeded, so two runs write the same file.
/// </summary>
public static class IatiFileGenerator
{
    public const string Publisher = "XI-IATI-NODALBENCH";

    private static readonly string[] Topics = ["movilidad urbana", "agua y saneamiento", "vivienda asequible", "economía circular", "gestión de residuos",
        "patrimonio cultural", "empleo juvenil", "igualdad de género", "gobernanza local", "energía renovable", "salud comunitaria", "educación técnica"];
    private static readonly string[] TopicsEn = ["urban mobility", "water and sanitation", "affordable housing", "circular economy", "waste management",
        "cultural heritage", "youth employment", "gender equality", "local governance", "renewable energy", "community health", "technical education"];
    private static readonly string[] TopicsFr = ["mobilité urbaine", "eau et assainissement", "logement abordable", "économie circulaire", "gestion des déchets",
        "patrimoine culturel", "emploi des jeunes", "égalité femmes-hommes", "gouvernance locale", "énergie renouvelable", "santé communautaire", "enseignement technique"];

    private static readonly string[] SentencesEs =
    [
        "El proyecto refuerza las capacidades del gobierno local de {0} en {1} mediante intercambios técnicos entre el personal de ambas ciudades.",
        "Se prevén talleres, visitas de estudio y la elaboración conjunta de un plan de acción municipal con participación de la sociedad civil.",
        "La intervención beneficia directamente a las familias de los barrios periféricos, con especial atención a las mujeres y a los jóvenes.",
        "Los resultados se difundirán a través de las redes de ciudades en las que participan ambos municipios.",
        "La contraparte local aporta personal técnico, locales y una parte de la financiación, según lo acordado en el convenio.",
        "Se realizará una evaluación intermedia y otra final, cuyos informes se publicarán en el portal de transparencia.",
    ];
    private static readonly string[] SentencesEn =
    [
        "The project strengthens the capacities of the local government of {0} in {1} through technical exchanges between the staff of both cities.",
        "Workshops, study visits and a municipal action plan drawn up jointly with civil society are foreseen.",
        "The intervention directly benefits families in the outlying neighbourhoods, with particular attention to women and young people.",
        "The results will be shared through the city networks both municipalities belong to.",
        "The local partner provides technical staff, premises and part of the funding, as set out in the agreement.",
        "A mid-term and a final evaluation will be carried out, and their reports published on the transparency portal.",
    ];
    private static readonly string[] SentencesFr =
    [
        "Le projet renforce les capacités de la collectivité locale de {0} en matière de {1} grâce à des échanges techniques entre les agents des deux villes.",
        "Des ateliers, des visites d'étude et un plan d'action municipal élaboré avec la société civile sont prévus.",
        "L'intervention bénéficie directement aux familles des quartiers périphériques, avec une attention particulière aux femmes et aux jeunes.",
        "Les résultats seront diffusés par les réseaux de villes auxquels appartiennent les deux municipalités.",
        "Le partenaire local apporte du personnel technique, des locaux et une partie du financement, comme prévu par la convention.",
        "Une évaluation à mi-parcours et une évaluation finale seront réalisées, et leurs rapports publiés sur le portail de transparence.",
    ];
    private static readonly string[] Cities = ["Tánger", "Dakar", "Cuenca", "Cusco", "Cochabamba", "Quetzaltenango", "San Salvador", "León", "Tegucigalpa",
        "Medellín", "La Habana", "Nuakchot", "Sfax", "Maputo", "Praia", "Bamako", "Uagadugú", "Trípoli (Líbano)", "Santiago de los Caballeros", "Asunción"];
    private static readonly (string Name, string Ref, int Type)[] Organisations =
    [
        ("Agencia Española de Cooperación Internacional para el Desarrollo", "ES-DIR3-E04585801", 10),
        ("Agence française de développement", "FR-6", 10),
        ("United Nations Human Settlements Programme", "XM-DAC-41120", 40),
        ("United Nations Development Programme", "XM-DAC-41114", 40),
        ("Fons Català de Cooperació al Desenvolupament", "ES-CIF-G58469574", 22),
        ("Fundación Ciudades Solidarias", "ES-CIF-G12345678", 60),
        ("Asociación de Municipios del Sur", "XI-IATI-AMSUR", 21),
        ("Universidad Politécnica de Valencia", "ES-CIF-Q4618002B", 80),
    ];

    /// <summary>Writes the file to <paramref name="path"/>, stopping at the first activity past <paramref name="megabytes"/> MB.</summary>
    public static IatiFile Write(string path, double megabytes, int seed = 20261124)
    {
        var target = (long)(megabytes * 1024 * 1024);
        var r = new Random(seed);
        int activities = 0, partners = 0, transactions = 0;
        var countries = RelationsVocabulary.CooperationCountries;
        var sectors = RelationsVocabulary.DacSectors;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        using (var w = XmlWriter.Create(file, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("iati-activities");
            w.WriteAttributeString("version", "2.03");
            w.WriteAttributeString("generated-datetime", "2026-11-24T09:00:00Z");
            while (true)
            {
                w.Flush();
                if (file.Position >= target) break;
                activities++;
                var topic = r.Next(Topics.Length);
                var city = Cities[r.Next(Cities.Length)];
                w.WriteStartElement("iati-activity");
                w.WriteAttributeString("xml", "lang", null, "es");
                w.WriteAttributeString("default-currency", "EUR");
                w.WriteAttributeString("last-updated-datetime", "2026-11-20T10:00:00Z");
                w.WriteElementString("iati-identifier", $"{Publisher}-A{activities:000000}");

                w.WriteStartElement("reporting-org");
                w.WriteAttributeString("ref", Publisher);
                w.WriteAttributeString("type", "11");
                Narratives(w, "Ayuntamiento de Puerto Nodal", "City Council of Puerto Nodal", "Mairie de Puerto Nodal");
                w.WriteEndElement();

                w.WriteStartElement("title");
                Narratives(w,
                    $"Cooperación técnica con {city} en {Topics[topic]} (fase {r.Next(1, 4)})",
                    $"Technical cooperation with {city} on {TopicsEn[topic]} (phase {r.Next(1, 4)})",
                    $"Coopération technique avec {city} en matière de {TopicsFr[topic]}");
                w.WriteEndElement();
                Description(w, "1", r, 3, 7, city, topic);
                if (r.NextDouble() < 0.5) Description(w, "3", r, 1, 3, city, topic); // under the 1,000 characters of Beneficiaries
                if (r.NextDouble() < 0.4) Description(w, "4", r, 2, 5, city, topic);

                var orgCount = r.Next(1, 5);
                for (var i = 0; i < orgCount; i++)
                {
                    var o = Organisations[r.Next(Organisations.Length)];
                    w.WriteStartElement("participating-org");
                    w.WriteAttributeString("ref", o.Ref);
                    w.WriteAttributeString("role", (i == 0 ? 1 : r.Next(1, 5)).ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("type", o.Type.ToString(CultureInfo.InvariantCulture));
                    w.WriteStartElement("narrative");
                    w.WriteString(o.Name);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    partners++;
                }

                // Dates and status that agree: pipeline (1) has only planned dates; implementation (2) an actual start;
                // finalisation (3) and closed (4) an actual start and end.
                var status = r.NextDouble() switch { < 0.15 => 1, < 0.65 => 2, < 0.75 => 3, _ => 4 };
                var start = new DateOnly(2012, 1, 1).AddDays(r.Next(0, 14 * 365));
                var end = start.AddDays(r.Next(180, 4 * 365));
                Empty(w, "activity-status", ("code", status.ToString(CultureInfo.InvariantCulture)));
                Empty(w, "activity-date", ("iso-date", Iso(start)), ("type", "1"));
                if (status >= 2) Empty(w, "activity-date", ("iso-date", Iso(start.AddDays(r.Next(0, 60)))), ("type", "2"));
                Empty(w, "activity-date", ("iso-date", Iso(end)), ("type", "3"));
                if (status >= 3) Empty(w, "activity-date", ("iso-date", Iso(end.AddDays(r.Next(60, 120)))), ("type", "4"));

                var places = countries.OrderBy(_ => r.Next()).Take(r.Next(1, 3)).ToList();
                var region = r.NextDouble() < 0.2 ? M49.RegionOf(places[0]) : null;
                var shares = Shares(places.Count + (region is null ? 0 : 1));
                for (var i = 0; i < places.Count; i++) Empty(w, "recipient-country", ("code", places[i]), ("percentage", shares[i]));
                if (region is not null) Empty(w, "recipient-region", ("code", region), ("vocabulary", "2"), ("percentage", shares[^1]));
                var sectorList = sectors.OrderBy(_ => r.Next()).Take(r.Next(1, 5)).ToList();
                var sectorShares = Shares(sectorList.Count);
                for (var i = 0; i < sectorList.Count; i++) Empty(w, "sector", ("vocabulary", "1"), ("code", sectorList[i]), ("percentage", sectorShares[i]));
                Empty(w, "collaboration-type", ("code", r.NextDouble() < 0.15 ? "8" : "1"));

                var budget = Math.Round((decimal)Math.Exp(r.NextDouble() * Math.Log(200) + Math.Log(10_000)), 2);
                w.WriteStartElement("budget");
                w.WriteAttributeString("type", "1");
                w.WriteAttributeString("status", "1");
                Empty(w, "period-start", ("iso-date", Iso(start)));
                Empty(w, "period-end", ("iso-date", Iso(end)));
                Value(w, budget, start);
                w.WriteEndElement();

                var transactionCount = r.Next(2, 11);
                var on = start;
                for (var i = 0; i < transactionCount; i++)
                {
                    // A commitment first, then disbursements, expenditure and incoming funds; distinct dates, so none is a duplicate.
                    var kind = i == 0 ? 2 : r.NextDouble() switch { < 0.5 => 3, < 0.8 => 4, < 0.95 => 1, _ => 11 };
                    on = on.AddDays(r.Next(1, 90));
                    w.WriteStartElement("transaction");
                    Empty(w, "transaction-type", ("code", kind.ToString(CultureInfo.InvariantCulture)));
                    Empty(w, "transaction-date", ("iso-date", Iso(on)));
                    Value(w, Math.Round(budget / transactionCount * (decimal)(0.5 + r.NextDouble()), 2), on);
                    w.WriteStartElement("description");
                    w.WriteStartElement("narrative");
                    w.WriteString(Paragraph(SentencesEs, r, 1, 4, city, Topics[topic])); // under the 1,000 characters of the column
                    w.WriteEndElement();
                    w.WriteEndElement();
                    var provider = Organisations[r.Next(Organisations.Length)];
                    w.WriteStartElement("provider-org");
                    w.WriteAttributeString("ref", provider.Ref);
                    w.WriteElementString("narrative", provider.Name);
                    w.WriteEndElement();
                    w.WriteStartElement("receiver-org");
                    w.WriteElementString("narrative", $"Municipalidad de {city}");
                    w.WriteEndElement();
                    w.WriteEndElement();
                    transactions++;
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return new IatiFile(path, new FileInfo(path).Length, activities, partners, transactions, Publisher + "-");
    }

    private static void Description(XmlWriter w, string type, Random r, int min, int max, string city, int topic)
    {
        w.WriteStartElement("description");
        w.WriteAttributeString("type", type);
        Narratives(w, Paragraph(SentencesEs, r, min, max, city, Topics[topic]), Paragraph(SentencesEn, r, min, max, city, TopicsEn[topic]),
            Paragraph(SentencesFr, r, min, max, city, TopicsFr[topic]));
        w.WriteEndElement();
    }

    /// <summary>min to max sentences (each at most ~150 characters), the first naming the city and the topic.</summary>
    private static string Paragraph(string[] sentences, Random r, int min, int max, string city, string topic)
    {
        var n = r.Next(min, max + 1);
        var sb = new StringBuilder(string.Format(CultureInfo.InvariantCulture, sentences[0], city, topic));
        for (var i = 1; i < n; i++) sb.Append(' ').Append(sentences[1 + r.Next(sentences.Length - 1)]);
        return sb.ToString();
    }

    private static void Narratives(XmlWriter w, string es, string en, string fr)
    {
        foreach (var (lang, text) in new[] { ("es", es), ("en", en), ("fr", fr) })
        {
            w.WriteStartElement("narrative");
            w.WriteAttributeString("xml", "lang", null, lang);
            w.WriteString(text);
            w.WriteEndElement();
        }
    }

    private static void Value(XmlWriter w, decimal amount, DateOnly on)
    {
        w.WriteStartElement("value");
        w.WriteAttributeString("currency", "EUR");
        w.WriteAttributeString("value-date", Iso(on));
        w.WriteString(amount.ToString("0.00", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name);
        foreach (var (n, v) in attributes) w.WriteAttributeString(n, v);
        w.WriteEndElement();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Shares(int count)
    {
        var each = Math.Floor(10000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToArray();
        shares[^1] = 100m - each * (count - 1);
        return shares.Select(s => s.ToString("0.##", CultureInfo.InvariantCulture)).ToArray();
    }
}
