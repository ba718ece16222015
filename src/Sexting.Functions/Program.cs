using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sexting.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Application Insights (docs/deploy.md): the connection string comes from the app setting
// APPLICATIONINSIGHTS_CONNECTION_STRING; logs carry referral ids only, never personal data.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

builder.Services.AddSexting(builder.Configuration);

builder.Build().Run();
