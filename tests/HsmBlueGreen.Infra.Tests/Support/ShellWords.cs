using System.Text;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// Splits a command line the way github.com/google/shlex does for Pulumi's YAML host: words separated by
/// blanks, single quotes literal, double quotes with backslash escapes, backslash escapes outside quotes,
/// `#` at a word start begins a comment. No shell: no variables, pipes or `&amp;&amp;`.
/// </summary>
internal static class ShellWords
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '#' when !inWord:
                    return words;
                case '\\':
                    inWord = true;
                    if (++i < line.Length)
                    {
                        word.Append(line[i]);
                    }

                    break;
                case '\'':
                    inWord = true;
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException("unclosed single quote");
                    }

                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    for (i++; ; i++)
                    {
                        if (i >= line.Length)
                        {
                            throw new FormatException("unclosed double quote");
                        }

                        if (line[i] == '"')
                        {
                            break;
                        }

                        if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        word.Append(line[i]);
                    }

                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
