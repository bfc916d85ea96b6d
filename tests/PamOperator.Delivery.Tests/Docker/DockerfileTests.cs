using System.Text.RegularExpressions;
using FluentAssertions;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Docker;

/// <summary>No Docker engine here: the image cannot be built, so its structure is checked instead.</summary>
public class DockerfileTests
{
    private static readonly DockerfileModel Dockerfile = DockerfileModel.Parse(Repo.Read("Dockerfile"));

    private static DockerStage Runtime => Dockerfile.Stages[^1];

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        Dockerfile.Stages.Should().HaveCount(2, "multi-stage: no SDK in the shipped image");
        Dockerfile.Stages[0].Image.Should().Be("mcr.microsoft.com/dotnet/sdk:10.0");
        Runtime.Image.Should().Be("mcr.microsoft.com/dotnet/aspnet:10.0", "health, metrics and the simulator use Kestrel");
        Runtime.Arguments("COPY").Should().ContainSingle()
            .Which.Should().Be($"--from={Dockerfile.Stages[0].Name} /app ./", "only the published output reaches the runtime stage");
    }

    [Fact]
    public void RuntimeStage_RunsAsANumericNonRootUser()
    {
        var user = Runtime.Arguments("USER").Should().ContainSingle().Subject.Split(':')[0];

        user.Should().MatchRegex("^[0-9]+$", "Kubernetes runAsNonRoot can only verify a numeric uid");
        user.Should().NotBe("0");
        long.Parse(user, System.Globalization.CultureInfo.InvariantCulture).Should().Be(
            (long)Node.At(Yaml.ParseMap(Repo.Read("charts", "pam-operator", "values.yaml")), "podSecurityContext.runAsUser")!,
            "the chart runs the pod as the image's user");
    }

    [Fact]
    public void RuntimeStage_StartsTheOperatorThroughPamctl()
    {
        Runtime.Arguments("ENTRYPOINT").Should().Equal("[\"dotnet\", \"/app/pamctl.dll\"]");
        Runtime.Arguments("CMD").Should().Equal("[\"operator\"]");
        Runtime.Arguments("EXPOSE").SelectMany(e => e.Split(' ')).Should().BeEquivalentTo("8080", "8081");
    }

    [Fact]
    public void BuildStage_PublishesTheCliProjectWhoseAssemblyIsPamctl()
    {
        var run = Dockerfile.Stages[0].Arguments("RUN").Should().ContainSingle().Subject;
        var project = Regex.Match(run, @"dotnet publish (\S+\.csproj)").Groups[1].Value;

        File.Exists(Repo.Path(project)).Should().BeTrue($"{project} must exist");
        Repo.Read(project).Should().Contain("<AssemblyName>pamctl</AssemblyName>", "the ENTRYPOINT runs /app/pamctl.dll");
        run.Should().Contain("--configuration Release").And.Contain("--output /app");
    }

    [Fact]
    public void BuildStage_CopiesOnlyFilesThatExistAndTheContextKeeps()
    {
        var ignore = DockerIgnore.Parse(Repo.Read(".dockerignore"));
        var sources = Dockerfile.Stages[0].Arguments("COPY")
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .Select(s => s.TrimEnd('/'))
            .ToList();

        sources.Should().Contain(["global.json", "Directory.Build.props", "Directory.Packages.props", "src"]);
        sources.Should().OnlyContain(s => File.Exists(Repo.Path(s)) || Directory.Exists(Repo.Path(s)));
        sources.Should().NotContain(s => ignore.IsExcluded(s));
    }

    [Fact]
    public void DockerIgnore_KeepsEverySourceFileAndDropsBuildOutput()
    {
        var ignore = DockerIgnore.Parse(Repo.Read(".dockerignore"));
        var sourceFiles = Directory.GetFiles(Repo.Path("src"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();

        sourceFiles.Should().NotBeEmpty().And.NotContain(f => ignore.IsExcluded(f));
        ignore.IsExcluded("src/PamOperator.Cli/obj/project.assets.json").Should().BeTrue("a host's restore output must not leak in");
        ignore.IsExcluded("artifacts/pamctl/pamctl.dll").Should().BeTrue();
        ignore.IsExcluded(".git/HEAD").Should().BeTrue();
    }
}
