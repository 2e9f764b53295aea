/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-backend.h: what a storage backend implements.
 *
 * Synchronous and single-threaded: VtStore calls a backend only from its
 * own worker thread, so a backend owns one connection and needs no locks.
 * The SQLite backend implements it now; a PostgreSQL backend can later
 * implement the same methods without changes above VtStore.
 *
 * Every method that changes data runs in one transaction (nested inside
 * begin()/commit() when the caller opened one), checks the row version it
 * is given (VT_STORE_ERROR_CONFLICT when stale), and writes audit rows
 * under the current actor.
 */
#pragma once

#include <gio/gio.h>

#include "vt-import.h"
#include "vt-stage.h"
#include "vt-types.h"

G_BEGIN_DECLS

/**
 * VtStoreCounts:
 * How many of each there are, for the first-run screen and --counts.
 */
struct _VtStoreCounts
{
  guint64 suppliers;
  guint64 rounds;
  guint64 visits;
  guint64 assessments;
  guint64 people;
};

GType          vt_store_counts_get_type (void) G_GNUC_CONST;
VtStoreCounts *vt_store_counts_copy     (const VtStoreCounts *counts);
void           vt_store_counts_free     (VtStoreCounts       *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtStoreCounts, vt_store_counts_free)

/**
 * VtStoreOpenFlags:
 * @VT_STORE_OPEN_CREATE: create the database when the file does not exist
 * @VT_STORE_OPEN_READ_ONLY: never write, even when the file is writable
 */
typedef enum /*< flags >*/
{
  VT_STORE_OPEN_NONE = 0,
  VT_STORE_OPEN_CREATE = 1 << 0,
  VT_STORE_OPEN_READ_ONLY = 1 << 1,
} VtStoreOpenFlags;

/* Records deleted through vt_backend_delete_record(). */
typedef enum
{
  VT_RECORD_ROUND,
  VT_RECORD_PERSON,
  VT_RECORD_VISIT,
  VT_RECORD_CRITERION_SET,
  VT_RECORD_ASSESSMENT,
  VT_RECORD_ATTACHMENT,
} VtRecordKind;

#define VT_TYPE_BACKEND (vt_backend_get_type ())

G_DECLARE_INTERFACE (VtBackend, vt_backend, VT, BACKEND, GObject)

struct _VtBackendInterface
{
  GTypeInterface parent_iface;

  gboolean        (*is_read_only)        (VtBackend              *self);
  int             (*get_schema_version)  (VtBackend              *self);
  void            (*set_actor)           (VtBackend              *self,
                                          const char             *actor);
  gboolean        (*begin)               (VtBackend              *self,
                                          GError                **error);
  gboolean        (*commit)              (VtBackend              *self,
                                          GError                **error);
  void            (*rollback)            (VtBackend              *self);

  VtStoreCounts  *(*count)               (VtBackend              *self,
                                          GError                **error);
  GArray         *(*count_stages)        (VtBackend              *self,
                                          gint64                  round_id,
                                          gboolean                reached,
                                          GError                **error);
  GPtrArray      *(*list_provinces)      (VtBackend              *self,
                                          GError                **error);
  GStrv           (*list_certifications) (VtBackend              *self,
                                          GError                **error);
  GPtrArray      *(*list_round_suppliers) (VtBackend             *self,
                                          gint64                  round_id,
                                          GError                **error);
  GArray         *(*count_visit_months)  (VtBackend              *self,
                                          gint64                  round_id,
                                          GError                **error);

  VtSupplierPage *(*query_suppliers)     (VtBackend              *self,
                                          const VtSupplierQuery  *query,
                                          GError                **error);
  VtSupplier     *(*get_supplier)        (VtBackend              *self,
                                          const char             *uuid,
                                          GError                **error);
  gboolean        (*save_supplier)       (VtBackend              *self,
                                          VtSupplier             *supplier,
                                          GError                **error);
  gboolean        (*delete_supplier)     (VtBackend              *self,
                                          const char             *uuid,
                                          gint64                  version,
                                          GError                **error);
  gboolean        (*move_stage)          (VtBackend              *self,
                                          const char             *uuid,
                                          gint64                  round_id,
                                          VtStage                 to,
                                          const char             *reason,
                                          GError                **error);
  gboolean        (*move_stages)         (VtBackend              *self,
                                          const char * const     *uuids,
                                          gint64                  round_id,
                                          VtStage                 to,
                                          const char             *reason,
                                          GError                **error);
  GPtrArray      *(*list_stage_history)  (VtBackend              *self,
                                          const char             *uuid,
                                          GError                **error);

  GPtrArray      *(*list_rounds)         (VtBackend              *self,
                                          GError                **error);
  gboolean        (*save_round)          (VtBackend              *self,
                                          VtRound                *round,
                                          GError                **error);
  gboolean        (*close_round)         (VtBackend              *self,
                                          gint64                  id,
                                          gint64                  version,
                                          const char             *reason,
                                          GError                **error);
  gboolean        (*set_current_round)   (VtBackend              *self,
                                          gint64                  id,
                                          GError                **error);
  GPtrArray      *(*list_people)         (VtBackend              *self,
                                          GError                **error);
  gboolean        (*save_person)         (VtBackend              *self,
                                          VtPerson               *person,
                                          GError                **error);
  GPtrArray      *(*list_visits)         (VtBackend              *self,
                                          const char             *supplier_uuid,
                                          GDateTime              *from,
                                          GDateTime              *to,
                                          GError                **error);
  VtVisit        *(*get_visit)           (VtBackend              *self,
                                          gint64                  id,
                                          GError                **error);
  gboolean        (*save_visit)          (VtBackend              *self,
                                          VtVisit                *visit,
                                          GError                **error);
  VtVisit        *(*get_visit_by_uid)    (VtBackend              *self,
                                          const char             *uid,
                                          GError                **error);
  gboolean        (*import_visits)       (VtBackend              *self,
                                          GPtrArray              *visits,
                                          GError                **error);
  GPtrArray      *(*list_criterion_sets) (VtBackend              *self,
                                          GError                **error);
  VtCriterionSet *(*get_criterion_set)   (VtBackend              *self,
                                          gint64                  id,
                                          GError                **error);
  gboolean        (*save_criterion_set)  (VtBackend              *self,
                                          VtCriterionSet         *set,
                                          GError                **error);
  gboolean        (*set_default_criterion_set) (VtBackend        *self,
                                                gint64            id,
                                                GError          **error);
  GPtrArray      *(*list_assessments)    (VtBackend              *self,
                                          const char             *supplier_uuid,
                                          GError                **error);
  VtAssessment   *(*get_assessment)      (VtBackend              *self,
                                          gint64                  id,
                                          GError                **error);
  gboolean        (*save_assessment)     (VtBackend              *self,
                                          VtAssessment           *assessment,
                                          GError                **error);
  GPtrArray      *(*list_improvement_actions) (VtBackend         *self,
                                               const char        *supplier_uuid,
                                               GError           **error);
  GPtrArray      *(*list_attachments)    (VtBackend              *self,
                                          const char             *supplier_uuid,
                                          GError                **error);
  VtAttachment   *(*get_attachment)      (VtBackend              *self,
                                          gint64                  id,
                                          GError                **error);
  gboolean        (*add_attachment)      (VtBackend              *self,
                                          VtAttachment           *attachment,
                                          GError                **error);
  gboolean        (*delete_record)       (VtBackend              *self,
                                          VtRecordKind            kind,
                                          gint64                  id,
                                          gint64                  version,
                                          GError                **error);
  GPtrArray      *(*list_audit)          (VtBackend              *self,
                                          const char             *entity,
                                          const char             *entity_id,
                                          GError                **error);
  gboolean        (*backup)              (VtBackend              *self,
                                          const char             *path,
                                          GCancellable           *cancellable,
                                          GError                **error);
  gboolean        (*check)               (VtBackend              *self,
                                          gboolean               *healthy,
                                          char                  **report,
                                          GError                **error);
  VtImportSummary *(*import_suppliers)   (VtBackend              *self,
                                          VtImportBatch          *batch,
                                          VtDuplicatePolicy       policy,
                                          gboolean                all_or_nothing,
                                          GCancellable           *cancellable,
                                          GError                **error);
  GPtrArray      *(*export_suppliers)    (VtBackend              *self,
                                          const VtSupplierQuery  *query,
                                          GCancellable           *cancellable,
                                          GError                **error);
  /* Replaces every record with those of a backup; %NULL when the
   * backend cannot (vt_backend_restore() then says so). */
  gboolean        (*restore)             (VtBackend              *self,
                                          const char             *path,
                                          const char             *safety_path,
                                          GCancellable           *cancellable,
                                          GError                **error);
  VtImportMatches *(*count_import_matches) (VtBackend            *self,
                                            VtImportBatch        *batch,
                                            GCancellable         *cancellable,
                                            GError              **error);
};

gboolean        vt_backend_is_read_only        (VtBackend              *self);
VtImportSummary *vt_backend_import_suppliers   (VtBackend              *self,
                                                VtImportBatch          *batch,
                                                VtDuplicatePolicy       policy,
                                                gboolean                all_or_nothing,
                                                GCancellable           *cancellable,
                                                GError                **error);
GPtrArray      *vt_backend_export_suppliers    (VtBackend              *self,
                                                const VtSupplierQuery  *query,
                                                GCancellable           *cancellable,
                                                GError                **error);
VtImportMatches *vt_backend_count_import_matches (VtBackend            *self,
                                                  VtImportBatch        *batch,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
int             vt_backend_get_schema_version  (VtBackend              *self);
void            vt_backend_set_actor           (VtBackend              *self,
                                                const char             *actor);
gboolean        vt_backend_begin               (VtBackend              *self,
                                                GError                **error);
gboolean        vt_backend_commit              (VtBackend              *self,
                                                GError                **error);
void            vt_backend_rollback            (VtBackend              *self);
VtStoreCounts  *vt_backend_count               (VtBackend              *self,
                                                GError                **error);
GArray         *vt_backend_count_stages        (VtBackend              *self,
                                                gint64                  round_id,
                                                gboolean                reached,
                                                GError                **error);
GPtrArray      *vt_backend_list_provinces      (VtBackend              *self,
                                                GError                **error);
GStrv           vt_backend_list_certifications (VtBackend              *self,
                                                GError                **error);
GPtrArray      *vt_backend_list_round_suppliers (VtBackend             *self,
                                                gint64                  round_id,
                                                GError                **error);
GArray         *vt_backend_count_visit_months  (VtBackend              *self,
                                                gint64                  round_id,
                                                GError                **error);
VtSupplierPage *vt_backend_query_suppliers     (VtBackend              *self,
                                                const VtSupplierQuery  *query,
                                                GError                **error);
VtSupplier     *vt_backend_get_supplier        (VtBackend              *self,
                                                const char             *uuid,
                                                GError                **error);
gboolean        vt_backend_save_supplier       (VtBackend              *self,
                                                VtSupplier             *supplier,
                                                GError                **error);
gboolean        vt_backend_delete_supplier     (VtBackend              *self,
                                                const char             *uuid,
                                                gint64                  version,
                                                GError                **error);
gboolean        vt_backend_move_stage          (VtBackend              *self,
                                                const char             *uuid,
                                                gint64                  round_id,
                                                VtStage                 to,
                                                const char             *reason,
                                                GError                **error);
gboolean        vt_backend_move_stages         (VtBackend              *self,
                                                const char * const     *uuids,
                                                gint64                  round_id,
                                                VtStage                 to,
                                                const char             *reason,
                                                GError                **error);
GPtrArray      *vt_backend_list_stage_history  (VtBackend              *self,
                                                const char             *uuid,
                                                GError                **error);
GPtrArray      *vt_backend_list_rounds         (VtBackend              *self,
                                                GError                **error);
gboolean        vt_backend_save_round          (VtBackend              *self,
                                                VtRound                *round,
                                                GError                **error);
gboolean        vt_backend_close_round         (VtBackend              *self,
                                                gint64                  id,
                                                gint64                  version,
                                                const char             *reason,
                                                GError                **error);
gboolean        vt_backend_set_current_round   (VtBackend              *self,
                                                gint64                  id,
                                                GError                **error);
GPtrArray      *vt_backend_list_people         (VtBackend              *self,
                                                GError                **error);
gboolean        vt_backend_save_person         (VtBackend              *self,
                                                VtPerson               *person,
                                                GError                **error);
GPtrArray      *vt_backend_list_visits         (VtBackend              *self,
                                                const char             *supplier_uuid,
                                                GDateTime              *from,
                                                GDateTime              *to,
                                                GError                **error);
VtVisit        *vt_backend_get_visit           (VtBackend              *self,
                                                gint64                  id,
                                                GError                **error);
gboolean        vt_backend_save_visit          (VtBackend              *self,
                                                VtVisit                *visit,
                                                GError                **error);
VtVisit        *vt_backend_get_visit_by_uid    (VtBackend              *self,
                                                const char             *uid,
                                                GError                **error);
gboolean        vt_backend_import_visits       (VtBackend              *self,
                                                GPtrArray              *visits,
                                                GError                **error);
GPtrArray      *vt_backend_list_criterion_sets (VtBackend              *self,
                                                GError                **error);
VtCriterionSet *vt_backend_get_criterion_set   (VtBackend              *self,
                                                gint64                  id,
                                                GError                **error);
gboolean        vt_backend_save_criterion_set  (VtBackend              *self,
                                                VtCriterionSet         *set,
                                                GError                **error);
gboolean        vt_backend_set_default_criterion_set (VtBackend       *self,
                                                      gint64           id,
                                                      GError         **error);
GPtrArray      *vt_backend_list_assessments    (VtBackend              *self,
                                                const char             *supplier_uuid,
                                                GError                **error);
VtAssessment   *vt_backend_get_assessment      (VtBackend              *self,
                                                gint64                  id,
                                                GError                **error);
gboolean        vt_backend_save_assessment     (VtBackend              *self,
                                                VtAssessment           *assessment,
                                                GError                **error);
GPtrArray      *vt_backend_list_improvement_actions (VtBackend          *self,
                                                    const char         *supplier_uuid,
                                                    GError            **error);
GPtrArray      *vt_backend_list_attachments    (VtBackend              *self,
                                                const char             *supplier_uuid,
                                                GError                **error);
VtAttachment   *vt_backend_get_attachment      (VtBackend              *self,
                                                gint64                  id,
                                                GError                **error);
gboolean        vt_backend_add_attachment      (VtBackend              *self,
                                                VtAttachment           *attachment,
                                                GError                **error);
gboolean        vt_backend_delete_record       (VtBackend              *self,
                                                VtRecordKind            kind,
                                                gint64                  id,
                                                gint64                  version,
                                                GError                **error);
GPtrArray      *vt_backend_list_audit          (VtBackend              *self,
                                                const char             *entity,
                                                const char             *entity_id,
                                                GError                **error);
gboolean        vt_backend_backup              (VtBackend              *self,
                                                const char             *path,
                                                GCancellable           *cancellable,
                                                GError                **error);
gboolean        vt_backend_check               (VtBackend              *self,
                                                gboolean               *healthy,
                                                char                  **report,
                                                GError                **error);
gboolean        vt_backend_restore             (VtBackend              *self,
                                                const char             *path,
                                                const char             *safety_path,
                                                GCancellable           *cancellable,
                                                GError                **error);

G_END_DECLS
