using Spectre.Console;
using Spectre.Console.Rendering;

namespace PamOperator.Cli.Progress;

/// <summary>
/// The live display on a terminal (Spectre.Console, on stderr): one line per PAM of the phase, redrawn in place as the
/// engine reports, e.g. <c>prod  observing 6 kinds: 1,204 objects read</c> or
/// <c>prod  ━━━━━━━━━──────────  12/40 steps  create fudo_safe.ops</c>. Lines are cut to the terminal's width so that
/// none wraps (a wrapped line could not be erased). Erased when the phase ends: what stays on the screen is the
/// command's own output.
/// </summary>
internal sealed class LiveProgressView(IAnsiConsole console, ProgressBoard board) : ILiveRegion
{
    private const int BarWidth = 20;
    private int _drawn;

    public void Erase()
    {
        if (_drawn > 0)
        {
            // Up one line and clear it, once per drawn line: the cursor ends at the start of the first one.
            console.WriteAnsi(string.Concat(Enumerable.Repeat("\u001b[1A\u001b[2K", _drawn)));
            _drawn = 0;
        }
    }

    public void Draw()
    {
        var sections = board.Sections;
        if (sections.Count == 0)
        {
            return;
        }

        // One column short of the terminal's width, so that no line wraps (the cursor would move to the next line).
        var width = Math.Max(1, console.Profile.Width - 1);
        var nameWidth = Math.Min(sections.Max(s => s.Pam.Length), Math.Max(4, width / 3));
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        // Never taller than the screen: the cursor cannot move above its top to erase what scrolled off.
        var fits = Math.Max(1, console.Profile.Height - 2);
        var shown = sections.Count <= fits ? sections : [.. sections.Where(s => s.Phase is ProgressPhase.Observing or ProgressPhase.Applying).Take(fits - 1)];
        var lines = shown.Select(section => Line(section, nameWidth, width)).ToList();
        if (shown.Count < sections.Count)
        {
            lines.Add(new Paragraph(Cut($"  and {sections.Count - shown.Count} more PAM(s)", width), new Style(Color.Grey)));
        }

        foreach (var line in lines)
        {
            console.Write(line);
            console.WriteLine();
            // Counted as Spectre lays it out, so that a line the terminal wrapped after all is still erased whole.
            _drawn += 1 + ((IRenderable)line).Render(options, console.Profile.Width).Count(segment => segment.IsLineBreak);
        }
    }

    private static Paragraph Line(SectionProgress section, int nameWidth, int width)
    {
        var line = new Paragraph();
        var name = Cut(section.Pam, nameWidth).PadRight(nameWidth);
        line.Append(name, new Style(decoration: Decoration.Bold));
        var used = name.Length;
        if (section.Phase is ProgressPhase.Applying or ProgressPhase.Applied && width - used >= BarWidth + 16)
        {
            var done = section.StepsTotal == 0 ? BarWidth : (int)((long)BarWidth * section.StepsDone / section.StepsTotal);
            line.Append("  " + new string('━', done), new Style(section.StepsFailed > 0 ? Color.Red : Color.Green));
            line.Append(new string('─', BarWidth - done), new Style(Color.Grey));
            used += 2 + BarWidth;
        }

        var state = "  " + ProgressText.State(section);
        line.Append(Cut(state, width - used), new Style(section.Phase == ProgressPhase.ObserveFailed ? Color.Red : Color.Default));
        used += Math.Min(state.Length, Math.Max(0, width - used));
        if (section.CurrentStep is { } step && width - used > 4)
        {
            line.Append(Cut("  " + step, width - used), new Style(Color.Grey));
        }

        return line;
    }

    private static string Cut(string text, int width) =>
        width <= 0 ? "" : text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";
}
