using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sexting.LocalHost.Tests.Support;

namespace Sexting.LocalHost.Tests;

/// <summary>The local host's logs record link paths with the token replaced, and no function key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogRedactionTests(AzuriteFixture azurite)
{
    private const string Token = "Zx81QwErTy.uIoP4aSdFgHjKl7zXcVbNm0qW2eR5tYu";

    [Fact]
    public async Task Request_LinkPathAtInformation_LoggedWithTokenReplaced()
    {
        var capture = new CapturingProvider();
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" };
        await using (var host = await RunningLocalHost.StartAsync(azurite, "LogRedaction", settings, b => b.Logging.AddProvider(capture)))
        {
            using var approval = await host.Http.GetAsync(new Uri("/api/approvals/" + Token, UriKind.Relative));
            using var keyed = await host.Http.GetAsync(new Uri("/api/samples/x?code=not-a-real-function-key", UriKind.Relative));
        }

        var lines = capture.Messages;
        Assert.Contains(lines, l => l.Contains("/api/approvals/{token}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("code={redacted}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("not-a-real-function-key", StringComparison.Ordinal));
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
