namespace Sexting.Functions.Education;

/// <summary>
/// Record education and intervention delivered (§3.4.7) at <paramref name="At"/>. Who confirmed it,
/// their notes and the young people ticked are read from the link store by <see cref="UseId"/>
/// (contract §4.7, §12): nothing personal in the durable history.
/// </summary>
public sealed record RecordEducationDeliveredInput(string ReferralId, DateTimeOffset At)
{
    /// <summary>The recorded use of the education-delivered link.</summary>
    public string? UseId { get; init; }

    /// <summary>
    /// Workflow v3 (contract §4.7): a use the link store does not hold (an event raised by anyone else)
    /// changes nothing and the activity answers the case's status as it is, so the workflow goes on
    /// waiting, instead of the separate read of earlier versions. Earlier versions read first and fail here.
    /// </summary>
    public bool IgnoreUnrecorded { get; init; }

    /// <summary>Inputs scheduled before contract §12 named the officer ("Name (email)") here; still honoured.</summary>
    public string? DeliveredBy { get; init; }

    /// <summary>Earlier inputs: the officer's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Earlier inputs: the address the link went to.</summary>
    public string? SentTo { get; init; }

    /// <summary>Earlier inputs: the young people ticked.</summary>
    public IReadOnlyList<string>? Delivered { get; init; }
}
