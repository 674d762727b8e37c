#!/usr/bin/env bash
# Issue 14 exploration: P5 (cold preview of 10 mappings on the embedded emulator, median of 5) for each way of
# building provision, one after the other (builds never run in parallel).
#
#   scripts/cold-start-variants.sh [OUT_DIR]          # default /tmp/provision-variants
#
# Variants: the Release build run as `dotnet provision.dll` (what the harness measures by default), ReadyToRun
# framework-dependent and self-contained publishes (their apphost `provision`), and the same R2R publish with the
# runtime's default tiering delay (100 ms) instead of the project's 10 ms. With PROVISION_AOT_EXPLORE=1 it also
# publishes with Native AOT (needs scripts/native-prereqs.sh first). That build keeps its trim/AOT warnings but,
# for exploration only, does not make them errors: they are counted by code and project and printed. The
# build of record keeps warnings as errors, so this variant cannot ship until the count is zero.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-/tmp/provision-variants}
rm -rf "$out"
mkdir -p "$out"
cli=src/Provisioning.Cli

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release "$cli" --nologo -v q >/dev/null
dotnet build -c Release bench/Provisioning.Bench --nologo -v q >/dev/null
dotnet publish "$cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" --nologo -v q >/dev/null
dotnet publish "$cli" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$out/r2r-sc" --nologo -v q >/dev/null

# The same R2R files with the runtime's default call-counting delay, to show what the project's 10 ms does to a cold start.
cp -r "$out/r2r" "$out/r2r-delay100"
sed -i 's/"System.Runtime.TieredCompilation.CallCountingDelayMs": 10/"System.Runtime.TieredCompilation.CallCountingDelayMs": 100/' \
  "$out/r2r-delay100/provision.runtimeconfig.json"

variants=(
  "dotnet provision.dll|$PWD/$cli/bin/Release/net10.0/provision.dll"
  "R2R, framework-dependent|$out/r2r/provision"
  "R2R, self-contained|$out/r2r-sc/provision"
  "R2R, CallCountingDelayMs 100|$out/r2r-delay100/provision"
)

if [ "${PROVISION_AOT_EXPLORE:-}" = "1" ]; then
  # Its own artifacts folder, so no native file of this build (provision.dbg) ends up in a later pack's publish folder.
  dotnet publish "$cli" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false -p:TrimmerSingleWarn=false \
    --artifacts-path "$out/aot-artifacts" -o "$out/aot" --nologo -v n >"$out/aot-publish.log" 2>&1
  # Each warning is reported twice: by the analyzer at compile time "(line,col)" and by the AOT compiler "(line)".
  echo "Native AOT warnings (analyzer, by project and code):"
  grep -E '\([0-9]+,[0-9]+\): warning IL[0-9]+' "$out/aot-publish.log" | sed -E 's/^ *([0-9]+>)?//' | sort -u |
    sed -E 's/.*warning (IL[0-9]+).*\/([^/]+)\.csproj\]$/  \2 \1/' | sort | uniq -c || true
  echo "Native AOT warnings (compiler, by project and code):"
  grep -E 'analysis warning IL[0-9]+' "$out/aot-publish.log" | sed -E 's/^ *([0-9]+>)?//' | sort -u |
    sed -E 's#^.*/src/([^/]+)/.*analysis warning (IL[0-9]+).*#  \1 \2#' | sort | uniq -c || true
  variants+=("Native AOT (warnings not yet fixed)|$out/aot/provision")
fi

for variant in "${variants[@]}"; do
  name=${variant%%|*}
  path=${variant#*|}
  row=$(dotnet run -c Release --no-build --project bench/Provisioning.Bench -- --only P5 --cli "$path" --out "$out/p5.json" 2>/dev/null |
    grep -E '^\| P5' || true)
  size="-"
  case "$path" in *.dll) ;; *) size=$(du -sh "$(dirname "$path")" | cut -f1) ;; esac
  printf '%-36s P5 %s  (runs: %s; folder %s)\n' "$name" "$(echo "$row" | awk -F'|' '{print $4}' | xargs)" \
    "$(echo "$row" | sed -E 's/.*median of 5: ([^|]*) s \|.*/\1/')" "$size"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
