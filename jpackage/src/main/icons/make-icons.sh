#!/usr/bin/env bash
# Regenerates the committed icons from switchboard.svg: PNG (Linux, 256 and 512 px), ICO (Windows), ICNS (macOS).
# Needs: apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" switchboard.svg -o "$tmp/$size.png"
done
cp "$tmp/256.png" switchboard-256.png
cp "$tmp/512.png" switchboard-512.png
convert "$tmp"/{16,32,48,64,128,256}.png switchboard.ico
png2icns switchboard.icns "$tmp"/{16,32,128,256,512}.png >/dev/null
echo "icons written to $(pwd)"
