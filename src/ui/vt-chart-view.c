/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-view.c: draws a VtChart in snapshot, with tooltips, a table
 * of its numbers and an export action.
 *
 * The chart is drawn once into a render node that is kept until the size,
 * the chart or the style changes; colours and the font are read from the
 * widget's style (light, dark, high contrast) on css-changed.
 */

#define G_LOG_DOMAIN "vt-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vt-chart-export.h"
#include "vt-chart-view.h"

struct _VtChartView
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkScrolledWindow *table_window;
  GtkGrid           *table_grid;
  GtkWidget         *button_box;

  VtChart           *chart;
  VtChartStyle      *style;
  VtChartHits       *hits;
  GskRenderNode     *cache;
  int                cache_width;
  int                cache_height;
  guint              n_renders;
  gboolean           show_table;
  gboolean           table_current;
};

G_DEFINE_FINAL_TYPE (VtChartView, vt_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The radius of libadwaita's .card, so the chart's background keeps the
 * card's rounded corners. */
#define CARD_RADIUS 12

GtkWidget *
vt_chart_view_new (void)
{
  return g_object_new (VT_TYPE_CHART_VIEW, NULL);
}

static void
invalidate (VtChartView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
color_from_rgba (VtChartColor  *color,
                 const GdkRGBA *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

static void
lookup (GtkStyleContext *context,
        const char      *name,
        VtChartColor    *color)
{
  GdkRGBA rgba;

  /* Keep the preset when the theme does not define the colour. */
  if (gtk_style_context_lookup_color (context, name, &rgba))
    color_from_rgba (color, &rgba);
}

/**
 * vt_chart_view_dup_style:
 *
 * The style the chart is drawn with, as read from the widget's style:
 * exports use it too, so they look like the screen.
 */
VtChartStyle *
vt_chart_view_dup_style (VtChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  VtChartStyle *style = vt_chart_style_new (dark, high_contrast);
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA fg;

  g_return_val_if_fail (VT_IS_CHART_VIEW (self), NULL);

  gtk_style_context_get_color (context, &fg);
  color_from_rgba (&style->foreground, &fg);
  lookup (context, "card_bg_color", &style->background);
  /* The card's colour is translucent over the window in libadwaita;
   * charts need an opaque one for exports and label plates. */
  if (style->background.alpha < 1)
    {
      VtChartColor window = style->background;

      lookup (context, "window_bg_color", &window);
      style->background = vt_chart_color_mix (&window, &(VtChartColor) { style->background.red, style->background.green,
                                                                         style->background.blue, 1 },
                                              style->background.alpha);
      style->background.alpha = 1;
    }
  lookup (context, "accent_color", &style->accent);
  lookup (context, "success_bg_color", &style->ready);
  lookup (context, "warning_bg_color", &style->conditional);
  lookup (context, "error_bg_color", &style->not_ready);
  lookup (context, "accent_bg_color", &style->series[0]);
  style->secondary = vt_chart_color_mix (&style->foreground, &style->background, high_contrast ? 0 : 0.3);
  style->grid = vt_chart_color_mix (&style->foreground, &style->background, high_contrast ? 0.5 : 0.85);
  if (font != NULL)
    {
      pango_font_description_free (style->font);
      style->font = pango_font_description_copy (font);
    }
  style->scale = gtk_widget_get_scale_factor (widget);
  return style;
}

static void
update_style (VtChartView *self)
{
  g_autoptr(VtChartStyle) style = vt_chart_view_dup_style (self);

  if (vt_chart_style_equal (style, self->style))
    return;
  g_clear_pointer (&self->style, vt_chart_style_free);
  self->style = g_steal_pointer (&style);
  invalidate (self);
}

static void
clear_table (VtChartView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_grid))) != NULL)
    gtk_grid_remove (self->table_grid, child);
  self->table_current = FALSE;
}

static void
fill_table (VtChartView *self)
{
  g_autoptr(VtChartTable) table = NULL;
  GtkWidget *summary;

  clear_table (self);
  if (self->chart == NULL)
    return;
  table = vt_chart_describe (self->chart);

  summary = gtk_label_new (table->summary);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_grid_attach (self->table_grid, summary, 0, 0, MAX (table->columns->len, 1), 1);

  for (guint c = 0; c < table->columns->len; c++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (table->columns, c));

      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->table_grid, label, c, 1, 1, 1);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (row[c]);

          /* Names on the left, numbers on the right, as in a spreadsheet. */
          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (self->table_grid, label, c, r + 2, 1, 1);
        }
    }
  self->table_current = TRUE;
}

static void
update_accessible (VtChartView *self)
{
  g_autoptr(VtChartTable) table = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  table = vt_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table->title ? table->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, table->summary ? table->summary : "",
                                  -1);
}

VtChart *
vt_chart_view_get_chart (VtChartView *self)
{
  g_return_val_if_fail (VT_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
vt_chart_view_set_chart (VtChartView *self,
                         VtChart     *chart)
{
  g_return_if_fail (VT_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, vt_chart_unref);
  if (chart != NULL)
    self->chart = vt_chart_ref (chart);
  vt_chart_hits_clear (self->hits);
  self->table_current = FALSE;
  if (self->show_table)
    fill_table (self);
  update_accessible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", chart != NULL);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

gboolean
vt_chart_view_get_show_table (VtChartView *self)
{
  g_return_val_if_fail (VT_IS_CHART_VIEW (self), FALSE);
  return self->show_table;
}

void
vt_chart_view_set_show_table (VtChartView *self,
                              gboolean     show_table)
{
  g_return_if_fail (VT_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  if (show_table && !self->table_current)
    fill_table (self);
  gtk_widget_set_visible (GTK_WIDGET (self->table_window), show_table);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

/* How many times the chart was drawn, for tests of the cache. */
guint
vt_chart_view_get_n_renders (VtChartView *self)
{
  g_return_val_if_fail (VT_IS_CHART_VIEW (self), 0);
  return self->n_renders;
}

/* Returns: (nullable): the tooltip of the mark at (@x, @y) */
const char *
vt_chart_view_query_tooltip (VtChartView *self,
                             double       x,
                             double       y)
{
  g_return_val_if_fail (VT_IS_CHART_VIEW (self), NULL);
  if (self->show_table || self->chart == NULL)
    return NULL;
  return vt_chart_hits_lookup (self->hits, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  VtChartView *self = VT_CHART_VIEW (widget);
  const char *text;

  if (keyboard)
    return FALSE;
  text = vt_chart_view_query_tooltip (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
vt_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VtChartView *self = VT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart != NULL && !self->show_table && width > 0 && height > 0)
    {
      if (self->style == NULL)
        update_style (self);
      if (self->cache == NULL || self->cache_width != width || self->cache_height != height)
        {
          GtkSnapshot *s = gtk_snapshot_new ();
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
          cairo_t *cr = gtk_snapshot_append_cairo (s, &bounds);

          vt_chart_draw (self->chart, cr, width, height, self->style, self->hits);
          cairo_destroy (cr);
          g_clear_pointer (&self->cache, gsk_render_node_unref);
          self->cache = gtk_snapshot_free_to_node (s);
          self->cache_width = width;
          self->cache_height = height;
          self->n_renders++;
        }
      if (self->cache != NULL)
        {
          GskRoundedRect clip;

          gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), CARD_RADIUS);
          gtk_snapshot_push_rounded_clip (snapshot, &clip);
          gtk_snapshot_append_node (snapshot, self->cache);
          gtk_snapshot_pop (snapshot);
        }
    }
  GTK_WIDGET_CLASS (vt_chart_view_parent_class)->snapshot (widget, snapshot);
}

static void
vt_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vt_chart_view_parent_class)->css_changed (widget, change);
  update_style (VT_CHART_VIEW (widget));
}

/* Export */

typedef struct
{
  VtChart       *chart;
  VtChartStyle  *style;
  VtChartFormat  format;
  GFile         *file;
  double         width;
  double         height;
} Export;

static void
export_free (Export *e)
{
  g_clear_pointer (&e->chart, vt_chart_unref);
  g_clear_pointer (&e->style, vt_chart_style_free);
  g_clear_object (&e->file);
  g_free (e);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;

  if (vt_chart_export_file (e->chart, e->format, e->file, e->width, e->height, e->style, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VtChartView *self = VT_CHART_VIEW (object);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Chart exported")));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(VtChartView) self = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *path = NULL;
  const char *format_id, *size_id;
  Export *e;
  GTask *task;

  if (response != GTK_RESPONSE_ACCEPT || self->chart == NULL)
    {
      g_object_unref (native);
      return;
    }

  chosen = gtk_file_chooser_get_file (chooser);
  format_id = gtk_file_chooser_get_choice (chooser, "format");
  size_id = gtk_file_chooser_get_choice (chooser, "size");

  e = g_new0 (Export, 1);
  e->chart = vt_chart_ref (self->chart);
  e->style = vt_chart_view_dup_style (self);
  path = g_file_get_path (chosen);
  /* A name ending in .png, .svg or .pdf decides the format; otherwise
   * the format chosen below the file list does, and names the suffix. */
  if (path == NULL || !vt_chart_format_from_path (path, &e->format))
    {
      g_autofree char *with_suffix = NULL;

      e->format = g_strcmp0 (format_id, "svg") == 0 ? VT_CHART_FORMAT_SVG
                  : g_strcmp0 (format_id, "pdf") == 0 ? VT_CHART_FORMAT_PDF
                  : VT_CHART_FORMAT_PNG;
      with_suffix = g_strconcat (g_file_peek_path (chosen), vt_chart_format_get_suffix (e->format), NULL);
      e->file = g_file_new_for_path (with_suffix);
    }
  else
    e->file = g_object_ref (chosen);

  if (g_strcmp0 (size_id, "shown") == 0)
    {
      e->width = gtk_widget_get_width (GTK_WIDGET (self));
      e->height = gtk_widget_get_height (GTK_WIDGET (self));
    }
  else if (size_id == NULL || sscanf (size_id, "%lfx%lf", &e->width, &e->height) != 2)
    {
      e->width = 1920;
      e->height = 1080;
    }
  /* Exports are drawn at one pixel per unit; the screen's scale factor
   * would double a 1920×1080 PNG. */
  e->style->scale = 1;

  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_task_data (task, e, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
  g_object_unref (task);
  g_object_unref (native);
}

static char *
suggested_name (VtChartView *self)
{
  g_autoptr(VtChartTable) table = vt_chart_describe (self->chart);
  GString *name = g_string_new (table->title != NULL && *table->title ? table->title : vt_chart_get_id (self->chart));

  /* Titles may hold characters that are not allowed in file names. */
  for (char *p = name->str; *p; p++)
    if (*p == '/' || *p == '\\' || *p == ':')
      *p = '-';
  g_string_append (name, ".png");
  return g_string_free (name, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtChartView *self = VT_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  const char *format_ids[] = { "png", "svg", "pdf", NULL };
  const char *format_labels[] = { _("PNG image"), _("SVG drawing"), _("PDF document"), NULL };
  const char *size_ids[] = { "1280x720", "1920x1080", "3840x2160", "shown", NULL };
  const char *size_labels[] = { _("1280 × 720 (slides)"), _("1920 × 1080 (full HD)"), _("3840 × 2160 (4K)"),
                                _("As shown"), NULL };

  if (self->chart == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Format"), format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "png");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "size", "1920x1080");
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
vt_chart_view_dispose (GObject *object)
{
  VtChartView *self = VT_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_CHART_VIEW);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  G_OBJECT_CLASS (vt_chart_view_parent_class)->dispose (object);
}

static void
vt_chart_view_finalize (GObject *object)
{
  VtChartView *self = VT_CHART_VIEW (object);

  g_clear_pointer (&self->chart, vt_chart_unref);
  g_clear_pointer (&self->style, vt_chart_style_free);
  g_clear_pointer (&self->hits, vt_chart_hits_free);
  G_OBJECT_CLASS (vt_chart_view_parent_class)->finalize (object);
}

static void
vt_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtChartView *self = VT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtChartView *self = VT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      vt_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TABLE:
      vt_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_chart_view_class_init (VtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_chart_view_dispose;
  object_class->finalize = vt_chart_view_finalize;
  object_class->get_property = vt_chart_view_get_property;
  object_class->set_property = vt_chart_view_set_property;
  widget_class->snapshot = vt_chart_view_snapshot;
  widget_class->css_changed = vt_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, VT_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtChartView, table_window);
  gtk_widget_class_bind_template_child (widget_class, VtChartView, table_grid);
  gtk_widget_class_bind_template_child (widget_class, VtChartView, button_box);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "chart.show-table", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vt-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vt_chart_view_init (VtChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hits = vt_chart_hits_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", FALSE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (self, "notify::scale-factor", G_CALLBACK (update_style), self);
}
