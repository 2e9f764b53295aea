/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-month-view.c: six weeks of visits, a cell per day.
 *
 * As GNOME Calendar's month view: the cells, day numbers, today and the
 * holidays are drawn in snapshot(); the visits are button children, as many
 * as fit in a cell, with "+N" drawn for the rest (the agenda lists them).
 */

#define G_LOG_DOMAIN "vt-visits"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-calendar-layout.h"
#include "vt-holidays.h"
#include "vt-month-view.h"
#include "vt-visit-button.h"
#include "vt-format.h"

#define HEADER_HEIGHT 28
#define CELL_TOP 40
#define ROW_HEIGHT 24
#define MIN_CELL_WIDTH 64
#define MIN_CELL_HEIGHT 96

struct _VtMonthView
{
  GtkWidget   parent_instance;

  GDate       first;
  GDate       focus;
  GDate       today;
  GPtrArray  *buttons;     /* data "cell" = 0..41, "row" = index in cell */
  guint       per_cell[42];
  guint       shown[42];
};

G_DEFINE_FINAL_TYPE (VtMonthView, vt_month_view, GTK_TYPE_WIDGET)

GtkWidget *
vt_month_view_new (void)
{
  return g_object_new (VT_TYPE_MONTH_VIEW, NULL);
}

static void
clear_buttons (VtMonthView *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);
  memset (self->per_cell, 0, sizeof self->per_cell);
}

void
vt_month_view_set_month (VtMonthView *self,
                         const GDate *focus,
                         const GDate *today)
{
  GDate last;

  g_return_if_fail (VT_IS_MONTH_VIEW (self));

  self->focus = *focus;
  self->today = *today;
  vt_calendar_range (VT_CALENDAR_VIEW_MONTH, focus, &self->first, &last);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vt_month_view_set_visits:
 * @visits: (element-type VtVisit): in start order
 * @conflicts: (nullable): visit ids (gint64 keys) that have warnings
 */
void
vt_month_view_set_visits (VtMonthView *self,
                          GPtrArray   *visits,
                          GHashTable  *conflicts)
{
  g_return_if_fail (VT_IS_MONTH_VIEW (self));

  clear_buttons (self);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (visits, i);
      gboolean conflict = conflicts != NULL && g_hash_table_contains (conflicts, &v->id);
      GDate start, end;
      gint64 first = g_date_get_julian (&self->first);

      vt_date_from_date_time (v->starts_at, &start);
      vt_date_from_date_time (v->ends_at, &end);
      if (g_date_time_compare (v->ends_at, v->starts_at) > 0)
        {
          g_autoptr(GDateTime) before_end = g_date_time_add_seconds (v->ends_at, -1);

          vt_date_from_date_time (before_end, &end);
        }
      for (gint64 j = g_date_get_julian (&start); j <= (gint64) g_date_get_julian (&end); j++)
        {
          gint64 cell = j - first;
          GtkWidget *button;

          if (cell < 0 || cell >= 42)
            continue;
          button = vt_visit_button_new (v, conflict, TRUE);
          g_object_set_data (G_OBJECT (button), "cell", GINT_TO_POINTER ((int) cell));
          g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (self->per_cell[cell]));
          self->per_cell[cell]++;
          gtk_widget_set_parent (button, GTK_WIDGET (self));
          g_ptr_array_add (self->buttons, button);
        }
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
vt_month_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 7 * MIN_CELL_WIDTH;
  else
    *minimum = *natural = HEADER_HEIGHT + 6 * MIN_CELL_HEIGHT;
}

/* How many visit rows fit in a cell, keeping one for "+N" when needed. */
static guint
rows_that_fit (double   cell_height,
               guint    n)
{
  guint fit = (guint) MAX (0.0, (cell_height - CELL_TOP - 2) / ROW_HEIGHT);

  return n <= fit ? n : (fit > 0 ? fit - 1 : 0);
}

static void
vt_month_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VtMonthView *self = VT_MONTH_VIEW (widget);
  double cw = width / 7.0;
  double ch = (height - HEADER_HEIGHT) / 6.0;

  for (guint c = 0; c < 42; c++)
    self->shown[c] = rows_that_fit (ch, self->per_cell[c]);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      int cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cell"));
      guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row"));
      int min;

      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
      if (row >= self->shown[cell])
        {
          gtk_widget_set_child_visible (button, FALSE);
          continue;
        }
      gtk_widget_set_child_visible (button, TRUE);
      gtk_widget_size_allocate (button,
                                &(GtkAllocation) { (int) ((cell % 7) * cw) + 3,
                                                   (int) (HEADER_HEIGHT + (cell / 7) * ch) + CELL_TOP + (int) row * ROW_HEIGHT,
                                                   MAX (1, (int) cw - 6), ROW_HEIGHT - 2 },
                                -1);
    }
}

static void
vt_month_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VtMonthView *self = VT_MONTH_VIEW (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cw = width / 7.0;
  double ch = (height - HEADER_HEIGHT) / 6.0;
  GdkRGBA fg, line, dim, accent, accent_fg, holiday;

  if (!g_date_valid (&self->first))
    return;

  gtk_style_context_get_color (context, &fg);
  line = fg;
  line.alpha = 0.12f;
  dim = fg;
  dim.alpha = 0.45f;
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &accent_fg))
    gdk_rgba_parse (&accent_fg, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "error_color", &holiday))
    gdk_rgba_parse (&holiday, "#c01c28");

  /* Weekday names, from the first week. */
  for (int day = 0; day < 7; day++)
    {
      GDate d = self->first;
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *name = NULL;

      g_date_add_days (&d, day);
      dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
      name = vt_format_date (NULL, dt, VT_DATE_FORMAT_WEEKDAY);
      vt_calendar_draw_text (widget, snapshot, name, day * cw + 6, 6, (int) cw - 8, TRUE, FALSE, &dim);
    }

  for (int cell = 0; cell < 42; cell++)
    {
      GDate d = self->first;
      double x = (cell % 7) * cw;
      double y = HEADER_HEIGHT + (cell / 7) * ch;
      gboolean in_month, is_today;
      const char *holiday_id;
      g_autofree char *number = NULL;

      g_date_add_days (&d, cell);
      in_month = g_date_get_month (&d) == g_date_get_month (&self->focus);
      is_today = g_date_compare (&d, &self->today) == 0;
      holiday_id = vt_holiday_lookup (VT_HOLIDAY_CALENDAR_VIETNAM, &d, NULL);
      number = vt_format_integer (NULL, g_date_get_day (&d));

      if (holiday_id != NULL)
        {
          GdkRGBA tint = holiday;

          tint.alpha = 0.07f;
          gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) cw, (float) ch));
        }
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) cw, 1));
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT ((float) x, (float) y, 1, (float) ch));

      if (is_today)
        {
          GskRoundedRect circle;

          gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT ((float) x + 4, (float) y + 4, 26, 26), 13);
          gtk_snapshot_push_rounded_clip (snapshot, &circle);
          gtk_snapshot_append_color (snapshot, &accent, &circle.bounds);
          gtk_snapshot_pop (snapshot);
        }
      vt_calendar_draw_text (widget, snapshot, number, x + (g_date_get_day (&d) < 10 ? 13 : 9), y + 8, 0, FALSE, is_today,
                 is_today ? &accent_fg : in_month ? (holiday_id ? &holiday : &fg) : &dim);
      if (holiday_id != NULL)
        vt_calendar_draw_text (widget, snapshot, vt_holiday_get_display_name (holiday_id), x + 34, y + 10, (int) cw - 38,
                   TRUE, FALSE, &holiday);

      if (self->per_cell[cell] > self->shown[cell])
        {
          g_autofree char *more = NULL;

          /* Translators: in a month view cell, how many more visits there are */
          more = g_strdup_printf (_("+%u more"), self->per_cell[cell] - self->shown[cell]);
          vt_calendar_draw_text (widget, snapshot, more, x + 6, y + CELL_TOP + self->shown[cell] * ROW_HEIGHT + 2,
                     (int) cw - 8, TRUE, FALSE, &dim);
        }

      if (g_date_compare (&d, &self->focus) == 0 && gtk_widget_has_focus (widget))
        {
          GdkRGBA ring = accent;

          gtk_snapshot_append_border (snapshot,
                                      &GSK_ROUNDED_RECT_INIT ((float) x + 1, (float) y + 1, (float) cw - 2, (float) ch - 2),
                                      (float[4]) { 2, 2, 2, 2 },
                                      (GdkRGBA[4]) { ring, ring, ring, ring });
        }
    }

  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->buttons, i), snapshot);
}

static void
vt_month_view_dispose (GObject *object)
{
  VtMonthView *self = VT_MONTH_VIEW (object);

  if (self->buttons != NULL)
    clear_buttons (self);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_month_view_parent_class)->dispose (object);
}

static void
vt_month_view_class_init (VtMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_month_view_dispose;
  widget_class->measure = vt_month_view_measure;
  widget_class->size_allocate = vt_month_view_size_allocate;
  widget_class->snapshot = vt_month_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "vt-month-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
vt_month_view_init (VtMonthView *self)
{
  self->buttons = g_ptr_array_new ();
  g_date_clear (&self->first, 1);
  g_date_clear (&self->focus, 1);
  g_date_clear (&self->today, 1);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
