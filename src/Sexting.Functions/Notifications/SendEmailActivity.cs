using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Notifications;

/// <summary>Sends the emails of one workflow step that carry no link.</summary>
public sealed class SendEmailActivity(ICaseStore store, IDecisionLinkStore links, EmailStep emailStep, IOptions<ForcesOptions> forces)
{
    [Function(nameof(SendEmailActivity))]
    public Task<EmailStepResult> RunAsync([ActivityTrigger] SendEmailInput input) => SendAsync(input, null);

    /// <summary>The step, for <paramref name="known"/>, the case as a merged step (workflow v5) just read or wrote it (no read of its own).</summary>
    public async Task<EmailStepResult> SendAsync(SendEmailInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var delivered = await DeliverAsync(input, known).ConfigureAwait(false);
        await emailStep.RecordAsync(input.ReferralId, delivered, CancellationToken.None).ConfigureAwait(false);
        return delivered.Result;
    }

    /// <summary>As <see cref="SendAsync"/>, but leaves the step's record to the caller (<see cref="EmailStep.DeliverAsync"/>).</summary>
    public async Task<DeliveredStep> DeliverAsync(SendEmailInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var @case = known ?? await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");

        // Contract §12: who consulted or declined, and why, come from the link store, not the history.
        var use = input.UseId is { } useId
            ? await links.GetUseAsync(input.ReferralId, LinkPurpose.Authorisation, useId, ct).ConfigureAwait(false)
            : null;
        var actorName = use?.By.ToString() ?? input.ActorName;
        var rationale = use is null ? input.Rationale : use.Text;
        // Contract §12: a configured mailbox is named by its role in the history; its address is read now.
        var mailbox = input.Recipient == EmailRecipient.Configured && input.Mailbox is { } role
            ? forces.Value.AddressOf(@case.ForceArea, role)
            : null;
        var requests = Recipients(input, @case, mailbox)
            .Select(r => new EmailRequest(input.Kind, r.To, @case)
            {
                RecipientName = r.Name,
                Audience = r.Audience,
                ActorName = actorName,
                Rationale = rationale,
                DueBy = input.DueBy ?? @case.Education?.DueBy,
            })
            .ToList();

        var detail = input.Recipient == EmailRecipient.AdviceAudience
            ? DescribeAdvice(requests, NotSafeToContact(@case).Count)
            // The mailbox first: what replaces the other two comes from the link store.
            : input.Detail.WithMailbox(mailbox)
                .Replace(SendEmailInput.ByPlaceholder, actorName ?? "the manager", StringComparison.Ordinal)
                .Replace(SendEmailInput.SentToPlaceholder, use?.SentTo ?? "an earlier link", StringComparison.Ordinal);
        return await emailStep.DeliverAsync(requests, input.ReferralId, input.Step, input.At, input.Event, detail, ct).ConfigureAwait(false);
    }

    private static IEnumerable<(string To, string? Name, AdviceAudience? Audience)> Recipients(SendEmailInput input, CaseRecord @case, string? mailbox)
    {
        switch (input.Recipient)
        {
            case EmailRecipient.Configured:
                // An input scheduled before contract §12's fix gave the address itself.
                yield return (mailbox ?? input.To ?? throw new InvalidOperationException("A configured recipient needs a mailbox or an address."), null, null);
                break;
            case EmailRecipient.Reporter:
                yield return (@case.Referral.Reporter.Email, @case.Referral.Reporter.Name, null);
                break;
            case EmailRecipient.AdviceAudience:
                // §3.4.7, §3.6.2: the advice to every parent/carer and every young person with an
                // email; contract §2, §4.5: never to a parent or carer the setting says is not safe
                // to contact (UKCIS 2024), even where another child's entry gives the same address.
                var seen = NotSafeToContact(@case);
                foreach (var person in @case.Referral.YoungPeople)
                {
                    if (person.ParentCarer is { SafeToContact: true, Email: { } parent } && seen.Add(parent))
                    {
                        yield return (parent, person.ParentCarer.Name, AdviceAudience.ParentCarer);
                    }

                    if (person.Email is { } own && seen.Add(own))
                    {
                        yield return (own, person.Name, AdviceAudience.YoungPerson);
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input.Recipient, "Unknown recipient.");
        }
    }

    private static HashSet<string> NotSafeToContact(CaseRecord @case) =>
        @case.Referral.YoungPeople
            .Where(p => p.ParentCarer is { SafeToContact: false, Email: not null })
            .Select(p => p.ParentCarer!.Email!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // Counts only: the timeline holds no names or addresses.
    private static string DescribeAdvice(List<EmailRequest> requests, int notSafe)
    {
        var withheld = notSafe == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"; {notSafe} parent(s)/carer(s) not contacted: the setting said it was not safe");
        if (requests.Count == 0)
        {
            return "No parent/carer or young person email address was given" + withheld;
        }

        var parents = requests.Count(r => r.Audience == AdviceAudience.ParentCarer);
        var young = requests.Count(r => r.Audience == AdviceAudience.YoungPerson);
        return string.Create(CultureInfo.InvariantCulture, $"Advice and guidance sent to {parents} parent(s)/carer(s) and {young} young person(s)") + withheld;
    }
}
