using Sexting.Functions.Notifications;

namespace Sexting.Functions.Assessment;

/// <summary>
/// Workflow v5: the first step of a referral in one activity. The acknowledgement (contract §4.1), the
/// assessment (§3.2.2, §3.5), and the safeguarding alert sent only when the assessment finds concerns.
/// </summary>
public sealed record AcknowledgeAndAssessInput(SendLinkEmailInput Acknowledgement, AssessReferralInput Assessment, SendEmailInput SafeguardingAlert);
