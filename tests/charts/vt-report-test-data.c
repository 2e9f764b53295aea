/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-test-data.c: a round of any size for the report tests and
 * benchmark, without a database. */

#include "config.h"

#include "vt-report-test-data.h"

/**
 * vt_report_test_round_new:
 * @n: how many suppliers
 * @selected: how many of them are finalists, the best first
 *
 * Vietnamese names with ơ, ờ and ớ, a Korean name for every fifth.
 */
VtRoundStats *
vt_report_test_round_new (guint n,
                          guint selected)
{
  VtRoundStats *stats = vt_round_stats_new ();

  stats->round = vt_round_new ();
  stats->round->id = 1;
  stats->round->name = g_strdup ("Đợt 2027 — Mới Thời");
  stats->round->year = 2027;
  for (guint s = 0; s < VT_N_STAGES; s++)
    stats->round->targets[s] = -1;
  stats->round->targets[VT_STAGE_SELECTED] = (int) selected;
  stats->reached[VT_STAGE_RECEIVED] = n;
  stats->reached[VT_STAGE_SELECTED] = selected;
  for (guint i = 0; i < n; i++)
    {
      VtRoundSupplier *s = vt_round_supplier_new ();

      s->uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
      /* ơ with ờ and ớ: the letters cairo 1.16 aborted on in a CJK font. */
      s->name_vi = g_strdup_printf ("Công ty TNHH Thời Đại Mới Sơn Hà số %u", i + 1);
      s->name_ko = i % 5 == 0 ? g_strdup_printf ("현대정밀 비나 %u", i + 1) : NULL;
      s->province_code = g_strdup ("01");
      s->province_vi = g_strdup ("Hà Nội");
      s->province_ko = g_strdup ("하노이");
      s->sector = i % 2 == 0 ? VT_SECTOR_AUTOMOTIVE : VT_SECTOR_ELECTRICAL_ELECTRONIC;
      s->stage = i < selected ? VT_STAGE_SELECTED : VT_STAGE_SECOND_VISIT_DONE;
      s->latest = vt_assessment_new (s->uuid, 1);
      s->latest->readiness = 95.0 - i * 0.4;
      s->band = s->latest->readiness >= 70 ? VT_READINESS_BAND_READY
                : s->latest->readiness >= 50 ? VT_READINESS_BAND_CONDITIONAL : VT_READINESS_BAND_NOT_READY;
      g_ptr_array_add (stats->suppliers, s);
    }
  return stats;
}
