/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import-dialog.c: imports a supplier list (CSV or XLSX).
 *
 * The steps: the file is read (encoding, separator and sheet detected,
 * each may be overridden); its first rows are shown under a drop-down per
 * column that says which supplier field the column holds (guessed from
 * Vietnamese, Korean and English headers, or the mapping chosen the last
 * time a file with the same columns came); the rows that would be
 * rejected, and those already in the database, are counted; the import
 * runs in one transaction with Cancel; the summary lists what happened to
 * each row and can be saved as CSV.
 *
 * Reading, checking and counting happen off the main thread (core and
 * the store); the dialog only shows their state. A change of an option
 * starts the work again; results of older work are dropped.
 */
#define G_LOG_DOMAIN "vt-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-import-dialog.h"

#define PREVIEW_ROWS 8
#define MAX_MAPPINGS 20

static const char delimiters[] = { ',', ';', '\t' };

struct _VtImportDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *import_button;
  GtkButton       *done_button;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwComboRow     *encoding_row;
  GtkStringList   *encoding_list;
  AdwComboRow     *delimiter_row;
  AdwComboRow     *sheet_row;
  GtkStringList   *sheet_list;
  GtkGrid         *preview_grid;
  AdwPreferencesGroup *duplicates_group;
  GtkCheckButton  *skip_check;
  GtkCheckButton  *update_check;
  GtkCheckButton  *new_check;
  GtkLabel        *message_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *summary_title;
  GtkLabel        *summary_label;
  GtkListView     *issues_view;

  VtStore         *store;
  GSettings       *settings;
  GCancellable    *cancellable;     /* everything, until the dialog goes */
  GCancellable    *import_cancellable;
  GFile           *file;
  GBytes          *bytes;
  GPtrArray       *provinces;
  VtImportTable   *table;
  GArray          *mapping;
  GPtrArray       *dropdowns;       /* GtkDropDown per column */
  VtImportBatch   *batch;           /* for the current table and mapping */
  VtImportSummary *summary;
  guint            generation;      /* bumped by every change of input */
  guint            count_generation;
  guint            progress_id;
  gboolean         filling;         /* the code, not a person, sets rows */
  gboolean         importing;
};

G_DEFINE_FINAL_TYPE (VtImportDialog, vt_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_batch (VtImportDialog *self);

static void
show_step (VtImportDialog *self,
           const char     *step)
{
  gboolean summary = g_str_equal (step, "summary");

  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (step, "reading"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !summary);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), summary);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !summary);
  if (summary)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
}

static void
show_error (VtImportDialog *self,
            const GError   *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_step (self, "error");
}

static void
set_message (VtImportDialog *self,
             const char     *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Whether the dialog was closed: work that finishes later has nothing
 * left to show its result in. */
static gboolean
gone (VtImportDialog *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

static VtDuplicatePolicy
get_policy (VtImportDialog *self)
{
  if (gtk_check_button_get_active (self->update_check))
    return VT_DUPLICATE_UPDATE;
  if (gtk_check_button_get_active (self->new_check))
    return VT_DUPLICATE_NEW;
  return VT_DUPLICATE_SKIP;
}

static gboolean
mapping_names_a_company (GArray *mapping)
{
  for (guint i = 0; mapping != NULL && i < mapping->len; i++)
    if (g_array_index (mapping, VtImportField, i) == VT_IMPORT_FIELD_NAME_VI)
      return TRUE;
  return FALSE;
}

static void
update_import_button (VtImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), vt_import_dialog_can_import (self));
}

/* Remembered mappings ----------------------------------------------------- */

static GArray *
remembered_mapping (VtImportDialog *self)
{
  g_autofree char *signature = vt_import_header_signature (self->table->header);
  g_autoptr(GVariant) list = g_settings_get_value (self->settings, "import-mappings");
  GVariantIter iter;
  const char *key, *value;

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&s)", &key, &value))
    if (g_str_equal (key, signature))
      return vt_import_mapping_from_string (value, self->table->header->len);
  return NULL;
}

static void
remember_mapping (VtImportDialog *self)
{
  g_autofree char *signature = vt_import_header_signature (self->table->header);
  g_autofree char *text = vt_import_mapping_to_string (self->mapping);
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "import-mappings");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  guint n = 1;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", signature, text);
  g_variant_iter_init (&iter, old);
  while (n < MAX_MAPPINGS && g_variant_iter_next (&iter, "(&s&s)", &key, &value))
    if (!g_str_equal (key, signature))
      {
        g_variant_builder_add (&builder, "(ss)", key, value);
        n++;
      }
  g_settings_set_value (self->settings, "import-mappings", g_variant_builder_end (&builder));
}

/* The preview ------------------------------------------------------------- */

static void
on_field_chosen (VtImportDialog *self)
{
  if (self->filling || self->table == NULL)
    return;

  for (guint i = 0; i < self->dropdowns->len; i++)
    {
      guint chosen = gtk_drop_down_get_selected (g_ptr_array_index (self->dropdowns, i));

      g_array_index (self->mapping, VtImportField, i) = chosen < VT_N_IMPORT_FIELDS ? chosen : VT_IMPORT_FIELD_NONE;
    }
  start_batch (self);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, text);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (VtImportDialog *self)
{
  GtkWidget *child;
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->dropdowns, 0);

  for (guint f = 0; f < VT_N_IMPORT_FIELDS; f++)
    gtk_string_list_append (fields, vt_import_field_get_label (f));

  self->filling = TRUE;
  for (guint c = 0; c < self->table->header->len; c++)
    {
      const char *name = g_ptr_array_index (self->table->header, c);
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (fields)), NULL);
      /* Translators: the accessible name of the drop-down that says what
       * a column of the imported file holds; %s is the column's header. */
      g_autofree char *label = g_strdup_printf (_("Field of the column “%s”"), name);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), g_array_index (self->mapping, VtImportField, c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_field_chosen), self);
      gtk_grid_attach (self->preview_grid, dropdown, c, 0, 1, 1);
      gtk_grid_attach (self->preview_grid, cell_label (name, TRUE), c, 1, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);

      for (guint r = 0; r < self->table->rows->len && r < PREVIEW_ROWS; r++)
        {
          char **row = g_ptr_array_index (self->table->rows, r);
          guint n = g_strv_length (row);

          gtk_grid_attach (self->preview_grid, cell_label (c < n ? row[c] : "", FALSE), c, 2 + r, 1, 1);
        }
    }
  self->filling = FALSE;
}

static void
fill_read_options (VtImportDialog *self)
{
  gboolean xlsx = self->table->format == VT_IMPORT_FORMAT_XLSX;

  self->filling = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), !xlsx);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), !xlsx);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), xlsx);
  if (xlsx)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sheet_list));

      gtk_string_list_splice (self->sheet_list, 0, n, (const char * const *) self->table->sheets);
      for (guint i = 0; self->table->sheets[i] != NULL; i++)
        if (g_strcmp0 (self->table->sheets[i], self->table->sheet) == 0)
          adw_combo_row_set_selected (self->sheet_row, i);
    }
  else
    {
      VtEncodingCandidate *best = &g_array_index (self->table->encodings, VtEncodingCandidate, 0);
      /* Translators: under the encoding of an imported file; %s is the
       * encoding the file looks like it is in. */
      g_autofree char *detected = g_strdup_printf (_("Detected: %s"), vt_encoding_get_label (best->encoding));

      adw_combo_row_set_selected (self->encoding_row, self->table->encoding);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), detected);
      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        if (delimiters[i] == self->table->delimiter)
          adw_combo_row_set_selected (self->delimiter_row, i);
    }
  self->filling = FALSE;
}

/* Reading the file ------------------------------------------------------ */

typedef struct
{
  GBytes *bytes;
  int     encoding;
  char    delimiter;
  char   *sheet;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->sheet);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  VtImportTable *table = vt_import_table_read (data->bytes, data->encoding, data->delimiter,
                                               data->sheet, 0, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) vt_import_table_unref);
}

static void
table_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  VtImportDialog *self = VT_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportTable) table = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GArray) mapping = NULL;

  if (gone (self) || GPOINTER_TO_UINT (user_data) != self->generation)
    return;
  if (table == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->table, vt_import_table_unref);
  self->table = g_steal_pointer (&table);
  mapping = remembered_mapping (self);
  if (mapping == NULL)
    mapping = vt_import_guess_mapping (self->table);
  g_clear_pointer (&self->mapping, g_array_unref);
  self->mapping = g_steal_pointer (&mapping);

  fill_read_options (self);
  fill_preview (self);
  show_step (self, "setup");
  start_batch (self);
}

static void
start_read (VtImportDialog *self,
            int             encoding,
            char            delimiter,
            const char     *sheet)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data = g_new0 (ReadData, 1);

  data->bytes = g_bytes_ref (self->bytes);
  data->encoding = encoding;
  data->delimiter = delimiter;
  data->sheet = g_strdup (sheet);

  self->generation++;
  g_clear_pointer (&self->batch, vt_import_batch_unref);
  update_import_button (self);
  task = g_task_new (self, self->cancellable, table_read_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

static void
on_read_option_changed (VtImportDialog *self)
{
  const char *sheet = NULL;

  if (self->filling || self->table == NULL)
    return;

  if (self->table->format == VT_IMPORT_FORMAT_XLSX)
    {
      guint i = adw_combo_row_get_selected (self->sheet_row);

      if (i < g_strv_length (self->table->sheets))
        sheet = self->table->sheets[i];
      start_read (self, -1, 0, sheet);
    }
  else
    {
      guint e = adw_combo_row_get_selected (self->encoding_row);
      guint d = adw_combo_row_get_selected (self->delimiter_row);

      start_read (self, e < VT_N_ENCODINGS ? (int) e : -1, d < G_N_ELEMENTS (delimiters) ? delimiters[d] : 0, NULL);
    }
  set_message (self, NULL);
  show_step (self, "reading");
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (gone (self))
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      return;
    }
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = bytes;
  start_read (self, -1, 0, NULL);
}

/* Checking the rows and counting the duplicates ------------------------- */

typedef struct
{
  VtImportTable *table;
  GArray        *mapping;
  GPtrArray     *provinces;
} BatchData;

static void
batch_data_free (BatchData *data)
{
  vt_import_table_unref (data->table);
  g_array_unref (data->mapping);
  g_ptr_array_unref (data->provinces);
  g_free (data);
}

static void
batch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchData *data = task_data;

  g_task_return_pointer (task, vt_import_batch_new (data->table, data->mapping, data->provinces),
                         (GDestroyNotify) vt_import_batch_unref);
}

static void
update_duplicates (VtImportDialog  *self,
                   VtImportMatches *matches)
{
  g_autofree char *text = NULL;
  guint n_rejected = self->batch ? self->batch->rejected->len : 0;
  g_autofree char *rejected = NULL;

  if (matches == NULL)
    text = g_strdup (_("Counting the rows already in the database…"));
  else if (matches->by_tax_code + matches->by_name == 0)
    text = g_strdup (_("No row of the file is in the database already."));
  else
    {
      guint total = matches->by_tax_code + matches->by_name;
      /* Translators: the start of a sentence, followed by how many of
       * the rows match by tax code and by name. */
      g_autofree char *head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row is in the database already",
                                                            "%u rows are in the database already",
                                                            total), total);
      g_autofree char *by_tax = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u by tax code", "%u by tax code",
                                                              matches->by_tax_code),
                                                 matches->by_tax_code);
      g_autofree char *by_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u by name", "%u by name",
                                                               matches->by_name),
                                                  matches->by_name);

      /* Translators: "12 rows are in the database already (9 by tax
       * code, 3 by name)." */
      text = g_strdup_printf (_("%s (%s, %s)."), head, by_tax, by_name);
    }

  if (n_rejected > 0)
    {
      g_autofree char *both = NULL;

      rejected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row cannot be imported and will be listed in the summary.",
                                               "%u rows cannot be imported and will be listed in the summary.",
                                               n_rejected), n_rejected);
      both = g_strconcat (text, " ", rejected, NULL);
      adw_preferences_group_set_description (self->duplicates_group, both);
    }
  else
    adw_preferences_group_set_description (self->duplicates_group, text);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data);

static void
batch_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VtImportDialog *self = VT_IMPORT_DIALOG (object);
  g_autoptr(VtImportBatch) batch = g_task_propagate_pointer (G_TASK (result), NULL);
  guint generation = GPOINTER_TO_UINT (user_data);

  if (gone (self) || generation != self->generation || batch == NULL)
    return;

  g_clear_pointer (&self->batch, vt_import_batch_unref);
  self->batch = g_steal_pointer (&batch);
  update_duplicates (self, NULL);
  update_import_button (self);
  vt_store_count_import_matches_async (self->store, self->batch, self->cancellable,
                                       counted_cb, g_object_ref (self));
  self->count_generation = generation;
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree VtImportMatches *matches = vt_store_count_import_matches_finish (VT_STORE (object), result, &error);
  if (gone (self) || self->count_generation != self->generation)
    return;
  if (matches == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (self->duplicates_group, error->message);
      return;
    }
  update_duplicates (self, matches);
}

static void
start_batch (VtImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BatchData *data;

  self->generation++;
  g_clear_pointer (&self->batch, vt_import_batch_unref);
  update_import_button (self);
  if (self->table == NULL || self->provinces == NULL)
    return;

  if (!mapping_names_a_company (self->mapping))
    {
      adw_preferences_group_set_description (self->duplicates_group,
                                             _("Choose the column that holds the company name."));
      return;
    }

  data = g_new0 (BatchData, 1);
  data->table = vt_import_table_ref (self->table);
  data->mapping = g_array_copy (self->mapping);
  data->provinces = g_ptr_array_ref (self->provinces);
  update_duplicates (self, NULL);
  task = g_task_new (self, self->cancellable, batch_ready_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, data, (GDestroyNotify) batch_data_free);
  g_task_run_in_thread (task, batch_thread);
}

static void
provinces_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *provinces = vt_store_list_provinces_finish (VT_STORE (object), result, &error);

  if (gone (self))
    {
      g_clear_pointer (&provinces, g_ptr_array_unref);
      return;
    }
  if (provinces == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  self->provinces = provinces;
  if (self->table != NULL)
    start_batch (self);
}

/* Importing --------------------------------------------------------------- */

/* Shows how far the store's thread has gone through the batch; once it
 * has gone through every row it builds the indexes and commits. */
static gboolean
progress_cb (gpointer data)
{
  VtImportDialog *self = data;
  guint total = self->batch->suppliers->len;
  guint done = MIN (vt_import_batch_get_progress (self->batch), total);
  g_autofree char *text = NULL;

  if (done < total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u supplier", "%u of %u suppliers", total),
                            done, total);
  else
    text = g_strdup (_("Saving…"));
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (VtImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->importing = FALSE;
  g_clear_object (&self->import_cancellable);
}

static void
issue_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
issue_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (text));
}

static void
fill_summary (VtImportDialog *self)
{
  VtImportSummary *s = self->summary;
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u supplier imported",
                                                            "%u suppliers imported", s->imported),
                                               s->imported);
  g_autofree char *details = NULL;

  for (guint i = 0; i < s->issues->len; i++)
    {
      VtImportIssue *issue = g_ptr_array_index (s->issues, i);
      /* Translators: a row of the import summary: the line of the file,
       * the company, what happened to it and why. */
      g_autofree char *line = g_strdup_printf (_("Line %u · %s — %s: %s"), issue->line,
                                               issue->name ? issue->name : "",
                                               vt_import_result_get_label (issue->result),
                                               issue->reason ? issue->reason : "");

      gtk_string_list_append (lines, line);
    }

  /* Translators: the counts under the import summary's title. */
  details = g_strdup_printf (_("Updated: %u · Skipped: %u · Rejected: %u"), s->updated, s->skipped, s->rejected);
  gtk_label_set_text (self->summary_title, imported);
  gtk_label_set_text (self->summary_label, details);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)));
  gtk_list_view_set_model (self->issues_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->issues_view)), s->issues->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (self->issues_view))), TRUE);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  VtImportSummary *summary = vt_store_import_suppliers_finish (VT_STORE (object), result, &error);

  if (gone (self))
    {
      /* Closed while it ran: a summary means it was written all the same. */
      if (summary != NULL)
        g_signal_emit (self, signals[IMPORTED], 0, summary);
      g_clear_pointer (&summary, vt_import_summary_unref);
      return;
    }
  stop_progress (self);
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_message (self, _("The import was cancelled. Nothing was changed."));
      else
        {
          /* Translators: %s says why the database refused the import. */
          g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"), error->message);

          set_message (self, message);
        }
      show_step (self, "setup");
      /* The store put back the batch as it was; check it again all the
       * same, as the database may have changed. */
      start_batch (self);
      return;
    }

  self->summary = summary;
  remember_mapping (self);
  fill_summary (self);
  show_step (self, "summary");
  g_signal_emit (self, signals[IMPORTED], 0, summary);
}

/* Saving the summary ------------------------------------------------------ */

static void
summary_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error) && !gone (self))
    gtk_label_set_text (self->summary_label, error->message);
}

static void
summary_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(VtImportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->summary != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gsize length = 0;
      char *text = vt_import_summary_to_csv (self->summary, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           self->cancellable, summary_saved_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
on_save_summary_clicked (VtImportDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Import Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name offered for the import summary. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Import summary.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (summary_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Choosing the file ------------------------------------------------------- */

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(VtImportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      vt_import_dialog_set_file (self, file);
    }
  else if (self->file == NULL)
    gtk_window_close (GTK_WINDOW (self));
  g_object_unref (chooser);
}

static void
on_choose_clicked (VtImportDialog *self)
{
  vt_import_dialog_choose_file (self);
}

static void
on_cancel_clicked (VtImportDialog *self)
{
  if (self->importing && self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_import_clicked (VtImportDialog *self)
{
  vt_import_dialog_import (self);
}

static gboolean
vt_import_dialog_close_request (GtkWindow *window)
{
  VtImportDialog *self = VT_IMPORT_DIALOG (window);

  /* Closing while the import runs cancels it: the transaction is rolled
   * back and nothing changes. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (vt_import_dialog_parent_class)->close_request (window);
}

static void
vt_import_dialog_dispose (GObject *object)
{
  VtImportDialog *self = VT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (vt_import_dialog_parent_class)->dispose (object);
}

static void
vt_import_dialog_finalize (GObject *object)
{
  VtImportDialog *self = VT_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->table, vt_import_table_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->batch, vt_import_batch_unref);
  g_clear_pointer (&self->summary, vt_import_summary_unref);

  G_OBJECT_CLASS (vt_import_dialog_parent_class)->finalize (object);
}

static void
vt_import_dialog_class_init (VtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_import_dialog_dispose;
  object_class->finalize = vt_import_dialog_finalize;
  window_class->close_request = vt_import_dialog_close_request;

  /**
   * VtImportDialog::imported:
   * @summary: what happened to each row
   *
   * The import was written to the database.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, encoding_list);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, update_check);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, new_check);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtImportDialog, issues_view);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_read_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_summary_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_import_dialog_init (VtImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("vn.vitask.Suppliers");
  self->cancellable = g_cancellable_new ();
  self->dropdowns = g_ptr_array_new ();

  self->filling = TRUE;
  for (VtEncoding e = 0; e < VT_N_ENCODINGS; e++)
    gtk_string_list_append (self->encoding_list, vt_encoding_get_label (e));
  self->filling = FALSE;

  g_signal_connect (factory, "setup", G_CALLBACK (issue_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (issue_bind), NULL);
  gtk_list_view_set_factory (self->issues_view, factory);

  show_step (self, "reading");
}

/**
 * vt_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @store: the database to import into
 *
 * Returns: (transfer full): a dialog; show it, then choose a file with
 *   vt_import_dialog_choose_file() or give one with
 *   vt_import_dialog_set_file()
 */
VtImportDialog *
vt_import_dialog_new (GtkWindow *parent,
                      VtStore   *store)
{
  VtImportDialog *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);

  self = g_object_new (VT_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  vt_store_list_provinces_async (store, self->cancellable, provinces_cb, g_object_ref (self));
  return self;
}

/* Offers a CSV or XLSX file; cancelling before any file was chosen closes
 * the dialog. */
void
vt_import_dialog_choose_file (VtImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();

  g_return_if_fail (VT_IS_IMPORT_DIALOG (self));

  gtk_file_filter_set_name (lists, _("Supplier lists (CSV, Excel)"));
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_filter_add_suffix (lists, "txt");
  gtk_file_filter_add_suffix (lists, "xlsx");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (xlsx, _("Excel workbooks (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");

  chooser = gtk_file_chooser_native_new (_("Import a Supplier List"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
vt_import_dialog_set_file (VtImportDialog *self,
                           GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (VT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  g_clear_pointer (&self->table, vt_import_table_unref);
  set_message (self, NULL);
  show_step (self, "reading");
  g_file_load_bytes_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

/**
 * vt_import_dialog_get_step:
 *
 * Returns: "reading", "error", "setup", "importing" or "summary"
 */
const char *
vt_import_dialog_get_step (VtImportDialog *self)
{
  g_return_val_if_fail (VT_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Whether the file is read, its rows checked, and nothing runs. */
gboolean
vt_import_dialog_can_import (VtImportDialog *self)
{
  g_return_val_if_fail (VT_IS_IMPORT_DIALOG (self), FALSE);

  return self->batch != NULL && !self->importing && !vt_store_is_read_only (self->store)
         && self->batch->suppliers->len > 0;
}

void
vt_import_dialog_set_policy (VtImportDialog    *self,
                             VtDuplicatePolicy  policy)
{
  g_return_if_fail (VT_IS_IMPORT_DIALOG (self));

  gtk_check_button_set_active (policy == VT_DUPLICATE_UPDATE ? self->update_check
                               : policy == VT_DUPLICATE_NEW ? self->new_check
                               : self->skip_check, TRUE);
}

/* Starts the import of the rows as checked, in one transaction. */
void
vt_import_dialog_import (VtImportDialog *self)
{
  g_return_if_fail (VT_IS_IMPORT_DIALOG (self));

  if (!vt_import_dialog_can_import (self))
    return;

  self->importing = TRUE;
  update_import_button (self);
  set_message (self, NULL);
  self->import_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->import_cancellable, G_CONNECT_SWAPPED);
  vt_import_batch_set_progress (self->batch, 0);
  progress_cb (self);
  self->progress_id = g_timeout_add (100, progress_cb, self);
  show_step (self, "importing");
  vt_store_import_suppliers_async (self->store, self->batch, get_policy (self), FALSE,
                                   self->import_cancellable, imported_cb, g_object_ref (self));
}

/**
 * vt_import_dialog_get_summary:
 *
 * Returns: (transfer none) (nullable): the summary once imported
 */
VtImportSummary *
vt_import_dialog_get_summary (VtImportDialog *self)
{
  g_return_val_if_fail (VT_IS_IMPORT_DIALOG (self), NULL);

  return self->summary;
}
