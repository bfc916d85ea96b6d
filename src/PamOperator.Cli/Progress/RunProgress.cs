using PamOperator.Engine.Apply;
using PamOperator.Engine.Hooks;
using Spectre.Console;

namespace PamOperator.Cli.Progress;

/// <summary>
/// The progress of one pamctl invocation: the engine's hooks feed <see cref="Board"/>, and either the live display
/// (a terminal on stderr) or the plain lines show it. Workflows wrap each long phase (observe, apply) in
/// <see cref="Show"/>; the live display exists only inside it and is erased when it ends.
/// </summary>
public sealed class RunProgress
{
    private readonly OutputGate? _gate;
    private readonly LiveProgressView? _live;

    private RunProgress(OutputGate? gate, IAnsiConsole? live, TextWriter? plain)
    {
        _gate = gate;
        if (live is not null && gate is not null)
        {
            _live = new LiveProgressView(live, Board);
            Board.Changed += _ => gate.Refresh();
        }
        else if (plain is not null)
        {
            var view = new PlainProgressView(plain);
            Board.Changed += view.Show;
        }
    }

    /// <summary>Shows nothing (a console built outside <see cref="PamctlApp"/>).</summary>
    public static RunProgress Silent { get; } = new(null, null, null);

    public ProgressBoard Board { get; } = new();

    /// <summary>True while a live display is shown.</summary>
    public bool IsLive => _live is not null;

    /// <summary>The hooks to hand the engine for observe and plan.</summary>
    public IPlanHooks PlanHooks => Board;

    /// <summary>The hooks to hand the engine for <paramref name="pam"/>'s apply: <paramref name="inner"/> (the step lines),
    /// then this progress.</summary>
    public IApplyHooks ApplyHooks(string pam, IApplyHooks inner) => Board.ForApply(pam, inner);

    /// <summary>Plain lines on <paramref name="error"/> (stderr through the redactor).</summary>
    internal static RunProgress Plain(TextWriter error) => new(null, null, error);

    /// <summary>The live display on <paramref name="console"/>, with pamctl's streams written through <paramref name="gate"/>.</summary>
    internal static RunProgress Live(IAnsiConsole console, OutputGate gate) => new(gate, console, null);

    /// <summary>Starts a phase: the live display (if any) is drawn until the result is disposed, then erased; the board
    /// starts empty either way.</summary>
    public IDisposable Show()
    {
        Board.Clear();
        if (_live is null || _gate is null)
        {
            return new Phase(() => { });
        }

        _gate.Attach(_live);
        return new Phase(_gate.Detach);
    }

    private sealed class Phase(Action end) : IDisposable
    {
        private Action? _end = end;

        public void Dispose()
        {
            Interlocked.Exchange(ref _end, null)?.Invoke();
        }
    }
}
