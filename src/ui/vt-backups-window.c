/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-backups-window.c: the database's backups, newest first, each one
 * restorable; a backup to a file of one's choice; a restore from one.
 *
 * A restore always asks first, says that everything will be replaced,
 * and keeps the data as it was among the backups, so that it can be
 * undone from this same list.
 */

#define G_LOG_DOMAIN "vt-backups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-backups-window.h"

struct _VtBackupsWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *list_group;
  GtkListBox           *list_box;

  GtkWindow            *main_window;
  VtStore              *store;
  char                 *dir;
  GCancellable         *cancellable;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (VtBackupsWindow, vt_backups_window, ADW_TYPE_WINDOW)

/**
 * vt_backup_info_get_title:
 *
 * Returns: (transfer full): when the backup was made, in the user's
 *   language, e.g. "23/11/2026 09:05"
 */
char *
vt_backup_info_get_title (const VtBackupInfo *info)
{
  /* Translators: the date and time a backup was made; see
   * g_date_time_format() for the codes. */
  return g_date_time_format (info->created, C_("backup time", "%x %H:%M"));
}

/**
 * vt_backup_info_get_details:
 *
 * Returns: (transfer full): why the backup was made, and its size
 */
char *
vt_backup_info_get_details (const VtBackupInfo *info)
{
  g_autofree char *size = g_format_size (info->size);

  switch (info->kind)
    {
    case VT_BACKUP_BEFORE_RESTORE:
      /* Translators: %s is a file size such as "1.2 MB". */
      return g_strdup_printf (_("Kept before a restore · %s"), size);
    case VT_BACKUP_DAILY:
    default:
      /* Translators: %s is a file size such as "1.2 MB". */
      return g_strdup_printf (_("Daily backup · %s"), size);
    }
}

static void vt_backups_window_reload (VtBackupsWindow *self);

static void
set_busy (VtBackupsWindow *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", !busy);
}

static void
show_failure (VtBackupsWindow *self,
              const char      *heading,
              const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtBackupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!vt_store_restore_finish (VT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("Cannot Restore the Backup"), error);
      vt_backups_window_reload (self);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Backup restored. The data from before is kept in this list.")));
  /* Every page of the main window shows other data now. */
  if (self->main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->main_window), "win.reload", NULL);
  vt_backups_window_reload (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(VtBackupsWindow) self = user_data;
  const char *path = g_object_get_data (G_OBJECT (dialog), "vt-backup-path");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *safety = NULL;

  if (!g_str_equal (response, "restore") || self->busy)
    return;

  now = g_date_time_new_now_local ();
  safety = vt_backup_new_path (self->dir, VT_BACKUP_BEFORE_RESTORE, now);
  set_busy (self, TRUE);
  vt_store_restore_async (self->store, path, safety, self->cancellable,
                          restored_cb, g_object_ref (self));
}

/* @what names the backup in the question: its date, or its file. */
static void
confirm_restore (VtBackupsWindow *self,
                 const char      *path,
                 const char      *what)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Every supplier, visit and assessment in the database will be replaced by those in the backup (%s). The data as it is now is kept as a backup first, so you can undo this by restoring that one."),
                          what);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace All Data With the Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace All Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vt-backup-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(VtBackupInfo) info = vt_backup_info_from_name (self->dir, name);
  g_autofree char *title = info ? vt_backup_info_get_title (info) : g_strdup (name);

  confirm_restore (self, path, title);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(VtBackupsWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);

      if (path != NULL)
        confirm_restore (self, path, name);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Backups can only be restored from a local folder")));
    }
  g_object_unref (chooser);
}

static void
restore_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("VITASK Suppliers Databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  chooser = gtk_file_chooser_native_new (_("Restore From Backup File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Restore…"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (widget);

  if (self->main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->main_window), "win.backup", NULL);
}

static GtkWidget *
make_row (VtBackupInfo *info)
{
  g_autofree char *title = vt_backup_info_get_title (info);
  g_autofree char *details = vt_backup_info_get_details (info);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->path);
  /* Translators: the accessible name of a backup's Restore button; %s
   * is when the backup was made. */
  label = g_strdup_printf (_("Restore the backup of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, vt_backup_list (task_data), (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (object);
  g_autoptr(GPtrArray) backups = g_task_propagate_pointer (G_TASK (result), NULL);
  GtkWidget *child;

  if (backups == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (backups, i)));

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first one is made automatically today."));
      gtk_list_box_append (self->list_box, row);
    }
}

static void
vt_backups_window_reload (VtBackupsWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, listed_cb, NULL);

  g_task_set_task_data (task, g_strdup (self->dir), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
vt_backups_window_dispose (GObject *object)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (vt_backups_window_parent_class)->dispose (object);
}

static void
vt_backups_window_finalize (GObject *object)
{
  VtBackupsWindow *self = VT_BACKUPS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->main_window);
  g_free (self->dir);

  G_OBJECT_CLASS (vt_backups_window_parent_class)->finalize (object);
}

static void
vt_backups_window_class_init (VtBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_backups_window_dispose;
  object_class->finalize = vt_backups_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VtBackupsWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, VtBackupsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "backups.restore-file", NULL, restore_file_action);
  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_backups_window_init (VtBackupsWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vt_backups_window_new:
 * @parent: the main window, reloaded after a restore
 * @store: the open database
 * @dir: its backups folder
 */
VtBackupsWindow *
vt_backups_window_new (GtkWindow  *parent,
                       VtStore    *store,
                       const char *dir)
{
  VtBackupsWindow *self = g_object_new (VT_TYPE_BACKUPS_WINDOW,
                                        "transient-for", parent,
                                        NULL);
  g_autofree char *description = NULL;

  g_set_weak_pointer (&self->main_window, parent);
  self->store = g_object_ref (store);
  self->dir = g_strdup (dir);

  /* Translators: %s is a folder. */
  description = g_strdup_printf (_("Made automatically once a day, in %s. Restoring one replaces all the data, after keeping the data as it is now."),
                                 dir);
  adw_preferences_group_set_description (self->list_group, description);
  set_busy (self, vt_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", TRUE);
  vt_backups_window_reload (self);
  return self;
}
