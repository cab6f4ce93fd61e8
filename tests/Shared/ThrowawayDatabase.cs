using Npgsql;

namespace Nodal.Testing;

/// <summary>
/// A fresh database for one test host: a new PostgreSQL database on the server of NODAL_TEST_POSTGRES,
/// or a new SQLite directory. Gives the settings that point Nodal at it; dropped on dispose.
/// Shared (as a linked file) by the integration and browser test projects.
/// </summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _pgDatabase;
    private readonly string? _dataDir;

    public IReadOnlyDictionary<string, string?> Settings { get; }

    private ThrowawayDatabase(string? server, string? pgDatabase, string? dataDir, Dictionary<string, string?> settings)
    {
        (_server, _pgDatabase, _dataDir, Settings) = (server, pgDatabase, dataDir, settings);
    }

    public static async Task<ThrowawayDatabase> CreatePostgresAsync(string server, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new ThrowawayDatabase(server, name, null, new()
        {
            ["Nodal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Nodal"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
        });
    }

    public static ThrowawayDatabase CreateSqlite(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        return new ThrowawayDatabase(null, null, dir, new() { ["Nodal:DataDirectory"] = dir });
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
