namespace Sexting.Infrastructure.Tests.Email;

/// <summary>A request as the capture server saw it.</summary>
internal sealed record CapturedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset At);
