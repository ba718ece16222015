using System.ComponentModel.DataAnnotations;

namespace Sexting.Infrastructure.Email;

/// <summary>
/// Retries of one send (<c>Email:Retry:*</c>): 429, 408 and 5xx answers and network failures are
/// tried again with exponential back-off and jitter, or after the server's <c>Retry-After</c>.
/// When the attempts run out the sender throws, and the workflow's own retry tries later.
/// </summary>
public sealed class EmailRetryOptions
{
    /// <summary>Attempts in one send, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off; each further one doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off between two attempts when the server gives no <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a network failure and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> waited inside one send. A longer one is honoured by not
    /// sending again now: the send ends with a transient failure and the workflow retries later.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
