/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-print.c: a VtReport through GtkPrintOperation.
 *
 * The print dialog's printers and its "Print to File" (PDF) both draw
 * with the report's own layout engine, on the cairo_t GTK gives each
 * page; "Save as PDF…" writes the report's PDF without the dialog.
 */

#define G_LOG_DOMAIN "vt-report-print"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vt-report-print.h"

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
vt_report_show_error (GtkWidget  *parent,
                      const char *heading,
                      GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (parent), heading, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file name from the report's title, safe on every file system. */
char *
vt_report_suggest_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
          || c == '|' || g_unichar_iscntrl (c))
        c = ' ';
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "report");
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VtReport          *report)
{
  guint n = vt_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              VtReport          *report)
{
  if (page >= 0 && (guint) page < vt_report_get_n_pages (report))
    vt_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWidget               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      vt_report_show_error (parent, _("Could Not Print"), error);
    }
  g_object_unref (operation);
}

/* An operation that lays @report out on A4 in points, with the report's
 * own margins, and draws its pages. */
static GtkPrintOperation *
report_operation_new (VtReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, vt_report_get_title (report));
  /* The report sets its own margins, in points from the paper's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  return operation;
}

/**
 * vt_report_print:
 * @report: (transfer full): the report to print
 * @parent: the widget the print dialog belongs to
 *
 * Shows the print dialog and prints, or exports to PDF from it.
 */
void
vt_report_print (VtReport  *report,
                 GtkWidget *parent)
{
  GtkPrintOperation *operation = report_operation_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = vt_report_suggest_name (vt_report_get_title (report));
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "vt-report", report, (GDestroyNotify) vt_report_free);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window_of (parent), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    vt_report_show_error (parent, _("Could Not Print"), error);
  /* Unless it goes on in the background, "done" has been emitted or
   * never will be. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && !gtk_print_operation_is_finished (operation))
    g_object_unref (operation);
}

/**
 * vt_report_export_pdf:
 * @report: the report to save
 * @parent: (nullable): the widget it is saved from
 * @path: the PDF file to write; replaced only once the new one is complete
 *
 * Writes @report as a PDF through GtkPrintOperation, the code that
 * prints it, without a dialog.
 *
 * Returns: whether the PDF was written
 */
gboolean
vt_report_export_pdf (VtReport    *report,
                      GtkWidget   *parent,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = report_operation_new (report);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, partial);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window_of (parent), error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The PDF could not be saved: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  VtReport  *report;
  GtkWidget *parent;
} SaveData;

static void
save_data_free (SaveData *data)
{
  vt_report_free (data->report);
  g_clear_object (&data->parent);
  g_free (data);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SaveData        *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The PDF can only be saved to a local folder."));
      if (path == NULL || !vt_report_export_pdf (data->report, data->parent, path, &error))
        vt_report_show_error (data->parent, _("Could Not Save the PDF"), error);
    }
  save_data_free (data);
  g_object_unref (chooser);
}

/**
 * vt_report_save_pdf:
 * @report: (transfer full): the report to save
 * @suggested_name: (nullable): the file name offered; from the title
 *   when %NULL
 */
void
vt_report_save_pdf (VtReport   *report,
                    GtkWidget  *parent,
                    const char *suggested_name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save as PDF"), window_of (parent),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name != NULL ? g_strdup (suggested_name)
                                                 : vt_report_suggest_name (vt_report_get_title (report));
  SaveData *data = g_new0 (SaveData, 1);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  data->report = report;
  data->parent = g_object_ref (parent);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * vt_report_render_thumbnail:
 * @width: in pixels
 *
 * Returns: (transfer full): one page of @report, for a preview
 */
GdkTexture *
vt_report_render_thumbnail (VtReport *report,
                            guint     page,
                            int       width)
{
  int height = (int) (width * VT_REPORT_A4_HEIGHT / VT_REPORT_A4_WIDTH);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  double scale = width / VT_REPORT_A4_WIDTH;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (vt_report_paginate (report, cr, VT_REPORT_A4_WIDTH, VT_REPORT_A4_HEIGHT) > page)
    vt_report_draw_page (report, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}
