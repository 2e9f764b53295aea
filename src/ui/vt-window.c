/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "vt-backups-window.h"
#include "vt-criteria-window.h"
#include "vt-presentation-window.h"
#include "vt-export.h"
#include "vt-import-dialog.h"
#include "vt-readiness-page.h"
#include "vt-reports-page.h"
#include "vt-supplier-query.h"
#include "vt-store.h"
#include "vt-supplier-list.h"
#include "vt-supplier-profile.h"
#include "vt-timing.h"
#include "vt-visits-page.h"
#include "vt-window-state.h"
#include "vt-window.h"
#include "vt-format.h"

struct _VtWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkLabel             *suppliers_count_label;
  GtkLabel             *visits_count_label;
  GtkLabel             *assessments_count_label;
  AdwWindowTitle       *content_title;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *page_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  VtSupplierList       *supplier_list;
  GtkStack             *suppliers_stack;
  VtSupplierProfile    *supplier_profile;
  GtkWidget            *back_button;
  GtkWidget            *new_button;
  VtReadinessPage      *readiness_page;
  VtVisitsPage         *visits_page;
  VtReportsPage        *reports_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  VtStore              *store;
  VtLoadState           state;
  VtSectionCounts       counts;
  VtSection             section;
  GPtrArray            *pending_deletes;   /* PendingDelete */
  guint                 daily_backup_id;
  guint                 close_confirmed : 1;
};

/* A supplier deleted with Undo still possible. The store deletes it only
 * once the toast is gone, so that Undo never has to rebuild a supplier
 * with its history, visits, assessments and files: if the app stops
 * before then, the supplier is simply still there. */
typedef struct
{
  VtWindow *window;
  VtStore  *store;
  char     *uuid;
  gint64    version;
  gboolean  settled;
} PendingDelete;

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, ADW_TYPE_APPLICATION_WINDOW)

static void vt_window_open_database (VtWindow *self);

static void vt_window_start (VtWindow *self);

/* The profile stays open in the Suppliers section while another section
 * is shown; what is typed there is asked about on leaving it or on
 * closing the window, never lost. */
static gboolean
profile_is_open (VtWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->suppliers_stack), "profile") == 0;
}

static gboolean
profile_is_shown (VtWindow *self)
{
  return self->section == VT_SECTION_SUPPLIERS && profile_is_open (self);
}

static void
update_header (VtWindow *self)
{
  gboolean ready = self->state == VT_LOAD_READY;
  gboolean writable = ready && self->store != NULL && !vt_store_is_read_only (self->store);

  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) || profile_is_shown (self));
  gtk_widget_set_visible (self->new_button, self->section == VT_SECTION_SUPPLIERS && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-supplier", writable);

  if (profile_is_shown (self))
    {
      adw_window_title_set_title (self->content_title, vt_supplier_profile_get_title (self->supplier_profile));
      adw_window_title_set_subtitle (self->content_title, vt_section_get_title (self->section));
    }
  else
    {
      adw_window_title_set_title (self->content_title, vt_section_get_title (self->section));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
}

VtWindow *
vt_window_new (VtApplication *application)
{
  VtWindow *self = g_object_new (VT_TYPE_WINDOW,
                                 "application", application,
                                 NULL);

  /* GtkWindow:application is not a construct property, so the window
   * reads its settings only once it has one. */
  vt_window_start (self);
  return self;
}

/* The name of the page on screen, for tests and for restoring state. */
const char *
vt_window_get_visible_page (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/* The screen on show, for the help page that F1 opens (see vt-help.c). */
const char *
vt_window_get_help_screen (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  if (self->state == VT_LOAD_FAILED)
    return "error";

  switch (self->section)
    {
    case VT_SECTION_SUPPLIERS:
      if (profile_is_shown (self))
        return "profile";
      if (self->state == VT_LOAD_READY && vt_supplier_list_get_showing_board (self->supplier_list))
        return "pipeline";
      return "suppliers";
    case VT_SECTION_VISITS:
      return "visits";
    case VT_SECTION_READINESS:
      return "readiness";
    case VT_SECTION_REPORTS:
      return "reports";
    case VT_N_SECTIONS:
    default:
      break;
    }

  return NULL;
}

void
vt_window_show_toast (VtWindow   *self,
                      const char *message)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
set_count_label (GtkLabel *label,
                 gint64    count,
                 gboolean  known)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), known && count > 0);
  if (!known)
    return;

  text = vt_format_integer (NULL, count);
  gtk_label_set_label (label, text);
}

static void
update_page (VtWindow *self)
{
  const char *page = vt_section_page_for (self->section, self->state, &self->counts);
  gboolean ready = self->state == VT_LOAD_READY;

  gtk_spinner_set_spinning (self->spinner, self->state == VT_LOAD_OPENING);

  /* A new supplier is being written while there are none yet. */
  if (g_str_equal (page, "suppliers-empty") && profile_is_shown (self))
    page = "suppliers";

  if (g_str_equal (page, "suppliers"))
    {
      vt_supplier_list_set_store (self->supplier_list, self->store);
      vt_supplier_profile_set_store (self->supplier_profile, self->store);
    }
  else if (g_str_equal (page, "readiness"))
    vt_readiness_page_set_store (self->readiness_page, self->store);
  else if (g_str_equal (page, "visits"))
    vt_visits_page_set_store (self->visits_page, self->store);
  else if (g_str_equal (page, "reports"))
    vt_reports_page_set_store (self->reports_page, self->store);

  gtk_stack_set_visible_child_name (self->page_stack, page);

  set_count_label (self->suppliers_count_label, self->counts.suppliers, ready);
  set_count_label (self->visits_count_label, self->counts.visits, ready);
  set_count_label (self->assessments_count_label, self->counts.assessments, ready);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data",
                                 ready && !vt_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 ready && !vt_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-list",
                                 ready && self->counts.suppliers > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 ready && self->counts.suppliers > 0);
  update_header (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-visit",
                                 ready && !vt_store_is_read_only (self->store) && self->counts.suppliers > 0);
}

static void
select_section (VtWindow  *self,
                VtSection  section)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, section);

  self->section = section;
  gtk_list_box_select_row (self->sidebar_list, row);
  update_page (self);
}

static void
show_error (VtWindow     *self,
            const GError *error)
{
  self->state = VT_LOAD_FAILED;
  adw_status_page_set_description (self->error_page, error->message);
  update_page (self);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStoreCounts) counts = NULL;

  counts = vt_store_count_finish (VT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (counts == NULL)
    {
      show_error (self, error);
      return;
    }

  self->counts.suppliers = counts->suppliers;
  self->counts.visits = counts->visits;
  self->counts.assessments = counts->assessments;
  self->state = VT_LOAD_READY;
  update_page (self);
}

static void
refresh_counts (VtWindow *self)
{
  vt_store_count_async (self->store, self->cancellable, counted_cb, g_object_ref (self));
}

static void
remember_database (VtWindow   *self,
                   const char *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && kept < 10; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      kept++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_set_string (self->settings, "last-database", path);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (vt_store_verify_finish (VT_STORE (object), result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || VT_STORE (object) != self->store)
    return;
  /* A damaged file must not be worked in: say so, and what to do. */
  show_error (self, error);
}

/* Daily backups ------------------------------------------------------------ */

static void schedule_daily_backup (VtWindow *self);

static void
daily_backup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vt_store_back_up_daily_finish (VT_STORE (object), result, &error);

  if (path == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s says why, e.g. that the disk is full. */
      g_autofree char *message = g_strdup_printf (_("Today’s automatic backup could not be made: %s"),
                                                  error->message);

      vt_window_show_toast (self, message);
    }
}

/* Runs on the store's worker, after whatever the window asked first: the
 * window never waits for it. */
static void
back_up_daily (VtWindow *self)
{
  g_autofree char *dir = NULL;

  /* A server is backed up on the server, by its administrator. */
  if (self->store == NULL || vt_store_is_read_only (self->store) || vt_store_is_server (self->store))
    return;
  dir = vt_backup_dir_for_database (vt_store_get_path (self->store));
  vt_store_back_up_daily_async (self->store, dir, g_settings_get_int (self->settings, "backups-keep"),
                                NULL, self->cancellable, daily_backup_cb, g_object_ref (self));
}

static gboolean
daily_backup_timeout (gpointer user_data)
{
  VtWindow *self = user_data;

  self->daily_backup_id = 0;
  back_up_daily (self);
  schedule_daily_backup (self);
  return G_SOURCE_REMOVE;
}

/* Again a minute after the next midnight, for an app left running. */
static void
schedule_daily_backup (VtWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 1, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  g_clear_handle_id (&self->daily_backup_id, g_source_remove);
  self->daily_backup_id = g_timeout_add_seconds ((guint) CLAMP (wait / G_USEC_PER_SEC, 60, 24 * 3600),
                                                 daily_backup_timeout, self);
}

/* Says why nothing can be saved, so that the person knows what to fix. */
static const char *
read_only_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (access (path, W_OK) != 0)
    return _("This database is read-only because its file cannot be written (its permissions, or a read-only disk). You can look at everything, but changes cannot be saved.");
  if (access (dir, W_OK) != 0)
    return _("This database is read-only because its folder cannot be written, and the database needs to write files beside it. You can look at everything, but changes cannot be saved.");
  return _("This database is open read-only. You can look at everything, but changes cannot be saved.");
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  VtStore *store;

  store = vt_store_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (store == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_object (&self->store);
  self->store = store;
  /* A server is named on the command line each time, never remembered. */
  if (!vt_store_is_server (store))
    remember_database (self, vt_store_get_path (store));

  if (vt_store_is_read_only (store))
    {
      gtk_label_set_label (self->banner_label,
                           vt_store_is_server (store)
                           ? _("Your account on this server may only read. You can look at everything, but changes cannot be saved.")
                           : read_only_reason (vt_store_get_path (store)));
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
    }

  refresh_counts (self);
  vt_store_verify_async (store, self->cancellable, verified_cb, g_object_ref (self));
  back_up_daily (self);
  schedule_daily_backup (self);
}

static void
vt_window_open_database (VtWindow *self)
{
  VtApplication *app = VT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *server = vt_application_get_server (app);

  self->state = VT_LOAD_OPENING;
  update_page (self);

  /* A server is set up by its administrator (--setup-server), never
   * created by opening it. */
  if (server != NULL)
    vt_store_open_server_async (server, VT_STORE_OPEN_NONE, self->cancellable,
                                opened_cb, g_object_ref (self));
  else
    vt_store_open_async (vt_application_get_database_path (app), VT_STORE_OPEN_CREATE,
                         self->cancellable, opened_cb, g_object_ref (self));
}

static void
sample_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_load_sample_data_finish (VT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vt_window_show_toast (self, error->message);
      update_page (self);
      return;
    }

  vt_window_show_toast (self, _("Sample round loaded. Its companies are fictitious."));
  vt_supplier_list_reload (self->supplier_list);
  vt_visits_page_reload (self->visits_page);
  vt_readiness_page_reload (self->readiness_page);
  vt_reports_page_reload (self->reports_page);
  refresh_counts (self);
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  g_return_if_fail (self->store != NULL);

  gtk_widget_action_set_enabled (widget, "win.load-sample-data", FALSE);
  vt_store_load_sample_data_async (self->store, self->cancellable,
                                   sample_loaded_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vt_window_open_database (VT_WINDOW (widget));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  select_section (self, vt_section_from_name (g_variant_get_string (parameter, NULL)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* "win.new-visit" with a supplier's uuid, or "" to choose the supplier in
 * the editor: the entry point of other pages (a supplier's profile). */
/* F5 and the Present buttons: the round chosen on the Reports page when
 * it is shown, else the one on the Readiness page, or else the current
 * round. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  VtPresentationWindow *presentation;

  if (self->store == NULL || self->state != VT_LOAD_READY)
    return;

  presentation = vt_presentation_window_new (GTK_WINDOW (self), self->store,
                                             self->section == VT_SECTION_REPORTS
                                             ? vt_reports_page_get_round_id (self->reports_page)
                                             : vt_readiness_page_get_round_id (self->readiness_page));
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

static void
new_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  g_return_if_fail (self->store != NULL);

  select_section (self, VT_SECTION_VISITS);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  vt_visits_page_set_store (self->visits_page, self->store);
  vt_visits_page_new_visit (self->visits_page, uuid[0] != '\0' ? uuid : NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  select_section (self, VT_SECTION_SUPPLIERS);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  vt_supplier_list_focus_search (self->supplier_list);
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_backup_finish (VT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vt_window_show_toast (self, error->message);
      return;
    }

  vt_window_show_toast (self, _("Database backed up"));
}

static void
backup_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(VtWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        vt_store_backup_async (self->store, path, self->cancellable,
                               backed_up_cb, g_object_ref (self));
      else
        vt_window_show_toast (self, _("Backups can only be written to a local folder"));
    }

  g_object_unref (dialog);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name offered for a backup; %s is today's date. */
  g_autofree char *name = g_strdup_printf (_("VITASK Suppliers backup %s.db"), date);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  g_autofree char *dir = NULL;

  if (self->store == NULL)
    return;
  dir = vt_backup_dir_for_database (vt_store_get_path (self->store));
  gtk_window_present (GTK_WINDOW (vt_backups_window_new (GTK_WINDOW (self), self->store, dir)));
}

/* The criterion sets: one window, brought to the front when open. */
static void
criteria_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (self->store == NULL || self->state != VT_LOAD_READY)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (VT_IS_CRITERIA_WINDOW (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        {
          gtk_window_present (window);
          return;
        }
    }
  gtk_window_present (GTK_WINDOW (vt_criteria_window_new (GTK_WINDOW (self), self->store)));
}

/* Import and export ------------------------------------------------------- */

static void
on_imported (VtWindow        *self,
             VtImportSummary *summary)
{
  vt_supplier_list_reload (self->supplier_list);
  refresh_counts (self);
}

static VtImportDialog *
open_import_dialog (VtWindow *self)
{
  VtImportDialog *dialog = vt_import_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  g_return_if_fail (self->store != NULL);

  vt_import_dialog_choose_file (open_import_dialog (self));
}

/**
 * vt_window_import_file:
 * @file: a supplier list (CSV or XLSX)
 *
 * Opens the import dialog on @file, as if it had been chosen there.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
vt_window_import_file (VtWindow *self,
                       GFile    *file)
{
  VtImportDialog *dialog;

  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = open_import_dialog (self);
  vt_import_dialog_set_file (dialog, file);
  return GTK_WINDOW (dialog);
}

typedef struct
{
  VtWindow        *window;
  GFile           *file;
  VtExportFormat   format;
  VtSupplierQuery *query;
  GPtrArray       *provinces;
  GPtrArray       *suppliers;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->file);
  vt_supplier_query_free (job->query);
  g_clear_pointer (&job->provinces, g_ptr_array_unref);
  g_clear_pointer (&job->suppliers, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (vt_export_write (job->suppliers, job->provinces, path, job->format, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
open_export_cb (AdwToast *toast,
                GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  VtWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s says why the file could not be written. */
      g_autofree char *message = g_strdup_printf (_("The list was not exported: %s"), error->message);

      vt_window_show_toast (self, message);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u supplier", "Exported %u suppliers",
                                        job->suppliers->len), job->suppliers->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_export_cb),
                         g_object_ref (job->file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (job->provinces == NULL)
    job->provinces = vt_store_list_provinces_finish (VT_STORE (object), result, &error);
  else
    job->suppliers = vt_store_export_suppliers_finish (VT_STORE (object), result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The list was not exported: %s"), error->message);

          vt_window_show_toast (job->window, message);
        }
      return;
    }

  if (job->suppliers == NULL)
    {
      VtWindow *self = job->window;

      vt_store_export_suppliers_async (self->store, job->query, self->cancellable,
                                       export_read_cb, g_steal_pointer (&job));
      return;
    }

  task = g_task_new (NULL, job->window->cancellable, exported_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(VtWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (chosen);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      gboolean xlsx_chosen = filter != NULL && g_object_get_data (G_OBJECT (filter), "vt-xlsx") != NULL;
      ExportJob *job;
      VtExportFormat format;

      if (path == NULL)
        {
          vt_window_show_toast (self, _("Lists can only be exported to a local folder"));
          g_object_unref (chooser);
          return;
        }
      /* The name says the format; a name without .csv or .xlsx gets the
       * one of the file type chosen. */
      if (!vt_export_format_from_path (path, &format))
        {
          char *named = g_strconcat (path, xlsx_chosen ? ".xlsx" : ".csv", NULL);

          g_free (path);
          path = named;
          format = xlsx_chosen ? VT_EXPORT_FORMAT_XLSX : VT_EXPORT_FORMAT_CSV;
        }

      job = g_new0 (ExportJob, 1);
      job->window = g_object_ref (self);
      job->file = g_file_new_for_path (path);
      job->format = format;
      job->query = vt_supplier_query_copy (vt_supplier_list_get_query (self->supplier_list));
      vt_store_list_provinces_async (self->store, self->cancellable, export_read_cb, job);
    }
  g_object_unref (chooser);
}

static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_return_if_fail (self->store != NULL);

  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  g_object_set_data (G_OBJECT (xlsx), "vt-xlsx", GINT_TO_POINTER (TRUE));
  gtk_file_filter_set_name (csv, _("CSV file (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");

  chooser = gtk_file_chooser_native_new (_("Export the List"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  /* Translators: the file name offered for an exported supplier list. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Suppliers.xlsx"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Leaving the supplier profile ------------------------------------------- */

typedef void (*LeaveFunc) (VtWindow *self,
                           gpointer  data);

typedef struct
{
  VtWindow       *window;
  LeaveFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} Leave;

static void
leave_free (Leave *leave)
{
  if (leave->destroy != NULL)
    leave->destroy (leave->data);
  g_object_unref (leave->window);
  g_free (leave);
}

static void
left_profile_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Leave *leave = user_data;

  if (vt_supplier_profile_confirm_leave_finish (VT_SUPPLIER_PROFILE (object), result, NULL))
    leave->func (leave->window, leave->data);
  leave_free (leave);
}

/* Runs @func once the profile may be left: at once when nothing is
 * unsaved, otherwise after the person chose to save or discard. */
static void
leave_profile_then (VtWindow       *self,
                    LeaveFunc       func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Leave *leave = g_new0 (Leave, 1);

  leave->window = g_object_ref (self);
  leave->func = func;
  leave->data = data;
  leave->destroy = destroy;

  if (!profile_is_open (self))
    {
      func (self, data);
      leave_free (leave);
      return;
    }
  vt_supplier_profile_confirm_leave_async (self->supplier_profile, NULL, left_profile_cb, leave);
}

static void
show_list (VtWindow *self,
           gpointer  data)
{
  gtk_stack_set_visible_child_name (self->suppliers_stack, "list");
  update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->supplier_list));
}

static void
show_profile (VtWindow *self)
{
  select_section (self, VT_SECTION_SUPPLIERS);
  gtk_stack_set_visible_child_name (self->suppliers_stack, "profile");
  update_page (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_supplier_activated (VtWindow   *self,
                       const char *uuid)
{
  vt_supplier_profile_load (self->supplier_profile, uuid);
  show_profile (self);
}

static void
start_new_supplier (VtWindow *self,
                    gpointer  data)
{
  show_profile (self);
  vt_supplier_profile_create (self->supplier_profile);
}

static void
new_supplier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  if (self->store == NULL || vt_store_is_read_only (self->store))
    return;
  vt_supplier_profile_set_store (self->supplier_profile, self->store);
  leave_profile_then (self, start_new_supplier, NULL, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  if (profile_is_shown (self))
    leave_profile_then (self, show_list, NULL, NULL);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_profile_title_changed (VtWindow *self)
{
  update_header (self);
}

static void
on_profile_changed (VtWindow *self)
{
  vt_supplier_list_refresh (self->supplier_list);
  /* A saved assessment moves the supplier on the round's ranking too. */
  vt_readiness_page_reload (self->readiness_page);
  vt_reports_page_reload (self->reports_page);
  refresh_counts (self);
}

static void
on_profile_close_requested (VtWindow *self)
{
  leave_profile_then (self, show_list, NULL, NULL);
}

/* Deleting with Undo -------------------------------------------------------- */

static void
pending_delete_clear (PendingDelete *pending)
{
  if (pending->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (pending->window), (gpointer *) &pending->window);
  g_clear_object (&pending->store);
  g_free (pending->uuid);
}

/* Held by the window's list, the toast, and a delete on its way. */
static void
pending_delete_unref (PendingDelete *pending)
{
  g_rc_box_release_full (pending, (GDestroyNotify) pending_delete_clear);
}

static void
pending_delete_unref_closure (gpointer  data,
                              GClosure *closure)
{
  pending_delete_unref (data);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PendingDelete *pending = user_data;
  VtWindow *self = pending->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = vt_store_delete_supplier_finish (VT_STORE (object), result, &error);

  if (self != NULL)
    {
      if (!ok)
        {
          vt_window_show_toast (self, error->message);
          vt_supplier_list_set_hidden (self->supplier_list, pending->uuid, FALSE);
        }
      else
        refresh_counts (self);
    }
  pending_delete_unref (pending);
  g_application_release (g_application_get_default ());
}

static void
settle_delete (PendingDelete *pending)
{
  if (pending->settled)
    return;
  pending->settled = TRUE;

  /* The app stays up until the store has deleted it, even when this was
   * the last window. */
  g_application_hold (g_application_get_default ());
  vt_store_delete_supplier_async (pending->store, pending->uuid, pending->version, NULL,
                                  deleted_cb, g_rc_box_acquire (pending));
}

static void
on_delete_toast_dismissed (AdwToast      *toast,
                           PendingDelete *pending)
{
  VtWindow *self = pending->window;

  settle_delete (pending);
  if (self != NULL)
    g_ptr_array_remove (self->pending_deletes, pending);
}

static void
on_delete_undone (AdwToast      *toast,
                  PendingDelete *pending)
{
  VtWindow *self = pending->window;

  if (pending->settled || self == NULL)
    return;
  /* Nothing was deleted: the list shows it again. */
  pending->settled = TRUE;
  vt_supplier_list_set_hidden (self->supplier_list, pending->uuid, FALSE);
  g_ptr_array_remove (self->pending_deletes, pending);
}

static void
delete_supplier (VtWindow *self,
                 gpointer  data)
{
  PendingDelete *pending = g_rc_box_new0 (PendingDelete);
  g_autofree char *title = NULL;
  AdwToast *toast;

  pending->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &pending->window);
  pending->store = g_object_ref (self->store);
  pending->uuid = g_strdup (vt_supplier_profile_get_uuid (self->supplier_profile));
  pending->version = vt_supplier_profile_get_version (self->supplier_profile);
  g_ptr_array_add (self->pending_deletes, pending);

  /* Translators: %s is the name of a supplier. */
  title = g_strdup_printf (_("“%s” deleted"), vt_supplier_profile_get_title (self->supplier_profile));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_delete_undone), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed),
                         g_rc_box_acquire (pending), pending_delete_unref_closure, 0);

  vt_supplier_list_set_hidden (self->supplier_list, pending->uuid, TRUE);
  vt_supplier_profile_discard (self->supplier_profile);
  show_list (self, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_profile_delete_requested (VtWindow *self)
{
  if (vt_supplier_profile_get_uuid (self->supplier_profile) == NULL)
    return;
  delete_supplier (self, NULL);
}

static void
on_sidebar_row_activated (VtWindow      *self,
                          GtkListBoxRow *row)
{
  select_section (self, vt_section_from_name (gtk_widget_get_name (GTK_WIDGET (row))));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (VtWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
on_leaflet_folded_changed (VtWindow *self)
{
  /* A folded sidebar is a list to choose from, not a place to stay, so
   * it does not keep a selection then. */
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   adw_leaflet_get_folded (self->leaflet)
                                   ? GTK_SELECTION_NONE : GTK_SELECTION_BROWSE);
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_select_row (self->sidebar_list,
                             gtk_list_box_get_row_at_index (self->sidebar_list, self->section));
  update_header (self);
}

static void
closing_confirmed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VtWindow) self = user_data;

  if (vt_supplier_profile_confirm_leave_finish (VT_SUPPLIER_PROFILE (object), result, NULL))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
vt_window_close_request (GtkWindow *window)
{
  VtWindow *self = VT_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && profile_is_open (self) && vt_supplier_profile_get_dirty (self->supplier_profile))
    {
      select_section (self, VT_SECTION_SUPPLIERS);
      vt_supplier_profile_confirm_leave_async (self->supplier_profile, NULL,
                                               closing_confirmed_cb, g_object_ref (self));
      return TRUE;
    }

  /* What was deleted is deleted now; the toast with Undo goes with the
   * window. */
  while (self->pending_deletes->len > 0)
    {
      PendingDelete *pending = g_ptr_array_steal_index (self->pending_deletes, 0);

      settle_delete (pending);
      pending_delete_unref (pending);
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-page", vt_section_to_name (self->section));
  g_settings_apply (self->settings);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (vt_window_parent_class)->close_request (window);
}

static void
vt_window_start (VtWindow *self)
{
  VtApplication *app = VT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *last_page = NULL;

  self->settings = g_object_ref (vt_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  select_section (self, vt_section_from_name (last_page));

  vt_window_open_database (self);
}

static void
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->daily_backup_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

static void
vt_window_finalize (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_window_parent_class)->finalize (object);
}

static void
vt_window_class_init (VtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_window_dispose;
  object_class->finalize = vt_window_finalize;

  window_class->close_request = vt_window_close_request;

  g_type_ensure (VT_TYPE_SUPPLIER_LIST);
  g_type_ensure (VT_TYPE_SUPPLIER_PROFILE);
  g_type_ensure (VT_TYPE_READINESS_PAGE);
  g_type_ensure (VT_TYPE_VISITS_PAGE);
  g_type_ensure (VT_TYPE_REPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, suppliers_count_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, visits_count_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, assessments_count_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, supplier_list);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, readiness_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, visits_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, suppliers_stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, supplier_profile);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_supplier_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_close_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_delete_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);

  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL, load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-visit", "s", new_visit_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.criteria", NULL, criteria_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-list", NULL, export_list_action);
  gtk_widget_class_install_action (widget_class, "win.new-supplier", NULL, new_supplier_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-supplier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
vt_window_init (VtWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending_deletes = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_delete_unref);
  self->state = VT_LOAD_OPENING;

  gtk_widget_init_template (GTK_WIDGET (self));
  vt_timing_watch_window (GTK_WINDOW (self));
}
