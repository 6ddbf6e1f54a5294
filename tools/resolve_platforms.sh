#!/usr/bin/env bash
# Resolves ND4J's natives for every platform nnlab supports, as `./nnlab setup` would on that machine
# (NNLAB_PLATFORM=P: -Djavacpp.platform=P -Dnd4j.natives=P[-onednn]), and lists the native jars Maven
# fetched for each, with their sizes. Proves that a student's machine gets its natives from Maven Central;
# it cannot prove that they load there (that needs the machine).
#
#   tools/resolve_platforms.sh [PLATFORM...]      (default: all five; downloads ~60-130 MB per platform once)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/nnlab"          # detect_platform, natives_for, PLATFORMS, mvn_ (sourced: no command runs)
platforms=("$@"); [ ${#platforms[@]} -gt 0 ] || platforms=("${PLATFORMS[@]}")
# Maven's local repository (for the jar sizes): -Dmaven.repo.local in MAVEN_OPTS, else the default
repo="$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<<"${MAVEN_OPTS:-}")"
failed=0
for p in "${platforms[@]}"; do
  PLATFORM=""; export NNLAB_PLATFORM="$p"; platform_init
  list="$(mktemp)"; t0=$(date +%s)
  if ! (cd "$ROOT" && mvn_ -q -pl lib dependency:list -DoutputFile="$list" -DappendOutput=false) >"$list.log"; then
    echo "FAILED $p: Maven could not resolve its natives:"; sed 's/^/    /' "$list.log" | tail -20; failed=1; continue
  fi
  # the native jars: those whose classifier is this platform (nd4j-native, openblas)
  jars="$(grep -E ":jar:$p(-[a-z0-9]+)?:" "$list" | sed 's/^ *//' | sed 's/:compile.*//;s/:runtime.*//' || true)"
  mb=0
  while read -r coords; do
    [ -n "$coords" ] || continue
    IFS=: read -r g a _ c v <<<"$coords"
    f="${repo:-$HOME/.m2/repository}/${g//.//}/$a/$v/$a-$v-$c.jar"
    [ -f "$f" ] && mb=$(( mb + $(fsize "$f") / 1000000 ))
  done <<<"$jars"
  n="$(grep -c . <<<"$jars" || true)"
  if grep -q "nd4j-native:jar:$NATIVES:" "$list" && [ "$n" -ge 2 ]; then
    echo "ok $p: nd4j-native:$NATIVES and $((n - 1)) other native jar(s), $mb MB, $(( $(date +%s) - t0 )) s"
  else
    echo "FAILED $p: expected nd4j-native:$NATIVES and openblas:$p among the dependencies, got:"; echo "$jars" | sed 's/^/    /'; failed=1
  fi
  echo "$jars" | sed 's/^/    /'
  rm -f "$list" "$list.log"
done
exit $failed
