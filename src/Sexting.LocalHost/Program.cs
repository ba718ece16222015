using Sexting.Functions.Intake;
using Sexting.LocalHost;
using Sexting.LocalHost.Functions;

// Hosts the Functions app's own function classes: the assembly scanned is the Functions app's.
var app = LocalHostApp.Build(args, FunctionCatalog.Discover([typeof(ReferralIntakeHttp).Assembly]));
await app.RunAsync();
