/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-documents.h: the printed reports, from the store's records.
 *
 * The round report (funnel, ranking, finalists), the bilingual supplier
 * profile sheet and the week's visit plan, laid out as a VtReport. Names
 * stored in several languages are given in @language ("ko", "vi", "en");
 * the profile sheet's headings are in Korean and Vietnamese together.
 */
#pragma once

#include "vt-report.h"
#include "vt-report-data.h"
#include "vt-round-stats.h"

G_BEGIN_DECLS

/**
 * VtReportKind:
 * What the command line's --report names.
 */
typedef enum
{
  VT_REPORT_KIND_ROUND,
  VT_REPORT_KIND_SUPPLIER,
  VT_REPORT_KIND_WEEK,
} VtReportKind;

typedef struct
{
  VtReportKind kind;
  gint64       round_id;    /* 0: the current round */
  char        *supplier_uuid;
  GDate        day;
} VtReportSpec;

VtReport *vt_round_report_new       (const VtRoundStats         *stats,
                                     const char                 *language);
VtReport *vt_supplier_report_new    (const VtSupplierReportData *data,
                                     const char                 *language);
VtReport *vt_week_report_new        (const VtWeekReportData     *data,
                                     const char                 *language);
char     *vt_report_bilingual       (const char                 *msgid);

gboolean  vt_report_spec_parse      (VtReportSpec               *spec,
                                     const char                 *text,
                                     GError                    **error);
void      vt_report_spec_clear      (VtReportSpec               *spec);
VtReport *vt_report_load_sync       (VtStore                    *store,
                                     const VtReportSpec         *spec,
                                     const char                 *language,
                                     GCancellable               *cancellable,
                                     GError                    **error);
int       vt_report_command         (const char                 *database_path,
                                     const char                 *spec,
                                     const char                 *output,
                                     GError                    **error);

G_END_DECLS
