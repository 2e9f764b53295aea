#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the HTML help of one language from the Mallard pages: the Flatpak
# opens these in the browser, because the host's Yelp cannot read the
# sandbox. For a translation the pages are first made with itstool from
# the English ones and the language's po file, as the installed help is.
#
#   build-html.sh OUTPUT_DIR LANG PO|- PAGE...

set -eu

out=$1
lang=$2
po=$3
shift 3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf "$out"
mkdir -p "$out"

if [ "$po" = - ]; then
  pages="$*"
else
  msgfmt -o "$work/$lang.mo" "$po"
  mkdir "$work/pages"
  itstool -m "$work/$lang.mo" -l "$lang" -o "$work/pages/" "$@"
  pages=
  for page in "$@"; do
    pages="$pages $work/pages/$(basename "$page")"
  done
fi

# shellcheck disable=SC2086 # the page paths have no spaces
yelp-build html -o "$out/" $pages

for page in "$@"; do
  name=$(basename "$page" .page)
  if [ ! -s "$out/$name.html" ]; then
    echo "build-html.sh: yelp-build made no $name.html for $lang" >&2
    exit 1
  fi
done
