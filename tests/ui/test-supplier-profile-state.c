/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the supplier page shows and allows, without a display. */
#include "config.h"

#include <locale.h>
#include <glib.h>

#include "vt-format.h"
#include "vt-round.h"
#include "vt-supplier-profile-state.h"

static GDate
date (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return d;
}

static void
test_expiry (void)
{
  GDate today = date (2026, 7, 24);
  GDate d;
  GDate unknown;
  int days;

  g_date_clear (&unknown, 1);
  g_assert_cmpint (vt_expiry_state (&unknown, &today, &days), ==, VT_EXPIRY_UNKNOWN);
  g_assert_cmpint (vt_expiry_state (NULL, &today, NULL), ==, VT_EXPIRY_UNKNOWN);

  d = date (2026, 7, 23);
  g_assert_cmpint (vt_expiry_state (&d, &today, &days), ==, VT_EXPIRY_EXPIRED);
  g_assert_cmpint (days, ==, -1);

  /* Still good on the day it expires. */
  d = date (2026, 7, 24);
  g_assert_cmpint (vt_expiry_state (&d, &today, &days), ==, VT_EXPIRY_SOON);
  g_assert_cmpint (days, ==, 0);

  d = today;
  g_date_add_days (&d, VT_EXPIRY_WARNING_DAYS);
  g_assert_cmpint (vt_expiry_state (&d, &today, &days), ==, VT_EXPIRY_SOON);
  g_date_add_days (&d, 1);
  g_assert_cmpint (vt_expiry_state (&d, &today, &days), ==, VT_EXPIRY_VALID);
  g_assert_cmpint (days, ==, VT_EXPIRY_WARNING_DAYS + 1);
}

static void
test_expiry_text (void)
{
  g_autofree char *expired = vt_expiry_describe (VT_EXPIRY_EXPIRED, -3);
  g_autofree char *soon = vt_expiry_describe (VT_EXPIRY_SOON, 12);
  g_autofree char *today = vt_expiry_describe (VT_EXPIRY_SOON, 0);
  g_autofree char *unknown = vt_expiry_describe (VT_EXPIRY_UNKNOWN, 0);

  /* The state is said in words, not only by a colour. */
  g_assert_cmpstr (expired, ==, "Expired 3 days ago");
  g_assert_cmpstr (soon, ==, "Expires in 12 days");
  g_assert_cmpstr (today, ==, "Expires today");
  g_assert_cmpstr (unknown, ==, "No expiry date");
}

static void
test_tax_code (void)
{
  g_assert_null (vt_check_tax_code (NULL));
  g_assert_null (vt_check_tax_code (""));
  g_assert_null (vt_check_tax_code ("0101234567"));
  g_assert_null (vt_check_tax_code ("0101234567-001"));
  g_assert_nonnull (vt_check_tax_code ("010123456"));
  g_assert_nonnull (vt_check_tax_code ("0101234567001"));
  g_assert_nonnull (vt_check_tax_code ("0101234567-01"));
  g_assert_nonnull (vt_check_tax_code ("01012345AB"));
}

static void
test_email (void)
{
  g_assert_null (vt_check_email (""));
  g_assert_null (vt_check_email ("lan@example.com"));
  g_assert_null (vt_check_email ("kim.minsu@hyundai.co.kr"));
  g_assert_nonnull (vt_check_email ("lan"));
  g_assert_nonnull (vt_check_email ("lan@"));
  g_assert_nonnull (vt_check_email ("@example.com"));
  g_assert_nonnull (vt_check_email ("lan@example"));
  g_assert_nonnull (vt_check_email ("lan@example."));
  g_assert_nonnull (vt_check_email ("lan@@example.com"));
  g_assert_nonnull (vt_check_email ("nguyen lan@example.com"));
}

static void
test_phone (void)
{
  const char *good[] = {
    "0912 345 678", "024.3826.1234", "+84 912 345 678", "+84 24 3826 1234",
    "010-1234-5678", "02-123-4567", "+82 10 1234 5678", "(024) 3826 1234",
  };
  const char *bad[] = {
    "912 345 678", "+84 0912 345 678", "+1 555 123 4567", "0912 345 678 ext 5",
    "09123", "+84 12", "0912-345-678-9999",
  };

  g_assert_null (vt_check_phone (""));
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("good: %s", good[i]);
      g_assert_null (vt_check_phone (good[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: %s", bad[i]);
      g_assert_nonnull (vt_check_phone (bad[i]));
    }
}

static void
test_year (void)
{
  int year = -1;

  g_assert_null (vt_check_year ("", 2026, &year));
  g_assert_cmpint (year, ==, 0);
  g_assert_null (vt_check_year ("1998", 2026, &year));
  g_assert_cmpint (year, ==, 1998);
  g_assert_null (vt_check_year (" 2026 ", 2026, &year));
  g_assert_cmpint (year, ==, 2026);
  g_assert_nonnull (vt_check_year ("2027", 2026, &year));
  g_assert_nonnull (vt_check_year ("1899", 2026, &year));
  g_assert_nonnull (vt_check_year ("98", 2026, &year));
  g_assert_nonnull (vt_check_year ("năm 1998", 2026, &year));
}

static void
test_numbers (void)
{
  gint64 value = 0;
  g_autofree char *vi = vt_format_number (1234567890, ".");
  g_autofree char *ko = vt_format_number (1234567890, ",");
  g_autofree char *small = vt_format_number (999, ".");
  g_autofree char *zero = vt_format_number (0, ",");

  g_assert_cmpstr (vi, ==, "1.234.567.890");
  g_assert_cmpstr (ko, ==, "1,234,567,890");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (zero, ==, "0");

  /* Vietnamese groups with dots, and people add the đồng sign. */
  g_assert_true (vt_parse_number ("1.234.567", ".", &value));
  g_assert_cmpint (value, ==, 1234567);
  g_assert_true (vt_parse_number ("1.234.567₫", ".", &value));
  g_assert_cmpint (value, ==, 1234567);
  g_assert_true (vt_parse_number ("1234567 đ", ".", &value));
  g_assert_cmpint (value, ==, 1234567);
  g_assert_true (vt_parse_number ("1 234 567 VND", ".", &value));
  g_assert_cmpint (value, ==, 1234567);
  /* ICU's no-break spaces. */
  g_assert_true (vt_parse_number ("1\u202F234\u00A0567", ",", &value));
  g_assert_cmpint (value, ==, 1234567);
  g_assert_true (vt_parse_number ("1,234,567", ",", &value));
  g_assert_cmpint (value, ==, 1234567);

  /* A decimal comma in Vietnamese is not a whole number. */
  g_assert_false (vt_parse_number ("1.234,5", ".", &value));
  g_assert_false (vt_parse_number ("12a", ",", &value));
  g_assert_false (vt_parse_number ("", ",", &value));
  g_assert_false (vt_parse_number (".123", ".", &value));
  g_assert_false (vt_parse_number ("-5", ",", &value));
  g_assert_false (vt_parse_number ("99999999999999999999", ",", &value));

  g_assert_null (vt_check_count ("", ".", &value));
  g_assert_cmpint (value, ==, -1);
  g_assert_null (vt_check_count ("1.200", ".", &value));
  g_assert_cmpint (value, ==, 1200);
  g_assert_nonnull (vt_check_count ("nhiều", ".", &value));
}

static void
test_dates (void)
{
  GDate d;

  g_assert_null (vt_check_date ("", &d));
  g_assert_false (g_date_valid (&d));

  g_assert_null (vt_check_date ("2026-07-24", &d));
  g_assert_cmpint (g_date_get_year (&d), ==, 2026);
  g_assert_cmpint (g_date_get_month (&d), ==, 7);
  g_assert_cmpint (g_date_get_day (&d), ==, 24);

  /* The Korean ways of writing it. */
  g_assert_null (vt_check_date ("2026. 7. 24.", &d));
  g_assert_cmpint (g_date_get_day (&d), ==, 24);
  g_assert_null (vt_check_date ("2026년 07월 24일", &d));
  g_assert_cmpint (g_date_get_month (&d), ==, 7);

  g_assert_nonnull (vt_check_date ("2026-02-30", &d));
  g_assert_false (g_date_valid (&d));
  g_assert_nonnull (vt_check_date ("soon", &d));
  g_assert_nonnull (vt_check_date ("2026-07", &d));
}

/* The date picker writes the day chosen as the language writes it, and
 * that text reads back as the same day, in every language. */
static void
test_format_date_entry (void)
{
  static const struct { const char *language, *locale; } languages[] = {
    { "vi", "vi_VN.UTF-8" }, { "ko", "ko_KR.UTF-8" }, { "en", "en_US.UTF-8" }, { "en", "C.UTF-8" },
  };
  static const struct { guint d, m, y; } days[] = {
    { 24, 7, 2026 }, { 1, 12, 2025 }, { 12, 1, 2025 }, { 29, 2, 2028 }, { 31, 12, 1999 },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *none = vt_format_date_entry (NULL);

  g_assert_cmpstr (none, ==, "");

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      if (setlocale (LC_ALL, languages[l].locale) == NULL)
        {
          g_test_message ("locale %s is not installed", languages[l].locale);
          continue;
        }
      vt_format_set_language (languages[l].language);
      for (guint i = 0; i < G_N_ELEMENTS (days); i++)
        {
          GDate date, back;
          g_autofree char *text = NULL;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, days[i].d, days[i].m, days[i].y);
          text = vt_format_date_entry (&date);
          g_assert_null (vt_check_date (text, &back));
          g_assert_true (g_date_valid (&back));
          g_assert_cmpint (g_date_compare (&back, &date), ==, 0);

          /* Day first in Vietnamese, year first in Korean. */
          if (g_str_equal (languages[l].language, "vi") && i == 0)
            g_assert_true (g_str_has_prefix (text, "24"));
          if (g_str_equal (languages[l].language, "ko") && i == 0)
            g_assert_true (g_str_has_prefix (text, "2026"));
        }
    }
  vt_format_set_language (NULL);
  setlocale (LC_ALL, saved);
}

static void
test_can_save (void)
{
  g_assert_true (vt_supplier_profile_can_save (TRUE, 0, FALSE, FALSE));
  g_assert_false (vt_supplier_profile_can_save (FALSE, 0, FALSE, FALSE));
  g_assert_false (vt_supplier_profile_can_save (TRUE, VT_FIELD_TAX_CODE, FALSE, FALSE));
  g_assert_false (vt_supplier_profile_can_save (TRUE, 0, TRUE, FALSE));
  g_assert_false (vt_supplier_profile_can_save (TRUE, 0, FALSE, TRUE));
}

static void
test_empty_sections (void)
{
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  VtSectionEmpty empty = vt_supplier_empty_sections (s);

  g_assert_cmpint (empty, ==, VT_SECTION_EMPTY_CERTIFICATIONS | VT_SECTION_EMPTY_CUSTOMERS
                              | VT_SECTION_EMPTY_CONTACTS | VT_SECTION_EMPTY_PRODUCTS
                              | VT_SECTION_EMPTY_NOTES);

  g_ptr_array_add (s->certifications, vt_certification_new ("ISO 9001"));
  s->products = g_strdup ("  ");
  s->notes = g_strdup ("Đã khảo sát");
  empty = vt_supplier_empty_sections (s);
  g_assert_false (empty & VT_SECTION_EMPTY_CERTIFICATIONS);
  g_assert_true (empty & VT_SECTION_EMPTY_PRODUCTS);
  g_assert_false (empty & VT_SECTION_EMPTY_NOTES);
}

static void
test_province_choice (void)
{
  const char *list, *code;

  vt_province_choice_resolve ("24", NULL, &list, &code);
  g_assert_cmpstr (list, ==, "2025");
  g_assert_cmpstr (code, ==, "24");

  /* An old dossier keeps the province it names (Bắc Giang, 24 before
   * 2025, now part of Bắc Ninh). */
  vt_province_choice_resolve ("24", "24", &list, &code);
  g_assert_cmpstr (list, ==, "pre2025");
  g_assert_cmpstr (code, ==, "24");

  vt_province_choice_resolve (NULL, "", &list, &code);
  g_assert_null (code);
}

static void
test_attachment_limits (void)
{
  g_assert_null (vt_attachment_check_size (0));
  g_assert_null (vt_attachment_check_size (VT_ATTACHMENT_MAX_SIZE));
  g_assert_nonnull (vt_attachment_check_size (VT_ATTACHMENT_MAX_SIZE + 1));
  g_assert_true (vt_attachment_is_image ("image/jpeg"));
  g_assert_false (vt_attachment_is_image ("application/pdf"));
  g_assert_false (vt_attachment_is_image (NULL));
}

static VtSupplier *
sample_supplier (void)
{
  VtSupplier *s = vt_supplier_new ();
  VtCertification *c = vt_certification_new ("IATF 16949");
  VtContact *p = vt_contact_new ("Nguyễn", "Thị", "Lan");

  s->uuid = g_strdup ("00000000-0000-4000-8000-000000000001");
  s->version = 3;
  s->name_vi = g_strdup ("Công ty TNHH Cơ khí Đông Á");
  s->tax_code = g_strdup ("0101234567");
  s->revenue_vnd = 12000000000;
  c->expires_on = date (2027, 1, 31);
  g_ptr_array_add (s->certifications, c);
  p->languages = g_strdup ("Tiếng Việt, 한국어");
  g_ptr_array_add (s->contacts, p);
  g_ptr_array_add (s->customers, vt_customer_new ("Hyundai Mobis"));
  return s;
}

static void
test_dirty (void)
{
  g_autoptr(VtSupplier) original = sample_supplier ();
  g_autoptr(VtSupplier) edited = vt_supplier_dup_profile (original);
  VtCertification *cert;
  VtContact *contact;

  g_assert_true (vt_supplier_equal (original, edited));
  g_assert_cmpstr (edited->uuid, ==, original->uuid);
  g_assert_cmpint (edited->version, ==, 3);
  g_assert_true (edited->certifications->pdata[0] != original->certifications->pdata[0]);

  /* Empty text is no text. */
  edited->name_en = g_strdup ("");
  g_assert_true (vt_supplier_equal (original, edited));

  edited->revenue_vnd = 12000000001;
  g_assert_false (vt_supplier_equal (original, edited));
  edited->revenue_vnd = original->revenue_vnd;

  cert = g_ptr_array_index (edited->certifications, 0);
  cert->expires_on = date (2027, 2, 1);
  g_assert_false (vt_supplier_equal (original, edited));
  cert->expires_on = date (2027, 1, 31);
  g_assert_true (vt_supplier_equal (original, edited));

  contact = g_ptr_array_index (edited->contacts, 0);
  g_free (contact->languages);
  contact->languages = g_strdup ("Tiếng Việt");
  g_assert_false (vt_supplier_equal (original, edited));
  g_free (contact->languages);
  contact->languages = g_strdup ("Tiếng Việt, 한국어");

  g_ptr_array_add (edited->customers, vt_customer_new ("LG Innotek"));
  g_assert_false (vt_supplier_equal (original, edited));
  g_ptr_array_remove_index (edited->customers, 1);
  g_assert_true (vt_supplier_equal (original, edited));

  /* What the store keeps up to date is not an edit. */
  edited->version = 4;
  edited->stage = VT_STAGE_SHORTLISTED;
  g_assert_true (vt_supplier_equal (original, edited));
}

static void
test_current_round (void)
{
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_unref);
  GDate today = date (2026, 7, 24);
  VtRound *a = vt_round_new ();
  VtRound *b = vt_round_new ();
  VtRound *c = vt_round_new ();

  g_assert_null (vt_round_pick_current (rounds, &today));

  a->id = 1;
  a->year = 2025;
  b->id = 2;
  b->year = 2026;
  c->id = 3;
  c->year = 2024;
  g_ptr_array_add (rounds, a);
  g_ptr_array_add (rounds, b);
  g_ptr_array_add (rounds, c);
  g_assert_true (vt_round_pick_current (rounds, &today) == b);

  /* A round running today wins over a later one. */
  a->starts_on = date (2026, 3, 1);
  a->ends_on = date (2026, 12, 31);
  g_assert_true (vt_round_pick_current (rounds, &today) == a);
  a->ends_on = date (2026, 6, 30);
  g_assert_true (vt_round_pick_current (rounds, &today) == b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/supplier-profile-state/format-date-entry", test_format_date_entry);

  g_test_add_func ("/ui/supplier-profile/expiry", test_expiry);
  g_test_add_func ("/ui/supplier-profile/expiry-text", test_expiry_text);
  g_test_add_func ("/ui/supplier-profile/tax-code", test_tax_code);
  g_test_add_func ("/ui/supplier-profile/email", test_email);
  g_test_add_func ("/ui/supplier-profile/phone", test_phone);
  g_test_add_func ("/ui/supplier-profile/year", test_year);
  g_test_add_func ("/ui/supplier-profile/numbers", test_numbers);
  g_test_add_func ("/ui/supplier-profile/dates", test_dates);
  g_test_add_func ("/ui/supplier-profile/can-save", test_can_save);
  g_test_add_func ("/ui/supplier-profile/empty-sections", test_empty_sections);
  g_test_add_func ("/ui/supplier-profile/province-choice", test_province_choice);
  g_test_add_func ("/ui/supplier-profile/attachment-limits", test_attachment_limits);
  g_test_add_func ("/ui/supplier-profile/dirty", test_dirty);
  g_test_add_func ("/ui/supplier-profile/current-round", test_current_round);

  return g_test_run ();
}
