#!/bin/sh
# Regenerates every raster icon from the hand-written SVGs in this folder.
# Needs (Debian packages): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
#   apt-get install -y librsvg2-bin imagemagick icnsutils
# Usage: icons/build-icons.sh   (from anywhere; writes next to this script)
set -eu
cd "$(dirname "$0")"

MASTER=bluegreen-wizard.svg          # used for 24 px and up
SMALL=bluegreen-wizard-small.svg     # pixel-aligned variant, used for 16 px
NAME=bluegreen-wizard

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool (see header)" >&2; exit 1; }
done

mkdir -p png
for n in 16 24 32 48 64 128 256 512 1024; do
  src=$MASTER
  [ "$n" -le 16 ] && src=$SMALL
  rsvg-convert --width "$n" --height "$n" --format png "$src" --output "png/$NAME-$n.png.tmp"
  # normalise to 8-bit RGBA and drop timestamps so rebuilds are byte-for-byte stable
  convert "png/$NAME-$n.png.tmp" -strip -define png:color-type=6 -define png:bit-depth=8 "png/$NAME-$n.png"
  rm -f "png/$NAME-$n.png.tmp"
done

# copies at the top of icons/ for the app window (the pom packs icons/*.png as /icons/ on the classpath)
for n in 16 32 64 128 256; do
  cp "png/$NAME-$n.png" "$NAME-$n.png"
done

# Windows: one .ico holding 16-256
convert png/$NAME-16.png png/$NAME-24.png png/$NAME-32.png png/$NAME-48.png \
        png/$NAME-64.png png/$NAME-128.png png/$NAME-256.png "$NAME.ico"

# macOS: .icns with every size png2icns knows (16, 32, 48, 128, 256, 512, 1024)
png2icns "$NAME.icns" png/$NAME-16.png png/$NAME-32.png png/$NAME-48.png \
         png/$NAME-128.png png/$NAME-256.png png/$NAME-512.png png/$NAME-1024.png >/dev/null

echo "icons rebuilt in $(pwd)"
