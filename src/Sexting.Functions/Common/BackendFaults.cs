using Azure;
using Grpc.Core;
using Sexting.Core.Cases;

namespace Sexting.Functions.Common;

/// <summary>
/// Which exceptions mean "storage, the workflow backend or a transport is unavailable", and so a 503
/// with <c>Retry-After</c>: Table Storage and Key Vault (<see cref="RequestFailedException"/>, and the
/// <see cref="AggregateException"/> Azure.Core throws when every retry of one failed or timed out), the durable
/// backend (<see cref="RpcException"/>), a network (<see cref="HttpRequestException"/>,
/// <see cref="TimeoutException"/>), and a case row still contended after <c>CaseUpdater</c>'s
/// retries (<see cref="ConcurrencyConflictException"/>). Anything else is a bug: it is not caught, so
/// the host logs it as an error and answers 500 with no detail in the body.
/// </summary>
public static class BackendFaults
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException or RpcException or HttpRequestException or TimeoutException or ConcurrencyConflictException => true,
        // Azure.Core's "retry failed after N tries": each try failed on the wire or timed out on the network.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is OperationCanceledException || IsUnavailable(e)),
        _ => false,
    };
}
