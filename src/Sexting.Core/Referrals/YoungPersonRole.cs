namespace Sexting.Core.Referrals;

/// <summary>How a young person is involved in the incident (contract §2).</summary>
public enum YoungPersonRole
{
    /// <summary>Made the imagery.</summary>
    Creator,

    /// <summary>Sent or shared it.</summary>
    Sender,

    /// <summary>Received it.</summary>
    Recipient,

    /// <summary>Is shown in it.</summary>
    Subject,

    /// <summary>Involved in another way.</summary>
    Other,
}
