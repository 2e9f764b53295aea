/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-encoding.c: legacy Vietnamese and Korean encodings, detected by
 * scoring what each reading makes of a sample.
 *
 * VISCII and TCVN3 are single-byte tables (RFC 1456; TCVN 5712:1993, whose
 * VN1 upper half the VN3 "ABC" fonts share). VNI writes a base letter and
 * then one byte for its marks, so it decodes to base letters and combining
 * marks that NFC then composes. CP1258 and CP949 go through iconv: glibc
 * knows both, and its CP1258 output is decomposed.
 */

#define G_LOG_DOMAIN "vt-encoding"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "vt-encoding.h"

#define SAMPLE_SIZE (256 * 1024)

static const guint16 viscii_table[256] = {
  /* 00 */ 0x0000, 0x0001, 0x1EB2, 0x0003, 0x0004, 0x1EB4, 0x1EAA, 0x0007,
  /* 08 */ 0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
  /* 10 */ 0x0010, 0x0011, 0x0012, 0x0013, 0x1EF6, 0x0015, 0x0016, 0x0017,
  /* 18 */ 0x0018, 0x1EF8, 0x001A, 0x001B, 0x001C, 0x001D, 0x1EF4, 0x001F,
  /* 20 */ 0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,
  /* 28 */ 0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
  /* 30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
  /* 38 */ 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
  /* 40 */ 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
  /* 48 */ 0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
  /* 50 */ 0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
  /* 58 */ 0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,
  /* 60 */ 0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
  /* 68 */ 0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
  /* 70 */ 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
  /* 78 */ 0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,
  /* 80 */ 0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,
  /* 88 */ 0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,
  /* 90 */ 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,
  /* 98 */ 0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,
  /* A0 */ 0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,
  /* A8 */ 0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,
  /* B0 */ 0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,
  /* B8 */ 0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,
  /* C0 */ 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,
  /* C8 */ 0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,
  /* D0 */ 0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,
  /* D8 */ 0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,
  /* E0 */ 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,
  /* E8 */ 0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
  /* F0 */ 0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,
  /* F8 */ 0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,
};
static const guint16 tcvn3_high[128] = {
  /* 80 */ 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
  /* 88 */ 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
  /* 90 */ 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
  /* 98 */ 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
  /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
  /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
  /* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
  /* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
  /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
  /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* Windows-1252 0x80-0x9F; the rest of its upper half is Latin-1. Used to
 * get the bytes back out of mojibake. 0 marks an unassigned byte (which
 * converters pass through as the C1 control of the same value). */
static const guint16 cp1252_c1[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* VNI for Windows, upper half. A value below 0x0300 is a letter; a
 * combining mark (or two, in the high and low 16 bits) follows the letter
 * it belongs to. Lower case is upper case + 0x20. */
#define GRAVE 0x0300
#define ACUTE 0x0301
#define CIRCUMFLEX 0x0302
#define TILDE 0x0303
#define BREVE 0x0306
#define HOOK 0x0309
#define DOT 0x0323
#define TWO(a, b) (((guint32) (a) << 16) | (b))

static guint32
vni_upper (guint8 b)
{
  switch (b)
    {
    case 0xD9: return ACUTE;                    /* Ù */
    case 0xD8: return GRAVE;                    /* Ø */
    case 0xDB: return HOOK;                     /* Û */
    case 0xD5: return TILDE;                    /* Õ */
    case 0xCF: return DOT;                      /* Ï */
    case 0xC2: return CIRCUMFLEX;               /* Â */
    case 0xC1: return TWO (CIRCUMFLEX, ACUTE);  /* Á */
    case 0xC0: return TWO (CIRCUMFLEX, GRAVE);  /* À */
    case 0xC5: return TWO (CIRCUMFLEX, HOOK);   /* Å */
    case 0xC3: return TWO (CIRCUMFLEX, TILDE);  /* Ã */
    case 0xC4: return TWO (CIRCUMFLEX, DOT);    /* Ä */
    case 0xCA: return BREVE;                    /* Ê */
    case 0xC9: return TWO (BREVE, ACUTE);       /* É */
    case 0xC8: return TWO (BREVE, GRAVE);       /* È */
    case 0xDA: return TWO (BREVE, HOOK);        /* Ú */
    case 0xDC: return TWO (BREVE, TILDE);       /* Ü */
    case 0xCB: return TWO (BREVE, DOT);         /* Ë */
    default: return 0;
    }
}

/* Letters VNI writes as one byte: Ơ Ư Đ and the toned I, Ỵ. */
static gunichar
vni_letter (guint8 b)
{
  switch (b)
    {
    case 0xD4: return 0x01A0;   /* Ơ */
    case 0xF4: return 0x01A1;   /* ơ */
    case 0xD6: return 0x01AF;   /* Ư */
    case 0xF6: return 0x01B0;   /* ư */
    case 0xD1: return 0x0110;   /* Đ */
    case 0xF1: return 0x0111;   /* đ */
    case 0xCD: return 0x00CD;   /* Í */
    case 0xED: return 0x00ED;   /* í */
    case 0xCC: return 0x00CC;   /* Ì */
    case 0xEC: return 0x00EC;   /* ì */
    case 0xC6: return 0x1EC8;   /* Ỉ */
    case 0xE6: return 0x1EC9;   /* ỉ */
    case 0xD3: return 0x0128;   /* Ĩ */
    case 0xF3: return 0x0129;   /* ĩ */
    case 0xD2: return 0x1ECA;   /* Ị */
    case 0xF2: return 0x1ECB;   /* ị */
    case 0xCE: return 0x1EF4;   /* Ỵ */
    case 0xEE: return 0x1EF5;   /* ỵ */
    default: return 0;
    }
}

static void
append_vni_byte (GString *out,
                 guint8   b)
{
  gunichar letter;
  guint32 marks;

  if (b < 0x80)
    {
      g_string_append_c (out, (char) b);
      return;
    }
  if ((letter = vni_letter (b)) != 0)
    {
      g_string_append_unichar (out, letter);
      return;
    }
  marks = vni_upper (b >= 0xE0 ? b - 0x20 : b);
  if (marks != 0 && b >= 0xC0)
    {
      if (marks >> 16)
        g_string_append_unichar (out, marks >> 16);
      g_string_append_unichar (out, marks & 0xFFFF);
      return;
    }
  /* Anything else reads as Windows-1252, as VNI fonts draw it. */
  if (b < 0xA0 && cp1252_c1[b - 0x80] != 0)
    g_string_append_unichar (out, cp1252_c1[b - 0x80]);
  else
    g_string_append_unichar (out, b);
}

static void
append_table_byte (GString    *out,
                   VtEncoding  encoding,
                   guint8      b)
{
  gunichar c;

  if (encoding == VT_ENCODING_VISCII)
    c = viscii_table[b];
  else if (b >= 0x80)
    c = tcvn3_high[b - 0x80];
  else
    c = b;
  g_string_append_unichar (out, c);
}

/* The byte a Windows-1252 (or Latin-1) reading turned into @c, or -1. */
static int
cp1252_byte (gunichar c)
{
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
    return (int) c;
  if (c >= 0x80 && c < 0xA0)
    return (int) c;             /* an unassigned byte passed through */
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_c1); i++)
    if (cp1252_c1[i] == c)
      return (int) (0x80 + i);
  return -1;
}

/* Recovers the legacy bytes behind mojibake; NULL when some character
 * cannot have come from a Windows-1252 reading. */
static GByteArray *
unmojibake (const char *text,
            gsize       length)
{
  GByteArray *bytes = g_byte_array_sized_new (length);
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      int b;

      if (c == (gunichar) -1 || c == (gunichar) -2 || (b = cp1252_byte (c)) < 0)
        {
          g_byte_array_unref (bytes);
          return NULL;
        }
      g_byte_array_append (bytes, (const guint8 *) &(guint8) { (guint8) b }, 1);
    }
  return bytes;
}

/* Converts with iconv; a byte sequence the encoding does not have becomes
 * U+FFFD and decoding goes on. */
static void
append_iconv (GString    *out,
              const char *charset,
              const char *data,
              gsize       length)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  char buffer[4096];
  char *in = (char *) data;
  gsize in_left = length;

  if (cd == (GIConv) -1)
    {
      g_warning ("No converter from %s", charset);
      return;
    }

  while (in_left > 0)
    {
      char *o = buffer;
      gsize o_left = sizeof buffer;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, buffer, o - buffer);
      if (r == (gsize) -1)
        {
          if (saved == E2BIG)
            continue;
          /* EILSEQ, or EINVAL for a sequence cut off at the end. */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (cd);
}

static void
append_utf8 (GString    *out,
             const char *data,
             gsize       length)
{
  const char *end = data + length;
  const char *p = data;

  while (p < end)
    {
      const char *valid_end;

      if (g_utf8_validate_len (p, end - p, &valid_end))
        {
          g_string_append_len (out, p, end - p);
          return;
        }
      g_string_append_len (out, p, valid_end - p);
      g_string_append (out, "\xEF\xBF\xBD");
      p = valid_end + 1;
    }
}

/* NUL is a byte every single-byte table and iconv pass through; in the
 * text it would end every string that holds it early, and with it the
 * rest of its line and the line break. It becomes U+FFFD, as an invalid
 * UTF-8 byte does. */
static GString *
replace_nul (GString *text)
{
  GString *out;

  if (memchr (text->str, '\0', text->len) == NULL)
    return text;
  out = g_string_sized_new (text->len + 16);
  for (gsize i = 0; i < text->len; i++)
    {
      if (text->str[i] == '\0')
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_c (out, text->str[i]);
    }
  g_string_free (text, TRUE);
  return out;
}

static GString *
decode_raw (const char *data,
            gsize       length,
            VtEncoding  encoding)
{
  GString *out = g_string_sized_new (length + length / 2 + 1);

  switch (encoding)
    {
    case VT_ENCODING_UTF8:
      append_utf8 (out, data, length);
      break;

    case VT_ENCODING_CP1258:
      append_iconv (out, "CP1258", data, length);
      break;

    case VT_ENCODING_CP949:
      append_iconv (out, "CP949", data, length);
      break;

    case VT_ENCODING_VISCII:
    case VT_ENCODING_TCVN3:
      for (gsize i = 0; i < length; i++)
        append_table_byte (out, encoding, (guint8) data[i]);
      break;

    case VT_ENCODING_VNI:
      for (gsize i = 0; i < length; i++)
        append_vni_byte (out, (guint8) data[i]);
      break;

    case VT_ENCODING_TCVN3_IN_UTF8:
    case VT_ENCODING_VNI_IN_UTF8:
      {
        g_autoptr(GByteArray) bytes = NULL;
        g_autoptr(GString) text = g_string_new (NULL);
        VtEncoding inner = encoding == VT_ENCODING_VNI_IN_UTF8 ? VT_ENCODING_VNI : VT_ENCODING_TCVN3;

        append_utf8 (text, data, length);
        bytes = unmojibake (text->str, text->len);
        if (bytes == NULL)
          {
            /* Not all of it is mojibake: keep it as it is. */
            g_string_append_len (out, text->str, text->len);
            break;
          }
        g_string_free (out, TRUE);
        return decode_raw ((const char *) bytes->data, bytes->len, inner);
      }
    }
  return replace_nul (out);
}

static gboolean
has_bom (const char *data,
         gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
}

/* NFC in pieces of about 4 KiB, each cut before an ASCII character: no
 * ASCII character composes with what precedes it or is reordered, so the
 * pieces normalise apart as they would together. GLib's composition
 * moves the rest of its buffer for every character it composes, which is
 * quadratic on a whole file, or on one 10 MB line. */
#define NFC_PIECE 4096

static char *
normalize_nfc (const char *text,
               gsize       length)
{
  GString *out = g_string_sized_new (length + 1);
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *stop = (gsize) (end - p) > NFC_PIECE ? p + NFC_PIECE : end;
      gboolean ascii = TRUE;

      while (stop < end && (guchar) *stop >= 0x80)
        stop++;

      for (const char *q = p; q < stop && ascii; q++)
        ascii = (guchar) *q < 0x80;
      if (ascii)
        g_string_append_len (out, p, stop - p);
      else
        {
          g_autofree char *piece = g_utf8_normalize (p, stop - p, G_NORMALIZE_NFC);

          /* Never drop a piece, and with it a line break. */
          if (piece != NULL)
            g_string_append (out, piece);
          else
            g_string_append_len (out, p, stop - p);
        }
      p = stop;
    }
  return g_string_free (out, FALSE);
}

/**
 * vt_encoding_decode:
 * @data: the file's bytes
 * @length: how many
 * @encoding: the reading
 * @out_length: (out) (optional): the length of the result
 *
 * Decodes the whole of @data; bytes the encoding does not have become
 * U+FFFD. A UTF-8 byte-order mark is dropped.
 *
 * Returns: the text in NFC UTF-8
 */
char *
vt_encoding_decode (const char *data,
                    gsize       length,
                    VtEncoding  encoding,
                    gsize      *out_length)
{
  g_autoptr(GString) raw = NULL;
  char *nfc;

  if (has_bom (data, length))
    {
      data += 3;
      length -= 3;
    }
  raw = decode_raw (data, length, encoding);
  nfc = normalize_nfc (raw->str, raw->len);
  if (out_length != NULL)
    *out_length = strlen (nfc);
  return nfc;
}

/* Scoring ----------------------------------------------------------------- */

static const char * const initials[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "\xC4\x91", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
};

static const char * const finals[] = { "ch", "ng", "nh", "c", "m", "n", "p", "t" };

/* Frequent syllables in supplier lists (company forms, trades, places,
 * family names): a reading that produces them is much likelier right than
 * one that produces merely well-formed syllables. */
static const char * const common_syllables[] = {
  "điện", "tử", "sản", "xuất", "phần", "cổ", "hữu", "hạn", "trách", "nhiệm", "kỹ",
  "thuật", "kiện", "ô", "tô", "cơ", "khí", "việt", "hàn", "hà", "nội", "hồ", "chí",
  "thành", "phố", "tỉnh", "đường", "số", "xã", "huyện", "quận", "phường", "thị", "trấn",
  "nghiệp", "thương", "mại", "dịch", "vụ", "đầu", "tư", "phát", "triển", "xây", "dựng",
  "nhựa", "thép", "loại", "chính", "xác", "khuôn", "mẫu", "máy", "móc", "thiết", "bị",
  "tự", "động", "hóa", "hoá", "nghệ", "giải", "pháp", "chế", "tạo", "lắp", "ráp", "đúc",
  "rèn", "dập", "ép", "phụ", "tùng", "lạnh", "dụng", "bì", "ấn", "chất", "sơn", "mạ",
  "nhôm", "đồng", "tổng", "giám", "đốc", "phó", "trưởng", "phòng", "kế", "toán", "nhân",
  "sự", "lượng", "quản", "lý", "hệ", "thống", "tiêu", "chuẩn", "chứng", "nhận", "khách",
  "hàng", "quốc", "nhật", "bản", "châu", "âu", "mỹ", "khẩu", "nhập", "vốn", "điều", "lệ",
  "năm", "tháng", "ngày", "địa", "chỉ", "thoại", "thư", "chú", "tên", "mã", "thuế", "lập",
  "người", "đại", "diện", "luật", "ông", "bà", "chị", "của", "và", "các", "có", "không",
  "những", "được", "với", "là", "này", "đã", "một", "bốn", "sáu", "bảy", "tám", "chín",
  "mười", "trăm", "nghìn", "triệu", "tỷ", "bắc", "tây", "đông", "hưng", "yên", "hải",
  "dương", "thái", "nguyên", "phú", "thọ", "vĩnh", "phúc", "bình", "định", "thuận",
  "quảng", "đà", "nẵng", "huế", "tĩnh", "hòa", "lạng", "lào", "bằng", "biên", "tuyên",
  "khánh", "đắk", "lắk", "lâm", "tiền", "tháp", "cần", "thơ", "cà", "bạc", "liêu", "sóc",
  "trăng", "bến", "trà", "kiên", "rịa", "vũng", "tàu", "kạn", "bái", "ngãi", "lộc", "đức",
  "trường", "thịnh", "văn", "hoàng", "nguyễn", "trần", "lê", "phạm", "huỳnh", "vũ", "võ",
  "đặng", "bùi", "đỗ", "ngô", "hợp", "tác", "liên", "cấp", "ứng", "hỗ", "trợ", "chuỗi",
  "giá", "trị", "toàn", "cầu", "năng", "lực", "sẵn", "sàng", "đánh", "khảo", "sát", "nhà",
  "đoàn", "chuyên", "viên", "gốc", "vực", "lĩnh", "sở", "nước", "ngoài",
  NULL
};

/* The vowel groups of Vietnamese syllables, without tone marks. */
static const char * const nuclei[] = {
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă",
  "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa",
  "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi",
  "ươu", "uya", "uyê", "uyu", "yêu",
  NULL
};

static gboolean
is_vowel (gunichar c)
{
  switch (c)
    {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0x0103: case 0x00E2: case 0x00EA: case 0x00F4: case 0x01A1: case 0x01B0:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_tone (gunichar c)
{
  return c == GRAVE || c == ACUTE || c == TILDE || c == HOOK || c == DOT;
}

static gboolean
is_modified_vowel (gunichar c)
{
  return c == 0x0103 || c == 0x00E2 || c == 0x00EA || c == 0x00F4 || c == 0x01A1 || c == 0x01B0;
}

/**
 * vt_vietnamese_syllable_is_valid:
 * @word: one word in UTF-8
 *
 * Whether @word is shaped like a Vietnamese syllable: an initial consonant,
 * a vowel group Vietnamese has, a final consonant, and at most one tone
 * mark, placed where the spelling puts it (on ă â ê ô ơ ư when the group
 * has one; on the last vowel before a final consonant; a rising tone only
 * before c, ch, p, t). It tells text from mojibake, not spelling.
 */
gboolean
vt_vietnamese_syllable_is_valid (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *base = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree char *cluster = NULL;
  glong n_chars = 0;
  glong start, end, tone_at = -1, letters = 0;
  gunichar tone = 0;
  const char *final;
  gboolean modified = FALSE;
  gsize i;

  if (nfd == NULL)
    return FALSE;
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_tone (c))
        {
          if (tone != 0 || letters == 0)
            return FALSE;
          tone = c;
          tone_at = letters - 1;
        }
      else
        {
          if (g_unichar_combining_class (c) == 0)
            letters++;
          g_string_append_unichar (bare, c);
        }
    }

  base = g_utf8_normalize (bare->str, -1, G_NORMALIZE_NFC);
  chars = g_utf8_to_ucs4_fast (base, -1, &n_chars);
  if (n_chars != letters)
    return FALSE;               /* a mark that does not compose */

  start = 0;
  for (i = 0; i < G_N_ELEMENTS (initials); i++)
    if (g_str_has_prefix (base, initials[i]))
      {
        glong len = g_utf8_strlen (initials[i], -1);

        /* "gi" and "qu" lend their vowel when nothing follows ("gì"). */
        start = (len == n_chars) ? len - 1 : len;
        break;
      }
  end = start;
  while (end < n_chars && is_vowel (chars[end]))
    {
      modified |= is_modified_vowel (chars[end]);
      end++;
    }
  if (end == start)
    return FALSE;
  cluster = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
  if (cluster == NULL || !g_strv_contains (nuclei, cluster))
    return FALSE;

  final = g_utf8_offset_to_pointer (base, end);
  if (*final != '\0')
    {
      gboolean known = FALSE;

      for (i = 0; i < G_N_ELEMENTS (finals) && !known; i++)
        known = strcmp (final, finals[i]) == 0;
      if (!known)
        return FALSE;
      if (strchr ("cpt", final[0]) != NULL && tone != 0 && tone != ACUTE && tone != DOT)
        return FALSE;
    }

  if (tone == 0)
    return TRUE;
  /* "gì", "quý": the tone sits on the borrowed vowel. */
  if (tone_at < start || tone_at >= end)
    return start > 0 && tone_at == start - 1 && end - start == 0;
  if (modified)
    return is_modified_vowel (chars[tone_at]);
  if (*final != '\0')
    return tone_at == end - 1;
  return TRUE;
}

static gboolean
is_hangul_word (const char *word)
{
  gboolean any = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAC00 && c <= 0xD7A3)
        any = TRUE;
      else if (c >= 0x80)
        return FALSE;
    }
  return any;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || (c < 0x80 && g_ascii_ispunct ((int) c)) || c == 0xFEFF;
}

/**
 * vt_text_score:
 * @text: NFC UTF-8
 * @length: its length, or -1
 *
 * Of the words in @text that hold something other than ASCII, the share
 * that are Hangul or frequent Vietnamese syllables; a merely well-formed
 * Vietnamese syllable counts half. Text without such words scores
 * 1 (ASCII reads the same in every encoding); replacement characters and
 * control characters count against.
 *
 * Returns: 0-1
 */
double
vt_text_score (const char *text,
               gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean non_ascii = FALSE;
  double good = 0, bad = 0;

  for (guint i = 0; common_syllables[i] != NULL; i++)
    g_hash_table_add (common, (gpointer) common_syllables[i]);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = p < end ? g_utf8_get_char (p) : ' ';

      if (c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x80 && c < 0xA0))
        bad++;
      if (p >= end || is_separator (c))
        {
          if (non_ascii)
            {
              g_autofree char *lower = g_utf8_strdown (word->str, word->len);

              if (g_hash_table_contains (common, lower) || is_hangul_word (word->str))
                good++;
              else if (vt_vietnamese_syllable_is_valid (word->str))
                {
                  good += 0.5;
                  bad += 0.5;
                }
              else
                bad++;
            }
          g_string_truncate (word, 0);
          non_ascii = FALSE;
          if (p >= end)
            break;
          continue;
        }
      if (c >= 0x80)
        non_ascii = TRUE;
      g_string_append_unichar (word, c);
    }

  if (good + bad == 0)
    return 1.0;
  return good / (good + bad);
}

/* Detection --------------------------------------------------------------- */

static const char * const ids[VT_N_ENCODINGS] = {
  "utf-8", "cp1258", "viscii", "tcvn3", "vni", "tcvn3-in-utf-8", "vni-in-utf-8", "cp949",
};

const char *
vt_encoding_to_string (VtEncoding encoding)
{
  g_return_val_if_fail ((guint) encoding < VT_N_ENCODINGS, NULL);
  return ids[encoding];
}

/**
 * vt_encoding_from_string:
 * @id: an id from vt_encoding_to_string(), or a common alias
 *   ("utf8", "windows-1258", "euc-kr", ...)
 * @encoding: (out): the encoding
 *
 * Returns: whether @id names an encoding
 */
gboolean
vt_encoding_from_string (const char *id,
                         VtEncoding *encoding)
{
  static const struct { const char *alias; VtEncoding encoding; } aliases[] = {
    { "utf8", VT_ENCODING_UTF8 },
    { "windows-1258", VT_ENCODING_CP1258 },
    { "tcvn", VT_ENCODING_TCVN3 },
    { "tcvn5712-1", VT_ENCODING_TCVN3 },
    { "euc-kr", VT_ENCODING_CP949 },
    { "uhc", VT_ENCODING_CP949 },
  };

  for (guint i = 0; i < VT_N_ENCODINGS; i++)
    if (g_ascii_strcasecmp (id, ids[i]) == 0)
      {
        *encoding = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (id, aliases[i].alias) == 0)
      {
        *encoding = aliases[i].encoding;
        return TRUE;
      }
  return FALSE;
}

/**
 * vt_encoding_get_label:
 *
 * Returns: the encoding's name for people, translated
 */
const char *
vt_encoding_get_label (VtEncoding encoding)
{
  switch (encoding)
    {
    case VT_ENCODING_UTF8: return _("Unicode (UTF-8)");
    case VT_ENCODING_CP1258: return _("Vietnamese (Windows-1258)");
    case VT_ENCODING_VISCII: return _("Vietnamese (VISCII)");
    case VT_ENCODING_TCVN3: return _("Vietnamese (TCVN3, ABC)");
    case VT_ENCODING_VNI: return _("Vietnamese (VNI)");
    case VT_ENCODING_TCVN3_IN_UTF8: return _("Vietnamese (TCVN3 saved as UTF-8)");
    case VT_ENCODING_VNI_IN_UTF8: return _("Vietnamese (VNI saved as UTF-8)");
    case VT_ENCODING_CP949: return _("Korean (CP949, EUC-KR)");
    default: g_return_val_if_reached (NULL);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const VtEncodingCandidate *ca = a, *cb = b;

  if (ca->confidence != cb->confidence)
    return ca->confidence > cb->confidence ? -1 : 1;
  return (int) ca->encoding - (int) cb->encoding;
}

/* Bytes that are not ASCII, and whether they are all valid UTF-8 apart from
 * a sequence cut off at the end of the sample. */
static gboolean
sample_is_utf8 (const char *data,
                gsize       length,
                gboolean    truncated)
{
  const char *end;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  /* A character cut in two by the end of the sample is still UTF-8. */
  return truncated && length - (end - data) < 4
         && g_utf8_get_char_validated (end, length - (end - data)) == (gunichar) -2;
}

/**
 * vt_encoding_detect:
 * @data: the start of a file (at most the first 256 KiB are read)
 * @length: its length
 *
 * Every reading the bytes allow, best first. UTF-8 is a candidate only when
 * the bytes are valid UTF-8, and mojibake readings only when the text could
 * have come from a Windows-1252 reading. Confidence is the share of
 * Vietnamese syllables and Hangul words under that reading (see
 * vt_text_score()); pure ASCII is UTF-8 with confidence 1.
 *
 * Returns: (transfer full) (element-type VtEncodingCandidate): never empty
 */
GArray *
vt_encoding_detect (const char *data,
                    gsize       length)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (VtEncodingCandidate));
  gboolean truncated = length > SAMPLE_SIZE;
  gboolean utf8, ascii = TRUE;
  gsize n = MIN (length, SAMPLE_SIZE);

  if (has_bom (data, n))
    {
      VtEncodingCandidate c = { VT_ENCODING_UTF8, 1.0 };

      g_array_append_val (candidates, c);
      return candidates;
    }

  for (gsize i = 0; i < n && ascii; i++)
    ascii = (guint8) data[i] < 0x80;
  if (ascii)
    {
      VtEncodingCandidate c = { VT_ENCODING_UTF8, 1.0 };

      g_array_append_val (candidates, c);
      return candidates;
    }

  utf8 = sample_is_utf8 (data, n, truncated);
  for (VtEncoding e = 0; e < VT_N_ENCODINGS; e++)
    {
      VtEncodingCandidate c = { e, 0 };
      g_autoptr(GString) raw = NULL;
      g_autofree char *text = NULL;
      gboolean in_utf8 = e == VT_ENCODING_UTF8 || e == VT_ENCODING_TCVN3_IN_UTF8
                         || e == VT_ENCODING_VNI_IN_UTF8;

      /* A UTF-8 file with a few damaged bytes is still UTF-8: its
       * reading competes, and the damage counts against it in the score. */
      if (in_utf8 != utf8 && !(e == VT_ENCODING_UTF8 && !utf8))
        continue;
      if (e == VT_ENCODING_TCVN3_IN_UTF8 || e == VT_ENCODING_VNI_IN_UTF8)
        {
          g_autoptr(GString) plain = g_string_new (NULL);
          g_autoptr(GByteArray) bytes = NULL;
          gboolean high = FALSE;

          append_utf8 (plain, data, n);
          bytes = unmojibake (plain->str, plain->len);
          if (bytes == NULL)
            continue;
          for (guint i = 0; i < bytes->len && !high; i++)
            high = bytes->data[i] >= 0x80;
          if (!high)
            continue;
        }

      raw = decode_raw (data, n, e);
      text = normalize_nfc (raw->str, raw->len);
      c.confidence = vt_text_score (text, -1);
      g_array_append_val (candidates, c);
    }

  g_array_sort (candidates, compare_candidates);
  if (candidates->len == 0)
    {
      VtEncodingCandidate c = { VT_ENCODING_UTF8, 0 };

      g_array_append_val (candidates, c);
    }
  return candidates;
}
