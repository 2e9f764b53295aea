/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-week-view.c: a week of visits, hour by hour.
 *
 * Drawn as GNOME Calendar draws its week: the grid, the hours, today and
 * the holidays are decoration painted in snapshot(); each visit is a real
 * button child, placed in size_allocate() by vt_calendar_layout_day().
 * A visit spanning midnight shows on both days.
 */

#define G_LOG_DOMAIN "vt-visits"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-calendar-layout.h"
#include "vt-holidays.h"
#include "vt-visit-button.h"
#include "vt-week-view.h"
#include "vt-format.h"

#define HOUR_HEIGHT 44
#define HEADER_HEIGHT 52
#define GUTTER_WIDTH 56
#define MIN_DAY_WIDTH 72

struct _VtWeekView
{
  GtkWidget   parent_instance;

  GDate       first;      /* Monday */
  GDate       focus;
  GDate       today;
  GPtrArray  *buttons;    /* GtkWidget; data "day" = index, "start"/"end" hours */
};

G_DEFINE_FINAL_TYPE (VtWeekView, vt_week_view, GTK_TYPE_WIDGET)

GtkWidget *
vt_week_view_new (void)
{
  return g_object_new (VT_TYPE_WEEK_VIEW, NULL);
}

static void
clear_buttons (VtWeekView *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);
}

void
vt_week_view_set_week (VtWeekView  *self,
                       const GDate *focus,
                       const GDate *today)
{
  GDate last;

  g_return_if_fail (VT_IS_WEEK_VIEW (self));

  self->focus = *focus;
  self->today = *today;
  vt_calendar_range (VT_CALENDAR_VIEW_WEEK, focus, &self->first, &last);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  GDateTime *start;
  GDateTime *end;
  GtkWidget *button;
} Segment;

/**
 * vt_week_view_set_visits:
 * @visits: (element-type VtVisit): the visits of the week, in start order
 * @conflicts: (nullable): visit ids (gint64 keys) that have warnings
 */
void
vt_week_view_set_visits (VtWeekView *self,
                         GPtrArray  *visits,
                         GHashTable *conflicts)
{
  g_return_if_fail (VT_IS_WEEK_VIEW (self));

  clear_buttons (self);
  for (int day = 0; day < 7; day++)
    {
      GDate d = self->first;
      g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
      g_autofree GDateTime **starts = NULL;
      g_autofree GDateTime **ends = NULL;
      g_autofree guint *column = NULL;
      g_autofree guint *n_columns = NULL;

      g_date_add_days (&d, day);
      for (guint i = 0; visits != NULL && i < visits->len; i++)
        {
          VtVisit *v = g_ptr_array_index (visits, i);
          double s = vt_calendar_hour_offset (v->starts_at, &d);
          double e = vt_calendar_hour_offset (v->ends_at, &d);
          gboolean conflict = conflicts != NULL && g_hash_table_contains (conflicts, &v->id);
          Segment seg;

          if (e <= 0 || s >= 24 || (e == s && (s < 0 || s >= 24)))
            continue;
          seg.start = v->starts_at;
          seg.end = v->ends_at;
          seg.button = vt_visit_button_new (v, conflict, FALSE);
          g_object_set_data (G_OBJECT (seg.button), "day", GINT_TO_POINTER (day));
          g_array_append_val (segments, seg);
        }

      starts = g_new (GDateTime *, MAX (segments->len, 1));
      ends = g_new (GDateTime *, MAX (segments->len, 1));
      column = g_new (guint, MAX (segments->len, 1));
      n_columns = g_new (guint, MAX (segments->len, 1));
      for (guint i = 0; i < segments->len; i++)
        {
          starts[i] = g_array_index (segments, Segment, i).start;
          ends[i] = g_array_index (segments, Segment, i).end;
        }
      vt_calendar_layout_day (starts, ends, segments->len, column, n_columns);
      for (guint i = 0; i < segments->len; i++)
        {
          GtkWidget *button = g_array_index (segments, Segment, i).button;

          g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (column[i]));
          g_object_set_data (G_OBJECT (button), "n-columns", GUINT_TO_POINTER (n_columns[i]));
          gtk_widget_set_parent (button, GTK_WIDGET (self));
          g_ptr_array_add (self->buttons, button);
        }
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static double
day_width (VtWeekView *self,
           int         width)
{
  return MAX (1.0, (width - GUTTER_WIDTH) / 7.0);
}

static double
hour_y (double hour)
{
  hour = CLAMP (hour, VT_CALENDAR_FIRST_HOUR, VT_CALENDAR_LAST_HOUR);
  return HEADER_HEIGHT + (hour - VT_CALENDAR_FIRST_HOUR) * HOUR_HEIGHT;
}

static void
vt_week_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER_WIDTH + 7 * MIN_DAY_WIDTH;
  else
    *minimum = *natural = HEADER_HEIGHT + (VT_CALENDAR_LAST_HOUR - VT_CALENDAR_FIRST_HOUR) * HOUR_HEIGHT;
}

static void
vt_week_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  VtWeekView *self = VT_WEEK_VIEW (widget);
  double dw = day_width (self, width);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      VtVisit *v = vt_visit_button_get_visit (button);
      int day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day"));
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));
      guint n_columns = MAX (1, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "n-columns")));
      GDate d = self->first;
      double top, bottom, x, w;
      int child_min;

      g_date_add_days (&d, day);
      top = hour_y (vt_calendar_hour_offset (v->starts_at, &d));
      bottom = hour_y (vt_calendar_hour_offset (v->ends_at, &d));
      x = GUTTER_WIDTH + day * dw + 2 + column * (dw - 4) / n_columns;
      w = (dw - 4) / n_columns - 2;
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &child_min, NULL, NULL, NULL);
      bottom = MAX (bottom, top + MIN (child_min, HOUR_HEIGHT / 2));
      if (bottom > height)
        {
          top = MAX (HEADER_HEIGHT, height - (bottom - top));
          bottom = height;
        }
      gtk_widget_size_allocate (button,
                                &(GtkAllocation) { (int) x, (int) top + 1, MAX (1, (int) w), MAX (1, (int) (bottom - top) - 2) },
                                -1);
    }
}

static void
vt_week_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  VtWeekView *self = VT_WEEK_VIEW (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double dw = day_width (self, width);
  GdkRGBA fg, line, dim, accent, holiday;

  gtk_style_context_get_color (context, &fg);
  line = fg;
  line.alpha = 0.12f;
  dim = fg;
  dim.alpha = 0.6f;
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "error_color", &holiday))
    gdk_rgba_parse (&holiday, "#c01c28");

  if (!g_date_valid (&self->first))
    return;

  for (int day = 0; day < 7; day++)
    {
      GDate d = self->first;
      double x = GUTTER_WIDTH + day * dw;
      const char *holiday_id;
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *label = NULL;
      gboolean is_today;

      g_date_add_days (&d, day);
      is_today = g_date_compare (&d, &self->today) == 0;
      holiday_id = vt_holiday_lookup (VT_HOLIDAY_CALENDAR_VIETNAM, &d, NULL);
      dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
      label = vt_format_date (NULL, dt, VT_DATE_FORMAT_WEEKDAY_DAY);

      if (is_today || holiday_id != NULL)
        {
          GdkRGBA tint = is_today ? accent : holiday;

          tint.alpha = 0.08f;
          gtk_snapshot_append_color (snapshot, &tint,
                                     &GRAPHENE_RECT_INIT ((float) x, 0, (float) dw, (float) height));
        }
      if (g_date_compare (&d, &self->focus) == 0 && gtk_widget_has_focus (widget))
        {
          GdkRGBA ring = accent;

          ring.alpha = 0.5f;
          gtk_snapshot_append_border (snapshot,
                                      &GSK_ROUNDED_RECT_INIT ((float) x + 1, 1, (float) dw - 2, (float) height - 2),
                                      (float[4]) { 2, 2, 2, 2 },
                                      (GdkRGBA[4]) { ring, ring, ring, ring });
        }
      vt_calendar_draw_text (widget, snapshot, label, x + 6, 4, (int) dw - 8, FALSE, FALSE, is_today ? &accent : &fg);
      if (holiday_id != NULL)
        vt_calendar_draw_text (widget, snapshot, vt_holiday_get_display_name (holiday_id), x + 6, 26, (int) dw - 8, TRUE, FALSE, &holiday);
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT ((float) x, 0, 1, (float) height));
    }

  for (int hour = VT_CALENDAR_FIRST_HOUR; hour <= VT_CALENDAR_LAST_HOUR; hour++)
    {
      double y = hour_y (hour);
      g_autofree char *text = g_strdup_printf ("%02d:00", hour);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH - 6, (float) y, (float) width, 1));
      if (hour < VT_CALENDAR_LAST_HOUR)
        vt_calendar_draw_text (widget, snapshot, text, 6, y + 2, GUTTER_WIDTH - 10, TRUE, FALSE, &dim);
    }

  /* Now, as a line across today. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now (vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM));
    GDate last = self->first;

    g_date_add_days (&last, 6);
    if (g_date_compare (&self->today, &self->first) >= 0 && g_date_compare (&self->today, &last) <= 0)
      {
        double hour = vt_calendar_hour_offset (now, &self->today);
        int day = (int) (g_date_get_julian (&self->today) - g_date_get_julian (&self->first));

        if (hour >= VT_CALENDAR_FIRST_HOUR && hour <= VT_CALENDAR_LAST_HOUR)
          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT ((float) (GUTTER_WIDTH + day * dw), (float) hour_y (hour) - 1,
                                                          (float) dw, 2));
      }
  }

  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->buttons, i), snapshot);
}

static void
vt_week_view_dispose (GObject *object)
{
  VtWeekView *self = VT_WEEK_VIEW (object);

  if (self->buttons != NULL)
    clear_buttons (self);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_week_view_parent_class)->dispose (object);
}

static void
vt_week_view_class_init (VtWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_week_view_dispose;
  widget_class->measure = vt_week_view_measure;
  widget_class->size_allocate = vt_week_view_size_allocate;
  widget_class->snapshot = vt_week_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "vt-week-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
vt_week_view_init (VtWeekView *self)
{
  self->buttons = g_ptr_array_new ();
  g_date_clear (&self->first, 1);
  g_date_clear (&self->focus, 1);
  g_date_clear (&self->today, 1);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
