/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-reports-page.c: what goes out of the office about a round.
 *
 * The round report (printed, or saved as PDF through the same
 * GtkPrintOperation), the bilingual slides (presented full screen, or
 * saved as a PDF handout in a worker thread), and the choices both share:
 * which language is in large type and whether sensitive fields are
 * hidden. The choices are settings, so that F5, the presentation and the
 * command line's --handout follow them too.
 */

#define G_LOG_DOMAIN "vt-reports-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vt-format.h"
#include "vt-presentation-state.h"
#include "vt-report-documents.h"
#include "vt-report-print.h"
#include "vt-reports-page.h"
#include "vt-round-charts.h"
#include "vt-slide-deck.h"

struct _VtReportsPage
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  AdwComboRow   *round_row;
  AdwComboRow   *languages_row;
  GtkSwitch     *hide_switch;
  GtkPicture    *preview;

  GSettings     *settings;
  VtStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *rounds;        /* VtRound, as in the combo row */
  VtRoundStats  *stats;         /* the round chosen, once read */
  gint64         round_id;      /* the round chosen, kept across reloads */
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (VtReportsPage, vt_reports_page, GTK_TYPE_WIDGET)

enum {
  FILE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The "slide-languages" setting of each row of the languages combo. */
static const char * const language_orders[] = { "", "ko,vi", "vi,ko" };

GtkWidget *
vt_reports_page_new (void)
{
  return g_object_new (VT_TYPE_REPORTS_PAGE, NULL);
}

/* "loading", "empty", "error" or "round". */
const char *
vt_reports_page_get_state (VtReportsPage *self)
{
  g_return_val_if_fail (VT_IS_REPORTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: the round chosen, or 0 before the rounds are read */
gint64
vt_reports_page_get_round_id (VtReportsPage *self)
{
  g_return_val_if_fail (VT_IS_REPORTS_PAGE (self), 0);
  return self->round_id;
}

static void
show_state (VtReportsPage *self,
            const char    *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_error (VtReportsPage *self,
            const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_state (self, "error");
}

static void
update_actions (VtReportsPage *self)
{
  gboolean ready = self->stats != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-handout", ready);
}

static GCancellable *
restart (VtReportsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

static VtReport *
round_report_new (VtReportsPage *self)
{
  return vt_round_report_new (self->stats, vt_chart_language ());
}

/* The first page of the report as it will print, small. */
static void
update_preview (VtReportsPage *self)
{
  g_autoptr(VtReport) report = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->stats == NULL)
    {
      gtk_picture_set_paintable (self->preview, NULL);
      return;
    }
  report = round_report_new (self);
  texture = vt_report_render_thumbnail (report, 0, 200 * scale);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

static void
stats_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_finish (VT_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stats == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  self->stats = g_steal_pointer (&stats);
  update_actions (self);
  update_preview (self);
  show_state (self, "round");
}

static void
load_round (VtReportsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->round_row);
  VtRound *round;

  if (self->rounds == NULL || selected >= self->rounds->len)
    return;
  round = g_ptr_array_index (self->rounds, selected);
  self->round_id = round->id;
  /* What is on the page was made from another round. */
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  update_actions (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "round") != 0)
    show_state (self, "loading");
  vt_store_get_round_stats_async (self->store, round->id, restart (self), stats_cb, g_object_ref (self));
}

static void
on_round_selected (VtReportsPage *self)
{
  if (!self->filling)
    load_round (self);
}

static void
rounds_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_finish (VT_STORE (object), result, &error);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rounds == NULL)
    {
      show_error (self, error);
      return;
    }
  if (rounds->len == 0)
    {
      g_clear_pointer (&self->rounds, g_ptr_array_unref);
      g_clear_pointer (&self->stats, vt_round_stats_unref);
      update_actions (self);
      show_state (self, "empty");
      return;
    }

  g_ptr_array_sort (rounds, vt_round_compare_newest_first);
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      gtk_string_list_append (names, r->name);
      if (r->id == self->round_id)
        selected = i;
    }
  /* The round chosen before, or else the one staff work in now. */
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && i < rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (rounds, i))->is_current)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_steal_pointer (&rounds);

  self->filling = TRUE;
  adw_combo_row_set_model (self->round_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->round_row, selected);
  self->filling = FALSE;
  load_round (self);
}

/* Reads the rounds and the chosen round again. */
void
vt_reports_page_reload (VtReportsPage *self)
{
  g_return_if_fail (VT_IS_REPORTS_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->rounds == NULL)
    show_state (self, "loading");
  vt_store_list_rounds_async (self->store, restart (self), rounds_cb, g_object_ref (self));
}

void
vt_reports_page_set_store (VtReportsPage *self,
                           VtStore       *store)
{
  g_return_if_fail (VT_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || VT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      self->round_id = 0;
      g_clear_pointer (&self->rounds, g_ptr_array_unref);
      g_clear_pointer (&self->stats, vt_round_stats_unref);
      update_actions (self);
    }
  vt_reports_page_reload (self);
}

/**
 * vt_reports_page_select_round:
 * @round_id: a round of the database
 *
 * Chooses @round_id, once the rounds are read.
 *
 * Returns: whether the page has the round
 */
gboolean
vt_reports_page_select_round (VtReportsPage *self,
                              gint64         round_id)
{
  g_return_val_if_fail (VT_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; self->rounds != NULL && i < self->rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (self->rounds, i))->id == round_id)
      {
        adw_combo_row_set_selected (self->round_row, i);
        return TRUE;
      }
  return FALSE;
}

/* Saving ------------------------------------------------------------------ */

static void
open_file_cb (AdwToast *toast,
              GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* Says where the file went, with a button to open it. */
static void
file_saved (VtReportsPage *self,
            GFile         *file,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb), g_object_ref (file),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  g_signal_emit (self, signals[FILE_SAVED], 0, file);
}

/**
 * vt_reports_page_save_report_to:
 * @file: a local PDF file
 *
 * Saves the round report of the round chosen as @file, through the
 * print operation; emits VtReportsPage::file-saved when it is written.
 */
void
vt_reports_page_save_report_to (VtReportsPage *self,
                                GFile         *file)
{
  g_autoptr(VtReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (VT_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->stats != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The PDF can only be saved to a local folder."));
  report = round_report_new (self);
  if (path == NULL || !vt_report_export_pdf (report, GTK_WIDGET (self), path, &error))
    {
      vt_report_show_error (GTK_WIDGET (self), _("Could Not Save the PDF"), error);
      return;
    }
  file_saved (self, file, _("Round report saved"));
}

typedef struct
{
  VtReportsPage *page;
  GFile         *file;
} HandoutSave;

static void
handout_save_free (HandoutSave *save)
{
  g_object_unref (save->page);
  g_object_unref (save->file);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandoutSave, handout_save_free)

static void
handout_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HandoutSave) save = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_slide_deck_write_pdf_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vt_report_show_error (GTK_WIDGET (save->page), _("Could Not Save the Handout"), error);
      return;
    }
  file_saved (save->page, save->file, _("Handout saved"));
}

/**
 * vt_reports_page_save_handout_to:
 * @file: a local PDF file
 *
 * Writes the slides of the round chosen as a handout in a worker thread,
 * in the languages and with the fields chosen; emits
 * VtReportsPage::file-saved when it is written.
 */
void
vt_reports_page_save_handout_to (VtReportsPage *self,
                                 GFile         *file)
{
  g_autofree char *languages = NULL;
  g_autoptr(VtSlideDeck) deck = NULL;
  const char *primary, *secondary;
  HandoutSave *save;

  g_return_if_fail (VT_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->stats != NULL);

  languages = g_settings_get_string (self->settings, "slide-languages");
  vt_slide_languages_resolve (languages, vt_format_get_language (), &primary, &secondary);
  deck = vt_slide_deck_new (self->stats, primary, secondary);
  vt_slide_deck_set_hide_sensitive (deck, g_settings_get_boolean (self->settings, "slide-hide-sensitive"));
  save = g_new0 (HandoutSave, 1);
  save->page = g_object_ref (self);
  save->file = g_object_ref (file);
  /* A handout asked for is written even if the page goes meanwhile. */
  vt_slide_deck_write_pdf_async (deck, file, NULL, handout_written_cb, save);
}

typedef void (*SaveFunc) (VtReportsPage *self,
                          GFile         *file);

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  g_autoptr(VtReportsPage) self = user_data;
  SaveFunc save = g_object_get_data (G_OBJECT (chooser), "vt-save");

  if (response == GTK_RESPONSE_ACCEPT && self->stats != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      save (self, file);
    }
  g_object_unref (chooser);
}

static void
choose_file (VtReportsPage *self,
             const char    *title,
             const char    *name,
             SaveFunc       save)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "vt-save", save);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtReportsPage *self = VT_REPORTS_PAGE (widget);

  if (self->stats != NULL)
    vt_report_print (round_report_new (self), widget);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VtReportsPage *self = VT_REPORTS_PAGE (widget);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->stats == NULL)
    return;
  /* Translators: the round report's file name, without ".pdf"; %s is the
   * round's name */
  title = g_strdup_printf (_("%s report"), self->stats->round->name);
  name = vt_report_suggest_name (title);
  choose_file (self, _("Save the Round Report as PDF"), name, vt_reports_page_save_report_to);
}

static void
save_handout_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtReportsPage *self = VT_REPORTS_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->stats == NULL)
    return;
  name = vt_slide_handout_file_name (self->stats->round->name);
  choose_file (self, _("Save Handout"), name, vt_reports_page_save_handout_to);
}

/* Settings ----------------------------------------------------------------- */

static gboolean
languages_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *setting = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_orders); i++)
    if (g_str_equal (setting, language_orders[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
languages_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (i < G_N_ELEMENTS (language_orders) ? language_orders[i] : "");
}

static void
vt_reports_page_dispose (GObject *object)
{
  VtReportsPage *self = VT_REPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_REPORTS_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  G_OBJECT_CLASS (vt_reports_page_parent_class)->dispose (object);
}

static void
vt_reports_page_class_init (VtReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_reports_page_dispose;

  /**
   * VtReportsPage::file-saved:
   * @file: the PDF written
   *
   * A report or a handout was saved.
   */
  signals[FILE_SAVED] = g_signal_new ("file-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, round_row);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, languages_row);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, hide_switch);
  gtk_widget_class_bind_template_child (widget_class, VtReportsPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_round_selected);

  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.save-handout", NULL, save_handout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.save-pdf", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vt_reports_page_init (VtReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "slide-languages", self->languages_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, languages_get_mapping, languages_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "slide-hide-sensitive", self->hide_switch, "active", G_SETTINGS_BIND_DEFAULT);
  update_actions (self);
}
