using System.Net.Mail;

namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>Policy:*</c>: the policy's own next scheduled review (§5.1) and its owner (§5.3).</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>§5.1: the next scheduled review of SA028 version 1.0.</summary>
    public DateOnly NextReviewDate { get; set; } = new(2020, 3, 13);

    /// <summary>§5.3: the document owner, the Alliance Prevention Department.</summary>
    public string OwnerEmail { get; set; } = "prevention@alliance.police.example";

    public bool IsValid() => MailAddress.TryCreate(OwnerEmail, out var m) && m.Address == OwnerEmail;
}
