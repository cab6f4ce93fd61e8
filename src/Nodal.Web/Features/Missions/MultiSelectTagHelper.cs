using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Features.Missions;

/// <summary>
/// A select that takes several values (counterparts met, follow-up actions), with option groups, the error next to it;
/// without JavaScript it is the browser's own multiple select (Ctrl or ⌘ to pick several).
/// </summary>
[HtmlTargetElement("nodal-multiselect", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MultiSelectTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    /// <summary>Shown instead of the select when there is nothing to choose.</summary>
    public string? None { get; set; }

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
        var items = Items.ToList();
        var hint = string.IsNullOrEmpty(Hint) ? L["Hold Ctrl (⌘ on a Mac) to choose several."].Value : Hint + " " + L["Hold Ctrl (⌘ on a Mac) to choose several."].Value;
        var hints = GovForm.HintAndError(id, hint, error, L, out var describedBy);
        string field;
        if (items.Count == 0)
        {
            field = $"<p class=\"govuk-body\">{GovForm.E(None ?? "")}</p>";
        }
        else
        {
            var options = "";
            foreach (var group in items.GroupBy(i => i.Group?.Name))
            {
                var html = string.Concat(group.Select(i =>
                    $"<option value=\"{GovForm.E(i.Value)}\"{(selected.Contains(i.Value) ? " selected" : "")}>{GovForm.E(i.Text)}</option>"));
                options += group.Key is null ? html : $"<optgroup label=\"{GovForm.E(group.Key)}\">{html}</optgroup>";
            }
            var size = Math.Clamp(items.Count + items.Select(i => i.Group?.Name).Distinct().Count(), 3, 10);
            // The text area's look (full width, no fixed height) suits a list box better than the one-line select's.
            field = $"<select class=\"govuk-textarea nodal-multiselect{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" multiple size=\"{size}\"{describedBy}>{options}</select>";
        }
        GovForm.Group(output, error, GovForm.Label(id, Label) + hints + field);
    }
}
