using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Sexting.Functions;
using Sexting.Functions.Http;
using Sexting.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Contract §8: nosniff on every response, HSTS on HTTPS, no Server header.
builder.UseMiddleware<ResponseHeadersMiddleware>();

// Application Insights (docs/deploy.md): the connection string comes from the app setting
// APPLICATIONINSIGHTS_CONNECTION_STRING; logs carry referral ids only, never personal data, and
// link tokens are redacted from every item.
builder.Services.AddSextingTelemetry();

builder.Services.AddSexting(builder.Configuration);

builder.Build().Run();
