using System.Collections.Concurrent;
using Sexting.Core.Notifications;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>
/// Records every send attempt and every delivery; delivers each idempotency key once, as the real
/// senders must. Can be told to fail transiently or to refuse messages of a kind.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly Lock _lock = new();
    private readonly List<EmailMessage> _attempts = [];
    private readonly List<EmailMessage> _delivered = [];
    private readonly ConcurrentDictionary<EmailKind, int> _transientFailures = new();

    public HashSet<EmailKind> RejectKinds { get; } = [];

    public IReadOnlyList<EmailMessage> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public IReadOnlyList<EmailMessage> Delivered
    {
        get
        {
            lock (_lock)
            {
                return [.. _delivered];
            }
        }
    }

    public void FailTransiently(EmailKind kind, int times) => _transientFailures[kind] = times;

    public IReadOnlyList<EmailMessage> DeliveredOf(EmailKind kind) => Delivered.Where(m => m.Kind == kind).ToList();

    public Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _attempts.Add(message);
            if (_transientFailures.TryGetValue(message.Kind, out var left) && left > 0)
            {
                _transientFailures[message.Kind] = left - 1;
                throw new EmailTransientException("Injected 503.");
            }

            if (RejectKinds.Contains(message.Kind))
            {
                return Task.FromResult(new EmailDelivery(EmailDeliveryStatus.Rejected, "Injected 400."));
            }

            if (_delivered.Any(d => d.IdempotencyKey == message.IdempotencyKey))
            {
                return Task.FromResult(new EmailDelivery(EmailDeliveryStatus.AlreadyDelivered));
            }

            _delivered.Add(message);
            return Task.FromResult(new EmailDelivery(EmailDeliveryStatus.Delivered));
        }
    }
}
