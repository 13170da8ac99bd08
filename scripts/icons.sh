#!/usr/bin/env bash
# Draws the app icons (PNG) from their SVG sources in www/icons/. The PNGs are committed, so a
# build does not need this; run it after changing an SVG. Needs rsvg-convert (Debian package
# librsvg2-bin: apt-get install librsvg2-bin).
#   bash scripts/icons.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../www/icons"
command -v rsvg-convert >/dev/null || { echo "icons.sh: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
rsvg-convert -w 192 -h 192 icon-maskable.svg -o icon-maskable-192.png
rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
ls -l ./*.png
