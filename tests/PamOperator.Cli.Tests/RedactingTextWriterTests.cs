using FluentAssertions;
using PamOperator.Core.Security;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary>One redactor, every output: values, their JSON-escaped forms and the lines of a key are masked.</summary>
public class RedactingTextWriterTests
{
    private static (RedactingTextWriter Writer, StringWriter Inner) Make(params string[] secrets)
    {
        var redactor = new SecretRedactor();
        foreach (var s in secrets)
        {
            redactor.Register(s);
        }

        var inner = new StringWriter();
        return (new RedactingTextWriter(inner, redactor), inner);
    }

    [Fact]
    public async Task Write_StringsAndCharacters_AreMasked()
    {
        var (writer, inner) = Make("hunter22");

        await writer.WriteLineAsync("pw=hunter22.");
        writer.Write("x=");
        foreach (var c in "hunter22\n")
        {
            writer.Write(c);
        }

        await writer.FlushAsync();
        inner.ToString().Should().Be($"pw=(redacted).{Environment.NewLine}x=(redacted)\n");
    }

    [Fact]
    public void Redact_JsonEscapedFormAndKeyLines_AreMasked()
    {
        var redactor = new SecretRedactor();
        const string key = "-----BEGIN KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END KEY-----\n";
        redactor.Register(key);
        redactor.Register("quo\"te<&>");

        redactor.Redact("""{"message":"bad body {\"secret\":\"-----BEGIN KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END KEY-----\n\"}"}""")
            .Should().NotContain("QUJDREVGR0hJSktMTU5PUA==");
        redactor.Redact($$"""{"password":{{System.Text.Json.JsonSerializer.Serialize("quo\"te<&>")}}}""").Should().Be("""{"password":"(redacted)"}""", "System.Text.Json escapes \" < & > as \\u0022 ...");
        redactor.Redact("""{"password":"quo\"te<&>"}""").Should().Be("""{"password":"(redacted)"}""", "most other JSON writers escape only the quote");
    }

    [Fact]
    public void Register_ShortValues_AreIgnored_SoOrdinaryTextSurvives()
    {
        var redactor = new SecretRedactor();
        redactor.Register("abc");
        redactor.Register(null);

        redactor.IsEmpty.Should().BeTrue();
        redactor.Redact("abc def").Should().Be("abc def");
    }
}
