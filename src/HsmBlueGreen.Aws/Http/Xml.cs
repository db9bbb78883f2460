using System.Globalization;
using System.Xml.Linq;

namespace HsmBlueGreen.Aws.Http;

/// <summary>Reading Query-protocol XML by local name, so the service namespace does not matter.</summary>
public static class Xml
{
    public static XElement? Child(this XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement? element, string name) => element.Child(name)?.Value;

    public static IEnumerable<XElement> Members(this XElement? element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>EC2 lists: &lt;listName&gt;&lt;item&gt;...&lt;/item&gt;&lt;/listName&gt;.</summary>
    public static IEnumerable<XElement> Items(this XElement? element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "item") ?? [];

    public static int Int(this XElement? element, string name) =>
        int.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static int? OptionalInt(this XElement? element, string name) =>
        int.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Bool(this XElement? element, string name) =>
        string.Equals(element.Text(name), "true", StringComparison.OrdinalIgnoreCase);
}
