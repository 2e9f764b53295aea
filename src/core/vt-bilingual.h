/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bilingual.h: our translations in any language, whatever the locale.
 *
 * gettext translates into the process's one language, and only when glibc
 * has locale data for it (LOCALE.md). A slide shown to two delegations at
 * once, or a report printed with headings in two languages, needs Korean
 * and Vietnamese side by side even in a Flatpak without the Locale
 * extension. These functions read our own compiled catalogues
 * (LOCALEDIR/LANG/LC_MESSAGES/vitask-suppliers.mo) and look a message up
 * in the language asked for, with its plural forms.
 *
 * The returned strings belong to the catalogue, which lives as long as the
 * process: they never need freeing. A message without translation comes
 * back as the msgid (English), like gettext. Safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         vt_bilingual_set_localedir   (const char *localedir);
const char  *vt_bilingual_get_localedir   (void);
gboolean     vt_bilingual_has_language    (const char *language);

const char  *vt_bilingual_gettext         (const char *language,
                                           const char *msgid);
const char  *vt_bilingual_pgettext        (const char *language,
                                           const char *context,
                                           const char *msgid);
const char  *vt_bilingual_ngettext        (const char *language,
                                           const char *msgid,
                                           const char *msgid_plural,
                                           gulong      n);
const char  *vt_bilingual_npgettext       (const char *language,
                                           const char *context,
                                           const char *msgid,
                                           const char *msgid_plural,
                                           gulong      n);

guint        vt_bilingual_plural_index    (const char *plural_forms,
                                           gulong      n);

/* Marks a context/msgid pair for xgettext without translating it, for
 * tables passed to vt_bilingual_pgettext(). */
#define VT_NC_(context, msgid) (msgid)

G_END_DECLS
