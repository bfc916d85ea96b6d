using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Kubernetes <c>Status</c> error bodies, worded like the real apiserver's.</summary>
internal static class StatusBodies
{
    public static ApiResult Failure(int code, string reason, string message, JsonObject? details = null) =>
        new(code, Status(code, reason, message, details));

    public static JsonObject Status(int code, string reason, string message, JsonObject? details = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = details,
        ["code"] = code,
    };

    public static ApiResult NotFound(ResourceType type, string name) =>
        Failure(404, "NotFound", $"{type.QualifiedName} \"{name}\" not found", Details(type, name));

    public static ApiResult NoSuchPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource");

    public static ApiResult AlreadyExists(ResourceType type, string name) =>
        Failure(409, "AlreadyExists", $"{type.QualifiedName} \"{name}\" already exists", Details(type, name));

    public static ApiResult Conflict(ResourceType type, string name) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": the object has been "
            + "modified; please apply your changes to the latest version and try again", Details(type, name));

    public static ApiResult Invalid(ResourceType type, string name, string message) =>
        Failure(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {message}", Details(type, name));

    public static ApiResult BadRequest(string message) => Failure(400, "BadRequest", message);

    public static JsonObject Gone(long requested, long current) =>
        Status(410, "Expired", $"too old resource version: {requested} ({current})");

    private static JsonObject Details(ResourceType type, string name) =>
        new() { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural };
}
