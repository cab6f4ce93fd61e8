
namespace Nodal.Web.Cli;

/// <summary>
/// `dotnet run --project src/Nodal.Web -- tokens create --email E --name N [--org SLUG] [--days D]`
/// `… tokens list --email E` and `… tokens revoke --email E --prefix P`.
/// </summary>
public static class Commands
{
    public static bool IsCommandLine(string[] args) => args.Length > 0 && args[0] == "tokens";

    /// <summary>Configuration arguments (--Nodal:…=…, --ConnectionStrings:…) still reach the host. A command's logs go
    /// to stderr, so that stdout carries only its result (the token) and scripts can capture it.</summary>
    public static string[] HostArgs(string[] args) => IsCommandLine(args)
        ? args.Where(a => a.StartsWith("--Nodal:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            .Append("--Logging:Console:LogToStandardErrorThreshold=Trace").ToArray()
        : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // A first run prepares the database and may print notices (the generated administrator's password, the demo
        // users' password): they are for the operator, on stderr, never mixed with the token on stdout.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            await NodalApp.PrepareDatabaseAsync(app);
        }
        finally
        {
            Console.SetOut(stdout);
        }
        var opts = Options(args.Skip(2));
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NodalDbContext>();
        var tenant = sp.GetRequiredService<TenantContext>();
        var verb = args.Length > 1 ? args[1] : "";
        if (!opts.TryGetValue("email", out var email))
            return Fail("Missing --email.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        if (user is null) return Fail($"No user with the email {email}.");

        var memberships = await (from m in db.Memberships.IgnoreQueryFilters()
                                 join o in db.Organizations on m.OrganizationId equals o.Id
                                 where m.UserId == user.Id && m.DeletedAt == null && o.DeletedAt == null
                                 orderby o.CreatedAt
                                 select new { o.Id, o.Slug, m.Role }).ToListAsync();
        switch (verb)
        {
            case "create":
            {
                if (!opts.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name.Length > 100)
                    return Fail("Give the token a --name of 1 to 100 characters.");
                var org = opts.TryGetValue("org", out var slug) ? memberships.FirstOrDefault(m => m.Slug == slug) : memberships.FirstOrDefault();
                if (org is null) return Fail(opts.ContainsKey("org") ? $"{email} is not a member of {slug}." : $"{email} belongs to no organization.");
                DateTime? expires = opts.TryGetValue("days", out var d) && int.TryParse(d, out var days) && days > 0 ? DateTime.UtcNow.AddDays(days) : null;
                tenant.SetUser(user.Id, user.UserName ?? email);
                tenant.EnterAsSystem(org.Id);
                var (_, secret) = await sp.GetRequiredService<ApiTokenService>().CreateAsync(org.Id, user.Id, name, expires, CancellationToken.None);
                Console.Error.WriteLine($"Token \"{name}\" for {email} in /{org.Slug} ({org.Role}). Copy it now: it is not shown again.");
                Console.WriteLine(secret);
                return 0;
            }
            case "list":
            {
                var tokens = await db.ApiTokens.IgnoreQueryFilters().Where(t => t.UserId == user.Id && t.DeletedAt == null).OrderBy(t => t.CreatedAt).ToListAsync();
                foreach (var t in tokens)
                    Console.WriteLine($"{t.Prefix}…\t{t.Name}\t{memberships.FirstOrDefault(m => m.Id == t.OrganizationId)?.Slug}\t{(t.RevokedAt is null ? "active" : "revoked")}\t{t.LastUsedAt:u}");
                return 0;
            }
            case "revoke":
            {
                if (!opts.TryGetValue("prefix", out var prefix)) return Fail("Missing --prefix (see tokens list).");
                var token = await db.ApiTokens.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.UserId == user.Id && t.Prefix == prefix && t.RevokedAt == null);
                if (token is null) return Fail("No active token with that prefix.");
                tenant.SetUser(user.Id, user.UserName ?? email);
                tenant.EnterAsSystem(token.OrganizationId);
                token.RevokedAt = DateTime.UtcNow;
                await db.SaveChangesAsync();
                Console.WriteLine($"Revoked {token.Prefix}… ({token.Name}).");
                return 0;
            }
            default:
                return Fail("Usage: tokens create --email E --name N [--org SLUG] [--days D] | tokens list --email E | tokens revoke --email E --prefix P");
        }
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal) && !a.Contains(':'))
            {
                var eq = a.IndexOf('=');
                if (eq > 0) { result[a[2..eq]] = a[(eq + 1)..]; key = null; }
                else key = a[2..];
            }
            else if (key is not null) { result[key] = a; key = null; }
        }
        return result;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
