using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Faults;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.CyberArk.Vault;

namespace PamOperator.Simulators.CyberArk.Api;

/// <summary>
/// Every request under <c>/PasswordVault/</c>: PVWA's URL rules (paths and query names ignore case; a URL whose last
/// segment holds a dot must end with <c>/</c>; <c>+ &amp; %</c> are refused in path values), then the endpoint.
/// </summary>
internal sealed class Router(VaultState vault, SessionTokens sessions, FaultState faults)
{
    public const string Prefix = "/PasswordVault/";

    public async Task HandleAsync(HttpContext context)
    {
        var result = await DispatchAsync(context);
        if (result.IsError)
        {
            await Errors.WriteAsync(context, result.Status, result.ErrorCode!, result.ErrorMessage!);
            return;
        }

        context.Response.StatusCode = result.Status;
        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
        }
    }

    private async Task<ApiResult> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = (context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "").Split('?')[0];
        var path = request.Path.Value ?? "";
        var rest = path.Length >= Prefix.Length ? path[Prefix.Length..] : "";
        var segments = rest.Split('/').ToList();
        if (segments.Count > 0 && segments[^1].Length == 0)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        if (!raw.EndsWith('/') && segments.Count > 0 && segments[^1].Contains('.', StringComparison.Ordinal))
        {
            return ApiResult.NotFound("the URL holds a dot: add a / at its end (e.g. api/Safes/MySafe/Members/user@cyber.com/)");
        }

        if (segments.Count < 2 || !Is(segments[0], "api"))
        {
            return ApiResult.NotFound($"no endpoint for {request.Method} {path}");
        }

        if (segments.Skip(1).Any(s => s.Length == 0 || s.IndexOfAny(['+', '&', '%']) >= 0))
        {
            return ApiResult.BadRequest("URL values must not be empty nor contain + & %");
        }

        var s = segments.Skip(1).ToArray();
        var method = request.Method;
        if (Is(s[0], "auth"))
        {
            return await AuthAsync(context, s);
        }

        var user = sessions.TryGetSubject(request.Headers.Authorization.ToString(), out var subject) ? subject : "";
        if (method is "POST" or "PUT" or "PATCH" or "DELETE" && (Is(s[0], "Safes") || Is(s[0], "Accounts")) && !vault.IsVaultAdmin(user))
        {
            return ApiResult.Forbidden("You are not authorized to perform this action.");
        }

        if (method is "POST" or "PUT" or "PATCH" or "DELETE" && faults.ConsumeWrite())
        {
            return ApiResult.Error(500, ErrorCodes.ServerError, "injected fault: write failed");
        }

        return (s[0].ToLowerInvariant(), s.Length, method) switch
        {
            ("safes", 1, "GET") => Page(request, vault.ListSafes(Query(request, "search"), Offset(request), Limit(request, vault.Options.SafesDefaultLimit), Flag(request, "includeAccounts", false)), "api/Safes"),
            ("safes", 1, "POST") => await WithBody(context, b => vault.AddSafe(b, user)),
            ("safes", 2, "GET") => vault.GetSafe(s[1], Flag(request, "includeAccounts", false)),
            ("safes", 2, "PUT") => await WithBody(context, b => vault.UpdateSafe(s[1], b)),
            ("safes", 2, "DELETE") => vault.DeleteSafe(s[1]),
            ("safes", 3, "GET") when Is(s[2], "Members") => Members(request, s[1]),
            ("safes", 3, "POST") when Is(s[2], "Members") => await WithBody(context, b => vault.AddMember(s[1], b)),
            ("safes", 4, "GET") when Is(s[2], "Members") => vault.GetMember(s[1], s[3]),
            ("safes", 4, "PUT") when Is(s[2], "Members") => await WithBody(context, b => vault.UpdateMember(s[1], s[3], b)),
            ("safes", 4, "DELETE") when Is(s[2], "Members") => vault.RemoveMember(s[1], s[3]),
            ("accounts", 1, "GET") => Accounts(request),
            ("accounts", 1, "POST") => await WithBody(context, vault.AddAccount),
            ("accounts", 2, "GET") => vault.GetAccount(s[1]),
            ("accounts", 2, "PATCH") => await WithJson(context, b => vault.PatchAccount(s[1], b)),
            ("accounts", 2, "DELETE") => vault.DeleteAccount(s[1]),
            ("accounts", 4, "POST") when Is(s[2], "Password") && Is(s[3], "Update") => await WithBody(context, b => vault.SetSecret(s[1], b)),
            ("myrequests", 1, "GET") => ApiResult.Ok(new JsonObject { ["Requests"] = vault.MyRequests(user, Flag(request, "onlywaiting", false), Flag(request, "expired", false)) }),
            ("myrequests", 1, "POST") => await WithBody(context, b => vault.CreateRequest(b, user)),
            ("myrequests", 2, "GET") => vault.MyRequest(user, s[1]),
            ("myrequests", 2, "DELETE") => vault.CancelRequest(user, s[1]),
            ("incomingrequests", 1, "GET") => ApiResult.Ok(new JsonObject { ["IncomingRequests"] = vault.IncomingRequests(user, Flag(request, "onlywaiting", false), Flag(request, "expired", false)) }),
            ("incomingrequests", 2, "GET") => vault.IncomingRequest(user, s[1]),
            ("incomingrequests", 3, "POST") when Is(s[2], "Confirm") || Is(s[2], "Reject") =>
                await WithBody(context, b => vault.Answer(user, s[1], Is(s[2], "Confirm"), b["Reason"]?.ToString()), allowEmpty: true),
            (_, _, _) when Known(s) => ApiResult.Error(405, ErrorCodes.MethodNotAllowed, $"{method} is not allowed on {path}"),
            _ => ApiResult.NotFound($"no endpoint for {method} {path}"),
        };
    }

    private async Task<ApiResult> AuthAsync(HttpContext context, string[] s)
    {
        if (context.Request.Method != "POST")
        {
            return ApiResult.Error(405, ErrorCodes.MethodNotAllowed, "authentication takes POST");
        }

        if (s.Length == 2 && Is(s[1], "Logoff"))
        {
            sessions.Revoke(context.Request.Headers.Authorization.ToString());
            return new ApiResult(200, null);
        }

        if (s.Length != 3 || !Is(s[2], "Logon"))
        {
            return ApiResult.NotFound("no such authentication endpoint");
        }

        if (!Is(s[1], "CyberArk"))
        {
            return Is(s[1], "LDAP") || Is(s[1], "RADIUS") || Is(s[1], "Windows")
                ? ApiResult.Error(403, ErrorCodes.LogonFailed, $"{s[1]} authentication is not configured in this vault")
                : ApiResult.NotFound("no such authentication method");
        }

        return await WithBody(context, body =>
        {
            if (!Body.TryString(body, "username", out var user, out var error) || !Body.TryString(body, "password", out var password, out error)
                || !Body.TryBool(body, "concurrentSession", out _, out error))
            {
                return ApiResult.BadRequest(error!);
            }

            if (user is null || password is null || !vault.CheckPassword(user, password))
            {
                return ApiResult.Error(403, ErrorCodes.LogonFailed, "Authentication failure for User.");
            }

            return ApiResult.Ok(JsonValue.Create(sessions.Issue(vault.CanonicalUser(user), vault.Options.TokenLifetime)));
        });
    }

    private ApiResult Accounts(HttpRequest request)
    {
        string? safe = null;
        if (Query(request, "filter") is { } filter)
        {
            var parts = filter.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !Is(parts[0], "safeName") || !Is(parts[1], "eq"))
            {
                return ApiResult.BadRequest("filter supports safeName eq NAME");
            }

            safe = parts[2];
        }

        var searchType = Query(request, "searchType") ?? "contains";
        if (!Is(searchType, "contains") && !Is(searchType, "startswith"))
        {
            return ApiResult.BadRequest("searchType must be contains or startswith");
        }

        return Page(request, vault.ListAccounts(safe, Query(request, "search"), Is(searchType, "startswith"), Offset(request),
            Limit(request, vault.Options.AccountsDefaultLimit)), "api/Accounts");
    }

    private ApiResult Members(HttpRequest request, string safe)
    {
        var predefined = Query(request, "filter") is { } filter
            && filter.Replace(" ", "", StringComparison.Ordinal).Equals("includePredefinedUserseqtrue", StringComparison.OrdinalIgnoreCase);
        var offset = Offset(request);
        var limit = Limit(request, vault.Options.SafesDefaultLimit);
        if (offset < 0 || limit < 1)
        {
            return PageProblem(offset);
        }

        var result = vault.ListMembers(safe, predefined, Query(request, "search"), offset, limit, out var total);
        return result.IsError ? result : Page(request, ([.. result.Body!.AsArray().Select(n => n!.DeepClone().AsObject())], total), $"api/Safes/{Uri.EscapeDataString(safe)}/Members");
    }

    /// <summary>PVWA's page: <c>{"value": [...], "count": total, "nextLink": "api/...?offset=N&amp;limit=L&amp;..."}</c>,
    /// the link only while more remain.</summary>
    private ApiResult Page(HttpRequest request, (List<JsonObject> Items, int Total) page, string basePath)
    {
        var offset = Offset(request);
        var limit = Limit(request, -1);
        if (offset < 0 || limit == 0 || limit < -1)
        {
            return PageProblem(offset);
        }

        var body = new JsonObject { ["value"] = new JsonArray([.. page.Items.Select(i => (JsonNode)i)]), ["count"] = page.Total };
        var taken = page.Items.Count;
        if (offset + taken < page.Total && taken > 0)
        {
            var query = request.Query.Where(q => !Is(q.Key, "offset") && !Is(q.Key, "limit"))
                .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}");
            body["nextLink"] = $"{basePath}?offset={offset + taken}&limit={taken}" + string.Concat(query.Select(q => "&" + q));
        }

        return ApiResult.Ok(body);
    }

    private ApiResult PageProblem(int offset) => offset < 0
        ? ApiResult.BadRequest("offset must be a whole number of at least 0")
        : ApiResult.BadRequest(string.Create(CultureInfo.InvariantCulture, $"limit must be 1..{vault.Options.MaxLimit}"));

    private static int Offset(HttpRequest request) =>
        Query(request, "offset") is not { } text ? 0 : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private int Limit(HttpRequest request, int fallback) =>
        Query(request, "limit") is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= vault.Options.MaxLimit ? v : -2;

    private static string? Query(HttpRequest request, string name) =>
        request.Query.FirstOrDefault(q => Is(q.Key, name)).Value is { Count: > 0 } v ? v.ToString() : null;

    private static bool Flag(HttpRequest request, string name, bool fallback) =>
        Query(request, name) is { } text ? bool.TryParse(text, out var b) ? b : fallback : fallback;

    private async Task<ApiResult> WithBody(HttpContext context, Func<JsonObject, ApiResult> handle, bool allowEmpty = false) =>
        await WithJson(context, node => node switch
        {
            JsonObject o => handle(o),
            null when allowEmpty => handle(Body.CaseInsensitive(new JsonObject())!.AsObject()),
            _ => ApiResult.BadRequest("the body must be a JSON object"),
        });

    private async Task<ApiResult> WithJson(HttpContext context, Func<JsonNode?, ApiResult> handle)
    {
        var read = await JsonBody.ReadAsync(context.Request, vault.Options.MaxRequestBodyBytes, context.RequestAborted);
        if (read.IsError)
        {
            return ApiResult.Error(read.Status, ErrorCodes.BadRequest, read.Error!);
        }

        var body = Body.CaseInsensitive(read.Body);
        return read.Body is not null && body is null ? ApiResult.BadRequest("two properties differ only by case") : handle(body);
    }

    private static bool Known(string[] s) =>
        s[0].ToLowerInvariant() is "safes" or "accounts" or "myrequests" or "incomingrequests" && s.Length <= 4;

    private static bool Is(string text, string word) => string.Equals(text, word, StringComparison.OrdinalIgnoreCase);
}
