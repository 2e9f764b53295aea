/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: search folding, Korean initials, collation. */

#include "config.h"

#include <unicode/ucol.h>

#include "vt-collation.h"
#include "vt-search.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = vt_search_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  assert_fold ("Công ty TNHH Điện tử Hà Nội", "cong ty tnhh dien tu ha noi");
  assert_fold ("ĐÀ NẴNG", "da nang");
  assert_fold ("Thừa Thiên  Huế ", "thua thien hue");
  assert_fold ("Nguyễn Thị Phương Thảo", "nguyen thi phuong thao");
  assert_fold ("Ưu Ơn Ấp", "uu on ap");
  /* Decomposed input folds the same as precomposed. */
  assert_fold ("Tru\xcc\x9bo\xcc\x9b\xcc\x80ng", "truong");
  /* Hangul survives: folding must recompose it. */
  assert_fold ("현대자동차", "현대자동차");
  assert_fold ("LG전자 Việt Nam", "lg전자 viet nam");
  assert_fold (NULL, "");
  assert_fold ("\xff\xfe", "");
}

static void
assert_initials (const char *text,
                 const char *expected)
{
  g_autofree char *initials = vt_search_initials (text);

  g_assert_cmpstr (initials, ==, expected);
}

static void
test_initials (void)
{
  assert_initials ("현대자동차", "ㅎㄷㅈㄷㅊ");
  assert_initials ("삼성전자", "ㅅㅅㅈㅈ");
  assert_initials ("까치 뿌리", "ㄲㅊ ㅃㄹ");
  assert_initials ("LG전자", "ㅈㅈ");
  assert_initials ("Công ty", "");
  /* Consonants typed as they are stay. */
  assert_initials ("ㅎㄷ", "ㅎㄷ");
}

static void
test_initials_query (void)
{
  g_assert_true (vt_search_is_initials_query ("ㅎㄷ"));
  g_assert_true (vt_search_is_initials_query (" ㅎㄷ ㅈ "));
  g_assert_false (vt_search_is_initials_query ("현대"));
  g_assert_false (vt_search_is_initials_query ("ㅎa"));
  /* A vowel jamo is not an initial. */
  g_assert_false (vt_search_is_initials_query ("ㅏ"));
  g_assert_false (vt_search_is_initials_query (""));
  g_assert_false (vt_search_is_initials_query ("   "));
  g_assert_false (vt_search_is_initials_query (NULL));
}

static void
test_matches (void)
{
  g_assert_true (vt_search_matches ("cong ty dien tu ha noi", "Công ty TNHH Điện tử Hà Nội"));
  g_assert_true (vt_search_matches ("da nang", "Thành phố Đà Nẵng"));
  g_assert_true (vt_search_matches ("ĐIỆN", "dien tu"));
  g_assert_true (vt_search_matches ("ㅎㄷ", "현대자동차"));
  g_assert_false (vt_search_matches ("ㅎㄷ", "삼성전자"));
  g_assert_true (vt_search_matches ("현대", "현대자동차"));
  g_assert_false (vt_search_matches ("dien tu ho chi minh", "Công ty TNHH Điện tử Hà Nội"));
  g_assert_false (vt_search_matches ("da nang", "Đắk Nông"));
  /* The empty query matches everything. */
  g_assert_true (vt_search_matches ("", "anything"));
}

static void
test_split_terms (void)
{
  g_auto(GStrv) terms = vt_search_split_terms ("  Điện   TỬ ");
  g_auto(GStrv) none = vt_search_split_terms ("   ");

  g_assert_cmpuint (g_strv_length (terms), ==, 2);
  g_assert_cmpstr (terms[0], ==, "dien");
  g_assert_cmpstr (terms[1], ==, "tu");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  GBytes *ka = vt_collation_sort_key (*(const char * const *) a);
  GBytes *kb = vt_collation_sort_key (*(const char * const *) b);
  int result = g_bytes_compare (ka, kb);

  g_bytes_unref (ka);
  g_bytes_unref (kb);
  return result;
}

/* The sort keys must order exactly as ICU's own comparison does, and that
 * order must be the Vietnamese one for Latin script, Hangul after. */
static void
test_collation (void)
{
  const char *names[] = {
    "현대자동차", "Đông Anh", "Dương Nội", "삼성전자", "Công ty Ánh Dương", "an phú",
    "Ân Thi", "Ba Đình", "Cầu Giấy", "Chương Mỹ", "LG전자", "Zeta", "Ơn", "Ô Môn", "Oanh",
  };
  const char *sorted[G_N_ELEMENTS (names)];
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("vi-u-kr-hang-hani", &status);

  g_assert_true (U_SUCCESS (status));
  memcpy (sorted, names, sizeof names);
  qsort (sorted, G_N_ELEMENTS (sorted), sizeof (char *), compare_keys);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (sorted); i++)
    {
      UErrorCode s = U_ZERO_ERROR;

      g_assert_cmpint (ucol_strcollUTF8 (collator, sorted[i], -1, sorted[i + 1], -1, &s), <=, 0);
      g_assert_cmpint (vt_collation_compare (sorted[i], sorted[i + 1]), <=, 0);
    }
  ucol_close (collator);

  /* Vietnamese rules: D before Đ, C before Ch, O before Ô before Ơ; the
   * "kr-hang-hani" reordering puts Hangul (then Han) before Latin. */
  g_assert_cmpint (vt_collation_compare ("Dương Nội", "Đông Anh"), <, 0);
  g_assert_cmpint (vt_collation_compare ("Cầu Giấy", "Chương Mỹ"), <, 0);
  g_assert_cmpint (vt_collation_compare ("Oanh", "Ô Môn"), <, 0);
  g_assert_cmpint (vt_collation_compare ("Ô Môn", "Ơn"), <, 0);
  g_assert_cmpint (vt_collation_compare ("삼성전자", "an phú"), <, 0);
  g_assert_cmpint (vt_collation_compare ("삼성전자", "현대자동차"), <, 0);
  g_assert_cmpstr (sorted[0], ==, "삼성전자");
  g_assert_cmpstr (sorted[1], ==, "현대자동차");
  g_assert_cmpstr (sorted[2], ==, "an phú");
  g_assert_cmpstr (sorted[G_N_ELEMENTS (sorted) - 1], ==, "Zeta");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/fold", test_fold);
  g_test_add_func ("/core/search/initials", test_initials);
  g_test_add_func ("/core/search/initials-query", test_initials_query);
  g_test_add_func ("/core/search/matches", test_matches);
  g_test_add_func ("/core/search/split-terms", test_split_terms);
  g_test_add_func ("/core/search/collation", test_collation);

  return g_test_run ();
}
