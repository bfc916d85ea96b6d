using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Secrets;

/// <summary>
/// What a secret reference may read (SECURITY.md, "Secret sources"). A <c>file</c> resolves inside <see cref="Root"/>
/// (the ProviderConfig's <c>secrets.root</c>, else the root of the <c>-f</c> input the manifest came from): no
/// absolute path outside it, no <c>..</c> escape, no symbolic link leading out of it, no directory. An <c>env</c> may
/// not name a provider credential's variable (<see cref="ReservedVariables"/>) and, when <see cref="EnvPrefix"/> is
/// set, must start with it. Reading the file itself (regular files only, <see cref="MaxFileBytes"/>,
/// <see cref="ReadTimeout"/>) is <see cref="SecretFileReader"/>'s. Pure apart from looking at the file system.
/// </summary>
/// <param name="Root">Absolute directory every secret file must resolve inside; null = no file may be read.</param>
/// <param name="RootConfigured">True when <see cref="Root"/> comes from <c>secrets.root</c> (absolute paths inside it are then allowed).</param>
/// <param name="EnvPrefix">The prefix every secret variable must start with; null = any variable.</param>
/// <param name="ReservedVariables">Variables holding provider credentials: never a secret of an object.</param>
public sealed record SecretSourcePolicy(string? Root, bool RootConfigured, string? EnvPrefix, IReadOnlySet<string> ReservedVariables)
{
    /// <summary>The most a secret file may hold: 64 KiB (a private key is a few KiB).</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>How long reading a secret file may take (a FIFO without a writer never answers).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Why <paramref name="reference"/> is refused, or null. <paramref name="writtenPath"/> is the
    /// <c>file</c> value as written (to tell an absolute path from a relative one); null when unknown (at apply time,
    /// after validation checked it), which skips that one check.</summary>
    public SecretPolicyViolation? Check(SecretReference reference, string? writtenPath)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Source switch
        {
            SecretSource.Environment => CheckVariable(reference.Name),
            SecretSource.File => CheckFile(reference.Name, writtenPath),
            _ => null,
        };
    }

    private SecretPolicyViolation? CheckVariable(string name)
    {
        if (ReservedVariables.Contains(name))
        {
            return new(DiagnosticCodes.SecretVariableRefused, $"the secret variable {name} holds a provider credential",
                "An object's secret may not read the variable a ProviderConfig takes its API key from (it would be stored in the PAM as a password). Use a variable of its own.");
        }

        return EnvPrefix is { } prefix && !name.StartsWith(prefix, StringComparison.Ordinal)
            ? new(DiagnosticCodes.SecretVariableRefused, $"the secret variable {name} does not start with {prefix}",
                $"The ProviderConfig restricts secret variables to names starting with {prefix} (spec.secrets.envPrefix). Rename the variable.")
            : null;
    }

    private SecretPolicyViolation? CheckFile(string full, string? writtenPath)
    {
        var written = writtenPath ?? full;
        if (Root is null)
        {
            return Refused(written, "there is no secrets root to resolve it in");
        }

        if (writtenPath is not null && Path.IsPathRooted(writtenPath) && !RootConfigured)
        {
            return Refused(written, "it is an absolute path",
                "Write a path relative to the manifest, inside the manifests' directory, or set spec.secrets.root in the ProviderConfig.");
        }

        if (!RealPath.IsInside(full, Root))
        {
            return Refused(written, $"it resolves outside the secrets root {Root}");
        }

        var real = RealPath.Of(full);
        var realRoot = RealPath.Of(Root);
        if (real is null || realRoot is null || !RealPath.IsInside(real, realRoot))
        {
            return Refused(written, "a symbolic link leads outside the secrets root");
        }

        return Directory.Exists(real) ? Refused(written, "it is a directory") : null;
    }

    private SecretPolicyViolation Refused(string written, string why, string? detail = null) =>
        new(DiagnosticCodes.SecretFileRefused, $"the secret file {written} is refused: {why}",
            detail ?? $"Secret files must be regular files inside {Root ?? "the manifests' directory"} (spec.secrets.root of the ProviderConfig), reached without symbolic links that leave it.");
}
