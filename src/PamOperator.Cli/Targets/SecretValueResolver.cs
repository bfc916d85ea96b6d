using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Cli.Targets;

/// <summary>
/// Resolves a <see cref="SecretReference"/> to its value at the last moment, for the CLI: environment variables and
/// files. Kubernetes Secrets are the operator's. Problems come back as diagnostics that name the source, never a value.
/// </summary>
public sealed class SecretValueResolver(Func<string, string?> environment)
{
    /// <summary>Resolves from the console's environment (the process environment outside tests).</summary>
    public static SecretValueResolver For(CliConsole console) => new(console.Environment);

    /// <summary>The value, or null with a diagnostic added to <paramref name="diagnostics"/>.</summary>
    public string? Resolve(SecretReference reference, string? address, SourceLocation? location, DiagnosticBag diagnostics)
    {
        switch (reference.Source)
        {
            case SecretSource.Environment when environment(reference.Name) is { Length: > 0 } value:
                return value;
            case SecretSource.Environment:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                    $"environment variable {reference.Name} is not set",
                    $"Set {reference.Name} in the environment of pamctl (in CI, from the secret store) and run again.",
                    location, address));
                return null;
            case SecretSource.File:
                try
                {
                    return File.ReadAllText(reference.Name).TrimEnd('\r', '\n');
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                        $"secret file {reference.Name} cannot be read",
                        $"{ex.GetType().Name}: check that the file exists and is readable by pamctl.", location, address));
                    return null;
                }

            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                    $"{reference} is a Kubernetes Secret, which only the operator can read",
                    "For pamctl, use valueFrom.env or valueFrom.file.", location, address));
                return null;
        }
    }
}
