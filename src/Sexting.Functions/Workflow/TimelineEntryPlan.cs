using Sexting.Core.Cases;

namespace Sexting.Functions.Workflow;

/// <summary>A timeline entry an activity is to append alongside its work.</summary>
public sealed record TimelineEntryPlan(TimelineEvent Event, string Detail);
