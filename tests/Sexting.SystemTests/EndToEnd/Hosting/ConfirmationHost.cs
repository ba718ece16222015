namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// A product instance whose reporters have 10 s to confirm (contract §1, §11 <c>Reporter:ConfirmWithin</c>):
/// short to see the deadline pass, long enough for a test that confirms to do so on a loaded 2-core
/// machine (with 6 s, a run beside another build saw the confirmation answer 410).
/// </summary>
public sealed class ConfirmationHost : WorkflowHost
{
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(10);

    public ConfirmationHost()
        : base("confirmation", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Reporter__ConfirmWithin"] = "00:00:10",
    };
}
