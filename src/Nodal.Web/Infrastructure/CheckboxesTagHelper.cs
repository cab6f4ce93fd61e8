using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Infrastructure;

/// <summary>Checkboxes for a list of ids (involved departments, axes): one fieldset, error above the boxes.</summary>
[HtmlTargetElement("gov-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovCheckboxesTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    /// <summary>Shown instead of the boxes when there is nothing to choose.</summary>
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
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        var items = Items.ToList();
        string boxes;
        if (items.Count == 0)
        {
            boxes = $"<p class=\"govuk-body\">{GovForm.E(None ?? "")}</p>";
        }
        else
        {
            boxes = "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">" + string.Concat(items.Select((i, n) =>
            {
                var boxId = n == 0 ? id : $"{id}-{n + 1}";
                return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{boxId}\" name=\"{name}\" type=\"checkbox\" value=\"{GovForm.E(i.Value)}\"{(selected.Contains(i.Value) ? " checked" : "")}>"
                       + $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{boxId}\">{GovForm.E(i.Text)}</label></div>";
            })) + "</div>";
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{GovForm.E(Label)}</legend>{hints}{boxes}</fieldset>");
    }
}
