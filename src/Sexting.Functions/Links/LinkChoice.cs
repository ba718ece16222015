namespace Sexting.Functions.Links;

/// <summary>
/// What a valid form asks a link to record (contract §5, §11): the use's action word, its text and
/// the young people it names; whether it is final (consumes every link of the referral and purpose);
/// and the audit action of the person who made it (§9), if a person did.
/// </summary>
public sealed record LinkChoice(string Action, string? Text, IReadOnlyList<string> Delivered, string? AuditAction, bool Final = true);
