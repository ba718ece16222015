namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Records when the sample timer ran.</summary>
public sealed class SampleTimerLog
{
    private readonly List<(DateTimeOffset At, bool HadStatus)> _runs = [];

    public void Add(DateTimeOffset at, bool hadStatus)
    {
        lock (_runs)
        {
            _runs.Add((at, hadStatus));
        }
    }

    public IReadOnlyList<(DateTimeOffset At, bool HadStatus)> Runs
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs];
            }
        }
    }
}
