using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// Every log line the app writes, formatted as a console logger would, exceptions included, so a
/// test can search them for what must never be logged (item 5: names, emails, summaries, secrets).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string Text => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " {" + string.Join(", ", values.Select(v => v.Key + "=" + v.Value)) + "}";
            }

            lines.Enqueue(exception is null ? line : line + "\n" + exception);
        }
    }
}
