using Sexting.Functions;
using Sexting.LocalHost;
using Sexting.LocalHost.Functions;

// Hosts the Functions app's own function classes: the assembly scanned is the Functions app's.
var app = LocalHostApp.Build(args, FunctionCatalog.Discover([typeof(SextingServiceCollectionExtensions).Assembly]));
await app.RunAsync();
