# PowerShell completion for provision. Load it with: provision completion pwsh | Out-String | Invoke-Expression
# provision itself answers: "[suggest:N]" LINE prints what may follow the first N characters of LINE, one per line.
Register-ArgumentCompleter -Native -CommandName provision -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $line = $commandAst.Extent.Text
    $position = $cursorPosition - $commandAst.Extent.StartOffset
    # After a trailing space the cursor is past the end of the command's text.
    $line = $line.PadRight($position).Substring(0, $position)
    provision "[suggest:$position]" "$line" 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
