using FluentAssertions;
using PamOperator.Cli.Progress;
using PamOperator.Core.Schema;
using Spectre.Console.Testing;
using Xunit;

namespace PamOperator.Cli.Tests.Progress;

/// <summary>The live display and pamctl's own streams on one terminal: writes go above the display, unchanged.</summary>
public class OutputGateTests
{
    private static readonly ObjectType Safe = new("fudo.pamoperator.io", "safe");

    [Fact]
    public void WritesWhileTheDisplayIsShown_ReachTheStreamByteForByte_AndTheDisplayIsDrawnOnlyAtALineStart()
    {
        var display = new TestConsole().Width(80).Interactive().EmitAnsiSequences();
        var gate = new OutputGate();
        var progress = RunProgress.Live(display, gate);
        using var stdout = new StringWriter();
        using var gated = new GatedTextWriter(stdout, gate);

        using (progress.Show())
        {
            progress.Board.ApplyStarted("prod", 2);
            gated.Write("line one\n");
            gated.Write("partial ");
            var beforeMidLineEvent = display.Output.Length;
            progress.Board.StepStarted("prod", "create fudo_safe.a");
            display.Output.Length.Should().Be(beforeMidLineEvent, "nothing is drawn after an unfinished line");
            gated.Write("rest\n");
            progress.Board.StepFinished("prod", "create fudo_safe.a", failed: false);
        }

        stdout.ToString().Should().Be("line one\npartial rest\n");
        display.Output.Should().Contain("prod").And.Contain("0/2 steps").And.Contain("create fudo_safe.a").And.Contain("1/2 steps");
        display.Output.Should().EndWith("\u001b[1A\u001b[2K", "the display is erased when the phase ends");
    }

    [Fact]
    public void Observe_PagesAddUp_ThenTheObservedCountsReplaceThem()
    {
        var board = new ProgressBoard();

        board.ObserveStarted("prod", [Safe, new ObjectType("fudo.pamoperator.io", "user")]);
        board.ObjectsRead("prod", Safe, 1000);
        board.ObjectsRead("prod", Safe, 250);
        var reading = board.Sections.Single();
        board.ObserveFinished("prod", Safe, 1250);
        board.ObserveFinished("prod", new ObjectType("fudo.pamoperator.io", "user"), 3);

        ProgressText.State(reading).Should().Be("observing 2 kinds: 1,250 objects read");
        ProgressText.ObservedLine(board.Sections.Single()).Should().Be("pamctl: PAM prod: observed 1,253 objects in 2 kinds");
    }

    [Fact]
    public void ManyPams_TheDisplayStaysShorterThanTheScreen_ShowingThoseStillRunning()
    {
        var display = new TestConsole().Width(80).Height(6).Interactive().EmitAnsiSequences();
        var gate = new OutputGate();
        var progress = RunProgress.Live(display, gate);

        using (progress.Show())
        {
            for (var i = 1; i <= 10; i++)
            {
                progress.Board.ObserveStarted($"pam-{i:00}", [Safe]);
            }

            progress.Board.ObserveFinished("pam-01", Safe, 5);
            var before = display.Output.Length;
            progress.Board.ObjectsRead("pam-02", Safe, 7);
            var last = display.Output[before..];
            last.Split('\n').Length.Should().Be(5, "4 lines fit on a 6-line screen, drawn with a newline each (plus the rest after the last)");
            last.Should().Contain("pam-02").And.Contain("7 objects read").And.Contain("and 7 more PAM(s)").And.NotContain("pam-01", "a PAM that is done gives way");
        }
    }

    [Fact]
    public void WithoutADisplay_WritesPassStraightThrough()
    {
        var gate = new OutputGate();
        using var stdout = new StringWriter();
        using var gated = new GatedTextWriter(stdout, gate);

        gated.Write("a");
        gated.WriteLine("b");

        stdout.ToString().Should().Be("ab" + Environment.NewLine);
    }
}
