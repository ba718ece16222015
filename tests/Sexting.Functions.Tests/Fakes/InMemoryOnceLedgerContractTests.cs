using Sexting.Core.Cases;
using Sexting.TestSupport.Contracts;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>The fake the unit tests use keeps the same contract as the Table Storage ledger (Infrastructure.Tests).</summary>
public sealed class InMemoryOnceLedgerContractTests : OnceLedgerContract
{
    protected override IOnceLedger Ledger { get; } = new InMemoryOnceLedger();
}
