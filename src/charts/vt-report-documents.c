/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-documents.c: the round report, the supplier profile sheet and
 * the week's visit plan. */

#define G_LOG_DOMAIN "vt-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt-bilingual.h"
#include "vt-format.h"
#include "vt-report-documents.h"
#include "vt-round-charts.h"
#include "vt-round.h"
#include "vt-stage.h"
#include "vt-store.h"

#define TIME_ZONE_VIETNAM "Asia/Ho_Chi_Minh"
#define TIME_ZONE_KOREA   "Asia/Seoul"

/**
 * vt_report_bilingual:
 * @msgid: an English message marked with N_()
 *
 * Returns: (transfer full): its Korean and Vietnamese translations on two
 *   lines, read from our own catalogues whatever the locale
 */
char *
vt_report_bilingual (const char *msgid)
{
  const char *ko = vt_bilingual_gettext ("ko", msgid);
  const char *vi = vt_bilingual_gettext ("vi", msgid);

  if (g_strcmp0 (ko, vi) == 0)
    return g_strdup (ko);
  return g_strdup_printf ("%s\n%s", ko, vi);
}

/* The same on one line, for section headings. */
static char *
bilingual_line (const char *msgid)
{
  const char *ko = vt_bilingual_gettext ("ko", msgid);
  const char *vi = vt_bilingual_gettext ("vi", msgid);

  if (g_strcmp0 (ko, vi) == 0)
    return g_strdup (ko);
  return g_strdup_printf ("%s · %s", ko, vi);
}

static GTimeZone *
time_zone (const char *identifier,
           int         hours)
{
  GTimeZone *zone = g_time_zone_new_identifier (identifier);

  return zone != NULL ? zone : g_time_zone_new_offset (hours * 3600);
}

static char *
format_gdate (const char  *language,
              const GDate *date,
              VtDateFormat format)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  zone = g_time_zone_new_utc ();
  datetime = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  return vt_format_date (language, datetime, format);
}

static char *
format_local (const char   *language,
              GDateTime    *datetime,
              VtDateFormat  format)
{
  g_autoptr(GTimeZone) zone = time_zone (TIME_ZONE_VIETNAM, 7);
  g_autoptr(GDateTime) local = NULL;

  if (datetime == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (datetime, zone);
  return vt_format_date (language, local, format);
}

static const char *
province_name (const VtProvince *province,
               const char       *language)
{
  if (province == NULL)
    return NULL;
  if (g_strcmp0 (language, "ko") == 0 && province->name_ko != NULL && province->name_ko[0] != '\0')
    return province->name_ko;
  if (g_strcmp0 (language, "en") == 0 && province->name_en != NULL && province->name_en[0] != '\0')
    return province->name_en;
  return province->name_vi;
}

/* The round report */

static int
compare_finalists (gconstpointer a,
                   gconstpointer b)
{
  const VtRoundSupplier *x = *(VtRoundSupplier * const *) a;
  const VtRoundSupplier *y = *(VtRoundSupplier * const *) b;
  double ix = x->latest != NULL ? x->latest->readiness : -1;
  double iy = y->latest != NULL ? y->latest->readiness : -1;

  if (ix != iy)
    return ix > iy ? -1 : 1;
  return g_strcmp0 (x->name_vi, y->name_vi);
}

static guint
count_assessed (const VtRoundStats *stats)
{
  guint n = 0;

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);

      if (s->latest != NULL && s->latest->readiness >= 0)
        n++;
    }
  return n;
}

static char *
reached_text (const VtRoundStats *stats,
              const char         *language,
              VtStage             stage)
{
  g_autofree char *count = vt_format_integer (language, (gint64) stats->reached[stage]);
  int target = stats->round->targets[stage];

  if (target >= 0)
    {
      g_autofree char *goal = vt_format_integer (language, target);

      /* TRANSLATORS: how many suppliers reached a stage of a round, and the
       * round's target for it, e.g. "16 (target 12)" */
      return g_strdup_printf (_("%s (target %s)"), count, goal);
    }
  return g_steal_pointer (&count);
}

/**
 * vt_round_report_new:
 *
 * The round's facts, its pipeline funnel with the targets, the readiness
 * ranking with the selection cut and the table of its finalists.
 */
VtReport *
vt_round_report_new (const VtRoundStats *stats,
                     const char         *language)
{
  static const double widths[] = { 0.06, 0.38, 0.18, 0.18, 0.08, 0.12 };
  VtReport *report;
  VtReportTable *table;
  g_autoptr(GPtrArray) finalists = g_ptr_array_new ();
  g_autoptr(VtChart) funnel = NULL;
  g_autoptr(VtChart) ranking = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *year = NULL;
  g_autofree char *received = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *headings[] = {
    /* TRANSLATORS: a column of the finalists' table: the rank */
    C_("rank", "#"), _("Supplier"), _("Province"), _("Sector"),
    /* TRANSLATORS: a column of the finalists' table: the readiness index */
    C_("readiness index", "Index"), _("Band"),
  };
  guint assessed;

  g_return_val_if_fail (stats != NULL && stats->round != NULL, NULL);

  report = vt_report_new (_("Round report"));
  vt_report_set_subtitle (report, stats->round->name);
  vt_report_add_heading (report, stats->round->name, 1);

  starts = format_gdate (language, &stats->round->starts_on, VT_DATE_FORMAT_MEDIUM);
  ends = format_gdate (language, &stats->round->ends_on, VT_DATE_FORMAT_MEDIUM);
  if (*starts != '\0' || *ends != '\0')
    dates = g_strdup_printf ("%s – %s", starts, ends);
  year = stats->round->year > 0 ? g_strdup_printf ("%d", stats->round->year) : NULL;
  received = reached_text (stats, language, VT_STAGE_RECEIVED);
  first = reached_text (stats, language, VT_STAGE_FIRST_VISIT_DONE);
  second = reached_text (stats, language, VT_STAGE_SECOND_VISIT_DONE);
  selected = reached_text (stats, language, VT_STAGE_SELECTED);
  today = vt_format_date (language, now, VT_DATE_FORMAT_MEDIUM);
  {
    const char *fields[] = {
      _("Year"), year,
      _("Dates"), dates,
      vt_stage_get_display_name (VT_STAGE_RECEIVED), received,
      vt_stage_get_display_name (VT_STAGE_FIRST_VISIT_DONE), first,
      vt_stage_get_display_name (VT_STAGE_SECOND_VISIT_DONE), second,
      vt_stage_get_display_name (VT_STAGE_SELECTED), selected,
      /* TRANSLATORS: the date a printed report was made */
      _("Printed on"), today,
      NULL,
    };

    vt_report_add_fields (report, fields);
  }

  /* The charts carry their own titles. */
  funnel = vt_round_chart_new (stats, VT_ROUND_CHART_FUNNEL, language);
  vt_report_add_chart (report, funnel, 210);

  assessed = count_assessed (stats);
  ranking = vt_round_chart_new (stats, VT_ROUND_CHART_RANKING, language);
  vt_report_add_chart (report, ranking, CLAMP (70 + 14.0 * assessed, 160, 640));

  vt_report_add_heading (report, _("Finalists"), 2);
  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);

      if (vt_round_supplier_is_selected (s))
        g_ptr_array_add (finalists, s);
    }
  g_ptr_array_sort (finalists, compare_finalists);
  if (finalists->len == 0)
    {
      vt_report_add_note (report, _("No supplier of this round has been selected yet."));
      return report;
    }

  table = vt_report_add_table (report, G_N_ELEMENTS (headings), widths, headings);
  vt_report_table_set_column_kind (table, 0, VT_REPORT_CELL_NUMBER);
  vt_report_table_set_column_kind (table, 4, VT_REPORT_CELL_NUMBER);
  vt_report_table_set_column_kind (table, 5, VT_REPORT_CELL_BAND);
  for (guint i = 0; i < finalists->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (finalists, i);
      g_autofree char *rank = vt_format_integer (language, i + 1);
      g_autofree char *index = s->latest != NULL && s->latest->readiness >= 0
                               ? vt_format_decimal (language, s->latest->readiness, 1) : g_strdup ("–");
      const char *row[] = {
        rank,
        vt_round_supplier_get_name (s, language),
        vt_round_supplier_get_province (s, language),
        vt_sector_get_display_name (s->sector),
        index,
        s->band != VT_READINESS_BAND_NONE ? vt_readiness_band_get_display_name (s->band) : "",
      };

      vt_report_table_add_row (table, row, vt_chart_band_from_readiness (s->band));
    }
  return report;
}

/* The supplier profile sheet */

static void
add_bilingual_heading (VtReport   *report,
                       const char *msgid)
{
  g_autofree char *text = bilingual_line (msgid);

  vt_report_add_heading (report, text, 2);
}

static VtReportTable *
add_bilingual_table (VtReport           *report,
                     guint               n,
                     const double       *widths,
                     const char * const *msgids)
{
  g_auto(GStrv) headings = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    headings[i] = vt_report_bilingual (msgids[i]);
  return vt_report_add_table (report, n, widths, (const char * const *) headings);
}

static char *
person_label (GPtrArray     *people,
              const VtVisit *visit,
              guint          i)
{
  gint64 id = g_array_index (visit->participant_ids, gint64, i);
  VtPersonKind role = g_array_index (visit->participant_roles, VtPersonKind, i);
  const VtPerson *person = vt_report_data_find_person (people, id);
  g_autofree char *name = person != NULL ? vt_person_dup_full_name (person) : g_strdup ("?");

  /* TRANSLATORS: a participant of a visit and their role, e.g.
   * "Kim Min-jun (consultant)" */
  return g_strdup_printf (_("%s (%s)"), name, vt_person_kind_get_display_name (role));
}

static char *
participants_text (GPtrArray     *people,
                   const VtVisit *visit)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; visit->participant_ids != NULL && i < visit->participant_ids->len; i++)
    {
      g_autofree char *label = person_label (people, visit, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_profile (VtReport                   *report,
             const VtSupplierReportData *data,
             const char                 *language)
{
  const VtSupplier *s = data->supplier;
  const char *province = province_name (vt_report_data_find_province (data->provinces, s->province_code), language);
  g_autofree char *founded = s->founded_year > 0 ? g_strdup_printf ("%d", s->founded_year) : NULL;
  g_autofree char *employees = s->employees > 0 ? vt_format_integer (language, s->employees) : NULL;
  g_autofree char *revenue = s->revenue_vnd > 0 ? vt_format_money (language, (double) s->revenue_vnd, "VND") : NULL;
  g_autofree char *readiness = s->readiness >= 0 ? vt_format_decimal (language, s->readiness, 1) : NULL;
  static const char * const msgids[] = {
    N_("Code"), N_("Tax code"), N_("Sector"), N_("Products"), N_("Province"), N_("Industrial zone"),
    N_("Address"), N_("Founded"), N_("Employees"), N_("Revenue"), N_("Ownership"), N_("Stage"),
    N_("Readiness index"),
  };
  const char *values[] = {
    s->code, s->tax_code, vt_sector_get_display_name (s->sector), s->products, province, s->industrial_zone,
    s->address, founded, employees, revenue, vt_ownership_get_display_name (s->ownership),
    vt_stage_get_display_name (s->stage), readiness,
  };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  G_STATIC_ASSERT (G_N_ELEMENTS (msgids) == G_N_ELEMENTS (values));

  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      g_ptr_array_add (fields, vt_report_bilingual (msgids[i]));
      g_ptr_array_add (fields, g_strdup (values[i]));
    }
  g_ptr_array_add (fields, NULL);
  add_bilingual_heading (report, N_("Profile"));
  vt_report_add_fields (report, (const char * const *) fields->pdata);
  if (s->notes != NULL && s->notes[0] != '\0')
    vt_report_add_paragraph (report, s->notes);
}

static void
add_contacts (VtReport                   *report,
              const VtSupplierReportData *data)
{
  static const double widths[] = { 0.26, 0.18, 0.16, 0.24, 0.16 };
  static const char * const msgids[] = { N_("Name"), N_("Role"), N_("Phone"), N_("Email"), N_("Languages") };
  VtReportTable *table;

  add_bilingual_heading (report, N_("Contacts"));
  if (data->supplier->contacts == NULL || data->supplier->contacts->len == 0)
    {
      vt_report_add_note (report, _("No contacts."));
      return;
    }
  table = add_bilingual_table (report, G_N_ELEMENTS (msgids), widths, msgids);
  for (guint i = 0; i < data->supplier->contacts->len; i++)
    {
      const VtContact *c = g_ptr_array_index (data->supplier->contacts, i);
      g_autofree char *name = vt_contact_dup_full_name (c);
      const char *row[] = { name, c->role, c->phone, c->email, c->languages };

      vt_report_table_add_row (table, row, VT_CHART_BAND_NONE);
    }
}

static void
add_certifications (VtReport                   *report,
                    const VtSupplierReportData *data,
                    const char                 *language)
{
  static const double widths[] = { 0.2, 0.22, 0.26, 0.16, 0.16 };
  static const char * const msgids[] = { N_("Standard"), N_("Certificate number"), N_("Issued by"), N_("Issued on"), N_("Expires on") };
  VtReportTable *table;

  add_bilingual_heading (report, N_("Certifications"));
  if (data->supplier->certifications == NULL || data->supplier->certifications->len == 0)
    {
      vt_report_add_note (report, _("No certifications."));
      return;
    }
  table = add_bilingual_table (report, G_N_ELEMENTS (msgids), widths, msgids);
  for (guint i = 0; i < data->supplier->certifications->len; i++)
    {
      const VtCertification *c = g_ptr_array_index (data->supplier->certifications, i);
      g_autofree char *issued = format_gdate (language, &c->issued_on, VT_DATE_FORMAT_NUMERIC);
      g_autofree char *expires = format_gdate (language, &c->expires_on, VT_DATE_FORMAT_NUMERIC);
      const char *row[] = { c->standard, c->certificate_no, c->issuer, issued, expires };

      vt_report_table_add_row (table, row, VT_CHART_BAND_NONE);
    }
}

static void
add_history (VtReport                   *report,
             const VtSupplierReportData *data,
             const char                 *language)
{
  static const double widths[] = { 0.16, 0.2, 0.2, 0.16, 0.28 };
  static const char * const msgids[] = { N_("Date"), N_("From"), N_("To"), N_("By"), N_("Reason") };
  VtReportTable *table;

  add_bilingual_heading (report, N_("Stage history"));
  if (data->history->len == 0)
    {
      vt_report_add_note (report, _("No stage changes yet."));
      return;
    }
  table = add_bilingual_table (report, G_N_ELEMENTS (msgids), widths, msgids);
  for (guint i = 0; i < data->history->len; i++)
    {
      const VtStageChange *c = g_ptr_array_index (data->history, i);
      g_autofree char *date = format_local (language, c->at, VT_DATE_FORMAT_NUMERIC);
      const char *row[] = {
        date, c->from >= 0 ? vt_stage_get_display_name (c->from) : "", vt_stage_get_display_name (c->to),
        c->who, c->reason,
      };

      vt_report_table_add_row (table, row, VT_CHART_BAND_NONE);
    }
}

static void
add_visits (VtReport                   *report,
            const VtSupplierReportData *data,
            const char                 *language)
{
  static const double widths[] = { 0.16, 0.16, 0.14, 0.24, 0.30 };
  static const char * const msgids[] = { N_("Date"), N_("Kind"), N_("Status"), N_("Place"), N_("Participants") };
  VtReportTable *table;

  add_bilingual_heading (report, N_("Visits"));
  if (data->visits->len == 0)
    {
      vt_report_add_note (report, _("No visits yet."));
      return;
    }
  table = add_bilingual_table (report, G_N_ELEMENTS (msgids), widths, msgids);
  for (guint i = 0; i < data->visits->len; i++)
    {
      const VtVisit *v = g_ptr_array_index (data->visits, i);
      g_autofree char *date = format_local (language, v->starts_at, VT_DATE_FORMAT_NUMERIC_TIME);
      g_autofree char *people = participants_text (data->people, v);
      const char *row[] = {
        date, vt_visit_kind_get_display_name (v->kind), vt_visit_status_get_display_name (v->status),
        v->place, people,
      };

      vt_report_table_add_row (table, row, VT_CHART_BAND_NONE);
    }

  add_bilingual_heading (report, N_("Findings"));
  {
    gboolean any = FALSE;

    for (guint i = 0; i < data->visits->len; i++)
      {
        const VtVisit *v = g_ptr_array_index (data->visits, i);
        g_autofree char *date = NULL;
        g_autofree char *title = NULL;

        if ((v->findings == NULL || v->findings[0] == '\0') && (v->follow_up == NULL || v->follow_up[0] == '\0'))
          continue;
        any = TRUE;
        date = format_local (language, v->starts_at, VT_DATE_FORMAT_MEDIUM);
        /* TRANSLATORS: above a visit's findings: its kind and date, e.g.
         * "First visit, 24 Jul 2026" */
        title = g_strdup_printf (_("%s, %s"), vt_visit_kind_get_display_name (v->kind), date);
        vt_report_add_paragraph (report, title);
        if (v->findings != NULL && v->findings[0] != '\0')
          vt_report_add_paragraph (report, v->findings);
        if (v->follow_up != NULL && v->follow_up[0] != '\0')
          {
            /* TRANSLATORS: the follow-up actions agreed at a visit */
            g_autofree char *follow_up = g_strdup_printf (_("Follow-up: %s"), v->follow_up);

            vt_report_add_note (report, follow_up);
          }
      }
    if (!any)
      vt_report_add_note (report, _("No findings recorded yet."));
  }
}

/**
 * vt_supplier_report_new:
 *
 * The bilingual profile sheet: the profile, contacts, certifications,
 * stage history, latest readiness radar, visits and findings, with every
 * heading in Korean and Vietnamese.
 */
VtReport *
vt_supplier_report_new (const VtSupplierReportData *data,
                        const char                 *language)
{
  const VtSupplier *s;
  g_autofree char *title = NULL;
  VtReport *report;

  g_return_val_if_fail (data != NULL && data->supplier != NULL, NULL);

  s = data->supplier;
  title = bilingual_line (N_("Supplier profile"));
  report = vt_report_new (title);
  vt_report_set_subtitle (report, s->code != NULL && s->code[0] != '\0' ? s->code : NULL);
  vt_report_add_heading (report, s->name_vi, 1);
  {
    g_autoptr(GString) other = g_string_new (NULL);

    if (s->name_ko != NULL && s->name_ko[0] != '\0')
      g_string_append (other, s->name_ko);
    if (s->name_en != NULL && s->name_en[0] != '\0')
      g_string_append_printf (other, "%s%s", other->len > 0 ? " · " : "", s->name_en);
    if (other->len > 0)
      vt_report_add_paragraph (report, other->str);
  }

  add_profile (report, data, language);
  add_contacts (report, data);
  add_certifications (report, data, language);
  add_history (report, data, language);

  add_bilingual_heading (report, N_("Readiness"));
  if (data->stats != NULL && data->stats->assessments->len > 0 && data->stats->criteria != NULL)
    {
      g_autoptr(VtChart) radar = vt_supplier_chart_radar (data->stats, language);

      vt_report_add_chart (report, radar, 320);
    }
  else
    vt_report_add_note (report, _("Not assessed yet."));

  add_visits (report, data, language);
  return report;
}

/* The week's visit plan */

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  const VtVisit *x = *(VtVisit * const *) a;
  const VtVisit *y = *(VtVisit * const *) b;

  return g_date_time_compare (x->starts_at, y->starts_at);
}

static char *
time_range (const char *language,
            GDateTime  *starts,
            GDateTime  *ends,
            GTimeZone  *zone)
{
  g_autoptr(GDateTime) s = g_date_time_to_timezone (starts, zone);
  g_autofree char *from = vt_format_date (language, s, VT_DATE_FORMAT_TIME);
  g_autoptr(GDateTime) e = NULL;
  g_autofree char *to = NULL;

  if (ends == NULL)
    return g_steal_pointer (&from);
  e = g_date_time_to_timezone (ends, zone);
  to = vt_format_date (language, e, VT_DATE_FORMAT_TIME);
  /* A visit that ends on another day says which. */
  if (g_date_time_get_day_of_year (s) != g_date_time_get_day_of_year (e))
    {
      g_autofree char *day = vt_format_date (language, e, VT_DATE_FORMAT_DAY_MONTH);

      return g_strdup_printf ("%s–%s %s", from, day, to);
    }
  return g_strdup_printf ("%s–%s", from, to);
}

static char *
place_text (const VtWeekReportData *data,
            const VtVisit          *visit,
            const char             *language)
{
  const char *province = province_name (vt_report_data_find_province (data->provinces, visit->province_code), language);

  if (visit->place != NULL && visit->place[0] != '\0' && province != NULL)
    return g_strdup_printf ("%s\n%s", visit->place, province);
  if (visit->place != NULL && visit->place[0] != '\0')
    return g_strdup (visit->place);
  return g_strdup (province);
}

static char *
status_text (const VtVisit *visit)
{
  const char *status = vt_visit_status_get_display_name (visit->status);

  if (visit->status_reason != NULL && visit->status_reason[0] != '\0')
    return g_strdup_printf ("%s\n%s", status, visit->status_reason);
  return g_strdup (status);
}

/**
 * vt_week_report_new:
 *
 * One week of visits grouped by day, with the times in Vietnam and in
 * Korea (for the Korean consultants), places, participants, kinds and
 * statuses.
 */
VtReport *
vt_week_report_new (const VtWeekReportData *data,
                    const char             *language)
{
  static const double widths[] = { 0.12, 0.12, 0.2, 0.2, 0.2, 0.16 };
  const char *headings[] = {
    /* TRANSLATORS: a column of the printed week plan: the time in Vietnam */
    _("Time (Vietnam)"),
    /* TRANSLATORS: a column of the printed week plan: the time in Korea */
    _("Time (Korea)"),
    _("Supplier"), _("Place"), _("Participants"),
    /* TRANSLATORS: a column of the printed week plan: the visit's kind and status */
    _("Kind and status"),
  };
  g_autoptr(GTimeZone) vietnam = time_zone (TIME_ZONE_VIETNAM, 7);
  g_autoptr(GTimeZone) korea = time_zone (TIME_ZONE_KOREA, 9);
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) sunday = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  g_autofree char *count = NULL;
  VtReport *report;

  g_return_val_if_fail (data != NULL && g_date_valid (&data->monday), NULL);

  monday = g_date_time_new (vietnam, g_date_get_year (&data->monday), g_date_get_month (&data->monday),
                            g_date_get_day (&data->monday), 0, 0, 0);
  sunday = g_date_time_add_days (monday, 6);
  from = vt_format_date (language, monday, VT_DATE_FORMAT_MEDIUM);
  to = vt_format_date (language, sunday, VT_DATE_FORMAT_MEDIUM);
  range = g_strdup_printf ("%s – %s", from, to);

  report = vt_report_new (_("Visit plan for the week"));
  vt_report_set_subtitle (report, range);
  vt_report_add_heading (report, range, 1);

  /* A borrowed view, sorted without touching the caller's array. */
  visits = g_ptr_array_sized_new (data->visits->len);
  for (guint i = 0; i < data->visits->len; i++)
    g_ptr_array_add (visits, g_ptr_array_index (data->visits, i));
  g_ptr_array_sort (visits, compare_visits);
  count = g_strdup_printf (ngettext ("%u visit. Times are in Vietnam (UTC+7) and Korea (UTC+9).",
                                     "%u visits. Times are in Vietnam (UTC+7) and Korea (UTC+9).", visits->len),
                           visits->len);
  vt_report_add_note (report, count);
  if (visits->len == 0)
    {
      vt_report_add_paragraph (report, _("No visits are planned this week."));
      return report;
    }

  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (monday, day);
      VtReportTable *table = NULL;

      for (guint i = 0; i < visits->len; i++)
        {
          const VtVisit *v = g_ptr_array_index (visits, i);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (v->starts_at, vietnam);
          g_autofree char *vn_time = NULL;
          g_autofree char *kr_time = NULL;
          g_autofree char *place = NULL;
          g_autofree char *people = NULL;
          g_autofree char *status = NULL;
          g_autofree char *kind = NULL;

          if (g_date_time_get_day_of_month (local) != g_date_time_get_day_of_month (date) ||
              g_date_time_get_month (local) != g_date_time_get_month (date))
            continue;
          if (table == NULL)
            {
              g_autofree char *title = vt_format_date (language, date, VT_DATE_FORMAT_LONG);

              vt_report_add_heading (report, title, 2);
              table = vt_report_add_table (report, G_N_ELEMENTS (headings), widths, headings);
            }
          vn_time = time_range (language, v->starts_at, v->ends_at, vietnam);
          kr_time = time_range (language, v->starts_at, v->ends_at, korea);
          place = place_text (data, v, language);
          people = participants_text (data->people, v);
          status = status_text (v);
          kind = g_strdup_printf ("%s\n%s", vt_visit_kind_get_display_name (v->kind), status);
          {
            const char *row[] = { vn_time, kr_time, v->supplier_name, place, people, kind };

            vt_report_table_add_row (table, row, VT_CHART_BAND_NONE);
          }
        }
    }
  return report;
}

/* From the command line */

void
vt_report_spec_clear (VtReportSpec *spec)
{
  g_clear_pointer (&spec->supplier_uuid, g_free);
}

/**
 * vt_report_spec_parse:
 * @text: "round", "round:ID", "supplier:UUID" or "week:YYYY-MM-DD"
 */
gboolean
vt_report_spec_parse (VtReportSpec  *spec,
                      const char    *text,
                      GError       **error)
{
  memset (spec, 0, sizeof *spec);
  g_date_clear (&spec->day, 1);

  if (g_strcmp0 (text, "round") == 0)
    {
      spec->kind = VT_REPORT_KIND_ROUND;
      return TRUE;
    }
  if (g_str_has_prefix (text, "round:"))
    {
      char *end = NULL;

      spec->kind = VT_REPORT_KIND_ROUND;
      spec->round_id = g_ascii_strtoll (text + 6, &end, 10);
      if (end != NULL && *end == '\0' && spec->round_id > 0)
        return TRUE;
    }
  else if (g_str_has_prefix (text, "supplier:") && text[9] != '\0')
    {
      spec->kind = VT_REPORT_KIND_SUPPLIER;
      spec->supplier_uuid = g_strdup (text + 9);
      return TRUE;
    }
  else if (g_str_has_prefix (text, "week:"))
    {
      int y, m, d;
      char tail;

      spec->kind = VT_REPORT_KIND_WEEK;
      if (sscanf (text + 5, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_date_set_dmy (&spec->day, d, m, y);
          return TRUE;
        }
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Cannot tell which report “%s” means: say round, round:ID, supplier:ID or week:YYYY-MM-DD."),
               text);
  return FALSE;
}

/**
 * vt_report_load_sync:
 *
 * Reads what the report needs and lays it out. Blocks: for the command
 * line, tests and worker threads.
 */
VtReport *
vt_report_load_sync (VtStore             *store,
                     const VtReportSpec  *spec,
                     const char          *language,
                     GCancellable        *cancellable,
                     GError             **error)
{
  switch (spec->kind)
    {
    case VT_REPORT_KIND_ROUND:
      {
        g_autoptr(VtRoundStats) stats = vt_round_report_data_load (store, spec->round_id, cancellable, error);

        return stats != NULL ? vt_round_report_new (stats, language) : NULL;
      }
    case VT_REPORT_KIND_SUPPLIER:
      {
        g_autoptr(VtSupplierReportData) data = vt_supplier_report_data_load (store, spec->supplier_uuid, cancellable, error);

        return data != NULL ? vt_supplier_report_new (data, language) : NULL;
      }
    case VT_REPORT_KIND_WEEK:
      {
        g_autoptr(VtWeekReportData) data = vt_week_report_data_load (store, &spec->day, cancellable, error);

        return data != NULL ? vt_week_report_new (data, language) : NULL;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * vt_report_command:
 * @database_path: (nullable): the database; %NULL for the default
 * @spec: which report, see vt_report_spec_parse()
 * @output: the PDF file to write
 *
 * Returns: the exit status
 */
int
vt_report_command (const char  *database_path,
                   const char  *spec,
                   const char  *output,
                   GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtReport) report = NULL;
  VtReportSpec parsed;
  guint pages;

  if (output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say where to write the report with --output FILE.pdf."));
      return 1;
    }
  if (!vt_report_spec_parse (&parsed, spec, error))
    return 1;
  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  store = vt_store_open_sync (database_path, VT_STORE_OPEN_READ_ONLY, NULL, error);
  if (store != NULL)
    report = vt_report_load_sync (store, &parsed, vt_chart_language (), NULL, error);
  vt_report_spec_clear (&parsed);
  if (report == NULL || !vt_report_write_pdf (report, output, error))
    return 1;
  pages = vt_report_get_n_pages (report);
  g_print (ngettext ("Wrote %u page to %s\n", "Wrote %u pages to %s\n", pages), pages, output);
  return 0;
}
