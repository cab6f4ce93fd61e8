using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Nodal.Bench.Sql;

/// <summary>A SQL command the app sent, with its parameters, that can be sent again on another connection.</summary>
public sealed class CapturedCommand(string text, IReadOnlyList<DbParameter> parameters)
{
    public string Text { get; } = text;
    public IReadOnlyList<DbParameter> Parameters { get; } = parameters;

    public bool Mentions(string table) => Text.Contains($"\"{table}\"", StringComparison.Ordinal);

    public DbCommand CreateOn(DbConnection connection, string? prefix = null)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = prefix + Text;
        foreach (var p in Parameters) cmd.Parameters.Add(Copy(p));
        return cmd;
    }

    internal static DbParameter Copy(DbParameter p) => p switch
    {
        NpgsqlParameter np => np.Clone(),
        SqliteParameter sp => CopySqlite(sp),
        _ => throw new NotSupportedException($"Cannot copy a {p.GetType().Name}."),
    };

    private static SqliteParameter CopySqlite(SqliteParameter p)
    {
        var copy = new SqliteParameter(p.ParameterName, p.SqliteType) { Value = p.Value, Direction = p.Direction };
        // An explicit Size of 0 truncates text to nothing: copy only a real limit.
        if (p.Size > 0) copy.Size = p.Size;
        return copy;
    }

    public override string ToString() =>
        Text + (Parameters.Count == 0 ? "" : "\n  -- " + string.Join(", ", Parameters.Select(p => $"{p.ParameterName}={p.Value}")));
}

/// <summary>
/// Records the SQL commands EF Core sends while an action runs, through EF's DiagnosticListener.
/// Nothing listens outside <see cref="CaptureAsync"/>, so the app runs unobserved while it is measured.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IDisposable
{
    private static readonly string ExecutingEvent = RelationalEventId.CommandExecuting.Name!;
    private readonly IDisposable _allListeners;
    private readonly List<DiagnosticListener> _efListeners = [];
    private readonly Lock _lock = new();
    private List<CapturedCommand>? _current;

    public SqlCapture() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Runs the action (nothing else may touch the app meanwhile) and returns the commands it caused.</summary>
    public async Task<IReadOnlyList<CapturedCommand>> CaptureAsync(Func<Task> action)
    {
        List<DiagnosticListener> listeners;
        lock (_lock)
        {
            listeners = [.. _efListeners];
            _current = [];
        }
        var subscriptions = listeners.Select(l => l.Subscribe(new Observer(this), name => name == ExecutingEvent)).ToList();
        try
        {
            await action();
        }
        finally
        {
            foreach (var s in subscriptions) s.Dispose();
        }
        lock (_lock)
        {
            var result = _current!;
            _current = null;
            return result;
        }
    }

    private static readonly string CompilingEvent = CoreEventId.QueryCompilationStarting.Name!;
    private int _compilations;

    /// <summary>
    /// Counts the LINQ queries EF Core compiles (misses of its query cache) while the action runs. After a
    /// warm-up it should be zero: a query that is compiled again on every request costs milliseconds.
    /// Only that rare event is listened to, so the app's speed is unchanged.
    /// </summary>
    public async Task<(T Result, int Compilations)> CountCompilationsAsync<T>(Func<Task<T>> action)
    {
        List<DiagnosticListener> listeners;
        lock (_lock) listeners = [.. _efListeners];
        Interlocked.Exchange(ref _compilations, 0);
        var subscriptions = listeners.Select(l => l.Subscribe(new CompilationObserver(this), name => name == CompilingEvent)).ToList();
        try
        {
            var result = await action();
            return (result, Volatile.Read(ref _compilations));
        }
        finally
        {
            foreach (var s in subscriptions) s.Dispose();
        }
    }

    private sealed class CompilationObserver(SqlCapture owner) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == CompilingEvent) Interlocked.Increment(ref owner._compilations);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private void Record(CommandEventData data)
    {
        var copy = new CapturedCommand(data.Command.CommandText, data.Command.Parameters.Cast<DbParameter>().Select(CapturedCommand.Copy).ToList());
        lock (_lock) _current?.Add(copy);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_lock) _efListeners.Add(listener);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    public void Dispose() => _allListeners.Dispose();

    private sealed class Observer(SqlCapture owner) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == ExecutingEvent && e.Value is CommandEventData data) owner.Record(data);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}

/// <summary>Opens plain ADO.NET connections to the app's database: no EF Core, no pooling detour through the app.</summary>
public sealed class RawDatabase(bool postgres, string connectionString)
{
    public bool IsPostgres { get; } = postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection conn = IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    /// <summary>Runs the commands and reads every value of every row, as a materializer would; returns the rows read.</summary>
    public static async Task<int> RunAsync(DbConnection conn, IReadOnlyList<CapturedCommand> commands, CancellationToken ct)
    {
        var rows = 0;
        foreach (var c in commands)
        {
            await using var cmd = c.CreateOn(conn);
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.Default, ct);
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++) _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
            } while (await reader.NextResultAsync(ct));
        }
        return rows;
    }

    /// <summary>Runs the commands once on a fresh connection; returns the rows read.</summary>
    public async Task<int> RunOnceAsync(IReadOnlyList<CapturedCommand> commands, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        return await RunAsync(conn, commands, ct);
    }

    /// <summary>The plan the database picks for a command (EXPLAIN / EXPLAIN QUERY PLAN), one line per step.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(CapturedCommand command, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var cmd = command.CreateOn(conn, IsPostgres ? "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
            lines.Add(IsPostgres ? reader.GetString(0) : $"{(reader.GetInt32(1) == 0 ? "" : "  ")}{reader.GetString(3)}");
        return lines;
    }

    /// <summary>The PostgreSQL postmaster's process id when the server runs on this machine (to count its CPU), else null.</summary>
    public async Task<int?> LocalServerPidAsync(CancellationToken ct)
    {
        if (!IsPostgres) return null;
        await using var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT pg_backend_pid()";
        var backend = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (File.ReadAllText($"/proc/{backend}/comm").Trim() != "postgres") return null;
            var stat = File.ReadAllText($"/proc/{backend}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // a server on another machine
        }
    }

    public async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = IsPostgres ? "SHOW server_version" : "SELECT sqlite_version()";
        return (IsPostgres ? "PostgreSQL " : "SQLite ") + await cmd.ExecuteScalarAsync(ct);
    }
}

/// <summary>
/// Replays captured commands as one operation, each worker on its own open connection; or, with
/// <paramref name="openPerCommand"/>, taking a pooled connection for every command and giving it
/// back, as EF Core does outside a transaction.
/// </summary>
public sealed class RawSqlWorkload(string label, RawDatabase database, IReadOnlyList<CapturedCommand> commands, bool openPerCommand = false) : Http.Workload
{
    private DbConnection[] _connections = [];

    public override string Label { get; } = label;

    public override async Task StartAsync(int workers, CancellationToken ct)
    {
        _connections = new DbConnection[openPerCommand ? 0 : workers];
        for (var i = 0; i < _connections.Length; i++) _connections[i] = await database.OpenAsync(ct);
    }

    public override async ValueTask<string?> RunOnceAsync(int worker, long sequence, CancellationToken ct)
    {
        try
        {
            if (!openPerCommand)
            {
                await RawDatabase.RunAsync(_connections[worker], commands, ct);
                return null;
            }
            foreach (var c in commands)
            {
                await using var conn = await database.OpenAsync(ct);
                await RawDatabase.RunAsync(conn, [c], ct);
            }
            return null;
        }
        catch (DbException e)
        {
            return e.Message;
        }
    }

    public override async ValueTask StopAsync()
    {
        foreach (var c in _connections) await c.DisposeAsync();
        _connections = [];
    }
}
