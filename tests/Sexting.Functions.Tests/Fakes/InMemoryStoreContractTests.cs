using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.TestSupport.Contracts;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>The unit tests' case store keeps the same contract as the Table Storage store (Infrastructure.Tests).</summary>
public sealed class InMemoryCaseStoreContractTests : CaseStoreContract
{
    protected override Task<ICaseStore> CreateStoreAsync() => Task.FromResult<ICaseStore>(new InMemoryCaseStore());
}

/// <summary>The unit tests' link store keeps the same contract as the Table Storage store (Infrastructure.Tests).</summary>
public sealed class InMemoryLinkStoreContractTests : DecisionLinkStoreContract
{
    protected override Task<IDecisionLinkStore> CreateStoreAsync() => Task.FromResult<IDecisionLinkStore>(new InMemoryLinkStore());

    // The fake keeps no case keys: any referral id will do (the Table store needs a stored case).
    protected override Task<string> NewCaseAsync() => Task.FromResult(ReferralIds.NewRandom());
}

/// <summary>The unit tests' audit keeps the same contract as the Table Storage audit (Infrastructure.Tests).</summary>
public sealed class InMemoryAuditLogContractTests : AuditLogContract
{
    protected override Task<IAuditLog> CreateLogAsync() => Task.FromResult<IAuditLog>(new InMemoryAuditLog());

    // The fake keeps no case keys: any referral id will do (the Table audit needs a stored case).
    protected override Task<string> NewCaseAsync() => Task.FromResult(ReferralIds.NewRandom());
}
