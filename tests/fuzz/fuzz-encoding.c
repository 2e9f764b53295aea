/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-encoding.c: encoding detection, then decoding the bytes in every
 * encoding it considers; the result must be valid UTF-8 (NUL bytes
 * aside) of the length reported. */

#include "config.h"

#include <string.h>

#include "vt-encoding.h"
#include "vt-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *bytes = (const char *) data;
  g_autoptr(GArray) candidates = vt_encoding_detect (bytes, size);

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      VtEncodingCandidate *c = &g_array_index (candidates, VtEncodingCandidate, i);
      gsize length = 0;
      g_autofree char *text = vt_encoding_decode (bytes, size, c->encoding, &length);

      if (text == NULL)
        continue;
      /* NUL bytes come through as NUL: valid up to each of them. */
      g_assert (strlen (text) <= length);
      for (gsize at = 0; at < length; at += strlen (text + at) + 1)
        g_assert (g_utf8_validate (text + at, -1, NULL));
      vt_text_score (text, length);
    }
  return 0;
}
