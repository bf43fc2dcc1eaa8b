#!/bin/sh
# Installs the Debian 12 packages decorum needs to build, test and run,
# skipping the ones already present. Uses sudo when not root.
# Usage: scripts/deps.sh [build|test|bench|e2e|all]
set -eu
what=${1:-build}
pkgs="build-essential cmake pkg-config libvectorscan-dev libicu-dev
      libjansson-dev libmicrohttpd-dev libsqlite3-dev"
case "$what" in
  test|all) pkgs="$pkgs libcriterion-dev valgrind clang python3 curl time" ;;
esac
# make fuzz: clang-14's libFuzzer runtime (libclang_rt.fuzzer-x86_64.a)
# and its sanitizer runtimes come in libclang-rt-14-dev.
case "$what" in
  test|all) pkgs="$pkgs libclang-rt-14-dev" ;;
esac
# make bench: jq builds the corpus, node/npm run the npm peers, hyperfine
# and GNU time measure `decorum score`, wrk and curl the service;
# bench_match's synthetic lexicon is made of wamerican's dictionary words.
# Debian's nodejs and npm only when there is no node with its npm already
# (a nodesource node bundles npm, and Debian's npm package conflicts with it).
case "$what" in
  bench|all)
    pkgs="$pkgs jq hyperfine time wrk curl wamerican"
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
      pkgs="$pkgs nodejs npm"
    fi ;;
esac
# make e2e: the moderator page in headless Chromium, driven by Debian's
# python3-selenium through chromium-driver.
case "$what" in
  e2e|all) pkgs="$pkgs python3 chromium chromium-driver python3-selenium" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
