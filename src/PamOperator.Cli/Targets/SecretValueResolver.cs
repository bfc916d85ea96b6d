using PamOperator.Core.Diagnostics;
using PamOperator.Core.Security;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Cli.Targets;

/// <summary>
/// Resolves a <see cref="SecretReference"/> to its value at the last moment, for the CLI: environment variables and
/// files. Kubernetes Secrets are the operator's. Problems come back as diagnostics that name the source, never a value.
/// </summary>
public sealed class SecretValueResolver(Func<string, string?> environment, SecretRedactor? redactor = null)
{
    /// <summary>Resolves from the console's environment (the process environment outside tests), registering every
    /// value with the console's redactor.</summary>
    public static SecretValueResolver For(CliConsole console) => new(console.Environment, console.Redactor);

    /// <summary>The value, or null with a diagnostic added to <paramref name="diagnostics"/>. <paramref name="policy"/>
    /// (checked again here, after validation, in case the file system changed) says what the reference may read; a
    /// file is read by <see cref="SecretFileReader"/> (bounded, timed, regular files only, its content rule).</summary>
    public string? Resolve(SecretReference reference, string? address, SourceLocation? location, DiagnosticBag diagnostics, SecretSourcePolicy? policy = null)
    {
        var value = ResolveValue(reference, address, location, diagnostics, policy);
        if (value is { Length: < SecretRedactor.MinimumLength })
        {
            // Too short to be masked in outputs without masking ordinary words: never sent, never printed.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                $"{reference} is shorter than {SecretRedactor.MinimumLength} characters",
                $"A secret of fewer than {SecretRedactor.MinimumLength} characters cannot be kept out of outputs (it would mask ordinary words) and is no privileged credential. Set a real value.",
                location, address));
            return null;
        }

        redactor?.Register(value);
        return value;
    }

    private string? ResolveValue(SecretReference reference, string? address, SourceLocation? location, DiagnosticBag diagnostics, SecretSourcePolicy? policy)
    {
        if (policy?.Check(reference, writtenPath: null) is { } violation)
        {
            diagnostics.Add(Diagnostic.Error(violation.Code, violation.Summary, violation.Detail, location, address));
            return null;
        }

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
                if (SecretFileReader.Read(reference.Name, policy?.Root, out var problem) is { } text)
                {
                    return text;
                }

                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                    $"secret file {reference.Name} cannot be used: {problem}",
                    $"A secret file must be a readable regular UTF-8 file of at most {SecretSourcePolicy.MaxFileBytes / 1024} KiB.", location, address));
                return null;

            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable,
                    $"{reference} is a Kubernetes Secret, which only the operator can read",
                    "For pamctl, use valueFrom.env or valueFrom.file.", location, address));
                return null;
        }
    }
}
