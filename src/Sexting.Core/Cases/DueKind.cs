namespace Sexting.Core.Cases;

/// <summary>What falls due for a case (contract §7).</summary>
public enum DueKind
{
    /// <summary>Education and intervention to be delivered by this time (§3.4.7).</summary>
    Education,
}
