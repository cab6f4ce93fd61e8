using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nodal.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NodalDbContext>
{
    public NodalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NodalDbContext>()
            .UseNpgsql("Host=localhost;Database=nodal_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new NodalDbContext(options, new TenantContext(), TimeProvider.System);
    }
}
