using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Seeding;

/// <summary>
/// First start: the administrator from Nodal:Admin (or a generated password, printed once) and, on a
/// database with no organization, a demo: a fictional metropolitan government and a small municipality,
/// each with its international policy (<see cref="DemoPlan"/>).
/// </summary>
public sealed class Seeder(NodalDbContext db, TenantContext tenant, UserManager<NodalUser> users, NodalOptions options, ILogger<Seeder> log)
{
    public const string DemoSlug = "solmar";
    public const string SecondDemoSlug = "costa-alta";

    public async Task SeedAsync(CancellationToken ct)
    {
        var admin = await EnsureAdminAsync(ct);
        if (!options.Demo.Seed || await db.Organizations.IgnoreQueryFilters().AnyAsync(ct)) return;

        var demoPassword = options.Demo.Password;
        var printPassword = string.IsNullOrEmpty(demoPassword);
        demoPassword ??= GeneratePassword();

        var solmar = await SeedSolmarAsync(admin, demoPassword, ct);
        await SeedCostaAltaAsync(admin, ct);
        log.LogInformation("Demo organizations created: /{Solmar} and /{CostaAlta}", solmar.Slug, SecondDemoSlug);
        if (printPassword)
            Console.WriteLine($"Demo users (…@solmar.example) share the password: {demoPassword}  (shown once; set Nodal:Demo:Password to choose it)");
    }

    private async Task<NodalUser> EnsureAdminAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Admin.Email))
        {
            // No administrator configured: the first start makes one; later starts (and CLI commands) must not
            // add a second site administrator with a password printed in the logs.
            var first = await users.Users.Where(u => u.IsSiteAdmin).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(ct);
            if (first is not null) return first;
        }
        var email = string.IsNullOrWhiteSpace(options.Admin.Email) ? "admin@nodal.local" : options.Admin.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!string.IsNullOrEmpty(options.Admin.Password) && !await users.CheckPasswordAsync(existing, options.Admin.Password))
            {
                // The configured password wins: an operator who lost access sets it and restarts.
                var token = await users.GeneratePasswordResetTokenAsync(existing);
                Check(await users.ResetPasswordAsync(existing, token, options.Admin.Password));
                log.LogWarning("The administrator's password was reset from configuration.");
            }
            return existing;
        }
        var password = options.Admin.Password;
        var generated = string.IsNullOrEmpty(password);
        password ??= GeneratePassword();
        var admin = new NodalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", IsSiteAdmin = true, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(admin, password));
        if (generated)
            Console.WriteLine($"First administrator: {email}  password: {password}  (shown once; set Nodal:Admin:Email and Nodal:Admin:Password to choose them)");
        return admin;
    }

    private async Task<Organization> SeedSolmarAsync(NodalUser admin, string password, CancellationToken ct)
    {
        var org = new Organization
        {
            Slug = DemoSlug,
            Name = new LocalizedText("Área Metropolitana de Solmar", "Solmar Metropolitan Area", "Aire métropolitaine de Solmar"),
            Kind = OrganizationKind.MetropolitanBody,
            Country = "ES",
            Population = 3_240_000,
            WorkingLanguages = "es,en,fr",
            DefaultLanguage = "es",
            Currency = "EUR",
            Website = "https://solmar.example",
        };
        tenant.EnterAsSystem(org.Id);
        db.Organizations.Add(org);

        (string Code, string Es, string En, string Fr)[] departments =
        [
            ("ORI", "Oficina de Relaciones Internacionales", "International Relations Office", "Bureau des relations internationales"),
            ("MOB", "Movilidad y Transporte", "Mobility and Transport", "Mobilité et transports"),
            ("AMB", "Medio Ambiente y Acción Climática", "Environment and Climate Action", "Environnement et action climatique"),
            ("ECO", "Desarrollo Económico y Empleo", "Economic Development and Employment", "Développement économique et emploi"),
            ("CUL", "Cultura", "Culture", "Culture"),
            ("TUR", "Turismo", "Tourism", "Tourisme"),
            ("VIV", "Vivienda y Urbanismo", "Housing and Urban Planning", "Logement et urbanisme"),
            ("SOC", "Derechos Sociales e Inclusión", "Social Rights and Inclusion", "Droits sociaux et inclusion"),
            ("EDU", "Educación y Universidades", "Education and Universities", "Éducation et universités"),
            ("SAL", "Salud Pública", "Public Health", "Santé publique"),
            ("SEG", "Seguridad y Protección Civil", "Safety and Civil Protection", "Sécurité et protection civile"),
            ("INN", "Innovación y Ciudad Digital", "Innovation and Digital City", "Innovation et ville numérique"),
            ("COM", "Comunicación", "Communication", "Communication"),
        ];
        var depts = departments.Select(d => new Department
        {
            OrganizationId = org.Id, Code = d.Code, Name = new LocalizedText(d.Es, d.En, d.Fr),
            Email = $"{d.Code.ToLowerInvariant()}@solmar.example",
        }).ToList();
        db.Departments.AddRange(depts);

        db.OfficeUnits.AddRange(
            Unit(org, 1, 14, "Redes y relaciones multilaterales", "Networks and Multilateral Relations", "Réseaux et relations multilatérales",
                "Membresías en redes de ciudades, alianzas e incidencia global.", "City network memberships, alliances and global advocacy.", "Adhésions aux réseaux de villes, alliances et plaidoyer mondial."),
            Unit(org, 2, 11, "Cooperación descentralizada", "Decentralized Cooperation", "Coopération décentralisée",
                "Proyectos de cooperación directa, Sur-Sur y triangular.", "Direct, South-South and triangular cooperation projects.", "Projets de coopération directe, Sud-Sud et triangulaire."),
            Unit(org, 3, 9, "Promoción internacional y protocolo", "International Promotion and Protocol", "Promotion internationale et protocole",
                "Atracción de inversión, talento y eventos; visitas oficiales.", "Attracting investment, talent and events; official visits.", "Attraction d'investissements, de talents et d'événements ; visites officielles."));
        (int Year, int Staff, decimal Budget)[] years = [(2022, 28, 6_400_000m), (2023, 31, 7_100_000m), (2024, 33, 7_800_000m), (2025, 34, 8_250_000m), (2026, 36, 8_900_000m)];
        db.OfficeYears.AddRange(years.Select(y => new OfficeYear { OrganizationId = org.Id, Year = y.Year, Staff = y.Staff, Budget = y.Budget, Currency = "EUR" }));
        db.Memberships.Add(new Membership { OrganizationId = org.Id, UserId = admin.Id, Role = OrgRole.Administrator, Person = admin.Email });
        await db.SaveChangesAsync(ct);

        (string Email, string Name, OrgRole Role, string? Dept)[] people =
        [
            ("lucia.admin@solmar.example", "Lucía Ferrer", OrgRole.Administrator, null),
            ("ana.coordinadora@solmar.example", "Ana Beltrán", OrgRole.Coordinator, "ORI"),
            ("tomas.coordinador@solmar.example", "Tomás Ibáñez", OrgRole.Coordinator, "ORI"),
            ("marta.movilidad@solmar.example", "Marta Solé", OrgRole.FocalPoint, "MOB"),
            ("jordi.ambiente@solmar.example", "Jordi Puig", OrgRole.FocalPoint, "AMB"),
            ("ines.cultura@solmar.example", "Inés Vidal", OrgRole.FocalPoint, "CUL"),
            ("camara.comercio@solmar.example", "Cámara de Comercio de Solmar", OrgRole.Contributor, null),
            ("universidad@solmar.example", "Universidad de Solmar", OrgRole.Contributor, null),
            ("concejal@solmar.example", "Pablo Roig", OrgRole.Viewer, null),
            ("prensa@solmar.example", "Gabinete de prensa", OrgRole.Viewer, null),
        ];
        foreach (var p in people)
        {
            var user = new NodalUser { UserName = p.Email, Email = p.Email, EmailConfirmed = true, DisplayName = p.Name, PreferredLanguage = "es", CreatedAt = DateTime.UtcNow };
            Check(await users.CreateAsync(user, password));
            db.Memberships.Add(new Membership
            {
                OrganizationId = org.Id, UserId = user.Id, Role = p.Role, Person = p.Email,
                DepartmentId = p.Dept is null ? null : depts.Single(d => d.Code == p.Dept).Id,
            });
        }
        await db.SaveChangesAsync(ct);
        await DemoPlan.SeedSolmarAsync(db, org, depts, ct);
        await DemoRelations.SeedSolmarAsync(db, org, depts, ct);
        await DemoMonitoring.SeedSolmarAsync(db, org.Id, depts, ct);
        // The adopted plan's first version, frozen as the adoption operation does.
        var current = await db.Plans.SingleAsync(p => p.OrganizationId == org.Id && p.IsCurrent, ct);
        db.PlanVersions.Add(new PlanVersion
        {
            OrganizationId = org.Id, PlanId = current.Id, Number = 1, AdoptedOn = current.AdoptedOn!.Value, AdoptedBy = current.AdoptedBy,
            AdoptionAct = current.AdoptionAct, FrozenBy = "system", Snapshot = (await Nodal.Web.Features.Plans.PlanSnapshot.TakeAsync(db, current, ct)).ToJson(),
        });
        await db.SaveChangesAsync(ct);
        return org;
    }

    private async Task SeedCostaAltaAsync(NodalUser admin, CancellationToken ct)
    {
        var org = new Organization
        {
            Slug = SecondDemoSlug,
            Name = new LocalizedText("Municipio de Costa Alta", "Municipality of Costa Alta", "Municipalité de Costa Alta"),
            Kind = OrganizationKind.Municipality, Country = "ES", Population = 182_000,
            WorkingLanguages = "es,en", DefaultLanguage = "es", Currency = "EUR",
        };
        tenant.EnterAsSystem(org.Id);
        db.Organizations.Add(org);
        List<Department> depts =
        [
            new Department { OrganizationId = org.Id, Code = "ALC", Name = new LocalizedText("Alcaldía", "Mayor's Office", "Cabinet du maire") },
            new Department { OrganizationId = org.Id, Code = "PUE", Name = new LocalizedText("Puerto y Logística", "Port and Logistics", "Port et logistique") },
            new Department { OrganizationId = org.Id, Code = "TUR", Name = new LocalizedText("Turismo", "Tourism", "Tourisme") },
        ];
        db.Departments.AddRange(depts);
        db.OfficeYears.Add(new OfficeYear { OrganizationId = org.Id, Year = 2026, Staff = 3, Budget = 240_000m, Currency = "EUR" });
        db.Memberships.Add(new Membership { OrganizationId = org.Id, UserId = admin.Id, Role = OrgRole.Administrator, Person = admin.Email });
        await db.SaveChangesAsync(ct);
        await DemoPlan.SeedCostaAltaAsync(db, org, depts, ct);
        tenant.EnterAsSystem();
    }

    private static OfficeUnit Unit(Organization org, int order, int staff, string es, string en, string fr, string mes, string men, string mfr) =>
        new() { OrganizationId = org.Id, SortOrder = order, Staff = staff, Name = new LocalizedText(es, en, fr), Mission = new LocalizedText(mes, men, mfr) };

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        // Guarantee the classes the password rules ask for.
        chars[0] = 'N'; chars[1] = 'd'; chars[2] = '7';
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
