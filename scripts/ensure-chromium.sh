#!/usr/bin/env bash
# Runs before `npm test`. The GraphiQL browser test drives Debian's Chromium (/usr/bin/chromium).
# In CI (CI=true) it is installed when missing, so the test really runs on a fresh machine;
# elsewhere nothing is installed and the test says it is skipped.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo "Installing Debian's chromium for the GraphiQL browser test..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  /usr/bin/chromium --version
else
  echo "Note: /usr/bin/chromium is missing, so the GraphiQL browser test will be skipped (install it with: sudo apt-get install -y chromium)."
fi
