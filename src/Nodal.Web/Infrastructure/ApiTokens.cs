using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Nodal.Web.Infrastructure;

/// <summary>Creates and checks personal access tokens. Only a SHA-256 of each token is stored.</summary>
public sealed class ApiTokenService(NodalDbContext db, TimeProvider clock)
{
    public const string Scheme = "ApiToken";
    public const string OrganizationClaim = "nodal:org";
    private const string TokenPrefix = "nodal_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Guid organizationId, Guid userId, string name, DateTime? expiresAt, CancellationToken ct)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            OrganizationId = organizationId,
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && t.DeletedAt == null, ct);
        if (token is null || (token.ExpiresAt is { } exp && exp <= now)) return null;
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-5))
        {
            // Bookkeeping, not a change of the record: no audit entry, no version bump.
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return token;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates `Authorization: Bearer nodal_…` for the API.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, NodalDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("Invalid or revoked token.");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? ""),
            new Claim(ApiTokenService.OrganizationClaim, token.OrganizationId.ToString()),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
