using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Data;

namespace Nodal.Bench.Data;

/// <summary>One step of the data generation (departments, office, people…), run once per organization.</summary>
public interface IDatasetPart
{
    string Name { get; }
    Task GenerateAsync(GenerationContext ctx, CancellationToken ct);
}

public sealed record Member(Guid UserId, string Email, OrgRole Role, Guid? DepartmentId);

/// <summary>What was generated for one organization; parts add what later parts (and the benchmark) need.</summary>
public sealed class OrganizationData(int index, Guid id, string slug)
{
    public int Index { get; } = index;
    public Guid Id { get; } = id;
    public string Slug { get; } = slug;
    public bool IsMeasured => Index == 0;
    public List<Guid> DepartmentIds { get; } = [];
    public List<Member> Members { get; } = [];
    /// <summary>Ids and values that parts added by later features keep for one another.</summary>
    public Dictionary<string, object> Items { get; } = [];

    public Member Administrator => Members.First(m => m.Role == OrgRole.Administrator);
}

/// <summary>Everything a part needs to write one organization's records through the app's own DbContext.</summary>
public sealed class GenerationContext(IServiceProvider services, LargeCityProfile profile, OrganizationData organization, string passwordHash)
{
    public LargeCityProfile Profile { get; } = profile;
    public OrganizationData Organization { get; } = organization;
    public Random Random { get; } = new(profile.RandomSeed + organization.Index);
    /// <summary>The hash of <see cref="LargeCityProfile.Password"/>, shared by every generated user.</summary>
    public string PasswordHash { get; } = passwordHash;

    /// <summary>
    /// Runs work in a fresh scope (fresh change tracker) inside the organization, as the system,
    /// so the tenant guard and the audit trail run as they do for the app.
    /// </summary>
    public async Task InOrganizationAsync(Func<NodalDbContext, TenantContext, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterAsSystem(Organization.Id);
        await work(scope.ServiceProvider.GetRequiredService<NodalDbContext>(), tenant);
    }

    /// <summary>Adds records in batches of <see cref="LargeCityProfile.BatchSize"/>, one fresh context per batch.</summary>
    public async Task AddInBatchesAsync<T>(IEnumerable<T> records, CancellationToken ct) where T : class
    {
        foreach (var batch in records.Chunk(Profile.BatchSize))
        {
            await InOrganizationAsync(async (db, _) =>
            {
                db.Set<T>().AddRange(batch);
                await db.SaveChangesAsync(ct);
            });
        }
    }
}

public sealed record GeneratedDataset(OrganizationData Measured, IReadOnlyList<OrganizationData> Organizations, TimeSpan Elapsed, IReadOnlyList<(string Part, TimeSpan Time)> PartTimes)
{
    /// <summary>Where the generation time went, part by part, summed over all organizations (over the wall time when they run in parallel).</summary>
    public string Timings => string.Join(", ", PartTimes.Select(p => $"{p.Part} {p.Time.TotalSeconds:F1} s"));
}

/// <summary>Fills an empty (migrated) Nodal database with the organizations of a profile.</summary>
public sealed class DataGenerator(IServiceProvider services, LargeCityProfile profile)
{
    /// <summary>
    /// Organizations generated at the same time. Each has its own scopes, contexts and pseudo-random stream,
    /// so the data does not depend on it. More than 1 only on PostgreSQL: SQLite has one writer at a time.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    public async Task<GeneratedDataset> GenerateAsync(Action<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var passwordHash = new PasswordHasher<NodalUser>().HashPassword(new NodalUser(), profile.Password);
        var parts = profile.Parts;
        var organizations = new OrganizationData[profile.TotalOrganizations];
        var partTicks = new long[parts.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, profile.TotalOrganizations),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = ct },
            async (i, token) =>
            {
                var slug = i == 0 ? LargeCityProfile.MeasuredSlug : $"city-{i:00}";
                var org = await CreateOrganizationAsync(i, slug, token);
                var ctx = new GenerationContext(services, profile, org, passwordHash);
                for (var p = 0; p < parts.Count; p++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await parts[p].GenerateAsync(ctx, token);
                    Interlocked.Add(ref partTicks[p], Stopwatch.GetTimestamp() - started);
                }
                organizations[i] = org;
                progress?.Invoke($"organization {Interlocked.Increment(ref done)}/{profile.TotalOrganizations} ({slug}) done after {clock.Elapsed.TotalSeconds:F1} s");
            });
        var partTimes = parts.Select((p, i) => (p.Name, TimeSpan.FromSeconds((double)partTicks[i] / Stopwatch.Frequency))).ToList();
        return new GeneratedDataset(organizations[0], organizations, clock.Elapsed, partTimes);
    }

    private async Task<OrganizationData> CreateOrganizationAsync(int index, string slug, CancellationToken ct)
    {
        var org = new Organization
        {
            Slug = slug,
            Name = index == 0
                ? new LocalizedText("Gobierno Metropolitano de Metrópolis", "Metropolis Metropolitan Government", "Gouvernement métropolitain de Metropolis")
                : new LocalizedText($"Ciudad {index:00}", $"City {index:00}", $"Ville {index:00}"),
            Kind = index == 0 ? OrganizationKind.MetropolitanBody : OrganizationKind.Municipality,
            Country = "ES",
            Population = 3_000_000 - index * 10_000,
            WorkingLanguages = "es,en,fr",
            DefaultLanguage = "es",
            Currency = "EUR",
            Website = $"https://{slug}.bench.example",
        };
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsSystem(org.Id);
        var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        return new OrganizationData(index, org.Id, slug);
    }
}

public sealed class DepartmentsPart : IDatasetPart
{
    public string Name => "departments";

    private static readonly (string Code, string Es, string En, string Fr)[] Themes =
    [
        ("ORI", "Relaciones Internacionales", "International Relations", "Relations internationales"),
        ("MOB", "Movilidad y Transporte", "Mobility and Transport", "Mobilité et transports"),
        ("AMB", "Medio Ambiente y Acción Climática", "Environment and Climate Action", "Environnement et action climatique"),
        ("ECO", "Desarrollo Económico y Empleo", "Economic Development and Employment", "Développement économique et emploi"),
        ("CUL", "Cultura", "Culture", "Culture"),
        ("TUR", "Turismo", "Tourism", "Tourisme"),
        ("VIV", "Vivienda", "Housing", "Logement"),
        ("URB", "Urbanismo", "Urban Planning", "Urbanisme"),
        ("SOC", "Derechos Sociales e Inclusión", "Social Rights and Inclusion", "Droits sociaux et inclusion"),
        ("EDU", "Educación", "Education", "Éducation"),
        ("SAL", "Salud Pública", "Public Health", "Santé publique"),
        ("SEG", "Seguridad Ciudadana", "Public Safety", "Sécurité publique"),
        ("PCI", "Protección Civil y Emergencias", "Civil Protection and Emergencies", "Protection civile et urgences"),
        ("INN", "Innovación y Ciudad Digital", "Innovation and Digital City", "Innovation et ville numérique"),
        ("COM", "Comunicación", "Communication", "Communication"),
        ("HAC", "Hacienda y Presupuestos", "Finance and Budget", "Finances et budget"),
        ("RRH", "Recursos Humanos", "Human Resources", "Ressources humaines"),
        ("JUR", "Asesoría Jurídica", "Legal Services", "Services juridiques"),
        ("DEP", "Deportes", "Sports", "Sports"),
        ("JUV", "Juventud", "Youth", "Jeunesse"),
        ("IGU", "Igualdad y Feminismos", "Gender Equality", "Égalité femmes-hommes"),
        ("MAY", "Personas Mayores", "Older People", "Personnes âgées"),
        ("MIG", "Migraciones y Acogida", "Migration and Reception", "Migrations et accueil"),
        ("AGU", "Agua y Saneamiento", "Water and Sanitation", "Eau et assainissement"),
        ("RES", "Residuos y Limpieza", "Waste and Cleaning", "Déchets et propreté"),
        ("PAR", "Parques y Jardines", "Parks and Gardens", "Parcs et jardins"),
        ("ENE", "Energía", "Energy", "Énergie"),
        ("COMR", "Comercio y Mercados", "Trade and Markets", "Commerce et marchés"),
        ("PAT", "Patrimonio Histórico", "Heritage", "Patrimoine"),
        ("PAR2", "Participación Ciudadana", "Citizen Participation", "Participation citoyenne"),
        ("TRA", "Transparencia y Buen Gobierno", "Transparency and Good Governance", "Transparence et bonne gouvernance"),
        ("ALI", "Alimentación Sostenible", "Sustainable Food", "Alimentation durable"),
        ("CIE", "Ciencia y Universidades", "Science and Universities", "Science et universités"),
        ("ODS", "Agenda 2030", "2030 Agenda", "Agenda 2030"),
        ("BAR", "Distritos y Barrios", "Districts and Neighbourhoods", "Arrondissements et quartiers"),
    ];

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var org = ctx.Organization;
        var departments = Enumerable.Range(0, ctx.Profile.Departments).Select(i =>
        {
            var theme = Themes[i % Themes.Length];
            var round = i / Themes.Length;
            var suffix = round == 0 ? "" : $" {round + 1}";
            var code = round == 0 ? theme.Code : $"{theme.Code}{round + 1}";
            return new Department
            {
                OrganizationId = org.Id,
                Code = code,
                Name = new LocalizedText(theme.Es + suffix, theme.En + suffix, theme.Fr + suffix),
                Email = $"{code.ToLowerInvariant()}@{org.Slug}.bench.example",
            };
        }).ToList();
        await ctx.AddInBatchesAsync(departments, ct);
        org.DepartmentIds.AddRange(departments.Select(d => d.Id));
    }
}

public sealed class OfficePart : IDatasetPart
{
    public string Name => "office units and years";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var org = ctx.Organization;
        var units = Enumerable.Range(1, ctx.Profile.OfficeUnits).Select(i => new OfficeUnit
        {
            OrganizationId = org.Id,
            SortOrder = i,
            Staff = ctx.Random.Next(2, 15),
            Name = new LocalizedText($"Unidad {i}", $"Unit {i}", $"Unité {i}"),
            Mission = new LocalizedText(
                "Redes de ciudades, cooperación descentralizada y promoción internacional.",
                "City networks, decentralized cooperation and international promotion.",
                "Réseaux de villes, coopération décentralisée et promotion internationale."),
        }).ToList();
        var lastYear = DateTime.UtcNow.Year;
        var years = Enumerable.Range(0, ctx.Profile.OfficeYears).Select(i => new OfficeYear
        {
            OrganizationId = org.Id,
            Year = lastYear - i,
            Staff = ctx.Random.Next(10, 60),
            Budget = ctx.Random.Next(1_000, 12_000) * 1_000m,
            Currency = "EUR",
            Notes = i % 3 == 0 ? "Includes the city network membership fees." : null,
        }).ToList();
        await ctx.AddInBatchesAsync(units, ct);
        await ctx.AddInBatchesAsync(years, ct);
    }
}

/// <summary>Users (global accounts) and their memberships: a few administrators and coordinators, focal points for every department, contributors, and viewers.</summary>
public sealed class PeoplePart : IDatasetPart
{
    public string Name => "users and memberships";

    private static readonly string[] Given = ["Lucía", "Ana", "Tomás", "Marta", "Jordi", "Inés", "Pablo", "Nuria", "Omar", "Claire", "Hugo", "Amina", "Sofía", "Mateo", "Léa", "Bruno"];
    private static readonly string[] Family = ["Ferrer", "Beltrán", "Ibáñez", "Solé", "Puig", "Vidal", "Roig", "Martin", "Diallo", "Moreau", "García", "Navarro", "Costa", "Bernard"];

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var org = ctx.Organization;
        var p = ctx.Profile;
        var now = DateTime.UtcNow;
        var users = new List<NodalUser>();
        var memberships = new List<Membership>();
        var focalSlots = org.DepartmentIds.SelectMany(d => Enumerable.Repeat(d, p.FocalPointsPerDepartment)).ToList();
        for (var i = 0; i < p.Users; i++)
        {
            var (role, department) = RoleOf(i, p, focalSlots);
            var email = i == 0 ? $"admin@{org.Slug}.bench.example" : $"user{i:0000}@{org.Slug}.bench.example";
            var user = new NodalUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = ctx.PasswordHash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = $"{Given[ctx.Random.Next(Given.Length)]} {Family[ctx.Random.Next(Family.Length)]} {i}",
                PreferredLanguage = i % 3 == 0 ? "es" : null,
                CreatedAt = now,
            };
            users.Add(user);
            memberships.Add(new Membership { OrganizationId = org.Id, UserId = user.Id, Role = role, DepartmentId = department });
            org.Members.Add(new Member(user.Id, email, role, department));
        }
        // Users first (memberships point at them), each batch in its own context.
        await ctx.AddInBatchesAsync(users, ct);
        await ctx.AddInBatchesAsync(memberships, ct);
    }

    private static (OrgRole, Guid?) RoleOf(int i, LargeCityProfile p, List<Guid> focalSlots)
    {
        if (i < p.Administrators) return (OrgRole.Administrator, null);
        i -= p.Administrators;
        if (i < p.Coordinators) return (OrgRole.Coordinator, null);
        i -= p.Coordinators;
        if (i < focalSlots.Count) return (OrgRole.FocalPoint, focalSlots[i]);
        i -= focalSlots.Count;
        if (i < p.Contributors) return (OrgRole.Contributor, null);
        return (OrgRole.Viewer, null);
    }
}

/// <summary>Coordinators and focal points change every department a few times, through the app's audit trail.</summary>
public sealed class DepartmentHistoryPart : IDatasetPart
{
    public string Name => "department history";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var editors = ctx.Organization.Members.Where(m => m.Role is OrgRole.Coordinator or OrgRole.Administrator).ToList();
        for (var round = 1; round <= ctx.Profile.EditsPerDepartment; round++)
        {
            var editor = editors[round % editors.Count];
            await ctx.InOrganizationAsync(async (db, tenant) =>
            {
                tenant.SetUser(editor.UserId, editor.Email);
                var departments = await db.Departments.ToListAsync(ct);
                foreach (var d in departments)
                {
                    switch (round % 4)
                    {
                        case 0: d.Email = $"{d.Code.ToLowerInvariant()}.r{round}@{ctx.Organization.Slug}.bench.example"; break;
                        case 1: d.Name = new LocalizedText(d.Name.Es, $"{Base(d.Name.En)} (rev. {round})", d.Name.Fr); break;
                        case 2: d.Name = new LocalizedText($"{Base(d.Name.Es)} (rev. {round})", d.Name.En, d.Name.Fr); break;
                        default: d.Name = new LocalizedText(d.Name.Es, d.Name.En, $"{Base(d.Name.Fr)} (rév. {round})"); break;
                    }
                }
                await db.SaveChangesAsync(ct);
            });
        }
    }

    private static string Base(string? name) => (name ?? "").Split(" (r", 2)[0];
}
