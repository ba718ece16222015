using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>
/// Subjects: the crime reference and a few words of what the email is. Never a name, never the
/// word "sexting" (a subject shows on a locked phone), never a line break (a header injection).
/// </summary>
internal static class EmailSubjects
{
    public static string For(EmailKind kind, string? crimeReference, string localOutcome, string? dueBy, string? reviewDate)
    {
        var subject = kind switch
        {
            EmailKind.IntakeAcknowledgement => $"{crimeReference}: your referral has been received",
            EmailKind.SafeguardingAlert => $"{crimeReference}: safeguarding alert - action needed now",
            EmailKind.AuthorisationRequest => $"{crimeReference}: {localOutcome} proposed - your authorisation is needed",
            EmailKind.AuthorisationReminder => $"{crimeReference}: reminder - {localOutcome} still awaits your authorisation",
            EmailKind.AuthorisationEscalation => $"{crimeReference}: escalation - {localOutcome} not yet authorised",
            EmailKind.SafeguardingExpertConsultation => $"{crimeReference}: your advice is asked on the use of {localOutcome}",
            EmailKind.InvestigationReferral => $"{crimeReference}: referred for investigation",
            EmailKind.YouthTeamNotification => $"{crimeReference}: education and intervention to deliver by {dueBy}",
            EmailKind.AdviceGuidance => $"{crimeReference}: advice and guidance for you",
            EmailKind.SettingOutcome => $"{crimeReference}: the outcome of your referral",
            EmailKind.EducationReminder => $"{crimeReference}: education and intervention overdue",
            EmailKind.SafeguardingAdviceRecorded => $"{crimeReference}: safeguarding advice recorded",
            EmailKind.PolicyReviewReminder => $"SA028: the policy's review date ({reviewDate}) has been reached",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown email kind."),
        };

        if (subject.Any(char.IsControl))
        {
            throw new InvalidOperationException("An email subject may not contain control characters.");
        }

        return subject;
    }
}
