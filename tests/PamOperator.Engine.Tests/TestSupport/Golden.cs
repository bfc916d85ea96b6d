using System.Runtime.CompilerServices;
using FluentAssertions;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>
/// Compares rendered output with a file under Golden/. With <c>UPDATE_GOLDEN=1</c> the file is (re)written from the
/// output instead, in the source tree; review the diff before committing it.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var sourceDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerFile)!, "..", "Golden"));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(sourceDir);
            File.WriteAllText(Path.Combine(sourceDir, name), actual);
            return;
        }

        var path = Directory.Exists(sourceDir) ? Path.Combine(sourceDir, name) : Path.Combine(AppContext.BaseDirectory, "Golden", name);
        File.Exists(path).Should().BeTrue($"golden file {name} must exist (run the tests with UPDATE_GOLDEN=1 to create it)");
        actual.Should().Be(File.ReadAllText(path), $"the output must match Golden/{name} (UPDATE_GOLDEN=1 regenerates it)");
    }
}
