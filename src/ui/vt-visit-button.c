/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-button.c: how a visit shows in the calendar views.
 *
 * Visits are real buttons, focusable and named for screen readers; the
 * views only draw the grid around them. Activating one runs
 * "visits.edit" with the visit's id.
 */

#define G_LOG_DOMAIN "vt-visits"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-holidays.h"
#include "vt-visit-button.h"
#include "vt-format.h"

/**
 * vt_visit_dup_title:
 *
 * Returns: (transfer full): the supplier's name, or the kind of visit when
 *   the name is not known
 */
char *
vt_visit_dup_title (VtVisit *visit)
{
  if (visit->supplier_name != NULL)
    return g_strdup (visit->supplier_name);
  return g_strdup (vt_visit_kind_get_display_name (visit->kind));
}

/**
 * vt_visit_format_time_range:
 * @zone: (nullable): the zone to show the times in; Vietnam when %NULL
 *
 * Returns: (transfer full): e.g. "09:00–11:30", with the day of the end
 *   when it ends on another day
 */
char *
vt_visit_format_time_range (VtVisit   *visit,
                            GTimeZone *zone)
{
  GTimeZone *tz = zone != NULL ? zone : vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (visit->starts_at, tz);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (visit->ends_at, tz);
  g_autofree char *s = vt_format_date (NULL, start, VT_DATE_FORMAT_TIME);
  g_autofree char *e = NULL;

  if (g_date_time_get_day_of_year (start) != g_date_time_get_day_of_year (end)
      || g_date_time_get_year (start) != g_date_time_get_year (end))
    e = vt_format_date (NULL, end, VT_DATE_FORMAT_DAY_MONTH_TIME);
  else
    e = vt_format_date (NULL, end, VT_DATE_FORMAT_TIME);
  return g_strdup_printf ("%s–%s", s, e);
}

VtVisit *
vt_visit_button_get_visit (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "vt-visit");
}

GtkWidget *
vt_visit_button_new (VtVisit  *visit,
                     gboolean  conflict,
                     gboolean  compact)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (compact ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, compact ? 4 : 0);
  GtkWidget *title = NULL;
  GtkWidget *time = NULL;
  g_autofree char *name = vt_visit_dup_title (visit);
  g_autofree char *range = vt_visit_format_time_range (visit, NULL);
  g_autofree char *accessible = NULL;
  g_autofree char *css = g_strdup_printf ("vt-visit-%s", vt_visit_status_to_string (visit->status));

  if (conflict)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }

  title = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  if (!compact)
    {
      /* The week view has room for the times above the name; the month
       * view shows the name only, with the times in the tooltip. */
      time = gtk_label_new (range);
      gtk_label_set_xalign (GTK_LABEL (time), 0);
      gtk_label_set_ellipsize (GTK_LABEL (time), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (time, "numeric");
      gtk_widget_add_css_class (time, "vt-visit-time");
      gtk_box_append (GTK_BOX (box), time);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (title), 3);
    }
  gtk_box_append (GTK_BOX (box), title);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "vt-visit");
  gtk_widget_add_css_class (button, css);
  if (conflict)
    gtk_widget_add_css_class (button, "vt-visit-conflict");
  gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);

  /* Translators: how a screen reader names a visit in the calendar: the
   * supplier, the kind, the times and the status */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), name, vt_visit_kind_get_display_name (visit->kind),
                                range, vt_visit_status_get_display_name (visit->status));
  if (conflict)
    {
      char *with = g_strdup_printf (_("%s, with warnings"), accessible);

      g_free (accessible);
      accessible = with;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "visits.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", visit->id);
  g_object_set_data_full (G_OBJECT (button), "vt-visit", vt_visit_ref (visit), (GDestroyNotify) vt_visit_unref);
  return button;
}

/**
 * vt_calendar_draw_text:
 * @width: the width to ellipsize at, or 0 for none
 *
 * Draws a line of the calendar views' decoration with Pango, in the
 * widget's font, at (@x, @y).
 */
void
vt_calendar_draw_text (GtkWidget     *widget,
                       GtkSnapshot   *snapshot,
                       const char    *text,
                       double         x,
                       double         y,
                       int            width,
                       gboolean       small,
                       gboolean       bold,
                       const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}
