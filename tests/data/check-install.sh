#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a staging folder, as flatpak-builder and
# distribution packages do, and checks that everything the app needs at run
# time is there: the program, the translations, the icons, the desktop file,
# the metainfo, the settings schema and the help in every language. The
# installed desktop file and metainfo are validated as well.
#
# Usage: check-install.sh BUILD_DIR PREFIX APP_ID HELP_ID [--html] LANG... -- PAGE...
#
# With --html, the help must also be installed as HTML in every language:
# the Flatpak opens those pages, since the host's help viewer cannot read
# the sandbox.

set -u

build=${1:?usage: $0 BUILD_DIR PREFIX APP_ID HELP_ID LANG... -- PAGE...}
prefix=$2
app_id=$3
help_id=$4
shift 4
html=false
if [ "${1:-}" = --html ]; then
  html=true
  shift
fi
langs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  langs+=("$1")
  shift
done
shift
pages=("$@")

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

if ! meson install -C "$build" --quiet --destdir "$stage" >"$stage.log" 2>&1; then
  cat "$stage.log" >&2
  rm -f "$stage.log"
  exit 1
fi
rm -f "$stage.log"

root=$stage$prefix
status=0
need () {
  if [ ! -s "$root/$1" ]; then
    echo "not installed: $prefix/$1" >&2
    status=1
  fi
}

need "bin/vitask-suppliers"
need "share/applications/$app_id.desktop"
need "share/metainfo/$app_id.metainfo.xml"
need "share/glib-2.0/schemas/$app_id.gschema.xml"
need "share/icons/hicolor/scalable/apps/$app_id.svg"
need "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
for lang in "${langs[@]}"; do
  need "share/locale/$lang/LC_MESSAGES/vitask-suppliers.mo"
done
for lang in C "${langs[@]}"; do
  for page in "${pages[@]}"; do
    need "share/help/$lang/$help_id/$(basename "$page")"
    if $html; then
      need "share/$help_id/help-html/$lang/$(basename "$page" .page).html"
    fi
  done
done

if [ -s "$root/share/applications/$app_id.desktop" ]; then
  desktop-file-validate "$root/share/applications/$app_id.desktop" || status=1
fi
if [ -s "$root/share/metainfo/$app_id.metainfo.xml" ]; then
  appstreamcli validate --no-net --pedantic "$root/share/metainfo/$app_id.metainfo.xml" >&2 || status=1
fi

exit $status
