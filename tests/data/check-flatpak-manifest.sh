#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the rules of the Flatpak manifest that flatpak-builder itself does
# not enforce: every downloaded source is pinned by a sha256 (so that an
# offline build with a sources folder is reproducible), the bundle carries
# its translations (separate-locales is false), and the sandbox gets only the
# permissions the app needs (no home or host file system, no session bus).
#
# Usage: check-flatpak-manifest.sh MANIFEST.json

set -u

manifest=${1:?usage: $0 MANIFEST.json}
status=0

problem () {
  echo "$manifest: $*" >&2
  status=1
}

jq empty "$manifest" || exit 1

# Every archive or file source is either a file of this repository (path)
# or a download (url) pinned by a sha256 of 64 hex digits.
while IFS=$'\x1f' read -r module type url sha path; do
  [ -n "$url" ] || [ -n "$path" ] || problem "module $module: a $type source without url or path"
  [ -n "$url" ] || continue
  [[ $sha =~ ^[0-9a-f]{64}$ ]] || problem "module $module: $url has no valid sha256 ('$sha')"
done < <(jq -r '.. | objects | select(has("modules")) | .modules[] | objects
                | .name as $m | (.sources // [])[]
                | select(.type == "archive" or .type == "file")
                | [$m, .type, (.url // ""), (.sha256 // ""), (.path // "")] | join("\u001f")' "$manifest")

# Debian drops old versions from its pool, so a file taken from there also
# needs its permanent address on snapshot.debian.org among the mirror-urls.
while IFS=$'\x1f' read -r module url mirrors; do
  case $url in
    *deb.debian.org/debian/pool/*)
      [[ $mirrors == *snapshot.debian.org/* ]] ||
        problem "module $module: $url goes away when Debian drops that version; add its snapshot.debian.org address to mirror-urls"
      ;;
  esac
done < <(jq -r '.. | objects | select(has("modules")) | .modules[] | objects
                | .name as $m | (.sources // [])[] | select(has("url"))
                | [$m, .url, ((."mirror-urls" // []) | join(" "))] | join("\u001f")' "$manifest")

[ "$(jq -r '."separate-locales"' "$manifest")" = false ] ||
  problem "separate-locales must be false, so that an offline bundle carries its translations"

allowed=(--share=ipc --share=network --socket=wayland --socket=fallback-x11 --device=dri
         --env=FONTCONFIG_FILE=/app/etc/fonts/fonts.conf)
while read -r arg; do
  ok=0
  for a in "${allowed[@]}"; do
    [ "$arg" = "$a" ] && ok=1
  done
  [ $ok = 1 ] || problem "finish-arg $arg is not one the app needs (files go through the portals)"
done < <(jq -r '."finish-args"[]' "$manifest")

for needed in --share=ipc --socket=wayland --socket=fallback-x11 --share=network; do
  jq -e --arg a "$needed" '."finish-args" | index($a)' "$manifest" >/dev/null ||
    problem "finish-arg $needed is missing"
done

# The app module comes last, so that it can link every library before it.
[ "$(jq -r '.modules[-1].name' "$manifest")" = vitask-suppliers ] ||
  problem "the app module must be the last module"

exit $status
