using System.Text;
using System.Text.Encodings.Web;

namespace Sexting.Functions.Common;

/// <summary>A minimal valid HTML page around a body. Titles never carry personal data.</summary>
public static class PageLayout
{
    public static string Page(string title, string bodyHtml)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
          .Append("<title>").Append(Encode(title)).Append("</title>\n</head>\n<body>\n<main>\n")
          .Append(bodyHtml)
          .Append("\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>An error summary listing each field's problems.</summary>
    public static string ErrorSummary(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder("<div role=\"alert\"><h2>There is a problem</h2><ul>");
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                sb.Append("<li><a href=\"#").Append(Encode(field)).Append("\">").Append(Encode(message)).Append("</a></li>");
            }
        }

        return sb.Append("</ul></div>\n").ToString();
    }

    /// <summary>A page for a link that cannot act (404, 410).</summary>
    public static string Message(string title, string text) =>
        Page(title, $"<h1>{Encode(title)}</h1>\n<p>{Encode(text)}</p>");
}
