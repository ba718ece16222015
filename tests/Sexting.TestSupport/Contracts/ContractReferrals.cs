using Sexting.Core.Referrals;

namespace Sexting.TestSupport.Contracts;

/// <summary>Fictional referrals (<c>.example</c> domains) for the contract tests and the stores they run against.</summary>
public static class ContractReferrals
{
    /// <summary>A time in the product's life, on the hour, UTC.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A referral of <paramref name="forceArea"/> (Devon and Cornwall if none) naming <paramref name="people"/> (one if none).</summary>
    public static Referral Create(ForceArea? forceArea = null, params (string Name, DateOnly DateOfBirth)[] people)
    {
        var force = forceArea ?? ForceArea.DevonAndCornwall;
        if (people.Length == 0)
        {
            people = [("Alex Example", new DateOnly(2011, 5, 1))];
        }

        var discovered = new DateOnly(2026, 11, 20);
        return new Referral(
            Guid.NewGuid(),
            force,
            new Setting("Exe Valley Academy", "123456", "EX1 1AA"),
            new Reporter("Jo Bloggs", ReporterRole.DesignatedSafeguardingLead, "dsl@exevalley.example", "01392 000000"),
            new Incident(discovered, "Fictional summary for a contract test.", false),
            [.. people.Select((p, i) => new YoungPerson(
                "YP" + (i + 1),
                p.Name,
                p.DateOfBirth,
                discovered.Year - p.DateOfBirth.Year,
                YoungPersonRole.Sender,
                null,
                new ParentCarer("Sam Example", "sam@family.example")))],
            [],
            Concerns.None,
            new ImageryHandling(false, false));
    }
}
