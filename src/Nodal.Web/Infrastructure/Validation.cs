using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nodal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Puts each error next to its field in a page form (fields are bound under "Input").</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var e in result.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? e.PropertyName : $"{prefix}.{e.PropertyName}", e.ErrorMessage);
    }

    /// <summary>The API's field errors: {"name.en": ["…"]}, camelCased like the JSON the client sent.</summary>
    public static Dictionary<string, string[]> ToFieldErrors(this ValidationResult result) =>
        result.Errors.GroupBy(e => CamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
