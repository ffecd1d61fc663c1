#!/usr/bin/env bash
# Installs what costsim needs on a fresh Debian machine (run as root), skipping what is present.
# The Swift 6.2 toolchain itself is expected on PATH (https://www.swift.org/install/linux/).
set -euo pipefail

# chromium: the test suite opens the HTML report in it (headless).
packages=(libsqlite3-dev libcairo2-dev zlib1g-dev fonts-dejavu-core fontconfig pkg-config chromium)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "setup: add /opt/swift/usr/bin to PATH" >&2
    else
        echo "setup: Swift 6.2 toolchain not found on PATH (https://www.swift.org/install/linux/)" >&2
    fi
    exit 1
fi
