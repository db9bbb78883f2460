using System.Globalization;
using System.Text;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// The flat form of an AWS Query request: lists as "Name.member.N" (from 1), nested members joined
/// with dots, booleans as true/false, timestamps as ISO 8601.
/// </summary>
public sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> pairs = [];

    public QueryParameters Add(string name, string value)
    {
        pairs.Add(new(name, value));
        return this;
    }

    public QueryParameters Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Add(string name, bool value) => Add(name, value ? "true" : "false");

    public QueryParameters Add(string name, DateTimeOffset value) =>
        Add(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Adds "<paramref name="name"/>.member.N" for each item, letting <paramref name="write"/> add its members under that prefix.</summary>
    public QueryParameters AddList<T>(string name, IEnumerable<T> items, Action<QueryParameters, string, T> write)
    {
        var index = 1;
        foreach (var item in items)
        {
            write(this, $"{name}.member.{index++}", item);
        }

        return this;
    }

    /// <summary>A copy to add a page token to, leaving the first page's parameters as they were.</summary>
    public QueryParameters Copy()
    {
        var copy = new QueryParameters();
        copy.pairs.AddRange(pairs);
        return copy;
    }

    public string Encode(string action, string version)
    {
        var text = new StringBuilder().Append("Action=").Append(Uri.EscapeDataString(action))
            .Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in pairs)
        {
            text.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
