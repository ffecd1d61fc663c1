#!/usr/bin/env bash
# Fuzzes one of costsim's input parsers with libFuzzer and AddressSanitizer.
#
#   bash scripts/fuzz.sh TARGET [MINUTES]      # TARGET: trace-csv, scenario, pricing-csv, … (see Fuzz/README.md)
#   bash scripts/fuzz.sh all [MINUTES]         # every target, MINUTES each
#
# Seeds come from Fuzz/corpus/TARGET and Fuzz/regressions/TARGET; what the fuzzer learns goes to
# .build-fuzz/corpus/TARGET, crashes and hangs (inputs running over 10 s) to .build-fuzz/artifacts/TARGET/.
# Exits non-zero when anything was found; the last lines say how to replay it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

target="${1:?usage: scripts/fuzz.sh TARGET|all [MINUTES]}"
minutes="${2:-10}"
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ] || [ "$minutes" -gt 1440 ]; then
    echo "fuzz.sh: MINUTES must be a whole number from 1 to 1440, not '$minutes'" >&2
    exit 2
fi

toolchain="$(dirname "$(dirname "$(command -v swiftc)")")"
fuzzer_library="$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1)"
if [ -z "$fuzzer_library" ]; then
    echo "fuzz.sh: libFuzzer (libclang_rt.fuzzer_no_main) not found in the Swift toolchain at $toolchain" >&2
    exit 2
fi

# Coverage-instrumented release build; the executable drives libFuzzer itself (LLVMFuzzerRunDriver),
# because SwiftPM's executables bring their own main.
swift build -c release --scratch-path .build-fuzz --product costsim-fuzz \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xlinker "$fuzzer_library" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol" || true
binary=".build-fuzz/release/costsim-fuzz"
[ -x "$binary" ] || { echo "fuzz.sh: build failed" >&2; exit 1; }

if [ "$target" = all ]; then
    targets=$({ "$binary" 2>&1 || true; } | sed -n 's/.*TARGET is one of //p' | tr -d ',')
else
    targets="$target"
fi

# Leak checking is off: the Swift runtime keeps allocations for the whole process, which
# LeakSanitizer would report for every input.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
status=0
for name in $targets; do
    mkdir -p ".build-fuzz/corpus/$name" ".build-fuzz/artifacts/$name"
    seeds=()
    for folder in "Fuzz/corpus/$name" "Fuzz/regressions/$name"; do
        [ -d "$folder" ] && seeds+=("$folder")
    done
    echo "== fuzzing $name for $minutes min"
    if "$binary" "$name" ".build-fuzz/corpus/$name" "${seeds[@]}" \
        -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix=".build-fuzz/artifacts/$name/" 2> ".build-fuzz/$name.log"; then
        grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" ".build-fuzz/$name.log" || true
        echo "== $name: no crash, no hang"
    else
        status=1
        tail -n 40 ".build-fuzz/$name.log"
        echo "== $name: FOUND a crash or hang: ls .build-fuzz/artifacts/$name/"
        echo "   replay: swift build --product costsim-fuzz && .build/debug/costsim-fuzz $name FILE"
        echo "   then keep it: copy FILE into Fuzz/regressions/$name/ and fix the parser"
    fi
done
exit $status
