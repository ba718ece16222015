using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Tests.Pages;

/// <summary>The real renderers over the real embedded assets.</summary>
internal static class PageFactory
{
    public static readonly PageAssets Assets = new();
    public static readonly PageLayout Layout = new(Assets);
    public static readonly ReferralFormPage Form = new(Layout);
    public static readonly ReceiptPage Receipt = new(Layout);
    public static readonly ApprovalPage Approval = new(Layout);
    public static readonly ApprovalConfirmationPage ApprovalConfirmation = new(Layout);
    public static readonly EducationPage Education = new(Layout);
    public static readonly EducationConfirmationPage EducationConfirmation = new(Layout);
    public static readonly LinkProblemPage LinkProblem = new(Layout);
    public static readonly Sexting.Functions.Pages.Confirmation.ReporterConfirmationPage Confirmation = new(Layout);
}
