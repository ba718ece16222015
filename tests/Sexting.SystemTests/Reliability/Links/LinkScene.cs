using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.SystemTests.Reliability.Intake;
using Sexting.SystemTests.Reliability.Support;

namespace Sexting.SystemTests.Reliability.Links;

/// <summary>
/// Two referrals in the real store: A awaiting authorisation with three authorisation links (request,
/// reminder, escalation) and an education link; B awaiting authorisation with its own link.
/// </summary>
public sealed class LinkScene
{
    public const string Manager = "manager@reliability-force.example";

    private LinkScene(CaseRecord a, CaseRecord b, DecisionToken[] authorisationA, DecisionToken educationA, DecisionToken authorisationB)
    {
        A = a;
        B = b;
        AuthorisationA = authorisationA;
        EducationA = educationA;
        AuthorisationB = authorisationB;
    }

    public CaseRecord A { get; }

    public CaseRecord B { get; }

    /// <summary>Request, reminder and escalation links of A.</summary>
    public IReadOnlyList<DecisionToken> AuthorisationA { get; }

    public DecisionToken EducationA { get; }

    public DecisionToken AuthorisationB { get; }

    public static TimeSpan Lifetime => TimeSpan.FromDays(7);

    public static async Task<LinkScene> CreateAsync(AppHarness app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Get<ICaseStore>();
        var links = app.Get<IDecisionLinkStore>();
        var a = await CaseAsync(app, store);
        var b = await CaseAsync(app, store);
        var authorisationA = new[] { DecisionToken.Issue(a.ReferralId), DecisionToken.Issue(a.ReferralId), DecisionToken.Issue(a.ReferralId) };
        foreach (var token in authorisationA)
        {
            await SaveAsync(app, links, token, LinkPurpose.Authorisation);
        }

        var educationA = DecisionToken.Issue(a.ReferralId);
        await SaveAsync(app, links, educationA, LinkPurpose.EducationDelivered);
        var authorisationB = DecisionToken.Issue(b.ReferralId);
        await SaveAsync(app, links, authorisationB, LinkPurpose.Authorisation);
        return new LinkScene(a, b, authorisationA, educationA, authorisationB);
    }

    private static async Task<CaseRecord> CaseAsync(AppHarness app, ICaseStore store)
    {
        var referral = app.Get<Sexting.Core.Referrals.ReferralParser>().Parse(ValidReferral.Json()).Referral!;
        var created = await store.CreateAsync(ReferralIds.NewRandom(), referral, app.Clock.GetUtcNow(), CancellationToken.None);
        return await store.UpdateAsync(created.Case.MoveTo(CaseStatus.AwaitingAuthorisation), CancellationToken.None);
    }

    private static Task SaveAsync(AppHarness app, IDecisionLinkStore links, DecisionToken token, LinkPurpose purpose) =>
        links.SaveAsync(new DecisionLink(token.Hash, token.ReferralId, purpose, Manager, app.Clock.GetUtcNow(), app.Clock.GetUtcNow() + Lifetime, null), CancellationToken.None);
}
