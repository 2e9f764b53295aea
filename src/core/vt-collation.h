/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-collation.h: sort keys for mixed Korean and Vietnamese names.
 *
 * The ICU collator "vi-u-kr-hang-hani" orders Latin script by Vietnamese
 * rules, then Hangul, then Han (LOCALE.md). Sort keys are byte strings
 * whose memcmp order is the collation order, so they can be stored in a
 * BLOB column and used by an index.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *vt_collation_sort_key (const char *text);
int     vt_collation_compare  (const char *a,
                               const char *b);

G_END_DECLS
