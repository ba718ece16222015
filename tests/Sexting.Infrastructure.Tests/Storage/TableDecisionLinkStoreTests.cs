using Sexting.TestSupport.Contracts;
using Sexting.Core.Links;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableDecisionLinkStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private StorageHost _host = null!;

    private IDecisionLinkStore Links => _host.Links;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task InspectAsync_FreshLink_IsValidAndChangesNothing()
    {
        var token = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        var before = await _host.ReadAllAsync(StorageTables.Links);
        _host.Counter.Reset();

        var first = await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default);
        var second = await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default);

        Assert.Equal(LinkState.Valid, first.State);
        Assert.Equal(LinkState.Valid, second.State);
        Assert.Equal(token.Hash, first.Link!.TokenHash);
        Assert.Equal(2, _host.Counter.Of("InspectAsync"));
        var after = await _host.ReadAllAsync(StorageTables.Links);
        Assert.Equal(before.Select(r => (r.RowKey, r.ETag)), after.Select(r => (r.RowKey, r.ETag)));
    }

    [Fact]
    public async Task InspectAsync_UnknownOrOtherPurposeOrForged_IsUnknown()
    {
        var referralId = ReferralIds.NewRandom();
        var token = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var forged = DecisionToken.Issue(referralId);

        Assert.Equal(LinkState.Unknown, (await Links.InspectAsync(forged, LinkPurpose.Authorisation, Now, default)).State);
        Assert.Equal(LinkState.Unknown, (await Links.InspectAsync(token, LinkPurpose.EducationDelivered, Now, default)).State);
        Assert.Equal(LinkState.Unknown, (await Links.ConsumeAsync(token, Use(token, LinkPurpose.EducationDelivered), Now, default)).State);
        Assert.Null((await Links.InspectAsync(forged, LinkPurpose.Authorisation, Now, default)).Link);
    }

    [Fact]
    public async Task ConsumeAsync_PastExpiry_IsExpiredAndStaysUnused()
    {
        var token = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        var later = Now.AddDays(7);

        Assert.Equal(LinkState.Expired, (await Links.InspectAsync(token, LinkPurpose.Authorisation, later, default)).State);
        Assert.Equal(LinkState.Expired, (await Links.ConsumeAsync(token, Use(token, LinkPurpose.Authorisation), later, default)).State);
        Assert.Equal(LinkState.Valid, (await Links.InspectAsync(token, LinkPurpose.Authorisation, later.AddTicks(-1), default)).State);
    }

    [Fact]
    public async Task ConsumeAsync_TwentyParallelOverThreeLinks_ExactlyOneWins()
    {
        var referralId = ReferralIds.NewRandom();
        var tokens = new[]
        {
            await IssueAsync(referralId, LinkPurpose.Authorisation),
            await IssueAsync(referralId, LinkPurpose.Authorisation),
            await IssueAsync(referralId, LinkPurpose.Authorisation),
        };
        var education = await IssueAsync(referralId, LinkPurpose.EducationDelivered);
        await using var otherHost = StorageHost.Create(azurite, _host.Prefix);
        var stores = new[] { Links, otherHost.Links };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => stores[i % 2].ConsumeAsync(tokens[i % 3], Use(tokens[i % 3], LinkPurpose.Authorisation), Now, default))));

        Assert.Single(results, r => r.State == LinkState.Valid);
        Assert.All(results.Where(r => r.State != LinkState.Valid), r => Assert.Equal(LinkState.Used, r.State));
        foreach (var token in tokens)
        {
            Assert.Equal(LinkState.Used, (await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
        }

        Assert.Equal(LinkState.Valid, (await Links.InspectAsync(education, LinkPurpose.EducationDelivered, Now, default)).State);
    }

    [Fact]
    public async Task ConsumeAsync_ValidLink_WinsInTwoTransactionsThenIsUsed()
    {
        var token = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        _host.Counter.Reset();

        var consumed = await Links.ConsumeAsync(token, Use(token, LinkPurpose.Authorisation), Now, default);

        Assert.Equal(LinkState.Valid, consumed.State);
        Assert.Equal(Now, consumed.Link!.ClosedAt);
        Assert.Equal(2, _host.Counter.Of("ConsumeAsync"));
        Assert.Equal(LinkState.Used, (await Links.ConsumeAsync(token, Use(token, LinkPurpose.Authorisation), Now, default)).State);
    }

    // Issue 22: a consume right after the request's inspection builds on what it read: one transaction, no read.
    [Fact]
    public async Task ConsumeAsync_AfterAValidInspection_OneRequestThenUsed()
    {
        var token = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        var inspected = await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default);
        _host.Counter.Reset();

        var consumed = await Links.ConsumeAsync(token, Use(token, LinkPurpose.Authorisation), Now, inspected, default);

        Assert.Equal(LinkState.Valid, consumed.State);
        Assert.Equal(1, _host.Counter.Total);
        Assert.Equal(LinkState.Used, (await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
    }

    // An inspection gone stale gives what a fresh read would: another link decided, the link closed, or its time up.
    [Fact]
    public async Task ConsumeAsync_AfterAnInspectionGoneStale_UsedOrExpiredAsAFreshReadWouldSay()
    {
        var referralId = ReferralIds.NewRandom();
        var first = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var second = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var firstSeen = await Links.InspectAsync(first, LinkPurpose.Authorisation, Now, default);
        Assert.Equal(LinkState.Valid, (await Links.ConsumeAsync(second, Use(second, LinkPurpose.Authorisation), Now, default)).State);
        Assert.Equal(LinkState.Used, (await Links.ConsumeAsync(first, Use(first, LinkPurpose.Authorisation), Now, firstSeen, default)).State);

        var education = await IssueAsync(referralId, LinkPurpose.EducationDelivered);
        var educationSeen = await Links.InspectAsync(education, LinkPurpose.EducationDelivered, Now, default);
        await Links.CloseAllAsync(referralId, LinkPurpose.EducationDelivered, Now, default);
        Assert.Equal(LinkState.Used, (await Links.ConsumeAsync(education, Use(education, LinkPurpose.EducationDelivered), Now, educationSeen, default)).State);

        var late = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        var lateSeen = await Links.InspectAsync(late, LinkPurpose.Authorisation, Now, default);
        _host.Counter.Reset();
        Assert.Equal(LinkState.Expired, (await Links.ConsumeAsync(late, Use(late, LinkPurpose.Authorisation), Now.AddDays(7), lateSeen, default)).State);
        Assert.Equal(0, _host.Counter.Total);
        Assert.Equal(LinkState.Valid, (await Links.InspectAsync(late, LinkPurpose.Authorisation, Now, default)).State);

        // An inspection of another token is not taken for this one's.
        var other = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);
        Assert.Equal(LinkState.Used, (await Links.ConsumeAsync(first, Use(first, LinkPurpose.Authorisation), Now,
            await Links.InspectAsync(other, LinkPurpose.Authorisation, Now, default), default)).State);
    }

    [Fact]
    public async Task GetUseAsync_ConsumedLink_TheWinnersUseOnly()
    {
        var referralId = ReferralIds.NewRandom();
        var token = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var winner = Use(token, LinkPurpose.Authorisation) with { Text = "Proportionate: first referral, no aggravating factors" };
        var loser = Use(token, LinkPurpose.Authorisation);

        await Links.ConsumeAsync(token, winner, Now, default);
        await Links.ConsumeAsync(token, loser, Now, default);

        AssertSameUse(winner, await Links.GetUseAsync(referralId, LinkPurpose.Authorisation, winner.UseId, default));
        Assert.Null(await Links.GetUseAsync(referralId, LinkPurpose.Authorisation, loser.UseId, default));
        Assert.Null(await Links.GetUseAsync(referralId, LinkPurpose.EducationDelivered, winner.UseId, default));
        Assert.Null(await Links.GetUseAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation, winner.UseId, default));
    }

    [Fact]
    public async Task RecordUseAsync_Consultation_FoundAndTheLinkStaysValid()
    {
        var referralId = ReferralIds.NewRandom();
        var token = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var consult = Use(token, LinkPurpose.Authorisation) with { Action = "consult" };

        await Links.RecordUseAsync(consult, default);
        await Links.RecordUseAsync(consult, default);

        AssertSameUse(consult, await Links.GetUseAsync(referralId, LinkPurpose.Authorisation, consult.UseId, default));
        Assert.Equal(LinkState.Valid, (await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default)).State);
        Assert.Null(await Links.GetUseAsync(referralId, LinkPurpose.Authorisation, "0123456789abcdef0123456789abcdef", default));
    }

    [Fact]
    public async Task CloseAllAsync_OpenLinks_AllUsedAndStamped()
    {
        var referralId = ReferralIds.NewRandom();
        var first = await IssueAsync(referralId, LinkPurpose.Authorisation);
        var second = await IssueAsync(referralId, LinkPurpose.Authorisation);

        await Links.CloseAllAsync(referralId, LinkPurpose.Authorisation, Now.AddHours(1), default);

        foreach (var token in new[] { first, second })
        {
            var inspected = await Links.InspectAsync(token, LinkPurpose.Authorisation, Now.AddHours(2), default);
            Assert.Equal(LinkState.Used, inspected.State);
            Assert.Equal(Now.AddHours(1), inspected.Link!.ClosedAt);
        }

        Assert.Equal(LinkState.Used, (await Links.ConsumeAsync(first, Use(first, LinkPurpose.Authorisation), Now.AddHours(2), default)).State);
    }

    [Fact]
    public async Task SaveAsync_SameLinkTwice_KeepsTheFirst()
    {
        var token = DecisionToken.Issue(await NewCaseAsync());
        var link = new DecisionLink(token.Hash, token.ReferralId, LinkPurpose.Authorisation, "manager@force.example", Now, Now.AddDays(7), null);

        await Links.SaveAsync(link, default);
        await Links.SaveAsync(link with { SentTo = "someone-else@force.example" }, default);

        var inspected = await Links.InspectAsync(token, LinkPurpose.Authorisation, Now, default);
        Assert.Equal(link, inspected.Link);
    }

    [Fact]
    public async Task SaveAsync_Link_StoresOnlyTheTokenHash()
    {
        var token = await IssueAsync(ReferralIds.NewRandom(), LinkPurpose.Authorisation);

        var rows = await _host.ReadAllAsync(StorageTables.Links);

        var text = StorageHost.Flatten(rows);
        Assert.DoesNotContain(token.Secret, text, StringComparison.Ordinal);
        Assert.Contains(token.Hash, text, StringComparison.Ordinal);
        // Contract §12: the address the link went to is sealed with the case's data key.
        Assert.DoesNotContain("manager@force.example", text, StringComparison.Ordinal);
    }

    // Links belong to a stored case: their personal fields are sealed with its data key (contract §12).
    private async Task<string> NewCaseAsync()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        return referralId;
    }

    private async Task<DecisionToken> IssueAsync(string referralId, LinkPurpose purpose)
    {
        if (await _host.Cases.GetAsync(referralId, default) is null)
        {
            await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        }

        var token = DecisionToken.Issue(referralId);
        await Links.SaveAsync(new DecisionLink(token.Hash, referralId, purpose, "manager@force.example", Now.AddMinutes(-5), Now.AddDays(7), null), default);
        return token;
    }

    private static void AssertSameUse(LinkUse expected, LinkUse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Delivered = [] }, actual with { Delivered = [] });
        Assert.Equal(expected.Delivered, actual.Delivered);
    }

    private static LinkUse Use(DecisionToken token, LinkPurpose purpose) => new(
        LinkUse.NewId(), token.ReferralId, purpose, purpose == LinkPurpose.Authorisation ? "authorise" : "delivered",
        new StaffIdentity("user-1", "Pat Manager", "pat.manager@force.example"), "manager@force.example", Now, "Rationale", ["YP1"]);
}
