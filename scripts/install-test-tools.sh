#!/usr/bin/env bash
# Installs (from Debian's packages) the real clients and the browser the tests drive, when
# missing: python3, curl, swaks, fetchmail, getmail6, mpop, isync (mbsync), offlineimap,
# chromium. Does nothing when everything is there. Needs root (or sudo) only to install.
set -euo pipefail
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have python3 || need+=(python3)
have curl || need+=(curl)
have swaks || need+=(swaks)
# Independent mail clients the protocol tests drive (POP3 and IMAP).
have fetchmail || need+=(fetchmail)
have getmail || need+=(getmail6)
have mpop || need+=(mpop)
have mbsync || need+=(isync)
have offlineimap || need+=(offlineimap)
# The web inbox end-to-end tests drive Debian's headless Chromium (no browser downloads).
have chromium || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
