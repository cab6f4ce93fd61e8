using Microsoft.AspNetCore.Identity;

namespace Nodal.Web.Infrastructure;

/// <summary>Password and account errors in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private IdentityError E(string code, LocalizedString text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), L["Use at least {0} characters.", length]);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), L["Include at least one digit (0-9)."]);
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), L["Include at least one lowercase letter."]);
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), L["Include at least one uppercase letter."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), L["Include at least one symbol."]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), L["Use at least {0} different characters.", uniqueChars]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), L["An account with the email {0} already exists.", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), L["An account with the email {0} already exists.", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), L["Enter an email address like name@example.org."]);
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), L["This link has expired or was already used. Ask an administrator for a new one."]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), L["The current password is wrong."]);
    public override IdentityError DefaultError() => E(nameof(DefaultError), L["Something went wrong on our side."]);
}
