using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>
/// Issue 10, item 1 (generated, property-based with FsCheck): 6 properties × <see cref="Runs"/>
/// hostile requests, each posted to the real intake function over the real store on Azurite.
/// Every one: a 4xx with problem details naming the broken path, nothing stored, no orchestration,
/// no email, nothing personal logged.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(AzuriteCollection.Name)]
public sealed class GeneratedIntakeTests(AzuriteFixture azurite)
{
    public const int Runs = 60;

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_ArbitraryText_Refused() => Refused(HostileGenerators.ArbitraryText());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_ArbitraryBytes_Refused() => Refused(HostileGenerators.ArbitraryBytes());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_OneFieldBroken_RefusedNamingThePath() => Refused(HostileGenerators.OneFieldBroken());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_Truncated_Refused() => Refused(HostileGenerators.Truncated());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_ImageryInserted_RefusedNamingThePath() => Refused(HostileGenerators.ImageryInserted());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_InvalidUtf8_Refused() => Refused(HostileGenerators.InvalidUtf8());

    [Property(MaxTest = Runs)]
    public Property SubmitReferral_TooManyPeople_Refused() => Refused(HostileGenerators.TooManyPeople());

    // FsCheck runs properties synchronously; the async work runs off xunit's context.
    private Property Refused(Arbitrary<HostileGenerators.Case> cases) =>
        Prop.ForAll(cases, c => Task.Run(async () =>
        {
            await using var app = new AppHarness(azurite);
            var answer = await IntakeProbe.PostAsync(app, c.Request);
            return await IntakeProbe.CheckRejectedAsync(app, c.Request, answer, c.ErrorPath);
        }).GetAwaiter().GetResult() is not { } problem ? true.Label("refused") : false.Label(problem));
}
