using System.Text;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>Reading an embedded script back: `$$` is Pulumi YAML's escape for a literal `$`.</summary>
internal static class Scripts
{
    public static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            result.Append(text[i]);
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                i++;
            }
        }

        return result.ToString();
    }
}
