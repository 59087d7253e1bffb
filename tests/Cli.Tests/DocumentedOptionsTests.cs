using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>The options the help documents are the ones the parser knows and the shell completion offers.</summary>
public sealed class DocumentedOptionsTests
{
    [Fact]
    public void DocumentedOptions_FromTheHelpText_UsageAndOptionsSections()
    {
        var options = CliOptions.DocumentedOptions;

        Assert.Equal("-k", options[0]);
        Assert.Contains("-h", options);
        Assert.Contains("--help", options);
        Assert.Contains("--docset", options);
        Assert.Contains("--defaults", options);
        Assert.DoesNotContain("--", options);
        Assert.DoesNotContain("--complete", options); // the scripts' own, not the user's
        Assert.Equal(options.Count, options.Distinct().Count());
    }

    [Fact]
    public void DocumentedOptions_EachKnownToTheParser()
    {
        // --export and --out go to the export command before these options are parsed.
        foreach (var option in CliOptions.DocumentedOptions.Where(o => o is not "--export" and not "--out"))
        {
            var error = CliOptions.Parse([option, "x"]).Error;
            Assert.False(error?.StartsWith("unknown option", StringComparison.Ordinal) ?? false, $"{option}: {error}");
        }
    }

    [Fact]
    public void CompletionScript_OffersEveryDocumentedOption()
    {
        var script = CliRunner.Invoke("--completion", "bash").Out;

        foreach (var option in CliOptions.DocumentedOptions)
        {
            Assert.Contains(" " + option + " ", script.Replace("\"", " ").Replace("'", " "));
        }
    }
}
