namespace Sexting.Bench.Journey;

/// <summary>An email file seen in the outbox: its kind and referral (custom_args), its text, and when the bench first saw it.</summary>
internal sealed record OutboxEmail(string Kind, string? ReferralId, string Json, DateTime SeenAt);
