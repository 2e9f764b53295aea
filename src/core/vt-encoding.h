/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-encoding.h: the text encodings that supplier lists arrive in, how to
 * tell them apart, and how to turn them into NFC UTF-8.
 *
 * A successful decode proves nothing (Korean bytes decode "fine" as
 * CP1258), so detection decodes a sample under every reading and scores
 * the share of words that are valid Vietnamese syllables or Hangul.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtEncoding:
 * @VT_ENCODING_UTF8: UTF-8, with or without a byte-order mark
 * @VT_ENCODING_CP1258: Windows-1258 (tone marks as combining characters)
 * @VT_ENCODING_VISCII: VISCII (RFC 1456)
 * @VT_ENCODING_TCVN3: TCVN 5712:1993 ("ABC", .VnTime fonts)
 * @VT_ENCODING_VNI: VNI for Windows (a letter, then its marks)
 * @VT_ENCODING_TCVN3_IN_UTF8: TCVN3 bytes that were read as Windows-1252
 *   and saved as UTF-8 ("C«ng ty §iÖn tö")
 * @VT_ENCODING_VNI_IN_UTF8: VNI bytes that were read as Windows-1252 and
 *   saved as UTF-8 ("Coâng ty Ñieän töû")
 * @VT_ENCODING_CP949: Korean Windows code page 949 (a superset of EUC-KR)
 */
typedef enum
{
  VT_ENCODING_UTF8,
  VT_ENCODING_CP1258,
  VT_ENCODING_VISCII,
  VT_ENCODING_TCVN3,
  VT_ENCODING_VNI,
  VT_ENCODING_TCVN3_IN_UTF8,
  VT_ENCODING_VNI_IN_UTF8,
  VT_ENCODING_CP949,
} VtEncoding;

#define VT_N_ENCODINGS (VT_ENCODING_CP949 + 1)

typedef struct
{
  VtEncoding encoding;
  double     confidence;        /* 0-1 */
} VtEncodingCandidate;

const char *vt_encoding_to_string    (VtEncoding   encoding);
gboolean    vt_encoding_from_string  (const char  *id,
                                      VtEncoding  *encoding);
const char *vt_encoding_get_label    (VtEncoding   encoding);
GArray     *vt_encoding_detect       (const char  *data,
                                      gsize        length);
char       *vt_encoding_decode       (const char  *data,
                                      gsize        length,
                                      VtEncoding   encoding,
                                      gsize       *out_length);
double      vt_text_score            (const char  *text,
                                      gssize       length);
gboolean    vt_vietnamese_syllable_is_valid (const char *word);

G_END_DECLS
