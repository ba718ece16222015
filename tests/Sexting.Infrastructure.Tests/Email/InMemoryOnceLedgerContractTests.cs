using Sexting.Core.Cases;
using Sexting.TestSupport.Contracts;

namespace Sexting.Infrastructure.Tests.Email;

/// <summary>The email tests' ledger keeps the same contract as the Table Storage ledger.</summary>
public sealed class InMemoryOnceLedgerContractTests : OnceLedgerContract
{
    protected override IOnceLedger Ledger { get; } = new InMemoryOnceLedger();
}
