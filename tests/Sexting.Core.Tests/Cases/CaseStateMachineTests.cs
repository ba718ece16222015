using Sexting.Core.Cases;

namespace Sexting.Core.Tests.Cases;

public sealed class CaseStateMachineTests
{
    private static readonly HashSet<(CaseStatus, CaseStatus)> Legal =
    [
        (CaseStatus.Received, CaseStatus.AwaitingAuthorisation),
        (CaseStatus.Received, CaseStatus.ReferredForInvestigation),
        (CaseStatus.AwaitingAuthorisation, CaseStatus.EducationAndIntervention),
        (CaseStatus.AwaitingAuthorisation, CaseStatus.ReferredForInvestigation),
        (CaseStatus.EducationAndIntervention, CaseStatus.Closed),
        // Contract §11: not confirmed in time.
        (CaseStatus.Received, CaseStatus.Unconfirmed),
        (CaseStatus.ReferredForInvestigation, CaseStatus.Unconfirmed),
        (CaseStatus.AwaitingAuthorisation, CaseStatus.Unconfirmed),
        // Contract §10: accepted, closed; §3.5.1: returned to the Outcome 21 route.
        (CaseStatus.ReferredForInvestigation, CaseStatus.UnderInvestigation),
        (CaseStatus.UnderInvestigation, CaseStatus.Closed),
        (CaseStatus.ReferredForInvestigation, CaseStatus.AwaitingAuthorisation),
    ];

    public static TheoryData<CaseStatus, CaseStatus> AllPairs()
    {
        var data = new TheoryData<CaseStatus, CaseStatus>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_EveryPair_OnlyContractMovesAllowed(CaseStatus from, CaseStatus to)
    {
        Assert.Equal(Legal.Contains((from, to)), CaseStateMachine.IsAllowed(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void MoveTo_EveryPair_IllegalThrowsAndLegalMoves(CaseStatus from, CaseStatus to)
    {
        var record = new CaseRecord("0123456789abcdef0123456789abcdef", "DC-2026-000001", from, DateTimeOffset.UnixEpoch,
            TestReferrals.Parse(), null, null, null, "etag");

        if (Legal.Contains((from, to)))
        {
            Assert.Equal(to, record.MoveTo(to).Status);
        }
        else
        {
            var error = Assert.Throws<InvalidCaseTransitionException>(() => record.MoveTo(to));
            Assert.Equal(from, error.From);
            Assert.Equal(to, error.To);
        }
    }

    [Theory]
    [InlineData(CaseStatus.Received, false)]
    [InlineData(CaseStatus.AwaitingAuthorisation, false)]
    [InlineData(CaseStatus.EducationAndIntervention, false)]
    [InlineData(CaseStatus.Closed, true)]
    [InlineData(CaseStatus.ReferredForInvestigation, false)]
    [InlineData(CaseStatus.Unconfirmed, true)]
    public void IsFinal_Status_Expected(CaseStatus status, bool expected)
    {
        Assert.Equal(expected, CaseStateMachine.IsFinal(status));
    }
}
