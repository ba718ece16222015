namespace Sexting.Core.Cases;

/// <summary>What falls due for a case (contract §7, §12), one partition of the due index each.</summary>
public enum DueKind
{
    /// <summary>Education and intervention to be delivered by this time (§3.4.7).</summary>
    Education,

    /// <summary>
    /// The case closed at this time; retention counts from it (contract §12 <c>Retention:ClosedCaseAfter</c>),
    /// so a force that changes the period changes it for cases already closed too.
    /// </summary>
    Closed,

    /// <summary>The referral became unconfirmed at this time (contract §11, §12 <c>Retention:UnconfirmedAfter</c>).</summary>
    Unconfirmed,
}
