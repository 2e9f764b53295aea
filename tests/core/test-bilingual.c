/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bilingual.c: messages in Korean and Vietnamese from our own
 * catalogues, under the C locale, with plural forms. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "vt-bilingual.h"

static char *localedir;

/* A catalogue with three plural forms, a context and a bad entry, written
 * by msgfmt in the byte order asked for. */
static const char test_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
  "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
  "\n"
  "msgid \"Supplier\"\n"
  "msgstr \"Поставщик\"\n"
  "\n"
  "msgctxt \"stage\"\n"
  "msgid \"Selected\"\n"
  "msgstr \"Отобран\"\n"
  "\n"
  "msgid \"%u supplier\"\n"
  "msgid_plural \"%u suppliers\"\n"
  "msgstr[0] \"%u поставщик\"\n"
  "msgstr[1] \"%u поставщика\"\n"
  "msgstr[2] \"%u поставщиков\"\n";

static void
write_catalog (const char *language,
               const char *endianness)
{
  g_autofree char *dir = g_build_filename (localedir, language, "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (localedir, "test.po", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *endian_arg = g_strdup_printf ("--endianness=%s", endianness);
  const char *argv[] = { "msgfmt", endian_arg, "-o", mo, po, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po, test_po, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_korean_and_vietnamese (void)
{
  /* The process speaks C, yet both languages are there, side by side. */
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "C");
  g_assert_true (vt_bilingual_has_language ("ko"));
  g_assert_true (vt_bilingual_has_language ("vi"));
  g_assert_cmpstr (vt_bilingual_gettext ("ko", "Readiness"), ==, "준비도");
  g_assert_cmpstr (vt_bilingual_gettext ("vi", "Readiness"), ==, "Mức độ sẵn sàng");
  g_assert_cmpstr (vt_bilingual_gettext ("ko", "Visits"), ==, "방문");
  g_assert_cmpstr (vt_bilingual_gettext ("vi", "Visits"), ==, "Khảo sát");

  /* Locale names and region variants find the same catalogue. */
  g_assert_cmpstr (vt_bilingual_gettext ("vi_VN.UTF-8", "Readiness"), ==, "Mức độ sẵn sàng");
  g_assert_cmpstr (vt_bilingual_gettext ("ko-KR", "Readiness"), ==, "준비도");

  /* A context keeps apart what the same English word means. */
  g_assert_cmpstr (vt_bilingual_gettext ("ko", "Suppliers"), ==, "공급업체");
  g_assert_cmpstr (vt_bilingual_pgettext ("ko", "count", "Suppliers"), ==, "공급업체 수");
  g_assert_cmpstr (vt_bilingual_gettext ("ko", "count\004Suppliers"), ==, "공급업체 수");

  /* Korean and Vietnamese have one plural form. */
  g_assert_cmpstr (vt_bilingual_ngettext ("ko", "%u photo", "%u photos", 1), ==, "사진 %u장");
  g_assert_cmpstr (vt_bilingual_ngettext ("ko", "%u photo", "%u photos", 7), ==, "사진 %u장");
}

static void
test_english_and_missing (void)
{
  g_assert_true (vt_bilingual_has_language ("en"));
  g_assert_false (vt_bilingual_has_language ("fr"));
  g_assert_false (vt_bilingual_has_language ("../ko"));
  g_assert_cmpstr (vt_bilingual_gettext ("en", "Readiness"), ==, "Readiness");
  g_assert_cmpstr (vt_bilingual_gettext ("fr", "Readiness"), ==, "Readiness");
  g_assert_cmpstr (vt_bilingual_gettext ("ko", "No such message, ever"), ==, "No such message, ever");
  g_assert_cmpstr (vt_bilingual_pgettext ("ko", "no such context", "Readiness"), ==, "Readiness");
  g_assert_cmpstr (vt_bilingual_ngettext ("en", "%u photo", "%u photos", 1), ==, "%u photo");
  g_assert_cmpstr (vt_bilingual_ngettext ("en", "%u photo", "%u photos", 0), ==, "%u photos");
  g_assert_cmpstr (vt_bilingual_ngettext ("fr", "%u photo", "%u photos", 2), ==, "%u photos");
}

static void
test_three_forms (gconstpointer data)
{
  const char *language = data;

  g_assert_true (vt_bilingual_has_language (language));
  g_assert_cmpstr (vt_bilingual_gettext (language, "Supplier"), ==, "Поставщик");
  g_assert_cmpstr (vt_bilingual_pgettext (language, "stage", "Selected"), ==, "Отобран");
  g_assert_cmpstr (vt_bilingual_gettext (language, "Selected"), ==, "Selected");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 1), ==, "%u поставщик");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 3), ==, "%u поставщика");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 5), ==, "%u поставщиков");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 11), ==, "%u поставщиков");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 21), ==, "%u поставщик");
  g_assert_cmpstr (vt_bilingual_ngettext (language, "%u supplier", "%u suppliers", 22), ==, "%u поставщика");
}

static void
test_plural_expressions (void)
{
  const char *polish = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
  const char *arabic = "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
                       ": n%100>=11 ? 4 : 5;";

  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=1; plural=0;", 5), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=(n != 1);", 1), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=(n != 1);", 0), ==, 1);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=n>1;", 0), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=n>1;", 2), ==, 1);
  g_assert_cmpuint (vt_bilingual_plural_index (polish, 1), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index (polish, 24), ==, 1);
  g_assert_cmpuint (vt_bilingual_plural_index (polish, 12), ==, 2);
  g_assert_cmpuint (vt_bilingual_plural_index (polish, 25), ==, 2);
  g_assert_cmpuint (vt_bilingual_plural_index (arabic, 0), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index (arabic, 2), ==, 2);
  g_assert_cmpuint (vt_bilingual_plural_index (arabic, 105), ==, 3);
  g_assert_cmpuint (vt_bilingual_plural_index (arabic, 111), ==, 4);
  g_assert_cmpuint (vt_bilingual_plural_index (arabic, 100), ==, 5);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=!(n == 1);", 1), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=!(n == 1);", 4), ==, 1);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=3; plural=n/10 + n - n*1;", 25), ==, 2);

  /* Nonsense never picks a form the catalogue does not have. */
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=n+5;", 1), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=n%0;", 7), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=2; plural=(n != 1;", 3), ==, 1);
  g_assert_cmpuint (vt_bilingual_plural_index ("nplurals=1; plural=(((;", 3), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index (NULL, 1), ==, 0);
  g_assert_cmpuint (vt_bilingual_plural_index (NULL, 2), ==, 1);
}

static void
test_not_a_catalogue (void)
{
  g_autofree char *dir = g_build_filename (localedir, "zz", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  /* The right magic, then a table that points past the end. */
  static const guint32 broken[] = { 0x950412de, 0, 4, 28, 60, 0, 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mo, (const char *) broken, sizeof broken, NULL));

  g_test_expect_message ("vt-bilingual", G_LOG_LEVEL_WARNING, "*Not a message catalogue*");
  g_assert_false (vt_bilingual_has_language ("zz"));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (vt_bilingual_gettext ("zz", "Readiness"), ==, "Readiness");
}

static gpointer
look_up_in_thread (gpointer data)
{
  const char *language = data;

  for (guint i = 0; i < 1000; i++)
    if (!g_str_equal (vt_bilingual_gettext (language, "Readiness"),
                      g_str_equal (language, "ko") ? "준비도" : "Mức độ sẵn sàng"))
      return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *ko = g_thread_new ("ko", look_up_in_thread, (gpointer) "ko");
  GThread *vi = g_thread_new ("vi", look_up_in_thread, (gpointer) "vi");

  g_assert_true (GPOINTER_TO_INT (g_thread_join (ko)));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (vi)));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_po = g_getenv ("VT_BUILD_ROOT");
  g_autofree char *po_dir = NULL;
  int status;

  /* No locale at all: the lookups must not depend on it. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (build_po);
  po_dir = g_build_filename (build_po, "po", NULL);
  localedir = g_dir_make_tmp ("vt-bilingual-XXXXXX", NULL);
  g_assert_nonnull (localedir);
  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "ko" : "vi";
      g_autofree char *target = g_build_filename (po_dir, language, NULL);
      g_autofree char *link = g_build_filename (localedir, language, NULL);

      g_assert_cmpint (symlink (target, link), ==, 0);
    }
  write_catalog ("xl", "little");
  write_catalog ("xb", "big");
  vt_bilingual_set_localedir (localedir);
  g_assert_cmpstr (vt_bilingual_get_localedir (), ==, localedir);

  g_test_add_func ("/bilingual/korean-and-vietnamese", test_korean_and_vietnamese);
  g_test_add_func ("/bilingual/english-and-missing", test_english_and_missing);
  g_test_add_data_func ("/bilingual/three-forms/little-endian", "xl", test_three_forms);
  g_test_add_data_func ("/bilingual/three-forms/big-endian", "xb", test_three_forms);
  g_test_add_func ("/bilingual/plural-expressions", test_plural_expressions);
  g_test_add_func ("/bilingual/not-a-catalogue", test_not_a_catalogue);
  g_test_add_func ("/bilingual/threads", test_threads);
  status = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", localedir);

    if (system (command) != 0)
      g_warning ("Could not remove %s", localedir);
  }
  return status;
}
