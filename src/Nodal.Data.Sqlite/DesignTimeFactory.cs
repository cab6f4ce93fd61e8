using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nodal.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NodalDbContext>
{
    public NodalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NodalDbContext>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new NodalDbContext(options, new TenantContext(), TimeProvider.System);
    }
}
