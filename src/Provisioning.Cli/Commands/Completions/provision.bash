# bash completion for provision. Load it with: source <(provision completion bash)
# provision itself answers: "[suggest:N]" LINE prints what may follow the first N characters of LINE, one per line.
_provision()
{
    local line word suggestion
    if [[ -n "${COMP_LINE-}" ]]; then
        line="${COMP_LINE:0:COMP_POINT}"
    else
        # Called without COMP_LINE (by a script, or a wrapper): rebuild the line from the words up to the cursor.
        line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
    fi
    word="${COMP_WORDS[COMP_CWORD]}"
    COMPREPLY=()
    # Read line by line, never through word splitting: a suggestion such as -? must not be globbed.
    while IFS= read -r suggestion; do
        [[ "$suggestion" == "$word"* ]] && COMPREPLY+=("$suggestion")
    done < <(provision "[suggest:${#line}]" "$line" 2>/dev/null)
}
complete -o default -F _provision provision
