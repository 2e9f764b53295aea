/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-data.c: the records behind printed reports, read through the
 * store on a worker thread. */

#define G_LOG_DOMAIN "vt-report-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-report-data.h"

void
vt_supplier_report_data_free (VtSupplierReportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->supplier, vt_supplier_unref);
  g_clear_pointer (&data->history, g_ptr_array_unref);
  g_clear_pointer (&data->stats, vt_supplier_stats_unref);
  g_clear_pointer (&data->visits, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_clear_pointer (&data->provinces, g_ptr_array_unref);
  g_free (data);
}

void
vt_week_report_data_free (VtWeekReportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->visits, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_clear_pointer (&data->provinces, g_ptr_array_unref);
  g_free (data);
}

/**
 * vt_supplier_report_data_load:
 *
 * Reads a supplier with its stage history, assessments, visits and the
 * people and provinces they name. Blocks: call it off the main thread.
 */
VtSupplierReportData *
vt_supplier_report_data_load (VtStore       *store,
                              const char    *uuid,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(VtSupplierReportData) data = g_new0 (VtSupplierReportData, 1);

  g_return_val_if_fail (VT_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((data->supplier = vt_store_get_supplier_sync (store, uuid, cancellable, error)) == NULL ||
      (data->history = vt_store_list_stage_history_sync (store, uuid, cancellable, error)) == NULL ||
      (data->stats = vt_store_get_supplier_stats_sync (store, uuid, cancellable, error)) == NULL ||
      (data->visits = vt_store_list_visits_sync (store, uuid, NULL, NULL, cancellable, error)) == NULL ||
      (data->people = vt_store_list_people_sync (store, cancellable, error)) == NULL ||
      (data->provinces = vt_store_list_provinces_sync (store, cancellable, error)) == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/**
 * vt_week_report_data_load:
 * @day: any day of the week
 *
 * Reads the visits of the week (Monday to Sunday, Asia/Ho_Chi_Minh) that
 * holds @day. Blocks: call it off the main thread.
 */
VtWeekReportData *
vt_week_report_data_load (VtStore       *store,
                          const GDate   *day,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(VtWeekReportData) data = g_new0 (VtWeekReportData, 1);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (zone == NULL)
    zone = g_time_zone_new_offset (7 * 3600);
  data->monday = *day;
  g_date_subtract_days (&data->monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  from = g_date_time_new (zone, g_date_get_year (&data->monday), g_date_get_month (&data->monday),
                          g_date_get_day (&data->monday), 0, 0, 0);
  to = g_date_time_add_days (from, 7);
  if ((data->visits = vt_store_list_visits_sync (store, NULL, from, to, cancellable, error)) == NULL ||
      (data->people = vt_store_list_people_sync (store, cancellable, error)) == NULL ||
      (data->provinces = vt_store_list_provinces_sync (store, cancellable, error)) == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/**
 * vt_round_report_data_load:
 * @round_id: the round, or 0 for the current one (else the latest)
 *
 * Blocks: call it off the main thread.
 */
VtRoundStats *
vt_round_report_data_load (VtStore       *store,
                           gint64         round_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (VT_IS_STORE (store), NULL);

  if (round_id <= 0)
    {
      g_autoptr(GPtrArray) rounds = vt_store_list_rounds_sync (store, cancellable, error);
      const VtRound *chosen = NULL;

      if (rounds == NULL)
        return NULL;
      for (guint i = 0; i < rounds->len; i++)
        {
          const VtRound *round = g_ptr_array_index (rounds, i);

          if (round->is_current || chosen == NULL || (!chosen->is_current && round->year > chosen->year))
            chosen = round;
          if (round->is_current)
            break;
        }
      if (chosen == NULL)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND, _("There is no round yet."));
          return NULL;
        }
      round_id = chosen->id;
    }
  return vt_store_get_round_stats_sync (store, round_id, cancellable, error);
}

typedef struct
{
  VtStore *store;
  char    *uuid;
  GDate    day;
  gint64   round_id;
} LoadArgs;

static void
load_args_free (LoadArgs *args)
{
  g_clear_object (&args->store);
  g_free (args->uuid);
  g_free (args);
}

static void
load_supplier_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadArgs *args = task_data;
  GError *error = NULL;
  VtSupplierReportData *data = vt_supplier_report_data_load (args->store, args->uuid, cancellable, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) vt_supplier_report_data_free);
}

static void
load_week_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadArgs *args = task_data;
  GError *error = NULL;
  VtWeekReportData *data = vt_week_report_data_load (args->store, &args->day, cancellable, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) vt_week_report_data_free);
}

static void
load_round_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadArgs *args = task_data;
  GError *error = NULL;
  VtRoundStats *stats = vt_round_report_data_load (args->store, args->round_id, cancellable, &error);

  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) vt_round_stats_unref);
}

/* The store's _sync calls wait for its own worker; a task thread waits
 * for them, so that the caller's main context never does. */
static void
run_load (VtStore             *store,
          LoadArgs            *args,
          gpointer             tag,
          GTaskThreadFunc      func,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  args->store = g_object_ref (store);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, args, (GDestroyNotify) load_args_free);
  g_task_run_in_thread (task, func);
}

void
vt_supplier_report_data_load_async (VtStore             *store,
                                    const char          *uuid,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoadArgs *args = g_new0 (LoadArgs, 1);

  g_return_if_fail (VT_IS_STORE (store));
  args->uuid = g_strdup (uuid);
  run_load (store, args, vt_supplier_report_data_load_async, load_supplier_thread, cancellable, callback, user_data);
}

VtSupplierReportData *
vt_supplier_report_data_load_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vt_week_report_data_load_async (VtStore             *store,
                                const GDate         *day,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LoadArgs *args = g_new0 (LoadArgs, 1);

  g_return_if_fail (VT_IS_STORE (store));
  args->day = *day;
  run_load (store, args, vt_week_report_data_load_async, load_week_thread, cancellable, callback, user_data);
}

VtWeekReportData *
vt_week_report_data_load_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vt_round_report_data_load_async (VtStore             *store,
                                 gint64               round_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LoadArgs *args = g_new0 (LoadArgs, 1);

  g_return_if_fail (VT_IS_STORE (store));
  args->round_id = round_id;
  run_load (store, args, vt_round_report_data_load_async, load_round_thread, cancellable, callback, user_data);
}

VtRoundStats *
vt_round_report_data_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const VtPerson *
vt_report_data_find_person (GPtrArray *people,
                            gint64     id)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const VtPerson *person = g_ptr_array_index (people, i);

      if (person->id == id)
        return person;
    }
  return NULL;
}

const VtProvince *
vt_report_data_find_province (GPtrArray  *provinces,
                              const char *code)
{
  for (guint i = 0; code != NULL && provinces != NULL && i < provinces->len; i++)
    {
      const VtProvince *province = g_ptr_array_index (provinces, i);

      if (g_strcmp0 (province->code, code) == 0 && g_strcmp0 (province->list_id, "2025") == 0)
        return province;
    }
  return NULL;
}
