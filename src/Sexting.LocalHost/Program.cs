using Sexting.Functions.Intake;
using Sexting.LocalHost;

// Hosts the Functions app's own function classes: the assembly scanned is the Functions app's.
var app = LocalHostApp.Build(args, [typeof(PingHttp).Assembly]);
await app.RunAsync();
