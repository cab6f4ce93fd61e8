using Microsoft.Data.Sqlite;

namespace Nodal.Web.Infrastructure;

public static class Database
{
    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Nodal:Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(config["Nodal:Database:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddNodalDatabase(this IServiceCollection services, IConfiguration config, NodalOptions options)
    {
        var postgres = IsPostgres(config);
        string connectionString;
        if (postgres)
        {
            connectionString = config.GetConnectionString("Nodal")
                ?? throw new InvalidOperationException("Nodal:Database:Provider is Postgres but ConnectionStrings:Nodal is not set.");
        }
        else
        {
            var configured = config.GetConnectionString("Nodal");
            if (string.IsNullOrWhiteSpace(configured))
            {
                var dir = Path.GetFullPath(options.DataDirectory);
                Directory.CreateDirectory(dir);
                configured = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "nodal.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
            }
            connectionString = configured;
        }

        services.AddDbContext<NodalDbContext>(o =>
        {
            if (postgres)
                o.UseNpgsql(connectionString, x => x.MigrationsAssembly("Nodal.Data.Postgres"));
            else
                o.UseSqlite(connectionString, x => x.MigrationsAssembly("Nodal.Data.Sqlite")).AddInterceptors(SqliteUnicode.Instance);
        });
        return services;
    }

    public static async Task MigrateAsync(NodalDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a request writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Whether the database lower-cases accented capitals, as searches need (SQLite: always, see <see cref="SqliteUnicode"/>;
    /// PostgreSQL: when the database's LC_CTYPE is a UTF-8 one).</summary>
    public static async Task<bool> LowersAccentedLettersAsync(NodalDbContext db, CancellationToken ct = default) =>
        !db.Database.IsNpgsql() || await db.Database.SqlQueryRaw<bool>("SELECT lower('ÁÉÑ') = 'áéñ' AS \"Value\"").SingleAsync(ct);
}
