using PamOperator.Simulators.Fudo.Fixtures;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Fudo.Operations;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo;

/// <summary>Checks <see cref="FudoSimulatorOptions"/>; a seed file is loaded into a scratch in-memory store to prove it.</summary>
internal static class OptionsValidator
{
    public static IReadOnlyList<string> Validate(FudoSimulatorOptions options)
    {
        var problems = new List<string>();
        if (ListenEndpoint.TryParse(options.Listen, out _) is { } listen)
        {
            problems.Add(listen);
        }

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(char.IsControl) || key.Trim() != key))
        {
            problems.Add("the API key must be non-empty, without control characters or surrounding spaces");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            problems.Add("the request body limit must be at least 1024 bytes");
        }

        if (options.DatabasePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
        {
            problems.Add($"database directory '{dir}' does not exist");
        }

        if (options.Tls && options.CaCertificatePath is { } ca && Path.GetDirectoryName(Path.GetFullPath(ca)) is { } caDir
            && !Directory.Exists(caDir))
        {
            problems.Add($"CA certificate directory '{caDir}' does not exist");
        }

        problems.AddRange(options.Faults.Validate());
        problems.AddRange(Compatibility(options.Compatibility));
        problems.AddRange(SeedFile(options));
        return problems;
    }

    private static IEnumerable<string> Compatibility(FudoCompatibility c)
    {
        if (c.DefaultLimit < 1 || c.MaxLimit < c.DefaultLimit)
        {
            yield return "limits must satisfy 1 <= default limit <= max limit";
        }

        if (c.ConflictStatusCode is < 400 or > 499)
        {
            yield return "the conflict status must be a 4xx code";
        }

        if (c.CreateStatusCode is < 200 or > 299)
        {
            yield return "the create status must be a 2xx code";
        }

        if (c.MaxBatchRequests < 1)
        {
            yield return "a batch must be allowed at least one request";
        }

        if (c.SortParameter is "" or "fields" or "filter" or "limit" or "offset")
        {
            yield return $"'{c.SortParameter}' cannot be the sort parameter";
        }
    }

    private static IEnumerable<string> SeedFile(FudoSimulatorOptions options)
    {
        if (options.SeedFile is not { } file)
        {
            return [];
        }

        if (!File.Exists(file))
        {
            return [$"seed file '{file}' does not exist"];
        }

        using var database = FudoSchema.Open(null);
        var service = new ObjectService(new ObjectStore(database), options.Compatibility, options.TimeProvider);
        return FixtureLoader.Load(service, File.ReadAllText(file), file);
    }
}
