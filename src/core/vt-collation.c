/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-collation.c: ICU sort keys for mixed Korean and Vietnamese names. */

#define G_LOG_DOMAIN "vt-collation"

#include "config.h"

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "vt-collation.h"

#define VT_COLLATION_LOCALE "vi-u-kr-hang-hani"

/* ICU collators are safe to share between threads for const use
 * (ucol_getSortKey, ucol_strcoll take a const collator). */
static const UCollator *
get_collator (void)
{
  static gsize initialized;
  static UCollator *collator;

  if (g_once_init_enter (&initialized))
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open (VT_COLLATION_LOCALE, &status);
      if (U_FAILURE (status))
        g_error ("Cannot open the ICU collator %s: %s",
                 VT_COLLATION_LOCALE, u_errorName (status));
      g_once_init_leave (&initialized, 1);
    }

  return collator;
}

/**
 * vt_collation_sort_key:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): the ICU sort key of @text, without the final
 *   zero byte; compare two keys with memcmp(), shorter first on a tie.
 */
GBytes *
vt_collation_sort_key (const char *text)
{
  const UCollator *collator = get_collator ();
  g_autofree gunichar2 *utf16 = NULL;
  glong len = 0;
  guint8 stack_buf[256];
  int32_t needed;

  if (text == NULL)
    text = "";

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &len, NULL);
  if (utf16 == NULL)
    return g_bytes_new (NULL, 0);

  needed = ucol_getSortKey (collator, utf16, len, stack_buf, sizeof stack_buf);
  if (needed <= (int32_t) sizeof stack_buf)
    return g_bytes_new (stack_buf, MAX (needed - 1, 0));
  else
    {
      guint8 *heap_buf = g_malloc (needed);

      ucol_getSortKey (collator, utf16, len, heap_buf, needed);
      return g_bytes_new_take (heap_buf, needed - 1);
    }
}

/**
 * vt_collation_compare:
 * @a: UTF-8 text
 * @b: UTF-8 text
 *
 * Returns: <0, 0 or >0 as @a sorts before, with or after @b
 */
int
vt_collation_compare (const char *a,
                      const char *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  result = ucol_strcollUTF8 (get_collator (), a, -1, b, -1, &status);
  if (U_FAILURE (status))
    return g_strcmp0 (a, b);
  return (int) result;
}
