namespace HsmBlueGreen.Infra.Emit;

/// <summary>
/// Pulumi YAML interpolation: every string is scanned for `${...}` property accesses and `$$` stands for a
/// literal `$`. Scripts embedded in the program must therefore have their own dollars doubled.
/// </summary>
public static class Interpolation
{
    /// <summary>Literal text, safe to embed: `$HOME` and `${HOME}` in a shell script stay the script's own.</summary>
    public static string Escape(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal.Replace("$", "$$", StringComparison.Ordinal);
    }

    /// <summary>
    /// A template whose `{{name}}` holes are filled with expressions (already `${...}` accesses or plain values
    /// that are escaped here); everything else is literal and escaped.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> expressions)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(expressions);
        var text = Escape(template);
        foreach (var (hole, expression) in expressions)
        {
            var marker = "{{" + hole + "}}";
            if (!text.Contains(marker, StringComparison.Ordinal))
            {
                throw new ArgumentException($"the template has no {marker}", nameof(expressions));
            }

            text = text.Replace(marker, expression, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The property accesses in a string, e.g. "green-cluster.securityGroupId" for `${green-cluster.securityGroupId}`.</summary>
    public static IEnumerable<string> Accesses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                continue;
            }

            if (text[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                throw new FormatException($"unterminated interpolation at offset {i}");
            }

            yield return text[(i + 2)..end];
            i = end;
        }
    }

    /// <summary>The name an access starts from: a resource, a config key or `pulumi`.</summary>
    public static string Root(string access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var cut = access.IndexOfAny(['.', '[']);
        return cut < 0 ? access : access[..cut];
    }
}
