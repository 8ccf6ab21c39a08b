#!/usr/bin/env bash
# Installs Debian's Chromium and its chromedriver when either is missing: the dashboard's browser
# test (launcher's DashboardBrowserTest) drives /usr/bin/chromium through /usr/bin/chromedriver.
# Runs as root, or through sudo when not root; says what to do otherwise. Does nothing when both
# are there. Run by `./mvnw verify` before the launcher's tests (launcher/pom.xml).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
PACKAGES=(chromium chromium-driver)

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "install-browser.sh: $CHROMIUM or $CHROMEDRIVER is missing, and installing them needs root." >&2
    echo "Run as root, or: sudo apt-get install -y ${PACKAGES[*]}" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null; then
    echo "install-browser.sh: no apt-get here; install Debian's ${PACKAGES[*]} (or equivalents at $CHROMIUM and $CHROMEDRIVER)." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser.sh: installing ${PACKAGES[*]} for the browser test"
if ! "${as_root[@]}" apt-get install -y -q "${PACKAGES[@]}"; then
    # a fresh machine's package lists may be missing or stale
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" apt-get install -y -q "${PACKAGES[@]}"
fi

for binary in "$CHROMIUM" "$CHROMEDRIVER"; do
    if [[ ! -x "$binary" ]]; then
        echo "install-browser.sh: installed ${PACKAGES[*]}, yet $binary is not there." >&2
        exit 1
    fi
done
"$CHROMIUM" --version
"$CHROMEDRIVER" --version
