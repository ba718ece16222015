namespace Sexting.Functions.Authorisation;

/// <summary>
/// Record Outcome 21 authorised at <paramref name="At"/>, education due by <paramref name="DueBy"/>.
/// Who authorised and why are read from the link store by <see cref="UseId"/> (contract §4.7, §12):
/// nothing personal in the durable history.
/// </summary>
public sealed record RecordAuthorisationInput(string ReferralId, DateTimeOffset At, DateTimeOffset DueBy)
{
    /// <summary>The recorded use of the authorisation link.</summary>
    public string? UseId { get; init; }

    /// <summary>Inputs scheduled before contract §12 named the manager ("Name (email)") here; still honoured.</summary>
    public string? AuthorisedBy { get; init; }

    /// <summary>Earlier inputs: the address the link went to.</summary>
    public string? SentTo { get; init; }

    /// <summary>Earlier inputs: the rationale.</summary>
    public string? Rationale { get; init; }
}
