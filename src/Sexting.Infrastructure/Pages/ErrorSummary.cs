using System.Text;

namespace Sexting.Infrastructure.Pages;

/// <summary>
/// The govuk-frontend error summary: a list of links, each to the field with the problem, in
/// the order the fields appear. A renderer records each error as it renders the field, then
/// puts the summary at the top.
/// </summary>
internal sealed class ErrorSummary
{
    private readonly List<(string Id, string Message)> _items = [];

    public bool HasErrors => _items.Count > 0;

    public void Add(string id, string message) => _items.Add((id, message));

    public string Render()
    {
        if (_items.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder();
        html.Append("""
            <div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">There is a problem</h2>
                <div class="govuk-error-summary__body">
                  <ul class="govuk-list govuk-error-summary__list">

            """);
        foreach (var (id, message) in _items)
        {
            html.Append($"""
                        <li><a href="#{Html.E(id)}">{Html.E(message)}</a></li>

                """);
        }

        html.Append("""
                  </ul>
                </div>
              </div>
            </div>

            """);
        return html.ToString();
    }
}
