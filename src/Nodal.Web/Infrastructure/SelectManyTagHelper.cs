using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Infrastructure;

/// <summary>
/// A multiple select for a list of ids (parties, counterparts met, linked agreements, projects and actions), options
/// grouped when the items carry a group; label, hint and error next to the field like gov-select. Without JavaScript
/// it is the browser's own list box (Ctrl or ⌘ to pick several), which the hint says.
/// </summary>
[HtmlTargetElement("gov-select-many", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectManyTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    /// <summary>Shown instead of the select when there is nothing to choose.</summary>
    public string? None { get; set; }
    public int Size { get; set; } = 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var attempted = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [entry.RawValue.ToString() ?? ""])
            : null;
        var selected = (attempted ?? (For.Model as System.Collections.IEnumerable)?.Cast<object?>().Select(o => o?.ToString() ?? "") ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var howTo = L["Hold Ctrl (⌘ on a Mac) to choose several."].Value;
        var hints = GovForm.HintAndError(id, string.IsNullOrEmpty(Hint) ? howTo : $"{Hint} {howTo}", error, L, out var describedBy);
        var items = Items.ToList();
        var field = items.Count == 0
            ? $"<p class=\"govuk-body\">{GovForm.E(None ?? "")}</p>"
            : $"<select multiple class=\"govuk-textarea nodal-select-many{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" "
              + $"size=\"{Math.Clamp(items.Count + items.Select(i => i.Group?.Name).Distinct().Count(), 3, Size)}\"{describedBy}>{GovForm.Options(items, selected.Contains, null)}</select>";
        GovForm.Group(output, error, GovForm.Label(id, Label) + hints + field);
    }
}
