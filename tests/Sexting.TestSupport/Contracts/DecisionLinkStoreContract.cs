using Sexting.Core.Links;
using Xunit;

namespace Sexting.TestSupport.Contracts;

/// <summary>
/// What every <see cref="IDecisionLinkStore"/> does, run against each one: the in-memory fake the unit
/// tests use (Functions.Tests) and the Table Storage store on Azurite (Infrastructure.Tests). Contract §5:
/// a link is valid until it expires or a final decision is made for its referral and purpose, by it,
/// by another of its links or without a link; of concurrent deciders exactly one wins.
/// </summary>
public abstract class DecisionLinkStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = IssuedAt.AddDays(7);
    private static readonly DateTimeOffset Now = IssuedAt.AddHours(1);
    private static readonly StaffIdentity Manager = new("user-2", "Pat Manager", "pat.manager@police.example");

    private IDecisionLinkStore? _store;

    /// <summary>The store under test: a new, empty one for each test.</summary>
    protected IDecisionLinkStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The factory: a new, empty link store.</summary>
    protected abstract Task<IDecisionLinkStore> CreateStoreAsync();

    /// <summary>
    /// The referral id of a new case that the store's side of the app holds: links and uses belong to a
    /// stored case (the Table store seals their personal data with the case's data key, contract §12).
    /// </summary>
    protected abstract Task<string> NewCaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<(DecisionToken Token, DecisionLink Link)> SaveAsync(string referralId, LinkPurpose purpose = LinkPurpose.Authorisation, string sentTo = "manager@police.example")
    {
        var token = DecisionToken.Issue(referralId);
        var link = new DecisionLink(token.Hash, referralId, purpose, sentTo, IssuedAt, ExpiresAt, null);
        await Store.SaveAsync(link, default);
        return (token, link);
    }

    private static LinkUse UseOf(string referralId, string action, LinkPurpose purpose = LinkPurpose.Authorisation, string? text = "No aggravating factors") =>
        new(LinkUse.NewId(), referralId, purpose, action, Manager, "manager@police.example", Now, text, []);

    private static void AssertSameUse(LinkUse expected, LinkUse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.UseId, actual.UseId);
        Assert.Equal(expected.ReferralId, actual.ReferralId);
        Assert.Equal(expected.Purpose, actual.Purpose);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.By, actual.By);
        Assert.Equal(expected.SentTo, actual.SentTo);
        Assert.Equal(expected.At, actual.At);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Delivered, actual.Delivered);
    }

    // ----- save, inspect -----

    [Fact]
    public async Task InspectAsync_Saved_ValidWithTheLink()
    {
        var (token, link) = await SaveAsync(await NewCaseAsync());

        var consumption = await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default);

        Assert.Equal(LinkState.Valid, consumption.State);
        Assert.Equal(link, consumption.Link);
    }

    [Fact]
    public async Task InspectAsync_Twice_ChangesNothing()
    {
        var (token, _) = await SaveAsync(await NewCaseAsync());

        await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default);

        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
    }

    [Fact]
    public async Task SaveAsync_Again_TheFirstLinkStands()
    {
        var (token, link) = await SaveAsync(await NewCaseAsync());

        await Store.SaveAsync(link with { SentTo = "someone.else@police.example", ExpiresAt = IssuedAt.AddMinutes(1) }, default);

        Assert.Equal(link, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).Link);
    }

    [Fact]
    public async Task InspectAsync_NeverSaved_UnknownWithoutALink()
    {
        var consumption = await Store.InspectAsync(DecisionToken.Issue(ReferralIds.NewRandom()), LinkPurpose.Authorisation, Now, default);

        Assert.Equal(LinkState.Unknown, consumption.State);
        Assert.Null(consumption.Link);
    }

    [Fact]
    public async Task InspectAsync_AnotherPurpose_Unknown()
    {
        var (token, _) = await SaveAsync(await NewCaseAsync(), LinkPurpose.EducationDelivered);

        Assert.Equal(LinkState.Unknown, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
    }

    [Fact]
    public async Task InspectAsync_AtAndAfterExpiry_Expired()
    {
        var (token, _) = await SaveAsync(await NewCaseAsync());

        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, ExpiresAt.AddTicks(-1), default)).State);
        Assert.Equal(LinkState.Expired, (await Store.InspectAsync(token, LinkPurpose.Authorisation, ExpiresAt, default)).State);
        Assert.Equal(LinkState.Expired, (await Store.InspectAsync(token, LinkPurpose.Authorisation, ExpiresAt.AddDays(1), default)).State);
    }

    // ----- consume -----

    [Fact]
    public async Task ConsumeAsync_Valid_ValidOnceWithTheLinkClosedThenUsed()
    {
        var id = await NewCaseAsync();
        var (token, link) = await SaveAsync(id);
        var use = UseOf(id, "Authorise");

        var first = await Store.ConsumeAsync(token, use, Now, default);
        var second = await Store.ConsumeAsync(token, UseOf(id, "Decline"), Now.AddMinutes(1), default);

        Assert.Equal(LinkState.Valid, first.State);
        Assert.Equal(link with { ClosedAt = Now }, first.Link);
        Assert.Equal(LinkState.Used, second.State);
        var inspected = await Store.InspectAsync(token, LinkPurpose.Authorisation, Now.AddMinutes(2), default);
        Assert.Equal(LinkState.Used, inspected.State);
        Assert.Equal(Now, inspected.Link?.ClosedAt);
        AssertSameUse(use, await Store.GetUseAsync(id, LinkPurpose.Authorisation, use.UseId, default));
    }

    [Fact]
    public async Task ConsumeAsync_OneOfTwoLinks_TheOtherUsedAndOtherPurposesStillValid()
    {
        var id = await NewCaseAsync();
        var (first, _) = await SaveAsync(id, sentTo: "manager@police.example");
        var (second, secondLink) = await SaveAsync(id, sentTo: "deputy@police.example");
        var (education, _) = await SaveAsync(id, LinkPurpose.EducationDelivered, "youth-team@police.example");

        Assert.Equal(LinkState.Valid, (await Store.ConsumeAsync(first, UseOf(id, "Authorise"), Now, default)).State);

        var other = await Store.InspectAsync(second, LinkPurpose.Authorisation, Now, default);
        Assert.Equal(LinkState.Used, other.State);
        // The decided marker stops it; only the link that was used is stamped closed.
        Assert.Equal(secondLink, other.Link);
        Assert.Equal(LinkState.Used, (await Store.ConsumeAsync(second, UseOf(id, "Decline"), Now, default)).State);
        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(education, LinkPurpose.EducationDelivered, Now, default)).State);
    }

    [Fact]
    public async Task ConsumeAsync_SixAtOnceOverThreeLinks_ExactlyOneValid()
    {
        var id = await NewCaseAsync();
        var tokens = new List<DecisionToken>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await SaveAsync(id, sentTo: $"manager{i}@police.example")).Token);
        }

        var uses = Enumerable.Range(0, 6).Select(i => UseOf(id, i % 2 == 0 ? "Authorise" : "Decline")).ToList();
        var results = await Task.WhenAll(uses.Select((u, i) => Task.Run(() => Store.ConsumeAsync(tokens[i % 3], u, Now, default))));

        Assert.Single(results, r => r.State == LinkState.Valid);
        Assert.All(results.Where(r => r.State != LinkState.Valid), r => Assert.Equal(LinkState.Used, r.State));
        var winner = uses[Array.FindIndex(results, r => r.State == LinkState.Valid)];
        AssertSameUse(winner, await Store.GetUseAsync(id, LinkPurpose.Authorisation, winner.UseId, default));
    }

    [Fact]
    public async Task ConsumeAsync_Expired_ExpiredAndNothingRecorded()
    {
        var id = await NewCaseAsync();
        var (token, _) = await SaveAsync(id);
        var use = UseOf(id, "Authorise");

        Assert.Equal(LinkState.Expired, (await Store.ConsumeAsync(token, use, ExpiresAt, default)).State);

        Assert.Null(await Store.GetUseAsync(id, LinkPurpose.Authorisation, use.UseId, default));
        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
    }

    [Fact]
    public async Task ConsumeAsync_NeverSaved_UnknownAndNothingRecorded()
    {
        var id = await NewCaseAsync();
        var use = UseOf(id, "Authorise");

        Assert.Equal(LinkState.Unknown, (await Store.ConsumeAsync(DecisionToken.Issue(id), use, Now, default)).State);

        Assert.Null(await Store.GetUseAsync(id, LinkPurpose.Authorisation, use.UseId, default));
        Assert.True(await Store.DecideAsync(UseOf(id, "Authorise"), Now, default));
    }

    // ----- close all -----

    [Fact]
    public async Task CloseAllAsync_EveryLinkOfThePurposeUsedAndStampedOthersValid()
    {
        var id = await NewCaseAsync();
        var (first, _) = await SaveAsync(id);
        var (second, _) = await SaveAsync(id, sentTo: "deputy@police.example");
        var (education, _) = await SaveAsync(id, LinkPurpose.EducationDelivered);

        await Store.CloseAllAsync(id, LinkPurpose.Authorisation, Now, default);
        await Store.CloseAllAsync(id, LinkPurpose.Authorisation, Now.AddMinutes(5), default);

        foreach (var token in new[] { first, second })
        {
            var inspected = await Store.InspectAsync(token, LinkPurpose.Authorisation, Now.AddMinutes(10), default);
            Assert.Equal(LinkState.Used, inspected.State);
            Assert.Equal(Now, inspected.Link?.ClosedAt);
        }

        Assert.Equal(LinkState.Used, (await Store.ConsumeAsync(first, UseOf(id, "Authorise"), Now, default)).State);
        Assert.False(await Store.DecideAsync(UseOf(id, "Authorise"), Now, default));
        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(education, LinkPurpose.EducationDelivered, Now, default)).State);
    }

    [Fact]
    public async Task CloseAllAsync_NoLinks_LaterLinksOfThePurposeUsed()
    {
        var id = await NewCaseAsync();

        await Store.CloseAllAsync(id, LinkPurpose.Authorisation, Now, default);
        var (token, _) = await SaveAsync(id);

        Assert.Equal(LinkState.Used, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
    }

    // ----- decide without a link -----

    [Fact]
    public async Task DecideAsync_First_TrueRecordedLinksUsedAndStamped_Again_False()
    {
        var id = await NewCaseAsync();
        var (token, _) = await SaveAsync(id);
        var use = UseOf(id, "Decline");

        Assert.True(await Store.DecideAsync(use, Now, default));
        Assert.False(await Store.DecideAsync(UseOf(id, "Authorise"), Now.AddMinutes(1), default));

        var inspected = await Store.InspectAsync(token, LinkPurpose.Authorisation, Now.AddMinutes(2), default);
        Assert.Equal(LinkState.Used, inspected.State);
        Assert.Equal(Now, inspected.Link?.ClosedAt);
        Assert.Equal(LinkState.Used, (await Store.ConsumeAsync(token, UseOf(id, "Authorise"), Now, default)).State);
        AssertSameUse(use, await Store.GetUseAsync(id, LinkPurpose.Authorisation, use.UseId, default));
    }

    [Fact]
    public async Task DecideAsync_AgainstConsumeAsync_ExactlyOneWins()
    {
        var id = await NewCaseAsync();
        var (token, _) = await SaveAsync(id);

        var byLink = Enumerable.Range(0, 3).Select(_ => Task.Run(async () => (await Store.ConsumeAsync(token, UseOf(id, "Authorise"), Now, default)).State == LinkState.Valid));
        var byPage = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Store.DecideAsync(UseOf(id, "Decline"), Now, default)));
        var wins = await Task.WhenAll(byLink.Concat(byPage));

        Assert.Single(wins, w => w);
    }

    // ----- uses that are not final -----

    [Fact]
    public async Task RecordUseAsync_TheLinkStaysValidAndTheUseIsFound_Again_TheFirstStands()
    {
        var id = await NewCaseAsync();
        var (token, _) = await SaveAsync(id);
        var consult = UseOf(id, "Consult", text: "Please advise");

        await Store.RecordUseAsync(consult, default);
        await Store.RecordUseAsync(consult with { Text = "A retried request" }, default);

        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
        AssertSameUse(consult, await Store.GetUseAsync(id, LinkPurpose.Authorisation, consult.UseId, default));
    }

    [Fact]
    public async Task GetUseAsync_OtherPurposeOrReferralOrUnknownId_Null()
    {
        var id = await NewCaseAsync();
        var use = UseOf(id, "Consult");
        await Store.RecordUseAsync(use, default);

        Assert.Null(await Store.GetUseAsync(id, LinkPurpose.EducationDelivered, use.UseId, default));
        Assert.Null(await Store.GetUseAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation, use.UseId, default));
        Assert.Null(await Store.GetUseAsync(id, LinkPurpose.Authorisation, LinkUse.NewId(), default));
    }

    // ----- the decision that won -----

    [Fact]
    public async Task GetDecisionAsync_ConsumedByALink_TheWinnersUse()
    {
        var id = await NewCaseAsync();
        var (token, _) = await SaveAsync(id, LinkPurpose.EducationDelivered);
        var use = UseOf(id, "Delivered", LinkPurpose.EducationDelivered, "Session held") with { Delivered = ["YP2"] };
        Assert.Equal(LinkState.Valid, (await Store.ConsumeAsync(token, use, Now, default)).State);
        Assert.Equal(LinkState.Used, (await Store.ConsumeAsync(token, UseOf(id, "Delivered", LinkPurpose.EducationDelivered), Now, default)).State);

        var decision = await Store.GetDecisionAsync(id, LinkPurpose.EducationDelivered, default);

        AssertSameUse(use, decision);
        Assert.Equal(["YP2"], decision!.Delivered);
    }

    [Fact]
    public async Task GetDecisionAsync_DecidedWithoutALink_TheUse()
    {
        var id = await NewCaseAsync();
        var use = UseOf(id, "Decline");
        Assert.True(await Store.DecideAsync(use, Now, default));

        AssertSameUse(use, await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
    }

    [Fact]
    public async Task GetDecisionAsync_NoneOrOnlyConsultedOrClosedOrOtherPurpose_Null()
    {
        var id = await NewCaseAsync();
        await SaveAsync(id);
        Assert.Null(await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));

        await Store.RecordUseAsync(UseOf(id, "Consult"), default);
        Assert.Null(await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));

        Assert.True(await Store.DecideAsync(UseOf(id, "Authorise"), Now, default));
        Assert.Null(await Store.GetDecisionAsync(id, LinkPurpose.EducationDelivered, default));
        Assert.Null(await Store.GetDecisionAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation, default));

        var closed = await NewCaseAsync();
        await SaveAsync(closed);
        await Store.CloseAllAsync(closed, LinkPurpose.Authorisation, Now, default);
        Assert.Null(await Store.GetDecisionAsync(closed, LinkPurpose.Authorisation, default));
    }

    // ----- a new round: a declined case returned to the Outcome 21 route (contract §3, §10) -----

    [Fact]
    public async Task ReopenAsync_AfterADeclineByLink_TheNewRoundsLinkDecidesTheOldStayUsedAndTheDeclineStaysInTheHistory()
    {
        var id = await NewCaseAsync();
        var (request, _) = await SaveAsync(id);
        var (reminder, _) = await SaveAsync(id);
        var decline = UseOf(id, "Decline", text: "Grooming suspected");
        Assert.Equal(LinkState.Valid, (await Store.ConsumeAsync(request, decline, Now, default)).State);
        var roundStart = Now.AddHours(1);

        await Store.ReopenAsync(id, LinkPurpose.Authorisation, roundStart, default);
        var token = DecisionToken.Issue(id);
        await Store.SaveAsync(new DecisionLink(token.Hash, id, LinkPurpose.Authorisation, "manager@police.example", roundStart, roundStart.AddDays(7), null), default);

        Assert.Null(await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, roundStart.AddMinutes(1), default)).State);
        Assert.Equal(LinkState.Used, (await Store.InspectAsync(request, LinkPurpose.Authorisation, roundStart.AddMinutes(1), default)).State);
        Assert.Equal(LinkState.Used, (await Store.InspectAsync(reminder, LinkPurpose.Authorisation, roundStart.AddMinutes(1), default)).State);

        var authorise = UseOf(id, "Authorise") with { At = roundStart.AddMinutes(2) };
        Assert.Equal(LinkState.Valid, (await Store.ConsumeAsync(token, authorise, roundStart.AddMinutes(2), default)).State);
        AssertSameUse(authorise, await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
        Assert.Equal(LinkState.Used, (await Store.ConsumeAsync(reminder, UseOf(id, "Authorise"), roundStart.AddMinutes(3), default)).State);

        // Both rounds' decisions stay in what is held about the case (the export, §10), the decline's text still readable.
        var history = await Assert.IsAssignableFrom<ILinkHistory>(Store).ReadAsync(id, default);
        AssertSameUse(decline, history.Uses.Single(u => u.UseId == decline.UseId));
        AssertSameUse(authorise, history.Uses.Single(u => u.UseId == authorise.UseId));
    }

    [Fact]
    public async Task ReopenAsync_AfterADecisionWithoutALink_TheCasePageCanDecideAgain()
    {
        var id = await NewCaseAsync();
        Assert.True(await Store.DecideAsync(UseOf(id, "Decline"), Now, default));
        Assert.False(await Store.DecideAsync(UseOf(id, "Authorise"), Now, default));

        await Store.ReopenAsync(id, LinkPurpose.Authorisation, Now.AddHours(1), default);

        var authorise = UseOf(id, "Authorise");
        Assert.True(await Store.DecideAsync(authorise, Now.AddHours(2), default));
        AssertSameUse(authorise, await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
    }

    [Fact]
    public async Task ReopenAsync_RetriedAfterTheNewRoundDecided_TheNewDecisionStandsAndItsLinkStaysOpenUntilUsed()
    {
        var id = await NewCaseAsync();
        Assert.True(await Store.DecideAsync(UseOf(id, "Decline"), Now, default));
        var roundStart = Now.AddHours(1);
        await Store.ReopenAsync(id, LinkPurpose.Authorisation, roundStart, default);
        var token = DecisionToken.Issue(id);
        await Store.SaveAsync(new DecisionLink(token.Hash, id, LinkPurpose.Authorisation, "manager@police.example", roundStart, roundStart.AddDays(7), null), default);
        // A retry of the round's first step, before anyone decided: this round's link is not closed by it.
        await Store.ReopenAsync(id, LinkPurpose.Authorisation, roundStart, default);
        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(token, LinkPurpose.Authorisation, roundStart.AddMinutes(1), default)).State);

        var authorise = UseOf(id, "Authorise");
        Assert.True(await Store.DecideAsync(authorise, roundStart.AddMinutes(2), default));
        // A retry after the round's decision: the decision made at or after the round's start is its own.
        await Store.ReopenAsync(id, LinkPurpose.Authorisation, roundStart, default);

        AssertSameUse(authorise, await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
        Assert.Equal(LinkState.Used, (await Store.InspectAsync(token, LinkPurpose.Authorisation, roundStart.AddMinutes(3), default)).State);
    }

    [Fact]
    public async Task ReopenAsync_NothingDecided_ChangesNothingForOtherPurposes()
    {
        var id = await NewCaseAsync();
        var (education, _) = await SaveAsync(id, LinkPurpose.EducationDelivered);

        await Store.ReopenAsync(id, LinkPurpose.Authorisation, Now, default);

        Assert.Equal(LinkState.Valid, (await Store.InspectAsync(education, LinkPurpose.EducationDelivered, Now, default)).State);
        Assert.Null(await Store.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
    }

    [Fact]
    public async Task DecideAsync_EducationDelivered_TheDeliveredReferencesKept()
    {
        var id = await NewCaseAsync();
        var use = UseOf(id, "Delivered", LinkPurpose.EducationDelivered, "Session held") with { Delivered = ["YP1", "YP2"] };

        Assert.True(await Store.DecideAsync(use, Now, default));

        AssertSameUse(use, await Store.GetUseAsync(id, LinkPurpose.EducationDelivered, use.UseId, default));
    }
}
