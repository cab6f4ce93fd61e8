using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Infrastructure;

/// <summary>A list field as a group of checkboxes (axes of an objective, findings of an axis…).</summary>
[HtmlTargetElement("gov-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovCheckboxesTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    /// <summary>Shown instead of the boxes when there is nothing to choose from.</summary>
    public string? None { get; set; }
    public bool Small { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var selected = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue is string[] raw ? raw : [entry.RawValue.ToString() ?? ""]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : ((For.Model as System.Collections.IEnumerable)?.Cast<object>().Select(o => o.ToString() ?? "") ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var items = Items.ToList();
        var hint = string.IsNullOrEmpty(Hint) ? "" : $"<div class=\"govuk-hint\" id=\"{id}-hint\">{GovForm.E(Hint)}</div>";
        var err = error is null ? "" : $"<p class=\"govuk-error-message\" id=\"{id}-error\"><span class=\"govuk-visually-hidden\">{GovForm.E(L["Error:"])}</span> {GovForm.E(error)}</p>";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.Where(x => x is not null));
        var boxes = items.Count == 0
            ? $"<p class=\"govuk-body\">{GovForm.E(None ?? "—")}</p>"
            : $"<div class=\"govuk-checkboxes{(Small ? " govuk-checkboxes--small" : "")}\" data-module=\"govuk-checkboxes\">" + string.Concat(items.Select((i, n) =>
                $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{(n == 0 ? id : $"{id}-{n}")}\" name=\"{name}\" type=\"checkbox\" value=\"{GovForm.E(i.Value)}\"{(selected.Contains(i.Value) ? " checked" : "")}>" +
                $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{(n == 0 ? id : $"{id}-{n}")}\">{GovForm.E(i.Text)}</label></div>")) + "</div>";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"")}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{GovForm.E(Label)}</legend>{hint}{err}{boxes}</fieldset>");
    }
}
