# fish completion for provision. Load it with: provision completion fish | source
# provision itself answers: "[suggest:N]" LINE prints what may follow the first N characters of LINE, one per line.
function __provision_suggest
    set -l line (commandline --current-process --cut-at-cursor)
    provision "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
end
complete --command provision --arguments '(__provision_suggest)'
