using System.Diagnostics;
using FluentAssertions;
using PamOperator.Manifests.Secrets;
using Xunit;

namespace PamOperator.Manifests.Tests.Secrets;

/// <summary>A secret file is read bounded, timed, regular files only, with one documented content rule.</summary>
public sealed class SecretFileReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pamctl-secretfile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("hunter2\n", "hunter2", "echo writes one final newline: a one-line file is a password")]
    [InlineData("hunter2\r\n", "hunter2", "the same on Windows")]
    [InlineData("hunter2", "hunter2", "no newline: as is")]
    [InlineData("hunter2\n\n", "hunter2\n\n", "two lines: kept exactly")]
    [InlineData("-----BEGIN KEY-----\nabc\n-----END KEY-----\n", "-----BEGIN KEY-----\nabc\n-----END KEY-----\n", "a private key keeps its final newline")]
    [InlineData(" spaced \n", " spaced ", "spaces are part of a password")]
    public void Read_ContentRule(string content, string expected, string reason)
    {
        var path = Path.Combine(_root, "secret");
        File.WriteAllText(path, content);

        SecretFileReader.Read(path, out var problem).Should().Be(expected, reason);
        problem.Should().BeNull();
    }

    [Fact]
    public void Read_Confined_LinkLeavingTheRoot_IsRefused()
    {
        var root = Directory.CreateDirectory(Path.Combine(_root, "manifests")).FullName;
        var outside = Path.Combine(_root, "outside");
        File.WriteAllText(outside, "not-yours\n");
        var link = Path.Combine(root, "db.secret");
        File.CreateSymbolicLink(link, outside);

        SecretFileReader.Read(link, root, out var problem).Should().BeNull();
        problem.Should().Contain("outside the secrets root");
        SecretFileReader.Read(link, out _).Should().Be("not-yours", "unconfined, the same link is read");
    }

    [Fact]
    public async Task Read_Confined_DirectorySwappedForALinkWhileReading_NeverReadsOutsideTheRoot()
    {
        // The directory holding the secret is swapped, as fast as it goes, for a link to a directory outside the root
        // while the confined reader reads through it: each read either gets the inside file or is refused (or finds
        // nothing mid-swap), never the outside file, because the check is made on the file actually opened, not on
        // the name resolved before opening.
        var root = Directory.CreateDirectory(Path.Combine(_root, "manifests")).FullName;
        var staging = Directory.CreateDirectory(Path.Combine(root, "staging")).FullName;
        File.WriteAllText(Path.Combine(staging, "db.secret"), "inside-value\n");
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "db.secret"), "OUTSIDE-VALUE\n");
        var dir = Path.Combine(root, "dir");
        var secret = Path.Combine(dir, "db.secret");

        using var stop = new CancellationTokenSource();
        var flipper = Task.Run(() =>
        {
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                Directory.Move(staging, dir);
                Directory.Move(dir, staging);
                Directory.CreateSymbolicLink(dir, outside);
                new FileInfo(dir).Delete();
            }
        });

        var results = new List<string?>();
        for (var i = 0; i < 2000; i++)
        {
            results.Add(SecretFileReader.Read(secret, root, out _));
        }

        await stop.CancelAsync();
        await flipper.WaitAsync(TimeSpan.FromSeconds(30));
        results.Should().NotContain("OUTSIDE-VALUE");
        results.Should().Contain("inside-value", "reads that found the inside file succeed");
    }

    [Fact]
    public void Read_DevZero_IsRefusedWithoutExhaustingMemory()
    {
        SecretFileReader.Read("/dev/zero", out var problem).Should().BeNull();
        problem.Should().Contain("not a regular file");
    }

    [Fact]
    public void Read_ProcFile_IsRefusedAsNotRegular()
    {
        SecretFileReader.Read("/proc/self/status", out var problem).Should().BeNull();
        problem.Should().Contain("not a regular file");
    }

    [Fact]
    public void Read_LargeFile_IsRefused()
    {
        var path = Path.Combine(_root, "big");
        File.WriteAllBytes(path, new byte[SecretSourcePolicy.MaxFileBytes + 1]);

        SecretFileReader.Read(path, out var problem).Should().BeNull();
        problem.Should().Contain("larger than 64 KiB");
    }

    [Fact]
    public void Read_NotUtf8_IsRefused()
    {
        var path = Path.Combine(_root, "latin1");
        File.WriteAllBytes(path, [0x70, 0xE9, 0x0A]);

        SecretFileReader.Read(path, out var problem).Should().BeNull();
        problem.Should().Be("it is not UTF-8 text");
    }

    [Fact]
    public void Read_FifoWithoutWriter_TimesOutInsteadOfHanging()
    {
        var fifo = Path.Combine(_root, "fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit(5000).Should().BeTrue();
        }

        var clock = Stopwatch.StartNew();
        SecretFileReader.Read(fifo, out var problem).Should().BeNull();

        problem.Should().Contain("took more than 5 seconds");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        // Release the reader blocked in open(), so no thread is left waiting on the FIFO.
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }
}
