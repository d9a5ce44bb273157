#!/usr/bin/env bash
# The GPU check of the autoencoder on DJL, for a machine with an NVIDIA GPU but no internet (and maybe no JDK).
#
#   bench/gpu-check.sh pack [--jre] [--cpu-libtorch]   here, with Maven: build target/gpu-check (about 17 MB;
#                                                       --jre adds a jlinked Java runtime, about 30 MB)
#   bench/gpu-check.sh run                              there, over a copy of the tree that carries target/gpu-check
#
# The CUDA libtorch jar (pytorch-native-cu124, 2.5 GB) does not fit a 64 MB carry, so `run` uses the machine's
# own libtorch: PYTORCH_LIBRARY_PATH if set, else the lib/ folder of the Python torch package. DJL's JNI is built
# for one libtorch version: this build's (DJL 0.36) for libtorch 2.7.x, CUDA flavor cu128 (a -Pcuda build's,
# DJL 0.33, for 2.5.x, cu124). The check prints the device, the classic autoencoder's training step at batch 64
# (samples/s), the swap of 64 aligned faces (faces/s), the same for the presets of larger faces (gpu-128, gpu-256, at
# their own batch sizes; PRESETS= to skip them), and the same classic step in PyTorch on the same GPU as the
# reference when Python's torch is there. Convert at 720p needs the whole distribution (FFmpeg, OpenCV and ONNX
# Runtime GPU natives, about 680 MB): where target/faceswap4j and ../shared/data/nggyup.mp4 are there it runs
# too, else it says so.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
out=target/gpu-check

pack() {
  local jre=false cpu=false
  for arg in "$@"; do
    case "$arg" in
      --jre) jre=true ;;
      --cpu-libtorch) cpu=true ;;
      *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
  done
  mvn -q -B install -DskipTests -pl plugins-model-autoencoder -am
  mvn -q -B test-compile -pl plugins-model-autoencoder
  rm -rf "$out" && mkdir -p "$out/lib"
  # Only what the check loads: no video or chart libraries, no libtorch (the machine's own is used).
  local exclude="pytorch-native-cu124,xchart,pdfbox,pdfbox-io,fontbox,graphics2d,VectorGraphics2D,animated-gif-lib,jackson-databind,jackson-core,jackson-annotations,jline-terminal,jline-native,progressbar,commons-compress,commons-io,commons-lang3,commons-codec,commons-logging,xz,faceswap4j-core-tests"
  $cpu || exclude="$exclude,pytorch-native-cpu"
  # The plugin, api, core (no natives: the check touches no video) and DJL without any libtorch.
  mvn -q -B -pl plugins-model-autoencoder dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$PWD/$out/lib" \
    -DexcludeGroupIds=org.bytedeco,org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian,com.microsoft.onnxruntime,org.openjdk.jmh \
    -DexcludeArtifactIds="$exclude"
  cp plugins-model-autoencoder/target/faceswap4j-plugins-model-autoencoder-*[0-9T].jar "$out/lib/"
  jar cf "$out/lib/gpu-check.jar" -C plugins-model-autoencoder/target/test-classes dev/faceswap4j/model/autoencoder/bench/GpuCheck.class
  if $jre; then
    jlink --add-modules java.base,java.logging,java.management,jdk.unsupported --strip-debug --no-man-pages \
      --no-header-files --compress=2 --output "$out/jre"
  fi
  echo "packed $out: $(du -sh "$out" | cut -f1) (carry it: run's carry = [\"$out\"])"
}

find_java() {
  if [ -x "$out/jre/bin/java" ]; then echo "$out/jre/bin/java"
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then command -v java
  else ls /usr/lib/jvm/*/bin/java 2>/dev/null | head -1
  fi
}

run() {
  [ -d "$out/lib" ] || { echo "gpu-check: no $out: run 'bench/gpu-check.sh pack' where Maven works, and carry $out" >&2; exit 2; }
  local java; java="$(find_java)"
  [ -n "$java" ] || { echo "gpu-check: no Java on this machine: pack with --jre" >&2; exit 2; }
  echo "java: $java ($("$java" -version 2>&1 | head -1))"
  if command -v nvidia-smi >/dev/null 2>&1; then
    echo "gpu: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | head -1)"
  else
    echo "gpu: no nvidia-smi"
  fi
  local jni; jni="$(ls "$out"/lib/pytorch-jni-*.jar | head -1)"
  local wanted; wanted="$(basename "$jni" | sed -E 's/pytorch-jni-([0-9.]+)-.*/\1/')"
  local flavor=cu128
  [[ "$wanted" == 2.5.* ]] && flavor=cu124
  if ls "$out"/lib/pytorch-native-*.jar >/dev/null 2>&1; then
    echo "libtorch: the packed jar $(basename "$(ls "$out"/lib/pytorch-native-*.jar | head -1)")"
  else
    if [ -z "${PYTORCH_LIBRARY_PATH:-}" ] && command -v python3 >/dev/null 2>&1; then
      PYTORCH_LIBRARY_PATH="$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null || true)"
    fi
    [ -n "${PYTORCH_LIBRARY_PATH:-}" ] || { echo "gpu-check: no libtorch: set PYTORCH_LIBRARY_PATH to a CUDA libtorch $wanted, or install Python's torch $wanted" >&2; exit 2; }
    local found; found="$(python3 -c 'import torch; print(torch.__version__.split("+")[0])' 2>/dev/null || echo unknown)"
    echo "libtorch: $PYTORCH_LIBRARY_PATH (torch $found; DJL's JNI here is built for $wanted, flavor ${PYTORCH_FLAVOR:-$flavor})"
    if [[ "$found" != unknown && "${found%.*}" != "${wanted%.*}" ]]; then
      echo "gpu-check: torch $found cannot load DJL's JNI for $wanted (a crash, not an error): bring libtorch $wanted" >&2; exit 2
    fi
    export PYTORCH_LIBRARY_PATH PYTORCH_VERSION="$wanted" PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-$flavor}"
  fi
  "$java" -Dai.djl.offline=true -DDJL_CACHE_DIR="$out/djl-cache" -Dbatch="${BATCH:-64}" -Dsteps="${STEPS:-20}" -Dpresets="${PRESETS-gpu-128,gpu-256}" \
    -cp "$out/lib/*" dev.faceswap4j.model.autoencoder.bench.GpuCheck
  if python3 -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null; then
    echo "reference (PyTorch, same GPU): $(python3 bench/autoencoder_step.py --device cuda --batch "${BATCH:-64}" --steps "${STEPS:-20}")"
  else
    echo "reference: no Python torch with CUDA here"
  fi
  if [ -x target/faceswap4j/bin/faceswap4j ] && [ -f ../shared/data/nggyup.mp4 ] && [ -d "${MODEL:-}" ]; then
    target/faceswap4j/bin/faceswap4j convert -i ../shared/data/nggyup.mp4 -m "$MODEL" -o "$out/convert-720p.mp4" --no-progress \
      --set detector=cnn | grep -E "frames/s|per frame"
  else
    echo "convert 720p: not measured here (needs target/faceswap4j, ../shared/data/nggyup.mp4 and MODEL=<a trained model folder>)"
  fi
}

case "${1:-}" in
  pack) shift; pack "$@" ;;
  run) run ;;
  *) echo "usage: bench/gpu-check.sh pack [--jre] [--cpu-libtorch] | run" >&2; exit 2 ;;
esac
