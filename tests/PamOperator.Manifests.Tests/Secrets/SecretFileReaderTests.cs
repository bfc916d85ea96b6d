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
