/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-store.h: the one interface the application uses for its data.
 *
 * Every call that touches the database runs on the store's own worker
 * thread, which owns the connection; results come back to the main
 * context that was the thread-default when the call was made. The _sync
 * variants block until the worker is done: use them from the command line,
 * tests and other threads, never from the UI thread.
 *
 * Behind the store is a VtBackend (vt-backend.h): SQLite now, PostgreSQL
 * later, with no change to this interface.
 */
#pragma once

#include <gio/gio.h>

#include "vt-assessment.h"
#include "vt-attachment.h"
#include "vt-audit.h"
#include "vt-backend.h"
#include "vt-criteria.h"
#include "vt-improvement-action.h"
#include "vt-enums.h"
#include "vt-error.h"
#include "vt-import.h"
#include "vt-person.h"
#include "vt-readiness.h"
#include "vt-round.h"
#include "vt-round-stats.h"
#include "vt-stage.h"
#include "vt-supplier.h"
#include "vt-supplier-query.h"
#include "vt-supplier-summary.h"
#include "vt-types.h"
#include "vt-visit.h"

G_BEGIN_DECLS

#define VT_TYPE_STORE (vt_store_get_type ())

G_DECLARE_FINAL_TYPE (VtStore, vt_store, VT, STORE, GObject)

char           *vt_store_default_path                 (void);

void            vt_store_open_async                   (const char             *path,
                                                       VtStoreOpenFlags        flags,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
VtStore        *vt_store_open_finish                  (GAsyncResult           *result,
                                                       GError                **error);
VtStore        *vt_store_open_sync                    (const char             *path,
                                                       VtStoreOpenFlags        flags,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

void            vt_store_open_server_async            (const char             *conninfo,
                                                       VtStoreOpenFlags        flags,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
VtStore        *vt_store_open_server_sync             (const char             *conninfo,
                                                       VtStoreOpenFlags        flags,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
gboolean        vt_store_is_server                    (VtStore                *self);

gboolean        vt_store_is_read_only                 (VtStore                *self);
const char     *vt_store_get_path                     (VtStore                *self);
int             vt_store_get_schema_version           (VtStore                *self);
const char     *vt_store_get_journal_mode             (VtStore                *self);
void            vt_store_set_actor                    (VtStore                *self,
                                                       const char             *actor);
char           *vt_store_dup_actor                    (VtStore                *self);
void            vt_store_set_busy_timeout             (VtStore                *self,
                                                       int                     milliseconds);

void            vt_store_verify_async                 (VtStore                *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean        vt_store_verify_finish                (VtStore                *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
gboolean        vt_store_verify_sync                  (VtStore                *self,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

void            vt_store_check_async                  (VtStore                *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
char           *vt_store_check_finish                 (VtStore                *self,
                                                       GAsyncResult           *result,
                                                       gboolean               *healthy,
                                                       GError                **error);
char           *vt_store_check_sync                   (VtStore                *self,
                                                       gboolean               *healthy,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

void           vt_store_count_async                  (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtStoreCounts  *vt_store_count_finish                (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtStoreCounts  *vt_store_count_sync                  (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_count_stages_async           (VtStore                *self,
                                                      gint64                 round_id,
                                                      gboolean               reached,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GArray         *vt_store_count_stages_finish         (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GArray         *vt_store_count_stages_sync           (VtStore                *self,
                                                      gint64                 round_id,
                                                      gboolean               reached,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_round_stats_async        (VtStore                *self,
                                                      gint64                  round_id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
VtRoundStats   *vt_store_get_round_stats_finish      (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
VtRoundStats   *vt_store_get_round_stats_sync        (VtStore                *self,
                                                      gint64                  round_id,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void           vt_store_get_supplier_stats_async     (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
VtSupplierStats *vt_store_get_supplier_stats_finish  (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
VtSupplierStats *vt_store_get_supplier_stats_sync    (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void           vt_store_list_provinces_async         (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_provinces_finish       (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_provinces_sync         (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_certifications_async    (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GStrv          vt_store_list_certifications_finish   (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GStrv          vt_store_list_certifications_sync     (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_query_suppliers_async        (VtStore                *self,
                                                      const VtSupplierQuery  *query,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtSupplierPage *vt_store_query_suppliers_finish      (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtSupplierPage *vt_store_query_suppliers_sync        (VtStore                *self,
                                                      const VtSupplierQuery  *query,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_supplier_async           (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtSupplier     *vt_store_get_supplier_finish         (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtSupplier     *vt_store_get_supplier_sync           (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_supplier_async          (VtStore                *self,
                                                      VtSupplier             *supplier,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_supplier_finish         (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_supplier_sync           (VtStore                *self,
                                                      VtSupplier             *supplier,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_delete_supplier_async        (VtStore                *self,
                                                      const char             *uuid,
                                                      gint64                 version,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_delete_supplier_finish       (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_delete_supplier_sync         (VtStore                *self,
                                                      const char             *uuid,
                                                      gint64                 version,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_move_stage_async             (VtStore                *self,
                                                      const char             *uuid,
                                                      gint64                 round_id,
                                                      VtStage                stage,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_move_stage_finish            (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_move_stage_sync              (VtStore                *self,
                                                      const char             *uuid,
                                                      gint64                 round_id,
                                                      VtStage                stage,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_move_stages_async            (VtStore                *self,
                                                      const char * const     *uuids,
                                                      gint64                 round_id,
                                                      VtStage                stage,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_move_stages_finish           (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_move_stages_sync             (VtStore                *self,
                                                      const char * const     *uuids,
                                                      gint64                 round_id,
                                                      VtStage                stage,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_stage_history_async     (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_stage_history_finish   (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_stage_history_sync     (VtStore                *self,
                                                      const char             *uuid,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_rounds_async            (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_rounds_finish          (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_rounds_sync            (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_round_async             (VtStore                *self,
                                                      VtRound                *round,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_round_finish            (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_round_sync              (VtStore                *self,
                                                      VtRound                *round,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_close_round_async            (VtStore                *self,
                                                      gint64                 id,
                                                      gint64                 version,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_close_round_finish           (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_close_round_sync             (VtStore                *self,
                                                      gint64                 id,
                                                      gint64                 version,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_set_current_round_async      (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_set_current_round_finish     (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_set_current_round_sync       (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_people_async            (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_people_finish          (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_people_sync            (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_person_async            (VtStore                *self,
                                                      VtPerson               *person,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_person_finish           (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_person_sync             (VtStore                *self,
                                                      VtPerson               *person,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_visits_async            (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GDateTime              *from,
                                                      GDateTime              *to,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_visits_finish          (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_visits_sync            (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GDateTime              *from,
                                                      GDateTime              *to,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_visit_async              (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtVisit        *vt_store_get_visit_finish            (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtVisit        *vt_store_get_visit_sync              (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_visit_async             (VtStore                *self,
                                                      VtVisit                *visit,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_visit_finish            (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_visit_sync              (VtStore                *self,
                                                      VtVisit                *visit,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_visit_by_uid_async       (VtStore                *self,
                                                      const char             *uid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
VtVisit        *vt_store_get_visit_by_uid_finish     (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
VtVisit        *vt_store_get_visit_by_uid_sync       (VtStore                *self,
                                                      const char             *uid,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void           vt_store_import_visits_async          (VtStore                *self,
                                                      GPtrArray              *visits,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gboolean       vt_store_import_visits_finish         (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
gboolean       vt_store_import_visits_sync           (VtStore                *self,
                                                      GPtrArray              *visits,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void           vt_store_list_criterion_sets_async    (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_criterion_sets_finish  (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_criterion_sets_sync    (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_criterion_set_async      (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtCriterionSet *vt_store_get_criterion_set_finish    (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtCriterionSet *vt_store_get_criterion_set_sync      (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_criterion_set_async     (VtStore                *self,
                                                      VtCriterionSet         *set,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_criterion_set_finish    (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_criterion_set_sync      (VtStore                *self,
                                                      VtCriterionSet         *set,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_set_default_criterion_set_async  (VtStore             *self,
                                                          gint64               id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean       vt_store_set_default_criterion_set_finish (VtStore             *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
gboolean       vt_store_set_default_criterion_set_sync   (VtStore             *self,
                                                          gint64               id,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void           vt_store_list_assessments_async       (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_assessments_finish     (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_assessments_sync       (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_improvement_actions_async  (VtStore             *self,
                                                         const char          *supplier_uuid,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray      *vt_store_list_improvement_actions_finish (VtStore             *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
GPtrArray      *vt_store_list_improvement_actions_sync   (VtStore             *self,
                                                         const char          *supplier_uuid,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
void           vt_store_get_assessment_async         (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtAssessment   *vt_store_get_assessment_finish       (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtAssessment   *vt_store_get_assessment_sync         (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_save_assessment_async        (VtStore                *self,
                                                      VtAssessment           *assessment,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_save_assessment_finish       (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_save_assessment_sync         (VtStore                *self,
                                                      VtAssessment           *assessment,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_attachments_async       (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_attachments_finish     (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_attachments_sync       (VtStore                *self,
                                                      const char             *supplier_uuid,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_get_attachment_async         (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
VtAttachment   *vt_store_get_attachment_finish       (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
VtAttachment   *vt_store_get_attachment_sync         (VtStore                *self,
                                                      gint64                 id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_add_attachment_async         (VtStore                *self,
                                                      VtAttachment           *attachment,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_add_attachment_finish        (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_add_attachment_sync          (VtStore                *self,
                                                      VtAttachment           *attachment,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_delete_async                 (VtStore                *self,
                                                      VtRecordKind           kind,
                                                      gint64                 id,
                                                      gint64                 version,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_delete_finish                (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_delete_sync                  (VtStore                *self,
                                                      VtRecordKind           kind,
                                                      gint64                 id,
                                                      gint64                 version,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_list_audit_async             (VtStore                *self,
                                                      const char             *entity,
                                                      const char             *entity_id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray      *vt_store_list_audit_finish           (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
GPtrArray      *vt_store_list_audit_sync             (VtStore                *self,
                                                      const char             *entity,
                                                      const char             *entity_id,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_backup_async                 (VtStore                *self,
                                                      const char             *path,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_backup_finish                (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
void           vt_store_restore_async                (VtStore                *self,
                                                      const char             *path,
                                                      const char             *safety_path,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gboolean       vt_store_restore_finish               (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
gboolean       vt_store_restore_sync                 (VtStore                *self,
                                                      const char             *path,
                                                      const char             *safety_path,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
void           vt_store_back_up_daily_async          (VtStore                *self,
                                                      const char             *dir,
                                                      guint                   keep,
                                                      GDateTime              *now,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
char          *vt_store_back_up_daily_finish         (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
char          *vt_store_back_up_daily_sync           (VtStore                *self,
                                                      const char             *dir,
                                                      guint                   keep,
                                                      GDateTime              *now,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
gboolean       vt_store_backup_sync                  (VtStore                *self,
                                                      const char             *path,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);
void           vt_store_load_sample_data_async       (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean       vt_store_load_sample_data_finish      (VtStore                *self,
                                                      GAsyncResult           *result,
                                                      GError                 **error);
gboolean       vt_store_load_sample_data_sync        (VtStore                *self,
                                                      GCancellable           *cancellable,
                                                      GError                 **error);

void            vt_store_import_suppliers_async       (VtStore                *self,
                                                       VtImportBatch          *batch,
                                                       VtDuplicatePolicy       policy,
                                                       gboolean                all_or_nothing,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
VtImportSummary *vt_store_import_suppliers_finish     (VtStore                *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
VtImportSummary *vt_store_import_suppliers_sync       (VtStore                *self,
                                                       VtImportBatch          *batch,
                                                       VtDuplicatePolicy       policy,
                                                       gboolean                all_or_nothing,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
void            vt_store_count_import_matches_async   (VtStore                *self,
                                                       VtImportBatch          *batch,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
VtImportMatches *vt_store_count_import_matches_finish (VtStore                *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
VtImportMatches *vt_store_count_import_matches_sync   (VtStore                *self,
                                                       VtImportBatch          *batch,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
void            vt_store_export_suppliers_async       (VtStore                *self,
                                                       const VtSupplierQuery  *query,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
GPtrArray      *vt_store_export_suppliers_finish      (VtStore                *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
GPtrArray      *vt_store_export_suppliers_sync        (VtStore                *self,
                                                       const VtSupplierQuery  *query,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

G_END_DECLS
