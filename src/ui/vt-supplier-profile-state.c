/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-profile-state.c: the decisions behind the supplier page. */

#define G_LOG_DOMAIN "vt-supplier-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-format.h"
#include "vt-supplier-profile-state.h"

/**
 * vt_expiry_state:
 * @expires_on: (nullable): a cleared or invalid date means "not known"
 * @days_left: (out) (optional): days from @today to the expiry, negative
 *   once expired
 */
VtExpiryState
vt_expiry_state (const GDate *expires_on,
                 const GDate *today,
                 int         *days_left)
{
  int days;

  if (days_left != NULL)
    *days_left = 0;
  if (expires_on == NULL || !g_date_valid (expires_on))
    return VT_EXPIRY_UNKNOWN;

  days = g_date_days_between (today, expires_on);
  if (days_left != NULL)
    *days_left = days;

  /* A certificate is still good on the day it expires. */
  if (days < 0)
    return VT_EXPIRY_EXPIRED;
  if (days <= VT_EXPIRY_WARNING_DAYS)
    return VT_EXPIRY_SOON;
  return VT_EXPIRY_VALID;
}

/* Words, not only a colour, say that a certificate needs attention. */
char *
vt_expiry_describe (VtExpiryState state,
                    int           days_left)
{
  switch (state)
    {
    case VT_EXPIRY_EXPIRED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Expired %d day ago",
                                           "Expired %d days ago", -days_left),
                              -days_left);
    case VT_EXPIRY_SOON:
      if (days_left == 0)
        return g_strdup (_("Expires today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Expires in %d day",
                                           "Expires in %d days", days_left),
                              days_left);
    case VT_EXPIRY_VALID:
      return g_strdup (_("Valid"));
    case VT_EXPIRY_UNKNOWN:
    default:
      return g_strdup (_("No expiry date"));
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Each check returns NULL when the text is acceptable, or a message that
 * says how to put it right. Empty optional fields are acceptable. */

const char *
vt_check_name_vi (const char *text)
{
  if (is_blank (text))
    return _("The Vietnamese legal name is required");
  return NULL;
}

const char *
vt_check_tax_code (const char *text)
{
  if (is_blank (text) || vt_tax_code_is_valid (text))
    return NULL;
  return _("10 digits, or 10 digits, a hyphen and a 3-digit branch number");
}

const char *
vt_check_email (const char *text)
{
  const char *at;
  const char *dot;

  if (is_blank (text))
    return NULL;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return _("An e-mail address looks like name@example.com");

  dot = strrchr (at + 1, '.');
  if (dot == NULL || dot == at + 1 || dot[1] == '\0')
    return _("An e-mail address looks like name@example.com");

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return _("An e-mail address has no spaces");

  return NULL;
}

/* Vietnamese and Korean numbers as people write them: 0912 345 678,
 * 024.3826.1234, +84 912 345 678, 010-1234-5678, +82 10 1234 5678. The
 * national form is a 0 and 8 to 10 digits; the international form is +84
 * or +82 and the same without the 0. */
const char *
vt_check_phone (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean international = FALSE;
  const char *p = text;

  if (is_blank (text))
    return NULL;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!strchr (" .-()", *p))
        return _("A phone number has only digits, spaces, dots, hyphens and a leading +");
    }

  if (international)
    {
      if ((g_str_has_prefix (digits->str, "84") || g_str_has_prefix (digits->str, "82"))
          && digits->str[2] != '0'
          && digits->len >= 2 + 8 && digits->len <= 2 + 10)
        return NULL;
      return _("Use +84 or +82 and the number without its leading 0");
    }

  if (digits->str[0] == '0' && digits->len >= 9 && digits->len <= 11)
    return NULL;
  return _("A Vietnamese or Korean number starts with 0 and has 9 to 11 digits");
}

const char *
vt_check_year (const char *text,
               int         current_year,
               int        *year)
{
  g_autofree char *trimmed = g_strdup (text);
  guint64 value;

  if (year != NULL)
    *year = 0;
  if (is_blank (text))
    return NULL;

  if (!g_ascii_string_to_unsigned (g_strstrip (trimmed), 10, 1900, current_year, &value, NULL))
    return _("A year between 1900 and this year");

  if (year != NULL)
    *year = (int) value;
  return NULL;
}

/**
 * vt_parse_number:
 * @thousands_sep: the UI language's digit group separator ("." in
 *   Vietnamese, "," in Korean and English)
 *
 * Reads a whole, non-negative number as people type it in their language:
 * with or without group separators, spaces, and a trailing currency sign
 * (₫, đ, VND). Decimals are refused: employees and VND have none.
 */
gboolean
vt_parse_number (const char *text,
                 const char *thousands_sep,
                 gint64     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize sep_len = thousands_sep ? strlen (thousands_sep) : 0;
  gint64 result = 0;
  gboolean any = FALSE;
  const char *p;

  for (const char *suffix[] = { "₫", "đ", "VND", NULL }, **s = suffix; *s != NULL; s++)
    if (g_str_has_suffix (copy, *s))
      {
        copy[strlen (copy) - strlen (*s)] = '\0';
        g_strchomp (copy);
      }

  for (p = copy; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          if (result > (G_MAXINT64 - (*p - '0')) / 10)
            return FALSE;
          result = result * 10 + (*p - '0');
          any = TRUE;
          p++;
        }
      else if (sep_len > 0 && any && strncmp (p, thousands_sep, sep_len) == 0)
        p += sep_len;
      /* Spaces group digits in print (and ICU uses no-break ones). */
      else if (any && (c == ' ' || c == 0x00A0 || c == 0x202F))
        p = g_utf8_next_char (p);
      else
        return FALSE;
    }

  if (!any)
    return FALSE;
  *value = result;
  return TRUE;
}

char *
vt_format_number (gint64      value,
                  const char *thousands_sep)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  const char *digits = plain;
  gsize len;

  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }

  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && thousands_sep != NULL)
        g_string_append (out, thousands_sep);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

const char *
vt_check_count (const char *text,
                const char *thousands_sep,
                gint64     *value)
{
  if (value != NULL)
    *value = -1;
  if (is_blank (text))
    return NULL;
  if (!vt_parse_number (text, thousands_sep, value))
    return _("A whole number, such as 1200");
  return NULL;
}

/**
 * vt_check_date:
 *
 * Reads a date as year, month, day when it starts with four digits (ISO
 * 8601 and the Korean way, 2026. 7. 24.), otherwise in the order of the
 * current language (24/07/2026 in Vietnamese).
 */
const char *
vt_check_date (const char *text,
               GDate      *date)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

  g_date_clear (date, 1);
  if (is_blank (text))
    return NULL;

  parts = g_regex_split_simple ("[^0-9]+", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (numbers, parts[i]);

  if (numbers->len == 3 && strlen (g_ptr_array_index (numbers, 0)) == 4)
    {
      guint64 y, m, d;

      if (g_ascii_string_to_unsigned (g_ptr_array_index (numbers, 0), 10, 1, 9999, &y, NULL)
          && g_ascii_string_to_unsigned (g_ptr_array_index (numbers, 1), 10, 1, 12, &m, NULL)
          && g_ascii_string_to_unsigned (g_ptr_array_index (numbers, 2), 10, 1, 31, &d, NULL)
          && g_date_valid_dmy (d, m, y))
        {
          g_date_set_dmy (date, d, m, y);
          return NULL;
        }
    }
  else if (numbers->len == 3)
    {
      g_date_set_parse (date, text);
      if (g_date_valid (date) && g_date_get_year (date) >= 1900)
        return NULL;
    }

  g_date_clear (date, 1);
  return _("A date such as 2026-07-24");
}

/**
 * vt_format_date_entry:
 * @date: (nullable): a cleared or invalid date is written as ""
 *
 * Writes a date for a date field, in the interface language's numeric
 * form (24/7/2026 in Vietnamese, 2026. 7. 24. in Korean), which
 * vt_check_date() reads back as the same day. A form it could not read
 * back (the C library's idea of the order of day and month differs from
 * the language's) is replaced by ISO 8601, 2026-07-24, which it always
 * reads.
 */
char *
vt_format_date_entry (const GDate *date)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *text = NULL;
  GDate back;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  text = vt_format_date (NULL, noon, VT_DATE_FORMAT_NUMERIC);
  if (text != NULL && vt_check_date (text, &back) == NULL && g_date_valid (&back) && g_date_compare (&back, date) == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

VtSectionEmpty
vt_supplier_empty_sections (const VtSupplier *supplier)
{
  VtSectionEmpty empty = 0;

  if (supplier->certifications->len == 0)
    empty |= VT_SECTION_EMPTY_CERTIFICATIONS;
  if (supplier->customers->len == 0)
    empty |= VT_SECTION_EMPTY_CUSTOMERS;
  if (supplier->contacts->len == 0)
    empty |= VT_SECTION_EMPTY_CONTACTS;
  if (is_blank (supplier->products))
    empty |= VT_SECTION_EMPTY_PRODUCTS;
  if (is_blank (supplier->notes))
    empty |= VT_SECTION_EMPTY_NOTES;
  return empty;
}

gboolean
vt_supplier_profile_can_save (gboolean dirty,
                           guint    invalid_fields,
                           gboolean saving,
                           gboolean read_only)
{
  return dirty && invalid_fields == 0 && !saving && !read_only;
}

/**
 * vt_province_choice_resolve:
 * @code_2025: (nullable): the unit chosen among the 34 current ones
 * @code_pre2025: (nullable): the unit of an old dossier, among the 63
 *   before July 2025
 *
 * An old dossier keeps the province it names, so a pre-2025 choice wins;
 * the store derives the current unit from it.
 */
void
vt_province_choice_resolve (const char  *code_2025,
                            const char  *code_pre2025,
                            const char **list_id,
                            const char **code)
{
  if (code_pre2025 != NULL && *code_pre2025 != '\0')
    {
      *list_id = "pre2025";
      *code = code_pre2025;
    }
  else if (code_2025 != NULL && *code_2025 != '\0')
    {
      *list_id = "2025";
      *code = code_2025;
    }
  else
    {
      *list_id = "2025";
      *code = NULL;
    }
}

const char *
vt_attachment_check_size (gint64 size)
{
  if (size > VT_ATTACHMENT_MAX_SIZE)
    return _("Files larger than 20 MB cannot be attached. Keep large files on a shared folder and note where in the supplier's notes.");
  return NULL;
}

gboolean
vt_attachment_is_image (const char *mime_type)
{
  static const char *images[] = { "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff" };

  if (mime_type == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    if (g_str_equal (mime_type, images[i]))
      return TRUE;
  return FALSE;
}

static gboolean
text_equal (const char *a,
            const char *b)
{
  /* Empty and missing text are the same to a person. */
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
certification_equal (const VtCertification *a,
                     const VtCertification *b)
{
  return text_equal (a->standard, b->standard)
      && text_equal (a->certificate_no, b->certificate_no)
      && text_equal (a->issuer, b->issuer)
      && date_equal (&a->issued_on, &b->issued_on)
      && date_equal (&a->expires_on, &b->expires_on);
}

static gboolean
customer_equal (const VtCustomer *a,
                const VtCustomer *b)
{
  return text_equal (a->name, b->name)
      && a->since_year == b->since_year
      && text_equal (a->notes, b->notes);
}

static gboolean
contact_equal (const VtContact *a,
               const VtContact *b)
{
  return text_equal (a->family_name, b->family_name)
      && text_equal (a->middle_name, b->middle_name)
      && text_equal (a->given_name, b->given_name)
      && text_equal (a->role, b->role)
      && text_equal (a->phone, b->phone)
      && text_equal (a->email, b->email)
      && text_equal (a->languages, b->languages);
}

typedef gboolean (*ItemEqual) (gconstpointer a,
                               gconstpointer b);

static gboolean
array_equal (GPtrArray *a,
             GPtrArray *b,
             ItemEqual  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/**
 * vt_supplier_equal:
 *
 * Whether two records hold the same profile as a person sees it: what
 * decides if the page has unsaved changes. Fields the store maintains
 * (version, stage, times) do not count.
 */
gboolean
vt_supplier_equal (const VtSupplier *a,
                   const VtSupplier *b)
{
  const char *a_list = a->province_code ? a->province_list : NULL;
  const char *b_list = b->province_code ? b->province_list : NULL;

  return text_equal (a->code, b->code)
      && text_equal (a->name_vi, b->name_vi)
      && text_equal (a->name_en, b->name_en)
      && text_equal (a->name_ko, b->name_ko)
      && text_equal (a->tax_code, b->tax_code)
      && a->sector == b->sector
      && text_equal (a->products, b->products)
      && text_equal (a_list, b_list)
      && text_equal (a->province_code, b->province_code)
      && text_equal (a->industrial_zone, b->industrial_zone)
      && text_equal (a->address, b->address)
      && a->founded_year == b->founded_year
      && a->employees == b->employees
      && a->revenue_vnd == b->revenue_vnd
      && a->ownership == b->ownership
      && text_equal (a->notes, b->notes)
      && array_equal (a->certifications, b->certifications, (ItemEqual) certification_equal)
      && array_equal (a->customers, b->customers, (ItemEqual) customer_equal)
      && array_equal (a->contacts, b->contacts, (ItemEqual) contact_equal);
}

static GDate
copy_date (const GDate *date)
{
  GDate out;

  g_date_clear (&out, 1);
  if (g_date_valid (date))
    out = *date;
  return out;
}

/**
 * vt_supplier_dup_profile:
 *
 * A deep copy to edit, so that the record read from the store stays as it
 * was and tells whether anything changed.
 */
VtSupplier *
vt_supplier_dup_profile (const VtSupplier *s)
{
  VtSupplier *copy = vt_supplier_new ();

  copy->uuid = g_strdup (s->uuid);
  copy->version = s->version;
  copy->code = g_strdup (s->code);
  copy->name_vi = g_strdup (s->name_vi);
  copy->name_en = g_strdup (s->name_en);
  copy->name_ko = g_strdup (s->name_ko);
  copy->tax_code = g_strdup (s->tax_code);
  copy->sector = s->sector;
  copy->products = g_strdup (s->products);
  g_free (copy->province_list);
  copy->province_list = g_strdup (s->province_list);
  copy->province_code = g_strdup (s->province_code);
  copy->industrial_zone = g_strdup (s->industrial_zone);
  copy->address = g_strdup (s->address);
  copy->founded_year = s->founded_year;
  copy->employees = s->employees;
  copy->revenue_vnd = s->revenue_vnd;
  copy->ownership = s->ownership;
  copy->notes = g_strdup (s->notes);
  copy->stage = s->stage;
  copy->round_id = s->round_id;
  copy->readiness = s->readiness;
  copy->created_at = s->created_at ? g_date_time_ref (s->created_at) : NULL;
  copy->updated_at = s->updated_at ? g_date_time_ref (s->updated_at) : NULL;

  for (guint i = 0; i < s->certifications->len; i++)
    {
      const VtCertification *c = g_ptr_array_index (s->certifications, i);
      VtCertification *d = vt_certification_new (c->standard);

      d->id = c->id;
      d->certificate_no = g_strdup (c->certificate_no);
      d->issuer = g_strdup (c->issuer);
      d->issued_on = copy_date (&c->issued_on);
      d->expires_on = copy_date (&c->expires_on);
      g_ptr_array_add (copy->certifications, d);
    }

  for (guint i = 0; i < s->customers->len; i++)
    {
      const VtCustomer *c = g_ptr_array_index (s->customers, i);
      VtCustomer *d = vt_customer_new (c->name);

      d->id = c->id;
      d->since_year = c->since_year;
      d->notes = g_strdup (c->notes);
      g_ptr_array_add (copy->customers, d);
    }

  for (guint i = 0; i < s->contacts->len; i++)
    {
      const VtContact *c = g_ptr_array_index (s->contacts, i);
      VtContact *d = vt_contact_new (c->family_name, c->middle_name, c->given_name);

      d->id = c->id;
      d->role = g_strdup (c->role);
      d->phone = g_strdup (c->phone);
      d->email = g_strdup (c->email);
      d->languages = g_strdup (c->languages);
      g_ptr_array_add (copy->contacts, d);
    }

  return copy;
}

/**
 * vt_round_pick_current:
 * @rounds: (element-type VtRound)
 *
 * The round a new supplier joins: the one running today, otherwise the
 * most recent one (latest year, then latest created).
 *
 * Returns: (transfer none) (nullable): a round of @rounds
 */
VtRound *
vt_round_pick_current (GPtrArray   *rounds,
                       const GDate *today)
{
  VtRound *best = NULL;

  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      if (g_date_valid (&r->starts_on) && g_date_compare (&r->starts_on, today) <= 0
          && (!g_date_valid (&r->ends_on) || g_date_compare (today, &r->ends_on) <= 0))
        return r;
    }

  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      if (best == NULL || r->year > best->year || (r->year == best->year && r->id > best->id))
        best = r;
    }
  return best;
}

/**
 * vt_province_display_name:
 * @language: the UI language, "ko", "vi" or anything else for English
 *
 * Korean readers get the Korean name where there is one; Vietnamese and
 * English readers the short Vietnamese name, which is what is on maps and
 * letters in Vietnam.
 */
const char *
vt_province_display_name (const VtProvince *province,
                          const char       *language)
{
  if (g_strcmp0 (language, "ko") == 0 && province->name_ko != NULL && *province->name_ko != '\0')
    return province->name_ko;
  return province->short_name_vi;
}
