using Azure;
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
    ];

    public static TheoryData<Exception> Bugs() =>
    [
        new ArgumentOutOfRangeException("year"),
        new NullReferenceException(),
        new InvalidOperationException("bug"),
        new AggregateException(new RequestFailedException(503, "one"), new InvalidOperationException("bug")),
        new AggregateException(),
        new OperationCanceledException(),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void IsUnavailable_StorageOrTransportFault_True(Exception fault) => Assert.True(BackendFaults.IsUnavailable(fault), fault.GetType().Name);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void IsUnavailable_Bug_False(Exception bug) => Assert.False(BackendFaults.IsUnavailable(bug), bug.GetType().Name);
}
