using System.Globalization;
using ModelContextProtocol.Protocol;

namespace Help.Mcp;

/// <summary>Text answers of the tools: bounded, with how to continue, and errors as tool errors.</summary>
internal static class McpText
{
    /// <summary>An answer is cut here (about 5,000 words): the rest is asked for with an offset.</summary>
    public const int MaxChars = 20_000;

    /// <summary>No key is longer (the viewer refuses longer ones too).</summary>
    public const int MaxKeyChars = 256;

    /// <summary>What is wrong with a key or query argument, or null: empty, too long, or holding control characters.</summary>
    public static string? Problem(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{name} is empty.";
        }
        if (name == "key" && value.Length > MaxKeyChars)
        {
            return $"{name} is {value.Length} characters; keys are at most {MaxKeyChars}.";
        }
        if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            return $"{name} holds control characters; no key or word has them.";
        }
        return null;
    }

    /// <summary>The part of <paramref name="text"/> from <paramref name="offset"/>, at most <see cref="MaxChars"/> long, saying how to ask for more.</summary>
    public static CallToolResult Result(string text, int offset, string tool)
    {
        if (offset < 0 || offset > Math.Max(0, text.Length - 1) && offset != 0)
        {
            return Error($"offset must be from 0 to {Math.Max(0, text.Length - 1)} (got {offset}).");
        }
        var part = text.Length - offset > MaxChars ? text.Substring(offset, MaxChars) : text[offset..];
        var rest = text.Length - offset - part.Length;
        if (rest > 0)
        {
            part += string.Create(CultureInfo.InvariantCulture,
                $"\n\n[{rest} more characters: call {tool} again with offset={offset + part.Length} to continue]");
        }
        return new CallToolResult { Content = [new TextContentBlock { Text = part }] };
    }

    /// <summary>
    /// Runs one tool call: damage found while answering (a file changed under the index) is the index's fault and
    /// a rebuild fixes it, so the assistant is told that rather than "an error occurred".
    /// </summary>
    public static CallToolResult Guard(Func<CallToolResult> answer)
    {
        try
        {
            return answer();
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"pyhelp: {e.Message}");
            return Error($"The documentation index is damaged ({e.Message}); rebuild it with: pyhelp --rebuild");
        }
    }

    public static CallToolResult Error(string message) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
