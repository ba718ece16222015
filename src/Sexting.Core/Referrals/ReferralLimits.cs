namespace Sexting.Core.Referrals;

/// <summary>Size limits of a referral (contract §2): enough for any real report, small enough to refuse abuse.</summary>
public static class ReferralLimits
{
    /// <summary>Largest accepted request body, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Longest incident summary.</summary>
    public const int MaxSummary = 4000;

    /// <summary>Longest vulnerability notes.</summary>
    public const int MaxNotes = 4000;

    /// <summary>Longest rationale of a manager's decision on Outcome 21 (contract §5, SA028 3.4.3).</summary>
    public const int MaxRationale = 4000;

    /// <summary>Longest name of a person or setting.</summary>
    public const int MaxName = 200;

    /// <summary>Longest "other aggravating factor" text (contract §2).</summary>
    public const int MaxOtherFactor = 500;

    /// <summary>Longest description of an adult involved.</summary>
    public const int MaxDescription = 1000;

    /// <summary>Most young people in one referral.</summary>
    public const int MaxYoungPeople = 20;

    /// <summary>Most adults in one referral.</summary>
    public const int MaxAdults = 20;

    /// <summary>Longest email address (RFC 5321 path limit).</summary>
    public const int MaxEmail = 254;

    /// <summary>Longest telephone number.</summary>
    public const int MaxPhone = 40;

    /// <summary>Longest school URN or postcode.</summary>
    public const int MaxShortCode = 20;

    /// <summary>Longest young person reference such as "YP1".</summary>
    public const int MaxReference = 20;
}
