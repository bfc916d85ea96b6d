using System.CommandLine;
using System.Runtime.InteropServices;
using PamOperator.Core;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.Config;
using PamOperator.Operator.Hosting;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl operator [--namespace NS] [--kubeconfig PATH] [--leader-elect=true] [--lease-namespace NS] [--resync 10m]
/// [--health-port 8081] [--metrics-port 8080] [--log-level info]</c>: runs the Kubernetes operator until SIGTERM,
/// Ctrl+C or cancellation (then releases the lease). In-cluster configuration when no kubeconfig is given and
/// KUBERNETES_SERVICE_HOST is set; otherwise $KUBECONFIG or ~/.kube/config. JSON logs on stdout.
/// </summary>
internal static class OperatorCommand
{
    private static readonly Option<string?> Namespace = new("--namespace") { Description = "Namespace to watch (default: all)." };
    private static readonly Option<string?> KubeConfig = new("--kubeconfig") { Description = "Kubeconfig file (default: in-cluster, else $KUBECONFIG or ~/.kube/config)." };
    private static readonly Option<bool> LeaderElect = new("--leader-elect") { Description = "Elect a leader on the Lease pam-operator.", DefaultValueFactory = _ => true };
    private static readonly Option<string?> LeaseNamespace = new("--lease-namespace") { Description = "Namespace of the Lease (default: the pod's)." };
    private static readonly Option<string> Resync = new("--resync") { Description = "Drift resync period (jittered), e.g. 10m.", DefaultValueFactory = _ => "10m" };
    private static readonly Option<int> HealthPort = new("--health-port") { Description = "Port of /healthz and /readyz.", DefaultValueFactory = _ => 8081 };
    private static readonly Option<int> MetricsPort = new("--metrics-port") { Description = "Port of /metrics (Prometheus text).", DefaultValueFactory = _ => 8080 };
    private static readonly Option<string> LogLevel = new("--log-level") { Description = "trace, debug, info, warn or error.", DefaultValueFactory = _ => "info" };

    public static Command Create(CliConsole console)
    {
        var command = new Command("operator", HelpText.Of("Run the Kubernetes operator: reconcile PamOperator custom resources continuously.",
            "pamctl operator --kubeconfig ~/.kube/config --namespace pam-system"));
        foreach (var option in new Option[] { Namespace, KubeConfig, LeaderElect, LeaseNamespace, Resync, HealthPort, MetricsPort, LogLevel })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () => RunAsync(console, parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, CancellationToken ct)
    {
        var resync = OperatorLogging.ParseDuration(parse.GetValue(Resync)!);
        var level = OperatorLogging.ParseLevel(parse.GetValue(LogLevel)!);
        if (resync is null || level is null)
        {
            await console.Error.WriteLineAsync("pamctl: --resync needs a positive duration such as 10m or 30s; --log-level one of trace, debug, info, warn, error");
            return ExitCodes.Error;
        }

        KubernetesClientConfiguration config;
        try
        {
            config = Configuration(console, parse.GetValue(KubeConfig));
        }
        catch (KubernetesConfigException ex)
        {
            await console.Error.WriteLineAsync($"pamctl: {ex.Message}");
            return ExitCodes.Error;
        }

        var options = new OperatorOptions
        {
            Namespace = parse.GetValue(Namespace),
            LeaderElect = parse.GetValue(LeaderElect),
            LeaseNamespace = parse.GetValue(LeaseNamespace),
            Resync = resync.Value,
            HealthPort = parse.GetValue(HealthPort),
            MetricsPort = parse.GetValue(MetricsPort),
        };
        using var loggers = OperatorLogging.Create(level.Value);
        using var client = new KubernetesApiClient(config);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
        await new OperatorHost(client, options, loggers).RunAsync(stop.Token);
        return ExitCodes.Success;
    }

    private static KubernetesClientConfiguration Configuration(CliConsole console, string? kubeconfig)
    {
        if (kubeconfig is null && !string.IsNullOrEmpty(console.Environment("KUBERNETES_SERVICE_HOST")))
        {
            return InClusterConfigLoader.Load(environment: console.Environment);
        }

        return KubeConfigLoader.Load(kubeconfig ?? KubeConfigLoader.DefaultPath());
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        stop.Cancel();
    };
}
