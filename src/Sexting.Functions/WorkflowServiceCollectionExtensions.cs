using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Assessment;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Functions.Assessment;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Cases;
using Sexting.Functions.Common;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Configuration;
using Sexting.Functions.Education;
using Sexting.Functions.Intake;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;
using Sexting.Functions.Reminders;
using Sexting.Functions.Reports;
using Sexting.Functions.Retention;
using Sexting.Functions.Staff;
using Sexting.Infrastructure.Configuration;
using Sexting.Functions.Pages;

namespace Sexting.Functions;

/// <summary>The workflow's own registrations: options (contract §1) validated at start-up, the clock, the parser and the services behind the triggers.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddSextingWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddPublicLinks();
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section)
            .Validate(o => o.IsValid(), "Approval: ReminderAfter and LinkLifetime must be positive and EscalateAfter later than ReminderAfter.").ValidateOnStart();
        services.AddOptions<EducationOptions>().BindConfiguration(EducationOptions.Section)
            .Validate(o => o.IsValid(), "Education:DueAfter must be positive.").ValidateOnStart();
        // Contract §1: the built-in forces and any configured under Forces:, each checked at start-up.
        services.AddOptions<ForcesOptions>()
            .Configure<IConfiguration>((options, config) => options.Load(config.GetSection(ForcesOptions.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForcesOptions>, ForcesOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ForcesOptions>>().Value.ToProfiles());
        services.AddOptions<ReporterOptions>().BindConfiguration(ReporterOptions.Section)
            .Validate(o => o.IsValid(), "Reporter:ConfirmWithin must be positive.").ValidateOnStart();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section)
            .Validate(o => o.IsValid(), "Intake:PermitsPerMinute must be between 1 and 1000000 and Intake:TrustedReporterDomains must name at least one domain.").ValidateOnStart();
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section)
            .Validate(o => o.SignificantAgeGapYears is >= 1 and <= 17, "Assessment:SignificantAgeGapYears must be between 1 and 17.").ValidateOnStart();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section)
            .Validate(o => o.IsValid(), "Reminders:Schedule must be a six-field NCRONTAB expression (seconds first).").ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid(), "Retention: ClosedCaseAfter and UnconfirmedAfter must be positive and Schedule a six-field NCRONTAB expression (seconds first).").ValidateOnStart();
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section)
            .Validate(o => o.IsValid(), "Policy:OwnerEmail must be a plain email address.").ValidateOnStart();

        // §9: who is signed in. The emulator strips client-sent principals itself, so it must
        // never be what the Functions app runs with on App Service.
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.Mode != AuthMode.Emulator || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")),
                "Auth:Mode Emulator is the local host's development sign-in; on App Service it would let anyone sign in as anyone. Use AppService.")
            .ValidateOnStart();
        services.AddSingleton(provider => new StaffSignIn(provider.GetRequiredService<IOptions<AuthOptions>>()));
        services.AddSingleton<StaffGate>();
        // §3, §8: the key machines read with, checked by the app (those routes admit staff too).
        services.AddOptions<FunctionKeyOptions>().BindConfiguration(FunctionKeyOptions.Section)
            .Validate(o => !KeyVaultReference.IsUnresolved(o.FunctionKey), KeyVaultReference.UnresolvedMessage("Api:FunctionKey"))
            .ValidateOnStart();
        services.AddSingleton<FunctionKeyCheck>();
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<CaseReadAccess>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ReferralParser(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ForceProfiles>()));

        // Contract §11: the platform's client address only on App Service; never a header a client sent elsewhere.
        services.AddSingleton(_ => new ClientAddress(ClientAddress.OnAppService));
        services.AddSingleton<IntakeRateLimiter>();
        services.AddSingleton<OrchestrationInputFactory>();
        services.AddSingleton<ReferralIntake>();
        services.AddSingleton<CaseUpdater>();
        services.AddSingleton<EmailStep>();
        services.AddSingleton<LinkResolver>();

        // The link and form functions answer with pages.
        services.AddPages();
        // One link flow (contract §5, §11); each purpose adds its action and its answers.
        services.AddSingleton<LinkFlow>();
        services.AddSingleton<LinkHttp>();
        services.AddSingleton<ApprovalAction>();
        services.AddSingleton<ApprovalView>();
        services.AddSingleton<EducationDelivery>();
        services.AddSingleton<EducationAction>();
        services.AddSingleton<EducationView>();
        services.AddSingleton<ReporterConfirmationAction>();
        services.AddSingleton<ReporterConfirmationView>();
        services.AddSingleton<ReviewReminderService>();
        services.AddSingleton<SummaryReportService>();
        services.AddSingleton<RetentionService>();

        // Function classes are built by the hosts with constructor injection; registering the
        // activities lets a host or a test resolve them directly too.
        services.AddTransient<AssessReferralActivity>();
        services.AddTransient<MoveCaseActivity>();
        services.AddTransient<SendEmailActivity>();
        services.AddTransient<SendLinkEmailActivity>();
        services.AddTransient<RecordAuthorisationActivity>();
        services.AddTransient<RecordEducationDeliveredActivity>();
        services.AddTransient<ReadLinkUseActivity>();
        services.AddTransient<SettleConfirmationActivity>();
        services.AddTransient<RecordDecisionActivity>();
        services.AddTransient<SendFanOutActivity>();
        services.AddTransient<AcknowledgeAndAssessActivity>();
        // Issue 20: the workspace's actions (contract §10) and the v4 orchestration's read of the case.
        services.AddTransient<Workflow.ReadCaseStateActivity>();
        services.AddTransient<Workspace.WorkspaceActions>();
        return services;
    }
}
