using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Features.Agreements;

/// <summary>
/// A multiple select for a list of ids (parties, linked agreements and projects), options grouped when the items
/// carry a group; label, hint and error next to the field like gov-select.
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
    public int Size { get; set; } = 8;

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
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        var items = Items.ToList();
        string field;
        if (items.Count == 0)
        {
            field = $"<p class=\"govuk-body\">{GovForm.E(None ?? "")}</p>";
        }
        else
        {
            string Option(SelectListItem i) =>
                $"<option value=\"{GovForm.E(i.Value)}\"{(selected.Contains(i.Value) ? " selected" : "")}>{GovForm.E(i.Text)}</option>";
            var options = "";
            foreach (var group in items.GroupBy(i => i.Group?.Name))
            {
                var inner = string.Concat(group.Select(Option));
                options += group.Key is null ? inner : $"<optgroup label=\"{GovForm.E(group.Key)}\">{inner}</optgroup>";
            }
            field = $"<select multiple class=\"govuk-select nodal-select-many{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{name}\" size=\"{Math.Min(Size, items.Count + 1)}\"{describedBy}>{options}</select>";
        }
        GovForm.Group(output, error, GovForm.Label(id, Label) + hints + field);
    }
}
