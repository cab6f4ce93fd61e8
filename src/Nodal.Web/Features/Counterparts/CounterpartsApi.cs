using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Core.Relations;
using Nodal.Web.Features.History;

namespace Nodal.Web.Features.Counterparts;

public static class CounterpartsApi
{
    /// <summary>409: another counterpart looks like this one; nothing was saved.</summary>
    private static ProblemHttpResult Duplicate(IStringLocalizer<SharedResource> L, IReadOnlyList<DuplicateRef> duplicates) =>
        TypedResults.Problem(statusCode: 409, title: L["Another counterpart looks like this one."],
            detail: L["Nothing was saved. If it is a different counterpart, send it again with \"allowDuplicate\": true."],
            extensions: new Dictionary<string, object?> { ["duplicates"] = duplicates });

    public static RouteGroupBuilder MapCounterpartsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/counterparts").WithTags("Counterparts");

        g.MapGet("/", async ([AsParameters] CounterpartListQuery query, CounterpartListService list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(query, ct)))
            .WithName("ListCounterparts").WithSummary("List counterparts")
            .WithDescription("Counterparts of the token's organization. Filters: kind, country (ISO 3166-1 alpha-2), region (a UN M49 region or sub-region code such as 150 or 419), "
                             + "duplicates=true (only those that look like another counterpart: same gazetteer place, same reference network, or same name in the same country). "
                             + "Search (q) in code, name and acronym. Sorting (sort=code|name|kind|country, dir=asc|desc) and paging (page, pageSize ≤ 200).");

        g.MapGet("/{id:guid}", async Task<Results<Ok<CounterpartDto>, NotFound<ProblemDetails>>> (Guid id, CounterpartService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var c = await service.FindAsync(id, ct);
                if (c is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{c.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(c, ct));
            })
            .WithName("GetCounterpart").WithSummary("Get a counterpart")
            .WithDescription("One counterpart with its place, whether it looks like another counterpart, and its version (for concurrency; also the ETag).");

        g.MapPost("/", async Task<Results<Created<CounterpartDto>, ValidationProblem, ProblemHttpResult>> (CounterpartInput input, CounterpartService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var validation = await service.ValidateAsync(input, null, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (!input.AllowDuplicate && await service.DuplicatesAsync(input, null, ct) is { Count: > 0 } duplicates) return Duplicate(L, duplicates);
                var c = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/counterparts/{c.Id}", await service.ToDtoAsync(c, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateCounterpart").WithSummary("Create a counterpart")
            .WithDescription("The kind is required, and the name unless gazetteerId or networkCode supply it; the code is generated (CP-0001…) when empty. "
                             + "A gazetteerId (from GET /api/v1/gazetteer) sets the country, coordinates and population from the gazetteer; a networkCode of the reference list "
                             + "fills the name, acronym, country and website left empty. When another counterpart looks like this one (same place, same network, or same name "
                             + "in the same country) the answer is 409 listing it; send \"allowDuplicate\": true to save anyway.");

        g.MapPut("/{id:guid}", async Task<Results<Ok<CounterpartDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, CounterpartInput input, CounterpartService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var c = await service.FindAsync(id, ct);
                if (c is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateAsync(input, id, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (!input.AllowDuplicate && CounterpartService.IdentityChanged(c, input)
                    && await service.DuplicatesAsync(input, id, ct) is { Count: > 0 } duplicates) return Duplicate(L, duplicates);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateAsync(c, input, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                http.Response.Headers.ETag = $"\"{c.Version}\"";
                return TypedResults.Ok(await service.ToDtoAsync(c, ct));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateCounterpart").WithSummary("Change a counterpart")
            .WithDescription("Send the whole counterpart with the version you read; if someone changed it since, the answer is 409 with the current values. "
                             + "A change of place, network, name or country that makes it look like another counterpart answers 409 listing it, unless \"allowDuplicate\": true.");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, CounterpartService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var c = await service.FindAsync(id, ct);
                if (c is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteAsync(c, version, ct), () => CurrentAsync(service, id, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteCounterpart").WithSummary("Move a counterpart to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the counterpart since you read it (409). The counterpart and its contacts can be restored from the Trash.");

        g.MapHistory<Counterpart>()
            .WithName("GetCounterpartHistory").WithSummary("A counterpart's history")
            .WithDescription("Every change of the counterpart: who, when, each field before and after.");

        // ---------------------------------------------------------------- contacts

        g.MapGet("/{id:guid}/contacts", async Task<Results<Ok<List<ContactDto>>, NotFound<ProblemDetails>>> (Guid id, CounterpartService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await service.FindAsync(id, ct) is null) return ApiResults.NotFound(L);
                return TypedResults.Ok((await service.ContactsAsync(id, ct)).Select(ContactDto.From).ToList());
            })
            .Requires(Capability.ReadContacts)
            .WithName("ListCounterpartContacts").WithSummary("List a counterpart's contacts")
            .WithDescription("The people at the counterpart, by name. Only roles that work with contacts (administrators, coordinators, focal points) may read them; others get 403.");

        g.MapGet("/{id:guid}/contacts/{contactId:guid}", async Task<Results<Ok<ContactDto>, NotFound<ProblemDetails>>> (Guid id, Guid contactId, CounterpartService service, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                var c = await service.FindContactAsync(id, contactId, ct);
                if (c is null) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{c.Version}\"";
                return TypedResults.Ok(ContactDto.From(c));
            })
            .Requires(Capability.ReadContacts)
            .WithName("GetCounterpartContact").WithSummary("Get a contact")
            .WithDescription("One person at the counterpart, with the version to send back when changing it.");

        g.MapPost("/{id:guid}/contacts", async Task<Results<Created<ContactDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, ContactInput input, CounterpartService service, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!tenant.Can(Capability.ReadContacts)) return ApiResults.Forbidden(L);
                if (await service.FindAsync(id, ct) is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateContactAsync(input, false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                var c = await service.AddContactAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/counterparts/{id}/contacts/{c.Id}", ContactDto.From(c));
            })
            .Requires(Capability.ManageRelations)
            .WithName("CreateCounterpartContact").WithSummary("Add a contact")
            .WithDescription("A person at the counterpart: the name is required; position, email, phone and notes are optional.");

        g.MapPut("/{id:guid}/contacts/{contactId:guid}", async Task<Results<Ok<ContactDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid contactId, ContactInput input, CounterpartService service, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!tenant.Can(Capability.ReadContacts)) return ApiResults.Forbidden(L);
                var c = await service.FindContactAsync(id, contactId, ct);
                if (c is null) return ApiResults.NotFound(L);
                var validation = await service.ValidateContactAsync(input, true, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.UpdateContactAsync(c, input, ct), () => CurrentContactAsync(service, contactId, ct)) is { } stale) return stale;
                return TypedResults.Ok(ContactDto.From(c));
            })
            .Requires(Capability.ManageRelations)
            .WithName("UpdateCounterpartContact").WithSummary("Change a contact")
            .WithDescription("Send the whole contact with the version you read; if someone changed it since, the answer is 409 with the current values.");

        g.MapDelete("/{id:guid}/contacts/{contactId:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, Guid contactId, long? version, CounterpartService service, TenantContext tenant, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (!tenant.Can(Capability.ReadContacts)) return ApiResults.Forbidden(L);
                var c = await service.FindContactAsync(id, contactId, ct);
                if (c is null) return ApiResults.NotFound(L);
                if (await ApiResults.ConflictIfStaleAsync(L, () => service.DeleteContactAsync(c, version, ct), () => CurrentContactAsync(service, contactId, ct)) is { } stale) return stale;
                return TypedResults.NoContent();
            })
            .Requires(Capability.ManageRelations)
            .WithName("DeleteCounterpartContact").WithSummary("Move a contact to the Trash")
            .WithDescription("Give ?version= to refuse the deletion when someone changed the contact since you read it (409).");

        // ---------------------------------------------------------------- gazetteer

        api.MapGet("/gazetteer", (string? q, string? country) =>
                TypedResults.Ok(string.IsNullOrWhiteSpace(q) ? Array.Empty<Gazetteer.City>() : Gazetteer.Search(q.Trim(), string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant())))
            .WithTags("Counterparts")
            .WithName("SearchGazetteer").WithSummary("Search the world-city gazetteer")
            .WithDescription("Cities whose name starts with q (accents and case ignored), optionally in one country (ISO 3166-1 alpha-2), most populous first, at most 20. "
                             + "Give a city's id as gazetteerId when creating a counterpart to place it.");

        return api;
    }

    private static async Task<CounterpartDto?> CurrentAsync(CounterpartService service, Guid id, CancellationToken ct) =>
        await service.ReloadAsync(id, ct) is { } current ? CounterpartDto.From(current, false) : null;

    private static async Task<ContactDto?> CurrentContactAsync(CounterpartService service, Guid contactId, CancellationToken ct) =>
        await service.ReloadContactAsync(contactId, ct) is { } current ? ContactDto.From(current) : null;
}
