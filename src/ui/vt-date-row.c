/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-date-row.c: an entry row for a date, typed or picked on a calendar.
 *
 * The text stays the row's value, so a typed date is read and checked as
 * any other field (vt_check_date()). The calendar button opens on the day
 * typed, or on today, and writes the day chosen there in the language's
 * own short form (vt_format_date_entry()), which reads back as the same day.
 * Arrow keys move through the calendar, Enter or a click on a day takes
 * it and closes the calendar, Escape closes it leaving the text as it is.
 */
#define G_LOG_DOMAIN "vt-date-row"

#include "config.h"

#include "vt-date-row.h"
#include "vt-supplier-profile-state.h"

struct _VtDateRow
{
  AdwEntryRow    parent_instance;

  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  gboolean       showing;    /* setting the calendar to the typed day */
};

G_DEFINE_FINAL_TYPE (VtDateRow, vt_date_row, ADW_TYPE_ENTRY_ROW)

/**
 * vt_date_row_choose_date:
 *
 * Writes @date in the row, as choosing it on the calendar does.
 */
void
vt_date_row_choose_date (VtDateRow   *self,
                         const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (VT_IS_DATE_ROW (self));
  g_return_if_fail (date != NULL);

  text = vt_format_date_entry (date);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
on_popover_show (VtDateRow *self)
{
  GDate date;
  g_autoptr(GDateTime) day = NULL;

  /* A date typed and valid; otherwise today. */
  if (vt_check_date (gtk_editable_get_text (GTK_EDITABLE (self)), &date) == NULL && g_date_valid (&date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();

  self->showing = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->showing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
on_day_selected (VtDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  GDate date;

  if (self->showing)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  vt_date_row_choose_date (self, &date);
}

/* Enter takes the day the arrow keys moved to. */
static gboolean
on_calendar_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 VtDateRow             *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter
      && keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;
  on_day_selected (self);
  gtk_popover_popdown (self->popover);
  return GDK_EVENT_STOP;
}

/* A click on a day takes it; a click on the month and year buttons only
 * turns the page. */
static void
on_calendar_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      VtDateRow       *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_popover_popdown (self->popover);
}

GtkWidget *
vt_date_row_new (void)
{
  return g_object_new (VT_TYPE_DATE_ROW, NULL);
}

static void
vt_date_row_dispose (GObject *object)
{
  VtDateRow *self = VT_DATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_DATE_ROW);

  G_OBJECT_CLASS (vt_date_row_parent_class)->dispose (object);
}

static void
vt_date_row_class_init (VtDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_date_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VtDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, VtDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, VtDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
vt_date_row_init (VtDateRow *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_calendar_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_calendar_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
}
