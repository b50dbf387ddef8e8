#!/usr/bin/env bash
# run_fuzz.sh: builds the libFuzzer targets with clang in their own build dir and runs one for a bounded time.
#   run_fuzz.sh build BUILD_DIR [CLANGXX]     configure + build engine/fuzz standalone, write the seed corpora
#   run_fuzz.sh run BUILD_DIR TARGET SECONDS  fuzz TARGET (gguf_header | safetensors_header) for SECONDS
# Crash inputs are kept as BUILD_DIR/crash-TARGET-*; the growing corpus stays in BUILD_DIR/corpus-TARGET.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cmd=${1:?usage: run_fuzz.sh build|run BUILD_DIR ...}
dir=${2:?missing BUILD_DIR}

case "$cmd" in
  build)
    cxx=${3:-}
    if [ -z "$cxx" ] || [ ! -x "$(command -v "$cxx" || true)" ]; then cxx=$(command -v clang++ || true); fi
    if [ -z "$cxx" ]; then
      echo "run_fuzz: clang++ not found; scripts/setup installs clang (libFuzzer ships with it)" >&2
      exit 1
    fi
    generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$here" -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
    cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)"
    rm -rf "$dir/seeds"
    "$dir/fuzz_make_seeds" "$dir/seeds"
    echo "run_fuzz: built $(ls "$dir"/fuzz_*_header | wc -l) targets, seeds in $dir/seeds"
    ;;
  run)
    target=${3:?missing TARGET}
    seconds=${4:?missing SECONDS}
    bin="$dir/fuzz_$target"
    [ -x "$bin" ] || { echo "run_fuzz: $bin missing; run '$0 build $dir' first" >&2; exit 1; }
    dict="$here/${target%_header}.dict"
    corpus="$dir/corpus-$target"
    mkdir -p "$corpus"
    # -max_len: seeds are a few hundred bytes; headers of interest fit in 4 KiB.
    exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
      -print_final_stats=1 -dict="$dict" -artifact_prefix="$dir/crash-$target-" \
      "$corpus" "$dir/seeds/$target"
    ;;
  *)
    echo "usage: run_fuzz.sh build BUILD_DIR [CLANGXX] | run BUILD_DIR TARGET SECONDS" >&2
    exit 2
    ;;
esac
