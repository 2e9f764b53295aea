/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search.h: search keys for Vietnamese and Korean text.
 *
 * Pure functions. A folded key drops Vietnamese tone and vowel marks, maps
 * đ/Đ to d and folds case, so that "cong ty dien tu" finds "Công ty Điện
 * tử". An initials key keeps the initial consonant of each Hangul syllable
 * as a compatibility jamo (U+3131..U+314E), the way Korean users type
 * "ㅎㄷ" to find "현대".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *vt_search_fold               (const char  *text);
char      *vt_search_initials           (const char  *text);
char      *vt_search_decompose_hangul   (const char  *folded);
gboolean   vt_search_is_initials_query  (const char  *query);
char     **vt_search_split_terms        (const char  *query);
gboolean   vt_search_matches            (const char  *query,
                                         const char  *text);

G_END_DECLS
