using System.ComponentModel.DataAnnotations;

namespace Sexting.LocalHost;

/// <summary>Settings of the local host only (section <c>LocalHost</c>); the app's own keys are in the API contract.</summary>
internal sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>
    /// The function key machines read cases and reports with (contract §1, §3, §8). Unset, the host
    /// generates one at start and prints it: case data is never served keyless.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>Durable task hub in Azurite. Never share it with a <c>func start</c> running at the same time.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "LocalHost:TaskHub must be 3-45 letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "SextingLocal";

    /// <summary>Loopback port of the gRPC sidecar between the Durable Task SDK and the storage provider; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SidecarPort { get; set; }

    /// <summary>Longest wait between polls of the durable queues when idle (Azure's default is 30 s; short here so a click feels immediate).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a work item taken by a host stays invisible to others. When a host dies mid-step, its
    /// work comes back after this (the provider's default is 5 minutes); every step is idempotent,
    /// so a second run of a slow one is harmless.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Identity of this worker for the storage provider's partition leases. It must stay the same across
    /// restarts: a new identity waits out the previous one's 30-second lease before any orchestration runs.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName + "-sexting-localhost";

    /// <summary>
    /// How many activities, and how many orchestration episodes, the durable backend runs at once (the
    /// provider's <c>MaxConcurrentTaskActivityWorkItems</c> and <c>MaxConcurrentTaskOrchestrationWorkItems</c>;
    /// Durable Functions' <c>maxConcurrentActivityFunctions</c> and <c>maxConcurrentOrchestratorFunctions</c>).
    /// Unset (0): the provider's defaults (10 activities, 100 episodes). Issue 22 (docs/performance.md):
    /// on 2 cores with one Azurite process a backlog of workflows at the defaults held every intake behind it;
    /// capped at 2 and 4 intake kept up, but the sidecar then polls for a free slot every 500 ms, which holds
    /// the workflow to about 4 activities a second, so the defaults stay.
    /// </summary>
    public int MaxConcurrentActivities { get; set; }

    /// <inheritdoc cref="MaxConcurrentActivities"/>
    public int MaxConcurrentOrchestrations { get; set; }

    /// <summary>
    /// Control queues of a new task hub (the provider's <c>PartitionCount</c>, 1–16; Durable Functions'
    /// <c>partitionCount</c>). Unset (0): the provider's default, 4. Fixed once the task hub exists.
    /// </summary>
    [Range(0, 16)]
    public int PartitionCount { get; set; }

    /// <summary>
    /// For the benchmark only (bench/README.md): no durable worker connects, so orchestrations are
    /// scheduled and stored but none runs; the intake path is measured alone. Never in use.
    /// </summary>
    public bool DispatchPaused { get; set; }
}
