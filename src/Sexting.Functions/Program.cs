using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Sexting.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddSextingWorkflow(builder.Configuration);

// INTEGRATION POINT: the adapters of other branches register ICaseStore, IOnceLedger,
// IDecisionLinkStore (Table Storage) and IEmailComposer, IEmailSender (SendGrid/outbox) here:
// builder.Services.AddTableStorage(builder.Configuration).AddEmail(builder.Configuration);

builder.Build().Run();
