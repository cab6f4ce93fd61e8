namespace Nodal.Web.Infrastructure;

public static class PageDeletion
{
    /// <summary>What a page's Delete handler does once the record is found and the user may delete it: moves it to the
    /// Trash and goes to <paramref name="done"/> saying so; when someone changed it after the page was loaded, deletes
    /// nothing and goes to <paramref name="stale"/> asking the user to review it first.</summary>
    public static async Task<IActionResult> MoveToTrashAsync(this PageModel page, IStringLocalizer<SharedResource> L, Func<Task> delete,
        string label, string stale, string done)
    {
        try
        {
            await delete();
        }
        catch (DbUpdateConcurrencyException)
        {
            page.TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it before deleting."].Value;
            return new RedirectResult(stale);
        }
        page.TempData["Notice"] = L["{0} was moved to the Trash. You can restore it from there.", label].Value;
        return new RedirectResult(done);
    }
}
