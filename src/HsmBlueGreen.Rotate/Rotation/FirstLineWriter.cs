using System.Text;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>Passes everything through and keeps the first line written: the one-line error a command ends with.</summary>
internal sealed class FirstLineWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder first = new();
    private bool complete;

    public override Encoding Encoding => inner.Encoding;

    public string? FirstLine => first.Length == 0 ? null : first.ToString();

    public override void Write(char value)
    {
        Keep(value);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Keep(c);
        }

        inner.Write(value);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(Environment.NewLine);
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    private void Keep(char c)
    {
        if (complete || c == '\r')
        {
            return;
        }

        if (c == '\n')
        {
            complete = first.Length > 0;
            return;
        }

        first.Append(c);
    }
}
