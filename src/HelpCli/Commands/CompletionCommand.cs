using Help.Core.Index;
using Help.Core.Query;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp --completion bash|zsh|fish</c> prints a shell completion script; the scripts ask
/// <c>pyhelp --complete PREFIX</c> for the keys, which reads the topics table's key index and never builds.
/// </summary>
public static class CompletionCommand
{
    /// <summary>At most this many keys are printed for one prefix.</summary>
    public const int MaxKeys = 500;

    public static int PrintScript(string shell, Terminal terminal)
    {
        // The options the help text documents (--complete is not among them: it is for the scripts alone).
        var options = string.Join(' ', CliOptions.DocumentedOptions);
        var kinds = string.Join(' ', Enum.GetValues<Help.Core.Model.TopicKind>().Select(Help.Core.Model.TopicKinds.Name));
        terminal.Out.Write(shell switch
        {
            "bash" => Bash.Replace("@OPTIONS@", options).Replace("@KINDS@", kinds),
            "zsh" => Zsh.Replace("@KINDS@", kinds),
            _ => Fish.Replace("@KINDS@", kinds),
        });
        return ExitCodes.Found;
    }

    /// <summary>The keys (and list words) starting with <paramref name="prefix"/> ignoring case, one a line.</summary>
    public static int PrintKeys(CliOptions options, string prefix, Terminal terminal)
    {
        foreach (var word in ListCommand.Lists.Keys.Order(StringComparer.Ordinal).Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            terminal.Out.WriteLine(word);
        }
        // Completion must answer at once: with no index yet it offers nothing rather than build one.
        var generation = IndexFolder.Resolve(options.IndexDir).CurrentGeneration();
        if (generation is null)
        {
            return ExitCodes.IndexUnavailable;
        }
        try
        {
            using var index = HelpIndex.Open(generation);
            foreach (var entry in new HelpQuery(index).Complete(prefix, MaxKeys))
            {
                terminal.Out.WriteLine(entry.Key);
            }
            return ExitCodes.Found;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return ExitCodes.IndexUnavailable;
        }
    }

    // bash: complete -F with plain COMP_WORDS (bash-completion's helpers may be absent). An --index on the
    // line is passed on, so keys come from the index being asked. Bash splits words at '=' and ':'
    // (COMP_WORDBREAKS), so symbols such as '%=' do not complete; dotted keys do.
    private const string Bash = """
        # pyhelp completion for bash: source <(pyhelp --completion bash)
        _pyhelp() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev="" i index=()
            [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
            for (( i = 1; i < COMP_CWORD; i++ )); do
                if [ "${COMP_WORDS[i]}" = "--index" ] && [ $((i + 1)) -lt "$COMP_CWORD" ]; then
                    index=(--index "${COMP_WORDS[i+1]}")
                fi
            done
            case "$prev" in
                --index|--source) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
                --kind) COMPREPLY=( $(compgen -W "@KINDS@" -- "$cur") ); return 0 ;;
                --completion) COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") ); return 0 ;;
                --width|--limit|--port|-k|--search) COMPREPLY=(); return 0 ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=( $(compgen -W "@OPTIONS@" -- "$cur") )
                return 0
            fi
            local IFS=$'\n'
            COMPREPLY=( $(command "${COMP_WORDS[0]}" "${index[@]}" --complete "$cur" 2>/dev/null) )
            return 0
        }
        complete -F _pyhelp pyhelp

        """;

    private const string Zsh = """
        #compdef pyhelp
        # pyhelp completion for zsh: source <(pyhelp --completion zsh), or save as _pyhelp in $fpath
        _pyhelp_keys() {
            local -a keys
            keys=( ${(f)"$(command ${words[1]} --complete "$PREFIX" 2>/dev/null)"} )
            compadd -Q -- $keys
        }
        _pyhelp() {
            _arguments -s \
                '--json[print JSON]' \
                '--kind[only topics of a kind]:kind:(@KINDS@)' \
                '--limit[at most N search results]:number:' \
                '--width[wrap text at N columns]:number:' \
                '--no-pager[never page]' \
                '--index[the index folder]:folder:_files -/' \
                '*--source[index these sources]:path:_files' \
                '--rebuild[rebuild the index now]' \
                '--serve[serve the web viewer]' \
                '--open[serve and open the browser]' \
                '--port[the viewer port]:port:' \
                '--completion[print a completion script]:shell:(bash zsh fish)' \
                '(-k --search)'{-k,--search}'[search the text]:query:' \
                '(-h --help)'{-h,--help}'[show help]' \
                '1:key:_pyhelp_keys'
        }
        if [ "$funcstack[1]" = "_pyhelp" ]; then _pyhelp "$@"; else compdef _pyhelp pyhelp; fi

        """;

    private const string Fish = """
        # pyhelp completion for fish: pyhelp --completion fish | source
        complete -c pyhelp -f -a '(pyhelp --complete (commandline -ct) 2>/dev/null)'
        complete -c pyhelp -l json -d 'print JSON'
        complete -c pyhelp -l kind -x -a '@KINDS@' -d 'only topics of a kind'
        complete -c pyhelp -l limit -x -d 'at most N search results'
        complete -c pyhelp -l width -x -d 'wrap text at N columns'
        complete -c pyhelp -l no-pager -d 'never page'
        complete -c pyhelp -l index -r -F -d 'the index folder'
        complete -c pyhelp -l source -r -F -d 'index these sources'
        complete -c pyhelp -l rebuild -d 'rebuild the index now'
        complete -c pyhelp -l serve -d 'serve the web viewer'
        complete -c pyhelp -l open -d 'serve and open the browser'
        complete -c pyhelp -l port -x -d 'the viewer port'
        complete -c pyhelp -l completion -x -a 'bash zsh fish' -d 'print a completion script'
        complete -c pyhelp -s k -l search -x -d 'search the text'
        complete -c pyhelp -s h -l help -d 'show help'

        """;
}
