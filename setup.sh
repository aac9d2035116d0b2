#!/bin/sh
# Installs what newsprint needs on Debian 12, builds it in build/, and
# renders the bundled example report into bulletin.pdf.
#   ./setup.sh                   (as root, or as a user with sudo)
#   NP_CMAKE_ARGS=-DNP_WERROR=ON ./setup.sh
set -eu
cd "$(dirname "$0")"

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

PACKAGES="build-essential cmake pkg-config
  libglib2.0-dev libpango1.0-dev libcairo2-dev libharfbuzz-dev libfontconfig-dev
  libgdk-pixbuf-2.0-dev unicode-data
  fonts-noto-cjk fonts-noto-color-emoji fonts-noto-core fonts-dejavu-core
  fonts-arphic-ukai
  python3 poppler-utils mupdf-tools imagemagick
  libjson-glib-dev qpdf locales man-db groff-base
  clang libclang-rt-14-dev valgrind
  libopencc-dev opencc libicu-dev
  liblinear-dev liblinear-tools"

$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null

cmake -S . -B build ${NP_CMAKE_ARGS:-}
cmake --build build --parallel
./build/newsprint examples/report.txt -o bulletin.pdf
echo "setup.sh: wrote $(pwd)/bulletin.pdf"
