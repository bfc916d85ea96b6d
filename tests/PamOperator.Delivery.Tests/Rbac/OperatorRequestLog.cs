using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Cli;
using PamOperator.Delivery.Tests.Support;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Delivery.Tests.Rbac;

/// <summary>
/// Runs `pamctl operator` (in-process, with leader election) against the test API server and a Fudo simulator through
/// a whole lifecycle (ProviderConfig, a Safe created, changed and deleted), and turns the API server's request log into
/// the permissions the operator used: (group, resource[/subresource], verb) and the namespace it was used in.
/// </summary>
public static class OperatorRequestLog
{
    public const string LeaseNamespace = "pam-system";

    private const string TestAgent = "delivery-rbac-test";

    private static readonly Lazy<Task<IReadOnlyList<(RbacGrant Grant, string? Namespace)>>> Recorded = new(RecordAsync);

    /// <summary>The grants the operator exercised, each with the namespace of the request (null: cluster-wide or all).</summary>
    public static Task<IReadOnlyList<(RbacGrant Grant, string? Namespace)>> UsedAsync() => Recorded.Value;

    private static async Task<IReadOnlyList<(RbacGrant Grant, string? Namespace)>> RecordAsync()
    {
        await using var server = await KubeTestServer.StartAsync();
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(TestAgent);
        foreach (var file in CrdCatalog.Files)
        {
            await PostAsync(http, "apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonSerializer.Serialize(Yaml.Documents(Repo.Read("crds", file)).Single()));
        }

        await PostAsync(http, "api/v1/namespaces", """{"metadata":{"name":"pam-system"}}""");
        await PostAsync(http, "api/v1/namespaces/default/secrets",
            $$$"""{"metadata":{"name":"fudo-api"},"data":{"api-key":"{{{Convert.ToBase64String(Encoding.UTF8.GetBytes(simulator.ApiKey))}}}"}}""");
        await PostAsync(http, "apis/pamoperator.io/v1alpha1/providerconfigs", """{"metadata":{"name":"default"},"spec":{"vendor":"fudo","endpoint":"ENDPOINT","""
            .Replace("ENDPOINT", simulator.BaseAddress.ToString(), StringComparison.Ordinal)
            + """ "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"fudo-api","key":"api-key"}}}}}""");
        var kubeconfig = Path.GetTempFileName();
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: t
              cluster:
                server: {server.BaseAddress.ToString().TrimEnd('/')}
            contexts:
            - name: t
              context:
                cluster: t
            current-context: t
            """);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = new StringWriter();
        var operatorRun = PamctlApp.RunAsync(
            ["operator", "--kubeconfig", kubeconfig, "--leader-elect=true", "--lease-namespace", LeaseNamespace, "--health-port", "0", "--metrics-port", "0", "--resync", "1m"],
            CliConsole.ForTest(output, output), stop.Token);
        try
        {
            const string safes = "apis/fudo.pamoperator.io/v1alpha1/namespaces/default/safes";
            await PostAsync(http, safes, """{"metadata":{"name":"db"},"spec":{"loginReason":true}}""");
            await UntilAsync(http, $"{safes}/db", s => Condition(s, "Ready") == "True", operatorRun, output);
            using (var patch = new StringContent("""{"spec":{"timeLimit":60}}""", Encoding.UTF8, "application/merge-patch+json"))
            {
                (await http.PatchAsync($"{safes}/db", patch)).EnsureSuccessStatusCode();
            }

            await UntilAsync(http, $"{safes}/db", s => s?["status"]?["observedGeneration"]?.GetValue<long>() == 2 && Condition(s, "Ready") == "True", operatorRun, output);
            (await http.DeleteAsync($"{safes}/db")).EnsureSuccessStatusCode();
            await UntilAsync(http, $"{safes}/db", s => s is null, operatorRun, output);
        }
        finally
        {
            await stop.CancelAsync();
            await operatorRun;
            File.Delete(kubeconfig);
        }

        return server.Requests.Where(r => !r.UserAgent.StartsWith(TestAgent, StringComparison.Ordinal)).Select(Grant).OfType<(RbacGrant, string?)>().Distinct().ToList();
    }

    /// <summary>The RBAC verb and resource a request needs (null for non-resource paths such as /version).</summary>
    private static (RbacGrant Grant, string? Namespace)? Grant(RecordedRequest r)
    {
        var s = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, rest) = s switch
        {
            ["api", _, .. var tail] => (string.Empty, tail),
            ["apis", var g, _, .. var tail] => (g, tail),
            _ => (null, Array.Empty<string>()),
        };
        if (group is null || rest.Length == 0)
        {
            return null;
        }

        string? ns = null;
        if (rest is ["namespaces", var n, _, ..])
        {
            (ns, rest) = (n, rest[2..]);
        }

        var resource = rest.Length == 3 ? $"{rest[0]}/{rest[2]}" : rest[0];
        var watch = r.Query.Contains("watch=true", StringComparison.Ordinal) || r.Query.Contains("watch=1", StringComparison.Ordinal);
        var verb = (r.Method, rest.Length > 1) switch
        {
            ("GET", true) => "get",
            ("GET", false) => watch ? "watch" : "list",
            ("POST", _) => "create",
            ("PUT", _) => "update",
            ("PATCH", _) => "patch",
            ("DELETE", true) => "delete",
            ("DELETE", false) => "deletecollection",
            _ => r.Method.ToLowerInvariant(),
        };
        return (new RbacGrant(group, resource, verb), ns);
    }

    private static async Task PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task UntilAsync(HttpClient http, string path, Func<JsonObject?, bool> done, Task operatorRun, StringWriter output)
    {
        for (var i = 0; i < 300; i++)
        {
            if (operatorRun.IsCompleted)
            {
                throw new InvalidOperationException($"pamctl operator exited early: {output}");
            }

            var response = await http.GetAsync(path);
            var obj = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            if (done(obj))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} did not reach the expected state; operator output: {output}");
    }

    private static string? Condition(JsonObject? obj, string type) =>
        (obj?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type)?["status"]?.ToString();
}
