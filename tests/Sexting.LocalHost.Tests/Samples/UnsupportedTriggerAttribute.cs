using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>A trigger the local host does not know, like a queue trigger would be.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class UnsupportedTriggerAttribute : TriggerBindingAttribute;
