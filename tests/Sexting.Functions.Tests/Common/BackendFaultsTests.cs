using Azure;
using Azure.Identity;
using Grpc.Core;
using Sexting.Core.Cases;
using Sexting.Functions.Common;

namespace Sexting.Functions.Tests.Common;

public sealed class BackendFaultsTests
{
    public static TheoryData<Exception> Unavailable() =>
    [
        new RequestFailedException(503, "Service unavailable"),
        new RpcException(new Status(StatusCode.Unavailable, "backend down")),
        new HttpRequestException("connection refused"),
        new TimeoutException(),
        new ConcurrencyConflictException("case"),
        new AggregateException(new RequestFailedException(503, "one"), new HttpRequestException("two")),
        new AggregateException(new RequestFailedException(503, "one"), new TaskCanceledException("network timeout")),
        // The managed identity's token (DefaultAzureCredential, ManagedIdentityCredential): not a RequestFailedException.
        new AuthenticationFailedException("ManagedIdentityCredential authentication failed"),
        new CredentialUnavailableException("ManagedIdentityCredential: no identity endpoint"),
        new AggregateException(new AuthenticationFailedException("token endpoint failed")),
        // Any of them as the inner exception of another.
        new InvalidOperationException("wrapped", new AuthenticationFailedException("token endpoint failed")),
        new InvalidOperationException("wrapped", new InvalidOperationException("again", new CredentialUnavailableException("no endpoint"))),
        new TaskCanceledException("HttpClient.Timeout", new TimeoutException()),
    ];

    public static TheoryData<Exception> Bugs() =>
    [
        new ArgumentOutOfRangeException("year"),
        new NullReferenceException(),
        new InvalidOperationException("bug"),
        new AggregateException(new RequestFailedException(503, "one"), new InvalidOperationException("bug")),
        new AggregateException(),
        new OperationCanceledException(),
        new InvalidOperationException("bug", new ArgumentException("inner bug")),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void IsUnavailable_StorageOrTransportFault_True(Exception fault) => Assert.True(BackendFaults.IsUnavailable(fault), fault.GetType().Name);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void IsUnavailable_Bug_False(Exception bug) => Assert.False(BackendFaults.IsUnavailable(bug), bug.GetType().Name);
}
