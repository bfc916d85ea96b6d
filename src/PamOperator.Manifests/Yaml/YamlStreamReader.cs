using PamOperator.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PamOperator.Manifests.Yaml;

/// <summary>
/// Turns YAML text into documents of <see cref="SourceNode"/>s from the parser's events, keeping every node's line
/// and column. Reports (never throws) syntax errors, tabs, duplicate keys, unknown aliases and nesting deeper than
/// <see cref="YamlLimits.MaxDepth"/>; a syntax error or excessive depth ends the file, keeping the documents before it.
/// </summary>
internal sealed class YamlStreamReader
{
    private readonly string _file;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<ParsedDocument> _documents = [];
    private readonly Stack<NodeFrame> _stack = new();
    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private SourceNode? _root;
    private SourceLocation _documentStart;
    private Mark _lastMark = Mark.Empty;

    private YamlStreamReader(string file, string text, DiagnosticBag diagnostics)
    {
        _file = file;
        _text = text;
        _diagnostics = diagnostics;
        _documentStart = new SourceLocation(file, 1, 1);
    }

    public static IReadOnlyList<ParsedDocument> Read(string file, string text, DiagnosticBag diagnostics)
    {
        var reader = new YamlStreamReader(file, text, diagnostics);
        reader.Run();
        return reader._documents;
    }

    private void Run()
    {
        var parser = new Parser(new StringReader(_text));
        try
        {
            while (parser.MoveNext())
            {
                var parsingEvent = parser.Current!;
                _lastMark = parsingEvent.End;
                if (!On(parsingEvent))
                {
                    return;
                }
            }
        }
        catch (YamlException ex)
        {
            _diagnostics.Add(YamlSyntaxErrors.Describe(ex.Message, At(ex.Start), _text));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input (e.g. an unclosed flow sequence); a parser
            // defect on user input is still a syntax error for the user.
            _diagnostics.Add(YamlSyntaxErrors.Describe("the YAML parser could not continue here", At(_lastMark), _text));
        }
    }

    /// <summary>Handles one event; false stops the file.</summary>
    private bool On(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                _anchors.Clear();
                _root = null;
                _documentStart = At(e.Start);
                return true;
            case DocumentEnd:
                _documents.Add(IsEmpty(_root) ? new ParsedDocument(null, _documentStart) : new ParsedDocument(_root, _root!.Location));
                return true;
            case Scalar s:
                Complete(new ScalarNode(s.Value, s.Style == ScalarStyle.Plain && s.Tag.IsEmpty, TagOf(s), At(s.Start)), s.Anchor);
                return true;
            case MappingStart m:
                return Push(new NodeFrame(true, AnchorOf(m), TagOf(m), At(m.Start)), m.Start);
            case SequenceStart q:
                return Push(new NodeFrame(false, AnchorOf(q), TagOf(q), At(q.Start)), q.Start);
            case MappingEnd or SequenceEnd:
                var frame = _stack.Pop();
                Complete(frame.Build(), frame.Anchor is null ? AnchorName.Empty : new AnchorName(frame.Anchor));
                return true;
            case AnchorAlias alias:
                Alias(alias);
                return true;
            default:
                return true;
        }
    }

    private bool Push(NodeFrame frame, Mark start)
    {
        if (_stack.Count >= YamlLimits.MaxDepth)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NestingTooDeep,
                $"nesting deeper than {YamlLimits.MaxDepth} levels",
                "Manifests are a few levels deep; this looks like generated or hostile input. The rest of the file was not read.",
                At(start)));
            return false;
        }

        _stack.Push(frame);
        return true;
    }

    private void Alias(AnchorAlias alias)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            Complete(new AliasNode(target, At(alias.Start)), AnchorName.Empty);
            return;
        }

        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"unknown alias *{NodeFrame.Shorten(alias.Value.Value)}",
            "An alias must refer to an anchor (&name) defined earlier in the same document.", At(alias.Start)));
        Complete(new ReportedNode(At(alias.Start)), AnchorName.Empty);
    }

    private void Complete(SourceNode node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        if (_stack.Count == 0)
        {
            _root = node;
        }
        else
        {
            _stack.Peek().Add(node, _diagnostics);
        }
    }

    private static bool IsEmpty(SourceNode? root) =>
        root is null || (root is ScalarNode { IsPlain: true, Value.Length: 0 });

    private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty ? null : e.Tag.Value;

    private SourceLocation At(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
