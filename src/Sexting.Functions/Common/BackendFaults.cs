using Azure;
using Azure.Identity;
using Grpc.Core;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;

namespace Sexting.Functions.Common;

/// <summary>
/// Which exceptions mean "storage, the workflow backend or a transport is unavailable", and so a 503
/// with <c>Retry-After</c>: Table Storage and Key Vault (<see cref="RequestFailedException"/>, and the
/// <see cref="AggregateException"/> Azure.Core throws when every retry of one failed or timed out), the
/// managed identity's token for them (<see cref="AuthenticationFailedException"/>, its
/// <see cref="CredentialUnavailableException"/> included: the token endpoint failed or could not be
/// reached), the durable backend (<see cref="RpcException"/>), a network (<see cref="HttpRequestException"/>,
/// <see cref="TimeoutException"/>), the mail service (<see cref="EmailTransientException"/>: SendGrid down,
/// throttling past its waits, or its account refusing; a route that emails in the request, such as the expert's
/// advice, is answered 503 and sends on the retry), and a case row still contended after <c>CaseUpdater</c>'s
/// retries (<see cref="ConcurrencyConflictException"/>); any of these also as the inner exception of another.
/// Anything else is a bug: it is not caught, so the host logs it as an error and answers 500 with no
/// detail in the body.
/// </summary>
public static class BackendFaults
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException or AuthenticationFailedException or RpcException or HttpRequestException or TimeoutException
            or EmailTransientException or ConcurrencyConflictException => true,
        // Azure.Core's "retry failed after N tries": each try failed on the wire or timed out on the network.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is OperationCanceledException || IsUnavailable(e)),
        // One of the above wrapped by whatever called it (a credential, a client, a binding) is still that fault.
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
