namespace Sexting.Functions.Notifications;

/// <summary>Workflow v3: the three emails of an authorisation (§3.4.7-§3.4.9, §3.6.2), sent by one activity.</summary>
public sealed record SendFanOutInput(SendLinkEmailInput YouthTeam, SendEmailInput Advice, SendEmailInput Setting);
