using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PamOperator.Providers.Http;

/// <summary>
/// Reads JSON tokens from a (bounded) stream as they arrive, for parsing list pages straight into typed rows without
/// a document or a node per object. The buffer holds the unread tail only (it grows for one long token, and the body
/// limit bounds it). Malformed JSON throws <see cref="JsonException"/>, which the client reports as an untrusted
/// answer. Not thread-safe; dispose to return the buffer.
/// </summary>
public sealed class JsonStreamScanner(Stream body) : IDisposable
{
    private const int InitialBuffer = 16 * 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _anyToken;
    private bool _rootComplete;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });

    /// <summary>The token <see cref="ReadAsync"/> last read; <see cref="JsonTokenType.None"/> before the first.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>Depth of the last token (0 = the root value).</summary>
    public int Depth { get; private set; }

    /// <summary>The last token's text: the unescaped string of a property name or string, the raw text of a number,
    /// null otherwise.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of the body (after the root value, or an empty body).</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadToken())
            {
                return true;
            }

            if (_eof)
            {
                TokenType = JsonTokenType.None;
                return false;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>After a start token (object or array), reads up to and including its end token; otherwise does nothing.</summary>
    public async ValueTask SkipAsync(CancellationToken cancellationToken)
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (await ReadAsync(cancellationToken))
        {
            if (TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && Depth == depth)
            {
                return;
            }
        }

        throw new JsonException("the body ended inside a value");
    }

    /// <summary>Reads to the end of the body: anything but whitespace after the root value throws.</summary>
    public async ValueTask EnsureEndAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken))
        {
            throw new JsonException("more than one JSON value in the body");
        }
    }

    private bool TryReadToken()
    {
        if (_eof && _start == _end)
        {
            // Nothing left: an empty body (the caller says so) or the end after the root value; anything else was cut.
            return !_anyToken || _rootComplete ? false : throw new JsonException("the body ended inside a value");
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        if (!reader.Read())
        {
            return false;
        }

        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        Text = reader.TokenType switch
        {
            JsonTokenType.PropertyName or JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _anyToken = true;
        _rootComplete = Depth == 0 && TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray);
        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var n = await body.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += n;
        _eof = n == 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
