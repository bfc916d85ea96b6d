using Microsoft.Extensions.Logging;
using PamOperator.Core.Security;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The operator's logger: every entry is formatted, passed through the <see cref="SecretRedactor"/> (which knows every
/// secret value the operator resolved), and only then handed to the real logger. A PAM that echoes a secret in an error
/// message therefore cannot put it into the logs. Exceptions are not passed on (their text is in the message, redacted).
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var text = redactor.Redact(formatter(state, exception)) ?? string.Empty;
        inner.Log(logLevel, eventId, text, null, static (s, _) => s);
    }
}
