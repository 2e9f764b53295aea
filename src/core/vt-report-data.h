/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-data.h: what a printed report needs, read in one go.
 *
 * A report is laid out from plain records gathered through the store
 * before anything is drawn, on a worker thread: printing never waits on
 * the database, and a report shows one consistent moment.
 */
#pragma once

#include <gio/gio.h>

#include "vt-store.h"

G_BEGIN_DECLS

/**
 * VtSupplierReportData:
 * @history: (element-type VtStageChange): earliest first
 * @visits: (element-type VtVisit): earliest first
 * @people: (element-type VtPerson): everyone on the books, to name
 *   participants
 * @provinces: (element-type VtProvince)
 */
typedef struct
{
  VtSupplier      *supplier;
  GPtrArray       *history;
  VtSupplierStats *stats;
  GPtrArray       *visits;
  GPtrArray       *people;
  GPtrArray       *provinces;
} VtSupplierReportData;

/**
 * VtWeekReportData:
 * @monday: the first day of the week (Asia/Ho_Chi_Minh)
 * @visits: (element-type VtVisit): the visits starting in the week,
 *   earliest first
 */
typedef struct
{
  GDate      monday;
  GPtrArray *visits;
  GPtrArray *people;
  GPtrArray *provinces;
} VtWeekReportData;

void                  vt_supplier_report_data_free       (VtSupplierReportData *data);
VtSupplierReportData *vt_supplier_report_data_load       (VtStore              *store,
                                                          const char           *uuid,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                  vt_supplier_report_data_load_async (VtStore              *store,
                                                          const char           *uuid,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
VtSupplierReportData *vt_supplier_report_data_load_finish (GAsyncResult        *result,
                                                          GError              **error);

void                  vt_week_report_data_free           (VtWeekReportData     *data);
VtWeekReportData     *vt_week_report_data_load           (VtStore              *store,
                                                          const GDate          *day,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                  vt_week_report_data_load_async     (VtStore              *store,
                                                          const GDate          *day,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
VtWeekReportData     *vt_week_report_data_load_finish    (GAsyncResult         *result,
                                                          GError              **error);

void                  vt_round_report_data_load_async    (VtStore              *store,
                                                          gint64                round_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
VtRoundStats         *vt_round_report_data_load_finish   (GAsyncResult         *result,
                                                          GError              **error);
VtRoundStats         *vt_round_report_data_load          (VtStore              *store,
                                                          gint64                round_id,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

const VtPerson       *vt_report_data_find_person         (GPtrArray            *people,
                                                          gint64                id);
const VtProvince     *vt_report_data_find_province       (GPtrArray            *provinces,
                                                          const char           *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSupplierReportData, vt_supplier_report_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtWeekReportData, vt_week_report_data_free)

G_END_DECLS
