using System.Collections.Concurrent;
using System.Diagnostics;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Education;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport;
using Xunit.Abstractions;

namespace Sexting.SystemTests.Reliability.Links;

/// <summary>
/// Issue 10, item 2: forged, truncated, bit-flipped, other-purpose, other-referral, expired and
/// replayed links, against the real link store and case store on Azurite. A refused link changes
/// nothing and raises nothing; of 20 parallel POSTs exactly one decides; 100 GETs change nothing.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(AzuriteCollection.Name)]
public sealed class HostileLinkTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly (string, string)[] Authorise = [("decision", "authorise"), ("managerName", "A Manager"), ("rationale", "No aggravating factors.")];

    private readonly AppHarness _app = new(azurite);
    private LinkScene _scene = null!;

    public async Task InitializeAsync() => _scene = await LinkScene.CreateAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every way of damaging a valid link that does not yield another valid one.</summary>
    public static TheoryData<string> Damages()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "empty", "dot", "garbage", "path traversal", "encoded NUL", "referral id only", "secret only", "truncated by one", "truncated to 40", "one character longer", "upper-case referral id", "padding added", "other referral's id, same secret", "forged (never issued)", "unicode lookalike digit" })
        {
            data.Add(name);
        }

        for (var i = 0; i < ReferralIds.Length + 1 + 43; i++)
        {
            data.Add("flip at " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    private string Damage(string name)
    {
        var valid = _scene.AuthorisationA[0].Value;
        if (name.StartsWith("flip at ", StringComparison.Ordinal))
        {
            var at = int.Parse(name["flip at ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var chars = valid.ToCharArray();
            // The smallest change that keeps the token's shape, so only the hash can catch it.
            chars[at] = chars[at] switch
            {
                '.' => '-',
                >= '0' and <= '8' => (char)(chars[at] + 1),
                '9' => 'a',
                >= 'a' and <= 'e' => (char)(chars[at] + 1),
                'f' when at < ReferralIds.Length => '0',
                'z' => 'A',
                'Z' => '0',
                '-' => '_',
                '_' => '-',
                _ => (char)(chars[at] + 1),
            };
            return new string(chars);
        }

        return name switch
        {
            "empty" => "",
            "dot" => ".",
            "garbage" => "not-a-token",
            "path traversal" => "../../admin",
            "encoded NUL" => valid[..^1] + "\0",
            "referral id only" => _scene.A.ReferralId,
            "secret only" => valid[(ReferralIds.Length + 1)..],
            "truncated by one" => valid[..^1],
            "truncated to 40" => valid[..40],
            "one character longer" => valid + "A",
            "upper-case referral id" => valid[..ReferralIds.Length].ToUpperInvariant() + valid[ReferralIds.Length..],
            "padding added" => valid + "=",
            "other referral's id, same secret" => _scene.B.ReferralId + valid[ReferralIds.Length..],
            "forged (never issued)" => DecisionToken.Issue(_scene.A.ReferralId).Value,
            "unicode lookalike digit" => "\u0660" + valid[1..],
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Approval_DamagedLink_404AndNothingChanges(string damage)
    {
        var token = Damage(damage);
        Assert.NotEqual(_scene.AuthorisationA[0].Value, token);
        var before = await _app.SnapshotAsync();

        var shown = await ShowAsync(token);
        var posted = await PostAsync(token, Authorise);

        Assert.Equal(404, shown.Status);
        Assert.Equal(404, posted.Status);
        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.RaisedEvents);
        // The genuine link still works afterwards.
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
    }

    [Fact]
    public async Task Approval_EducationLink_404AndNothingChanges()
    {
        var before = await _app.SnapshotAsync();

        Assert.Equal(404, (await ShowAsync(_scene.EducationA.Value)).Status);
        Assert.Equal(404, (await PostAsync(_scene.EducationA.Value, Authorise)).Status);

        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.RaisedEvents);
    }

    [Fact]
    public async Task Education_AuthorisationLink_404AndNothingChanges()
    {
        var before = await _app.SnapshotAsync();
        var token = _scene.AuthorisationA[0].Value;

        var request = AppHarness.Request("GET", null, []);
        var shown = await AppHarness.ExecuteAsync(await _app.Create<EducationHttp>().ShowAsync(request, token, CancellationToken.None), request);
        var post = AppHarness.Form("application/json", ("notes", "Delivered."), ("delivered.YP1", "on"));
        var posted = await AppHarness.ExecuteAsync(await _app.Create<EducationHttp>().SubmitAsync(post, token, _app.Client, CancellationToken.None), post);

        Assert.Equal(404, shown.Status);
        Assert.Equal(404, posted.Status);
        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_OtherReferralsLink_DecidesOnlyThatReferral()
    {
        var posted = await PostAsync(_scene.AuthorisationB.Value, Authorise);

        Assert.Equal(200, posted.Status);
        await _app.Client.Received(1).RaiseEventAsync(_scene.B.ReferralId, Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>());
        await _app.Client.DidNotReceive().RaiseEventAsync(_scene.A.ReferralId, Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>());
        Assert.Equal(200, (await ShowAsync(_scene.AuthorisationA[0].Value)).Status);
    }

    [Fact]
    public async Task Approval_ExpiredLink_410AndNothingChanges()
    {
        _app.Clock.Advance(LinkScene.Lifetime);
        var before = await _app.SnapshotAsync();

        Assert.Equal(410, (await ShowAsync(_scene.AuthorisationA[0].Value)).Status);
        Assert.Equal(410, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
        Assert.Equal(410, (await PostAsync(_scene.AuthorisationA[1].Value, [("decision", "consult"), ("managerName", "A Manager")])).Status);

        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_OneSecondBeforeExpiry_StillAccepted()
    {
        _app.Clock.Advance(LinkScene.Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
    }

    [Fact]
    public async Task Approval_Replayed_410ForThatAndEveryOtherLinkOfTheReferral()
    {
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
        var after = await _app.SnapshotAsync();

        foreach (var token in _scene.AuthorisationA)
        {
            Assert.Equal(410, (await PostAsync(token.Value, Authorise)).Status);
            Assert.Equal(410, (await PostAsync(token.Value, [("decision", "decline"), ("managerName", "B"), ("rationale", "r")])).Status);
            Assert.Equal(410, (await ShowAsync(token.Value)).Status);
        }

        Assert.Equal(after, await _app.SnapshotAsync());
        Assert.Equal(1, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_ConsultThenAuthorise_ConsultKeepsLinkValidThenOneDecision()
    {
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, [("decision", "consult"), ("managerName", "A Manager")])).Status);
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
        Assert.Equal(410, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);

        Assert.Equal(2, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_20ParallelPostsOfOneLink_ExactlyOneDecision()
    {
        var statuses = await ParallelPostsAsync(Enumerable.Repeat(_scene.AuthorisationA[0].Value, 20).ToArray());

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(19, statuses.Count(s => s == 410));
        Assert.Equal(1, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_20ParallelPostsOverThreeLinksOfOneReferral_ExactlyOneDecision()
    {
        var tokens = Enumerable.Range(0, 20).Select(i => _scene.AuthorisationA[i % 3].Value).ToArray();

        var statuses = await ParallelPostsAsync(tokens);

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(19, statuses.Count(s => s == 410));
        Assert.Equal(1, _app.RaisedEvents);
    }

    [Fact]
    public async Task Approval_100Gets_NothingChangesAndTheLinkStillWorks()
    {
        var before = await _app.SnapshotAsync();
        var watch = Stopwatch.StartNew();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () => (await ShowAsync(_scene.AuthorisationA[i % 3].Value)).Status)));

        output.WriteLine($"100 GETs in {watch.ElapsedMilliseconds} ms");
        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.DurableCalls);
        // Each open was a read of the case by a signed-in person, and is in its audit (contract §9).
        var audit = await _app.Get<IAuditLog>().ReadAsync(_scene.A.ReferralId, CancellationToken.None);
        Assert.Equal(100, audit.Count(e => e.Action == AuditActions.OpenedApprovalLink));
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
    }

    [Fact]
    public async Task Approval_CaseNoLongerAwaiting_410AndNothingRaised()
    {
        var store = _app.Get<ICaseStore>();
        await store.UpdateAsync((await store.GetAsync(_scene.A.ReferralId, CancellationToken.None))!.MoveTo(CaseStatus.ReferredForInvestigation), CancellationToken.None);

        Assert.Equal(410, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
        Assert.Equal(410, (await ShowAsync(_scene.AuthorisationA[0].Value)).Status);
        Assert.Equal(0, _app.RaisedEvents);
    }

    [Theory]
    [InlineData("no decision", "", "A Manager", "r")]
    [InlineData("unknown decision", "approve", "A Manager", "r")]
    [InlineData("authorise without rationale", "authorise", "A Manager", "")]
    [InlineData("decline without rationale", "decline", "A Manager", " ")]
    public async Task Approval_BadForm_400AndLinkStillValid(string what, string decision, string name, string rationale)
    {
        var before = await _app.SnapshotAsync();

        var posted = await PostAsync(_scene.AuthorisationA[0].Value, [("decision", decision), ("managerName", name), ("rationale", rationale)]);

        Assert.True(posted.Status == 400, $"{what}: expected 400, got {posted.Status}");
        Assert.Equal(before, await _app.SnapshotAsync());
        Assert.Equal(0, _app.RaisedEvents);
        Assert.Equal(200, (await PostAsync(_scene.AuthorisationA[0].Value, Authorise)).Status);
    }

    private async Task<int[]> ParallelPostsAsync(string[] tokens)
    {
        using var start = new ManualResetEventSlim();
        var statuses = new ConcurrentBag<int>();
        var posts = tokens.Select(token => Task.Run(async () =>
        {
            start.Wait();
            statuses.Add((await PostAsync(token, Authorise)).Status);
        })).ToArray();
        start.Set();
        await Task.WhenAll(posts);
        return statuses.ToArray();
    }

    private async Task<AppHarness.Answer> ShowAsync(string token)
    {
        var request = AppHarness.Request("GET", null, []);
        var result = await _app.Create<ApprovalHttp>().ShowAsync(request, token, CancellationToken.None);
        return await AppHarness.ExecuteAsync(result, request);
    }

    private async Task<AppHarness.Answer> PostAsync(string token, (string, string)[] fields)
    {
        var request = AppHarness.Form("application/json", fields);
        var result = await _app.Create<ApprovalHttp>().SubmitAsync(request, token, _app.Client, CancellationToken.None);
        return await AppHarness.ExecuteAsync(result, request);
    }
}
