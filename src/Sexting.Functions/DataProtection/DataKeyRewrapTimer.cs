using Microsoft.Azure.Functions.Worker;
using Sexting.Core.DataProtection;

namespace Sexting.Functions.DataProtection;

/// <summary>
/// Contract §12, docs/storage.md "Rotation": the nightly pass that re-wraps data keys still wrapped by
/// an older version of the key-encryption key, on the retention timer's schedule
/// (<c>Retention:Schedule</c>; no setting of its own). After no rotation a pass costs one key-version
/// lookup and one read. No <c>FunctionContext</c>: the local host runs this class by reflection.
/// </summary>
public sealed class DataKeyRewrapTimer(IDataKeyRotation rotation)
{
    [Function(nameof(DataKeyRewrapTimer))]
    public Task RunAsync([TimerTrigger("%Retention:Schedule%")] TimerInfo timer, CancellationToken ct) =>
        rotation.RewrapStaleAsync(ct);
}
