using System.Diagnostics;

namespace Nodal.Bench;

/// <summary>
/// Where the machine's CPU went between two moments (Linux /proc): this process (app + load), its
/// database server when it runs here, and everything else. "Everything else" is noise that makes the
/// figures of that run worth less: a build or a test run next door.
/// </summary>
public sealed class MachineLoad
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int? _databaseServerPid;
    private Snapshot? _start;

    public MachineLoad(int? databaseServerPid) => _databaseServerPid = databaseServerPid;

    public static bool Available => File.Exists("/proc/stat");

    public void Start() => _start = Take();

    /// <summary>Shares of all cores' time since <see cref="Start"/>: (this process, database server, others).</summary>
    public (double Own, double Database, double Others)? Stop()
    {
        if (_start is null || Take() is not { } end) return null;
        var start = _start.Value;
        var total = end.TotalTicks - start.TotalTicks;
        if (total <= 0) return null;
        var busy = end.BusyTicks - start.BusyTicks;
        var own = (end.OwnCpu - start.OwnCpu).TotalSeconds * TicksPerSecond;
        var db = Math.Max(0, end.DatabaseTicks - start.DatabaseTicks);
        var others = Math.Max(0, busy - own - db);
        return (own / total, db / total, others / total);
    }

    private readonly record struct Snapshot(double TotalTicks, double BusyTicks, TimeSpan OwnCpu, double DatabaseTicks);

    private Snapshot? Take()
    {
        if (!Available) return null;
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
            // user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
            var idle = cpu[3] + (cpu.Length > 4 ? cpu[4] : 0);
            var total = cpu.Take(Math.Min(8, cpu.Length)).Sum();
            using var self = Process.GetCurrentProcess();
            return new Snapshot(total, total - idle, self.TotalProcessorTime, DatabaseTicks());
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>CPU ticks of the database server's postmaster and its children (the backends).</summary>
    private double DatabaseTicks()
    {
        if (_databaseServerPid is not { } postmaster) return 0;
        double sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid … utime(14) stime(15): split after the comm, which may hold spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1]);
                if (pid == postmaster || ppid == postmaster) sum += double.Parse(fields[11]) + double.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
                // The process ended meanwhile.
            }
        }
        return sum;
    }
}
