namespace Sexting.Deployment.Tests.Bicep;

/// <summary>One line of Bicep's diagnostic output: <c>file(line,col) : Warning BCP037: message</c>.</summary>
internal sealed record BicepDiagnostic(string Level, string Code, string Text);
