#!/usr/bin/env bash
# Installs what `ledgerstream bench categorizer` needs for its baseline: Debian's scikit-learn for
# the system Python (/usr/bin/python3). Not needed to run or test Ledgerstream itself.
set -euo pipefail
if /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  echo "python3-sklearn is installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-sklearn
