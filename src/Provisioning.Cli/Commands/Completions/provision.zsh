#compdef provision
# zsh completion for provision. Load it with: source <(provision completion zsh)   (after compinit)
# provision itself answers: "[suggest:N]" LINE prints what may follow the first N characters of LINE, one per line.
_provision() {
  local line="${(j: :)words[1,CURRENT]}"
  local -a suggestions
  suggestions=(${(f)"$(provision "[suggest:${#line}]" "$line" 2>/dev/null)"})
  # Nothing to suggest (the value of --cwd, --out…): complete file names.
  if (( ${#suggestions} )); then
    compadd -- "${suggestions[@]}"
  else
    _files
  fi
}
compdef _provision provision
