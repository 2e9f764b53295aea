#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translation catalogue is not complete: when any message is
# untranslated (also any empty plural form) or fuzzy, or when the header is
# still fuzzy. Prints each such message. Needs only bash and gettext, which a
# fresh Debian 12 build machine has, where Python may be missing.
#
# Usage: check-po-complete.sh FILE.po...
#        check-po-complete.sh --pot TEMPLATE.pot FILE.po...
#
# With --pot, each catalogue is first merged with TEMPLATE (as msgmerge
# would do when the translations are updated), so that messages which the
# sources gained since the catalogue was written count as untranslated.

set -u

pot=
if [ "${1-}" = "--pot" ]; then
  pot=${2:?--pot needs a template}
  shift 2
fi

if [ $# -eq 0 ]; then
  echo "usage: $0 [--pot TEMPLATE.pot] FILE.po..." >&2
  exit 2
fi

status=0
for po in "$@"; do
  if [ ! -f "$po" ]; then
    echo "$po: missing"
    status=1
    continue
  fi

  if [ -n "$pot" ]; then
    # No fuzzy matching: a message that changed must be looked at again,
    # and that shows up here as untranslated.
    normalized=$(msgmerge --quiet --no-fuzzy-matching --no-wrap -o - "$po" "$pot" \
                 | msgattrib --no-obsolete --no-wrap) || { echo "$po: cannot merge with $pot"; status=1; continue; }
  else
    normalized=$(msgattrib --no-obsolete --no-wrap "$po") || { echo "$po: cannot be read"; status=1; continue; }
  fi

  # One entry per paragraph. For each entry remember whether it is fuzzy, its
  # context, msgid and every msgstr/msgstr[N], then judge it at its end.
  report=$(printf '%s\n\n' "$normalized" | awk -v file="$po" '
    function content(line) {
      sub(/^[^"]*"/, "", line)
      sub(/"[ \t]*$/, "", line)
      return line
    }
    function reset() {
      fuzzy = 0; have_id = 0; ctx = ""; id = ""; n = 0; cur = ""
      delete strs
    }
    function flush(   i, empty, name) {
      if (!have_id) { reset(); return }
      name = (ctx != "" ? "[" ctx "] " : "") "\"" id "\""
      if (id == "" && ctx == "") {
        if (fuzzy) { print file ": fuzzy header"; bad++ }
        reset(); return
      }
      empty = (n == 0)
      for (i = 1; i <= n; i++)
        if (strs[i] == "") empty = 1
      if (empty) { print file ": untranslated: " name; bad++ }
      else if (fuzzy) { print file ": fuzzy: " name; bad++ }
      reset()
    }
    BEGIN { bad = 0; reset() }
    /^[ \t]*$/        { flush(); next }
    /^#,/             { if ($0 ~ /(^|[ ,])fuzzy([ ,]|$)/) fuzzy = 1; next }
    /^#/              { next }
    /^msgctxt /       { ctx = content($0); cur = "ctx"; next }
    /^msgid_plural /  { cur = "plural"; next }
    /^msgid /         { have_id = 1; id = content($0); cur = "id"; next }
    /^msgstr/         { n++; strs[n] = content($0); cur = "str"; next }
    /^"/ {
      if (cur == "ctx") ctx = ctx content($0)
      else if (cur == "id") id = id content($0)
      else if (cur == "str") strs[n] = strs[n] content($0)
      next
    }
    END { flush(); exit(bad > 0 ? 1 : 0) }
  ')
  result=$?
  if [ -n "$report" ]; then
    printf '%s\n' "$report"
  fi
  if [ $result -ne 0 ]; then
    status=1
  else
    echo "$po: complete"
  fi
done

exit $status
