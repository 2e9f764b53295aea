#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when the source holds a translatable string that po/LANG.po does
# not have yet: extracting the strings again must not find new ones.
set -euo pipefail
top=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
xgettext --from-code=UTF-8 --add-comments --package-name=vitask-suppliers \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in -o "$tmp/current.pot" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
status=0
for lang in "$@"; do
  if ! msgcmp --use-untranslated --use-fuzzy "po/$lang.po" "$tmp/current.pot" 2>"$tmp/cmp"; then
    echo "po/$lang.po lacks strings that the source has (run: meson compile -C _build vitask-suppliers-update-po):"
    sed 's/^/  /' "$tmp/cmp"
    status=1
  fi
done
exit $status
