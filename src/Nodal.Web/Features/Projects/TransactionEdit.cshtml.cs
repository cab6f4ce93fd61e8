using Nodal.Core.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>Adds a transaction to a project, changes or removes one.</summary>
[Requires(Capability.ManageRelations)]
public sealed class TransactionEditModel(ProjectService projects, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid ProjectId { get; set; }
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public TransactionInput Input { get; set; } = new();
    public CooperationProject Project { get; private set; } = null!;

    private string Back => $"/{tenant.OrganizationSlug}/projects/{ProjectId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } found) return NotFound();
        Input = found.Transaction is { } t
            ? new TransactionInput { Kind = t.Kind, On = t.On, Amount = t.Amount, Currency = t.Currency, Description = t.Description, ProviderName = t.ProviderName, ReceiverName = t.ReceiverName, Version = t.Version }
            : new TransactionInput { Currency = Project.Currency };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } found) return NotFound();
        if (!ModelState.IsValid) return Page();
        var validation = await projects.ValidateTransactionAsync(Input, Id is not null, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        try
        {
            await projects.SaveTransactionAsync(Project, found.Transaction, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await projects.ReloadTransactionAsync(ProjectId, Id!.Value, ct);
            if (current is null) return NotFound();
            Input.Version = current.Version;
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The transactions of {0} were saved.", Project.Code].Value;
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long? version, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { Transaction: { } t }) return NotFound();
        return await this.MoveToTrashAsync(L, () => projects.DeleteTransactionAsync(Project, t, version, ct), t.Describe(Languages.Current), Back, Back);
    }

    private async Task<(CooperationProject Project, ProjectTransaction? Transaction)?> LoadAsync(CancellationToken ct)
    {
        var p = await projects.FindAsync(ProjectId, ct);
        if (p is null) return null;
        Project = p;
        ProjectTransaction? t = null;
        if (Id is { } id && (t = await projects.FindTransactionAsync(ProjectId, id, ct)) is null) return null;
        return (p, t);
    }
}
