using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Nodal.Web.Infrastructure
{
    public static class Languages
    {
        public static readonly string[] Supported = ["es", "en", "fr"];

        public static string Current => Core.LocalizedText.Normalize(CultureInfo.CurrentUICulture.Name);

        public static string NativeName(string code) => code switch
        {
            "es" => "Español",
            "fr" => "Français",
            _ => "English",
        };

        public static void Remember(HttpResponse response, string language) =>
            response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

        public static IServiceCollection AddNodalLocalization(this IServiceCollection services)
        {
            services.AddLocalization(o => o.ResourcesPath = "Resources");
            services.Configure<RequestLocalizationOptions>(o =>
            {
                var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
                o.DefaultRequestCulture = new RequestCulture("en");
                o.SupportedCultures = cultures;
                o.SupportedUICultures = cultures;
                o.FallBackToParentCultures = true;
                o.FallBackToParentUICultures = true;
                // Query string (?culture=fr) for shared links, then the remembered choice, then the browser.
                o.RequestCultureProviders =
                [
                    new QueryStringRequestCultureProvider(),
                    new CookieRequestCultureProvider(),
                    new AcceptLanguageHeaderRequestCultureProvider(),
                ];
            });
            services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
            {
                var L = factory.Create(typeof(SharedResource));
                var m = mvc.ModelBindingMessageProvider;
                m.SetAttemptedValueIsInvalidAccessor((value, field) => L["The value '{0}' is not valid here.", value]);
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["The value '{0}' is not valid here.", value]);
                m.SetValueIsInvalidAccessor(value => L["The value '{0}' is not valid here.", value]);
                m.SetValueMustBeANumberAccessor(field => L["Enter a number."]);
                m.SetNonPropertyValueMustBeANumberAccessor(() => L["Enter a number."]);
                m.SetMissingBindRequiredValueAccessor(field => L["This field is required."]);
                m.SetMissingKeyOrValueAccessor(() => L["This field is required."]);
                m.SetMissingRequestBodyRequiredValueAccessor(() => L["This field is required."]);
                m.SetValueMustNotBeNullAccessor(value => L["This field is required."]);
                m.SetUnknownValueIsInvalidAccessor(field => L["This value is not valid."]);
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["This value is not valid."]);
            });
            return services;
        }
    }
}
