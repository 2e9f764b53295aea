/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-backend.c: the storage backend interface. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-backend.h"
#include "vt-error.h"

G_DEFINE_INTERFACE (VtBackend, vt_backend, G_TYPE_OBJECT)

static void
vt_backend_default_init (VtBackendInterface *iface)
{
}

VtStoreCounts *
vt_store_counts_copy (const VtStoreCounts *counts)
{
  return g_memdup2 (counts, sizeof *counts);
}

void
vt_store_counts_free (VtStoreCounts *counts)
{
  g_free (counts);
}

G_DEFINE_BOXED_TYPE (VtStoreCounts, vt_store_counts, vt_store_counts_copy, vt_store_counts_free)

gboolean
vt_backend_is_read_only (VtBackend *self)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->is_read_only (self);
}

int
vt_backend_get_schema_version (VtBackend *self)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), 0);

  return VT_BACKEND_GET_IFACE (self)->get_schema_version (self);
}

void
vt_backend_set_actor (VtBackend *self,
                      const char *actor)
{
  g_return_if_fail (VT_IS_BACKEND (self));

  VT_BACKEND_GET_IFACE (self)->set_actor (self, actor);
}

gboolean
vt_backend_begin (VtBackend *self,
                  GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->begin (self, error);
}

gboolean
vt_backend_commit (VtBackend *self,
                   GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->commit (self, error);
}

void
vt_backend_rollback (VtBackend *self)
{
  g_return_if_fail (VT_IS_BACKEND (self));

  VT_BACKEND_GET_IFACE (self)->rollback (self);
}

VtStoreCounts *
vt_backend_count (VtBackend *self,
                  GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->count (self, error);
}

GArray *
vt_backend_count_stages (VtBackend *self,
                         gint64 round_id,
                         gboolean reached,
                         GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->count_stages (self, round_id, reached, error);
}

/**
 * vt_backend_list_round_suppliers:
 *
 * Returns: (element-type VtRoundSupplier): the suppliers of @round_id,
 *   each with its latest assessment; their bands are left for the caller
 *   (vt_round_stats_load())
 */
GPtrArray *
vt_backend_list_round_suppliers (VtBackend  *self,
                                 gint64      round_id,
                                 GError    **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_round_suppliers (self, round_id, error);
}

/**
 * vt_backend_count_visit_months:
 *
 * Returns: (element-type VtVisitMonth): visits of @round_id (0: all) per
 *   month and kind, earliest first, cancelled ones left out
 */
GArray *
vt_backend_count_visit_months (VtBackend  *self,
                               gint64      round_id,
                               GError    **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->count_visit_months (self, round_id, error);
}

GPtrArray *
vt_backend_list_provinces (VtBackend *self,
                           GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_provinces (self, error);
}

/**
 * vt_backend_list_certifications:
 *
 * Returns: (transfer full): the standards that suppliers hold certificates
 *   for, each once, in alphabetical order
 */
GStrv
vt_backend_list_certifications (VtBackend  *self,
                                GError    **error)
{
  VtBackendInterface *iface;

  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  iface = VT_BACKEND_GET_IFACE (self);
  if (iface->list_certifications == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "This database cannot list certifications");
      return NULL;
    }
  return iface->list_certifications (self, error);
}

VtSupplierPage *
vt_backend_query_suppliers (VtBackend *self,
                            const VtSupplierQuery *query,
                            GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->query_suppliers (self, query, error);
}

VtSupplier *
vt_backend_get_supplier (VtBackend *self,
                         const char *uuid,
                         GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->get_supplier (self, uuid, error);
}

gboolean
vt_backend_save_supplier (VtBackend *self,
                          VtSupplier *supplier,
                          GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_supplier (self, supplier, error);
}

gboolean
vt_backend_delete_supplier (VtBackend *self,
                            const char *uuid,
                            gint64 version,
                            GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->delete_supplier (self, uuid, version, error);
}

gboolean
vt_backend_move_stage (VtBackend *self,
                       const char *uuid,
                       gint64 round_id,
                       VtStage to,
                       const char *reason,
                       GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->move_stage (self, uuid, round_id, to, reason, error);
}

/**
 * vt_backend_move_stages:
 * @uuids: (array zero-terminated=1): the suppliers
 *
 * Moves every supplier in @uuids to @to in one transaction: if one move
 * is refused, none is made.
 */
gboolean
vt_backend_move_stages (VtBackend *self,
                        const char * const *uuids,
                        gint64 round_id,
                        VtStage to,
                        const char *reason,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (uuids != NULL, FALSE);

  return VT_BACKEND_GET_IFACE (self)->move_stages (self, uuids, round_id, to, reason, error);
}

GPtrArray *
vt_backend_list_stage_history (VtBackend *self,
                               const char *uuid,
                               GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_stage_history (self, uuid, error);
}

GPtrArray *
vt_backend_list_rounds (VtBackend *self,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_rounds (self, error);
}

gboolean
vt_backend_save_round (VtBackend *self,
                       VtRound *round,
                       GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_round (self, round, error);
}

/**
 * vt_backend_close_round:
 * @reason: why; required
 *
 * Closes a round: from then on its dossiers do not move and its targets
 * do not change. It stops being the current round.
 */
gboolean
vt_backend_close_round (VtBackend *self,
                        gint64 id,
                        gint64 version,
                        const char *reason,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->close_round (self, id, version, reason, error);
}

/**
 * vt_backend_set_current_round:
 *
 * Makes @id the one current round, for everyone using the database.
 */
gboolean
vt_backend_set_current_round (VtBackend *self,
                              gint64 id,
                              GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->set_current_round (self, id, error);
}

GPtrArray *
vt_backend_list_people (VtBackend *self,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_people (self, error);
}

gboolean
vt_backend_save_person (VtBackend *self,
                        VtPerson *person,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_person (self, person, error);
}

GPtrArray *
vt_backend_list_visits (VtBackend *self,
                        const char *supplier_uuid,
                        GDateTime *from,
                        GDateTime *to,
                        GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_visits (self, supplier_uuid, from, to, error);
}

VtVisit *
vt_backend_get_visit (VtBackend *self,
                      gint64 id,
                      GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->get_visit (self, id, error);
}

gboolean
vt_backend_save_visit (VtBackend *self,
                       VtVisit *visit,
                       GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_visit (self, visit, error);
}

/**
 * vt_backend_get_visit_by_uid:
 * @uid: a visit's uuid, or the iCalendar UID it was imported with
 */
VtVisit *
vt_backend_get_visit_by_uid (VtBackend   *self,
                             const char  *uid,
                             GError     **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return VT_BACKEND_GET_IFACE (self)->get_visit_by_uid (self, uid, error);
}

/**
 * vt_backend_import_visits:
 * @visits: (element-type VtVisit): visits read from a file
 *
 * Saves all of @visits or none: a visit whose uuid or ical_uid is already
 * stored replaces that one, the others are added.
 */
gboolean
vt_backend_import_visits (VtBackend  *self,
                          GPtrArray  *visits,
                          GError    **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (visits != NULL, FALSE);

  return VT_BACKEND_GET_IFACE (self)->import_visits (self, visits, error);
}

GPtrArray *
vt_backend_list_criterion_sets (VtBackend *self,
                                GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_criterion_sets (self, error);
}

VtCriterionSet *
vt_backend_get_criterion_set (VtBackend *self,
                              gint64 id,
                              GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->get_criterion_set (self, id, error);
}

gboolean
vt_backend_save_criterion_set (VtBackend *self,
                               VtCriterionSet *set,
                               GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_criterion_set (self, set, error);
}

/* Makes the version @id the one new assessments use. */
gboolean
vt_backend_set_default_criterion_set (VtBackend  *self,
                                      gint64      id,
                                      GError    **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return VT_BACKEND_GET_IFACE (self)->set_default_criterion_set (self, id, error);
}

GPtrArray *
vt_backend_list_assessments (VtBackend *self,
                             const char *supplier_uuid,
                             GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_assessments (self, supplier_uuid, error);
}

/**
 * vt_backend_list_improvement_actions:
 *
 * Returns: (transfer full) (element-type VtImprovementAction): every
 *   improvement action agreed at the supplier's assessments, oldest first
 */
GPtrArray *
vt_backend_list_improvement_actions (VtBackend   *self,
                                     const char  *supplier_uuid,
                                     GError     **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);
  g_return_val_if_fail (supplier_uuid != NULL, NULL);

  return VT_BACKEND_GET_IFACE (self)->list_improvement_actions (self, supplier_uuid, error);
}

VtAssessment *
vt_backend_get_assessment (VtBackend *self,
                           gint64 id,
                           GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->get_assessment (self, id, error);
}

gboolean
vt_backend_save_assessment (VtBackend *self,
                            VtAssessment *assessment,
                            GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->save_assessment (self, assessment, error);
}

GPtrArray *
vt_backend_list_attachments (VtBackend *self,
                             const char *supplier_uuid,
                             GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_attachments (self, supplier_uuid, error);
}

VtAttachment *
vt_backend_get_attachment (VtBackend *self,
                           gint64 id,
                           GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->get_attachment (self, id, error);
}

gboolean
vt_backend_add_attachment (VtBackend *self,
                           VtAttachment *attachment,
                           GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->add_attachment (self, attachment, error);
}

gboolean
vt_backend_delete_record (VtBackend *self,
                          VtRecordKind kind,
                          gint64 id,
                          gint64 version,
                          GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->delete_record (self, kind, id, version, error);
}

GPtrArray *
vt_backend_list_audit (VtBackend *self,
                       const char *entity,
                       const char *entity_id,
                       GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->list_audit (self, entity, entity_id, error);
}

gboolean
vt_backend_backup (VtBackend *self,
                   const char *path,
                   GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->backup (self, path, cancellable, error);
}

/**
 * vt_backend_restore:
 * @path: the backup to restore
 * @safety_path: (nullable): where to copy the current data first, so
 *   that the restore can be undone
 *
 * Checks the backup, then replaces the whole database with it at once.
 * On failure the current data is untouched.
 */
gboolean
vt_backend_restore (VtBackend    *self,
                    const char   *path,
                    const char   *safety_path,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  if (VT_BACKEND_GET_IFACE (self)->restore == NULL)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                           _("This kind of database cannot be restored from a backup file by the app. Ask the administrator of the server."));
      return FALSE;
    }
  return VT_BACKEND_GET_IFACE (self)->restore (self, path, safety_path, cancellable, error);
}

gboolean
vt_backend_check (VtBackend *self,
                  gboolean *healthy,
                  char **report,
                  GError **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), FALSE);

  return VT_BACKEND_GET_IFACE (self)->check (self, healthy, report, error);
}

/**
 * vt_backend_import_suppliers:
 * @batch: the suppliers that passed the checks, and the rows that did not
 * @policy: what to do with a supplier that is already there
 * @all_or_nothing: when %TRUE, any rejected row (in @batch or by the
 *   database) fails the whole import and nothing is written
 *
 * Writes the batch in one transaction. A duplicate is a supplier with the
 * same tax code, or, when one of the two has none, the same folded
 * Vietnamese name; rows earlier in the batch count.
 *
 * Returns: (transfer full) (nullable): what happened to each row
 */
VtImportSummary *
vt_backend_import_suppliers (VtBackend          *self,
                             VtImportBatch      *batch,
                             VtDuplicatePolicy   policy,
                             gboolean            all_or_nothing,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->import_suppliers (self, batch, policy, all_or_nothing,
                                                        cancellable, error);
}

/**
 * vt_backend_count_import_matches:
 * @batch: the suppliers that passed the checks
 *
 * Counts the rows of @batch that vt_backend_import_suppliers() would
 * treat as duplicates, so that people can choose the policy knowing how
 * many rows it concerns. Writes nothing.
 *
 * Returns: (transfer full) (nullable): the counts; free with g_free()
 */
VtImportMatches *
vt_backend_count_import_matches (VtBackend      *self,
                                 VtImportBatch  *batch,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  if (VT_BACKEND_GET_IFACE (self)->count_import_matches == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This database cannot count the suppliers a file repeats."));
      return NULL;
    }
  return VT_BACKEND_GET_IFACE (self)->count_import_matches (self, batch, cancellable, error);
}

/**
 * vt_backend_export_suppliers:
 * @query: the list's query; its page size and cursor are ignored
 *
 * Returns: (transfer full) (element-type VtSupplier): every supplier the
 *   query matches, complete, in the query's order
 */
GPtrArray *
vt_backend_export_suppliers (VtBackend              *self,
                             const VtSupplierQuery  *query,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_return_val_if_fail (VT_IS_BACKEND (self), NULL);

  return VT_BACKEND_GET_IFACE (self)->export_suppliers (self, query, cancellable, error);
}
