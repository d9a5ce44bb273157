#!/usr/bin/env bash
# Convert on the embedded Spark engine, local[1] against local[2], and the same frames in one process, in interleaved
# rounds on one machine: frames/s of each (median of the rounds), their ratios, and Spark's start-up time.
#
#   bench/cluster-scaling.sh MODEL_DIR VIDEO [FRAMES (default 0:300)] [ROUNDS (default 3)] [SEGMENT_FRAMES (default 75)]
#
# CONVERT_ARGS adds convert options to every run (e.g. CONVERT_ARGS="--preset cpu-fast"). Landmark smoothing sets the
# warm-up (spark.warm-up-frames = auto: 53 frames a segment at the default convert.smooth = 0.5, 1 at cpu-fast's 0).
# Uses the staged distribution (target/faceswap4j: mvn -DskipTests package). Each round writes PNG folders under a
# temporary folder and removes them; the outputs of local[2] and of one process are compared frame by frame.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
model=$1 video=$2 frames=${3:-0:300} rounds=${4:-3} segment=${5:-75}
cli=target/faceswap4j/bin/faceswap4j
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # name, extra args: prints "frames/s start-up-seconds"
  local name=$1; shift
  rm -rf "$work/$name"
  "$cli" convert -i "$video" -m "$model" -o "$work/$name" --frames "$frames" --no-progress --set spark.segment-frames="$segment" ${CONVERT_ARGS:-} "$@" \
    > "$work/$name.out" 2> "$work/$name.err"
  local fps start
  fps=$(grep -o '([0-9.]* frames/s)' "$work/$name.out" | tr -d '(' | cut -d' ' -f1)
  start=$(grep -o 'started in [0-9.]* s' "$work/$name.err" | cut -d' ' -f3 || true)
  echo "$fps ${start:--}"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for r in $(seq "$rounds"); do
  for name in one-process local1 local2; do
    case $name in
      one-process) result=$(run $name) ;;
      local1) result=$(run $name --cluster 'local[1]') ;;
      local2) result=$(run $name --cluster 'local[2]') ;;
    esac
    echo "round $r $name: $result frames/s, start-up s" >&2
    echo "$name $result" >> "$work/results"
  done
  if [ "$r" = 1 ]; then
    python3 - "$work/one-process" "$work/local2" <<'PY' >&2
import os, sys
a, b = sys.argv[1:3]
names = sorted(os.listdir(a))
same = sum(open(os.path.join(a, n), 'rb').read() == open(os.path.join(b, n), 'rb').read() for n in names)
print(f"one process vs local[2]: {same} of {len(names)} PNG files identical byte for byte ({len(os.listdir(b))} written)")
PY
  fi
done
for name in one-process local1 local2; do
  printf '%s %s\n' "$name" "$(grep "^$name " "$work/results" | cut -d' ' -f2 | median)"
done > "$work/medians"
cat "$work/medians"
awk '{f[$1]=$2} END {printf "local[2] / local[1]: %.2f   local[2] / one process: %.2f   local[1] / one process: %.2f\n", f["local2"]/f["local1"], f["local2"]/f["one-process"], f["local1"]/f["one-process"]}' "$work/medians"
echo "Spark start-up (local[1] and local[2] runs): $(grep -E '^local' "$work/results" | cut -d' ' -f3 | median) s (median)"
