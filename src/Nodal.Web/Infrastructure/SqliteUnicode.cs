using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nodal.Web.Infrastructure;

/// <summary>
/// SQLite's own lower() and upper() change only the 26 ASCII letters, so a search for "álvaro" would miss
/// "Álvaro" on SQLite while PostgreSQL finds it. Every connection gets Unicode versions (the invariant culture's,
/// as .NET's ToLowerInvariant), so lists search the same on both databases. No index uses these functions.
/// </summary>
public sealed class SqliteUnicode : DbConnectionInterceptor
{
    public static readonly SqliteUnicode Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction("lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true);
        sqlite.CreateFunction("upper", (string? s) => s?.ToUpperInvariant(), isDeterministic: true);
    }
}
