/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visits-page.c: the Visits page: agenda, week and month.
 *
 * The page reads the visits of the days on screen (and a day either side,
 * for clashes across the edges) from the store, runs the conflict rules
 * over them to mark the visits with warnings, applies the filters and
 * hands the rest to the view on screen. Keyboard: arrows move the focused
 * day, Page Up/Down go to the previous/next week or month, Home and
 * Ctrl+T go to today, Ctrl+1/2/3 switch views, Ctrl+N plans a visit.
 */

#define G_LOG_DOMAIN "vt-visits"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-holidays.h"
#include "vt-ical.h"
#include "vt-month-view.h"
#include "vt-report-documents.h"
#include "vt-report-print.h"
#include "vt-round-charts.h"
#include "vt-visit-button.h"
#include "vt-visit-conflicts.h"
#include "vt-visit-editor.h"
#include "vt-visits-page.h"
#include "vt-week-view.h"
#include "vt-format.h"

struct _VtVisitsPage
{
  GtkWidget       parent_instance;

  GtkLabel       *range_label;
  GtkStack       *view_stack;
  GtkListBox     *agenda_list;
  AdwStatusPage  *agenda_empty;
  VtWeekView     *week_view;
  VtMonthView    *month_view;
  GtkDropDown    *person_filter;
  GtkDropDown    *province_filter;
  GtkDropDown    *kind_filter;
  GtkDropDown    *round_filter;

  VtStore        *store;
  GCancellable   *cancellable;
  VtCalendarView  view;
  GDate           focus;
  GDate           today;
  GPtrArray      *visits;       /* VtVisit, as read (range ± 1 day) */
  GPtrArray      *shown;        /* VtVisit, in range and filtered */
  GHashTable     *conflicts;    /* gint64 visit id set */
  GHashTable     *people;       /* gint64 → VtPerson */
  GArray         *person_ids;   /* the person filter's ids, index 0 = anyone */
  GPtrArray      *province_codes; /* char*, index 0 = any (NULL) */
  GArray         *round_ids;
  guint           loading;
};

G_DEFINE_FINAL_TYPE (VtVisitsPage, vt_visits_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTimeZone *
vietnam (void)
{
  return vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);
}

static void
update_today (VtVisitsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (vietnam ());

  vt_date_from_date_time (now, &self->today);
}

static GtkWindow *
parent_window (VtVisitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (VtVisitsPage *self,
       const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* The title --------------------------------------------------------------- */

static char *
format_range (VtVisitsPage *self)
{
  GDate first, last;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  vt_calendar_range (self->view, &self->focus, &first, &last);
  a = g_date_time_new (vietnam (), g_date_get_year (&first), g_date_get_month (&first), g_date_get_day (&first), 12, 0, 0);
  b = g_date_time_new (vietnam (), g_date_get_year (&last), g_date_get_month (&last), g_date_get_day (&last), 12, 0, 0);

  if (self->view == VT_CALENDAR_VIEW_WEEK)
    {
      g_autofree char *from = vt_format_date (NULL, a, VT_DATE_FORMAT_DAY_MONTH);
      g_autofree char *to = vt_format_date (NULL, b, VT_DATE_FORMAT_MEDIUM);

      /* Translators: a week's first and last days, already formatted,
       * e.g. "Mar 9 – Mar 15, 2026" */
      return g_strdup_printf (C_("week range", "%s – %s"), from, to);
    }
  else
    {
      g_autoptr(GDateTime) mid = g_date_time_new (vietnam (), g_date_get_year (&self->focus),
                                                  g_date_get_month (&self->focus), 15, 12, 0, 0);

      return vt_format_date (NULL, mid, VT_DATE_FORMAT_MONTH_YEAR);
    }
}

/* Showing ----------------------------------------------------------------- */

static void
agenda_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  VtVisit *v = g_object_get_data (G_OBJECT (row), "vt-visit");
  VtVisit *prev = before != NULL ? g_object_get_data (G_OBJECT (before), "vt-visit") : NULL;
  GDate day, prev_day;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;
  const char *holiday;
  GtkWidget *label;

  vt_date_from_date_time (v->starts_at, &day);
  if (prev != NULL)
    {
      vt_date_from_date_time (prev->starts_at, &prev_day);
      if (g_date_compare (&day, &prev_day) == 0)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }
  local = g_date_time_to_timezone (v->starts_at, vietnam ());
  text = vt_format_date (NULL, local, VT_DATE_FORMAT_WEEKDAY_DAY_MONTH);
  holiday = vt_holiday_lookup (VT_HOLIDAY_CALENDAR_VIETNAM, &day, NULL);
  if (holiday != NULL)
    {
      char *with = g_strdup_printf ("%s · %s", g_strstrip (text), vt_holiday_get_display_name (holiday));

      g_free (text);
      text = with;
    }
  label = gtk_label_new (g_strstrip (text));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "vt-agenda-day");
  gtk_list_box_row_set_header (row, label);
}

static char *
people_summary (VtVisitsPage *self,
                VtVisit      *v)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < v->participant_ids->len; i++)
    {
      gint64 id = g_array_index (v->participant_ids, gint64, i);
      VtPerson *p = g_hash_table_lookup (self->people, &id);
      g_autofree char *name = p != NULL ? vt_person_dup_full_name (p) : NULL;

      if (name == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_agenda (VtVisitsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);

  for (guint i = 0; i < self->shown->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->shown, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = vt_visit_dup_title (v);
      g_autofree char *range = vt_visit_format_time_range (v, NULL);
      g_autofree char *who = people_summary (self, v);
      g_autofree char *subtitle = NULL;
      GtkWidget *time = gtk_label_new (range);
      GtkWidget *status = gtk_label_new (vt_visit_status_get_display_name (v->status));

      subtitle = g_strdup_printf ("%s%s%s", vt_visit_kind_get_display_name (v->kind),
                                  who[0] ? " · " : "", who);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_add_css_class (time, "numeric");
      gtk_widget_set_size_request (time, 96, -1);
      gtk_label_set_xalign (GTK_LABEL (time), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), time);
      if (g_hash_table_contains (self->conflicts, &v->id))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("This visit has warnings"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("This visit has warnings"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_add_css_class (status, "vt-stage-chip");
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "visits.edit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", v->id);
      g_object_set_data_full (G_OBJECT (row), "vt-visit", vt_visit_ref (v), (GDestroyNotify) vt_visit_unref);
      gtk_list_box_append (self->agenda_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_list), self->shown->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_empty), self->shown->len == 0);
}

static VtVisitFilter
current_filter (VtVisitsPage *self)
{
  VtVisitFilter f = { 0, NULL, -1, 0 };
  guint person = gtk_drop_down_get_selected (self->person_filter);
  guint province = gtk_drop_down_get_selected (self->province_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint round = gtk_drop_down_get_selected (self->round_filter);

  if (person != GTK_INVALID_LIST_POSITION && person < self->person_ids->len)
    f.person_id = g_array_index (self->person_ids, gint64, person);
  if (province != GTK_INVALID_LIST_POSITION && province < self->province_codes->len)
    f.province_code = g_ptr_array_index (self->province_codes, province);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    f.kind = (int) kind - 1;
  if (round != GTK_INVALID_LIST_POSITION && round < self->round_ids->len)
    f.round_id = g_array_index (self->round_ids, gint64, round);
  return f;
}

static void
show (VtVisitsPage *self)
{
  g_autofree char *title = format_range (self);
  VtVisitFilter filter = current_filter (self);
  GDate first, last;

  gtk_label_set_label (self->range_label, title);
  vt_calendar_range (self->view, &self->focus, &first, &last);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, i);
      GDate start, end;

      vt_date_from_date_time (v->starts_at, &start);
      vt_date_from_date_time (v->ends_at, &end);
      if (g_date_compare (&end, &first) < 0 || g_date_compare (&start, &last) > 0)
        continue;
      if (!vt_visit_filter_matches (&filter, v))
        continue;
      g_ptr_array_add (self->shown, vt_visit_ref (v));
    }

  vt_week_view_set_week (self->week_view, &self->focus, &self->today);
  vt_month_view_set_month (self->month_view, &self->focus, &self->today);
  switch (self->view)
    {
    case VT_CALENDAR_VIEW_WEEK:
      vt_week_view_set_visits (self->week_view, self->shown, self->conflicts);
      gtk_stack_set_visible_child_name (self->view_stack, "week");
      break;
    case VT_CALENDAR_VIEW_MONTH:
      vt_month_view_set_visits (self->month_view, self->shown, self->conflicts);
      gtk_stack_set_visible_child_name (self->view_stack, "month");
      break;
    case VT_CALENDAR_VIEW_AGENDA:
    default:
      show_agenda (self);
      gtk_stack_set_visible_child_name (self->view_stack, "agenda");
      break;
    }
}

static void
find_conflicts (VtVisitsPage *self)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (VtScheduleItem));
  g_autoptr(GArray) korean = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) found = NULL;
  VtScheduleOptions options = { 0 };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->conflicts);
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, i);
      VtScheduleItem item = { v->id, v->supplier_uuid, v->province_code, v->status, v->starts_at, v->ends_at,
                              (const gint64 *) (gpointer) v->participant_ids->data, v->participant_ids->len };

      g_array_append_val (items, item);
    }
  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      VtPerson *p = value;

      if (p->kind == VT_PERSON_KIND_CONSULTANT && p->languages != NULL && g_str_has_prefix (p->languages, "ko"))
        g_array_append_val (korean, p->id);
    }
  options.korean_holiday_people = (const gint64 *) (gpointer) korean->data;
  options.n_korean_holiday_people = korean->len;

  found = vt_schedule_check_all ((VtScheduleItem *) (gpointer) items->data, items->len, &options);
  for (guint i = 0; i < found->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = g_array_index (found, VtConflict, i).visit_id;
      g_hash_table_add (self->conflicts, id);
    }
}

static void
visits_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *visits = vt_store_list_visits_finish (VT_STORE (object), result, &error);

  self->loading--;
  if (visits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  self->visits = visits;
  find_conflicts (self);
  show (self);
}

/**
 * vt_visits_page_reload:
 *
 * Reads the visits of the days on screen again.
 */
void
vt_visits_page_reload (VtVisitsPage *self)
{
  GDate first, last;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_if_fail (VT_IS_VISITS_PAGE (self));

  update_today (self);
  show (self);
  if (self->store == NULL)
    return;

  vt_calendar_range (self->view, &self->focus, &first, &last);
  g_date_subtract_days (&first, 1);
  g_date_add_days (&last, 2);
  from = g_date_time_new (vietnam (), g_date_get_year (&first), g_date_get_month (&first), g_date_get_day (&first), 0, 0, 0);
  to = g_date_time_new (vietnam (), g_date_get_year (&last), g_date_get_month (&last), g_date_get_day (&last), 0, 0, 0);

  /* A newer request replaces the one under way. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading++;
  vt_store_list_visits_async (self->store, NULL, from, to, self->cancellable, visits_listed_cb, g_object_ref (self));
}

gboolean
vt_visits_page_is_loading (VtVisitsPage *self)
{
  g_return_val_if_fail (VT_IS_VISITS_PAGE (self), FALSE);

  return self->loading > 0;
}

guint
vt_visits_page_get_n_shown (VtVisitsPage *self)
{
  g_return_val_if_fail (VT_IS_VISITS_PAGE (self), 0);

  return self->shown->len;
}

/* Filters ------------------------------------------------------------------ */

static const char *
province_name (VtProvince *p)
{
  const char *language = g_get_language_names ()[0];

  if (g_str_has_prefix (language, "ko") && p->name_ko != NULL)
    return p->name_ko;
  if (g_str_has_prefix (language, "vi"))
    return p->short_name_vi;
  return p->name_en;
}

static void
provinces_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_finish (VT_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (provinces == NULL)
    return;
  g_ptr_array_set_size (self->province_codes, 0);
  g_ptr_array_add (self->province_codes, NULL);
  gtk_string_list_append (names, C_("province filter", "Any province"));
  for (guint i = 0; i < provinces->len; i++)
    {
      VtProvince *p = g_ptr_array_index (provinces, i);

      if (g_strcmp0 (p->list_id, "2025") != 0)
        continue;
      g_ptr_array_add (self->province_codes, g_strdup (p->code));
      gtk_string_list_append (names, province_name (p));
    }
  gtk_drop_down_set_model (self->province_filter, G_LIST_MODEL (names));
}

static void
people_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GPtrArray) people = vt_store_list_people_finish (VT_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 anyone = 0;

  if (people == NULL)
    return;
  g_hash_table_remove_all (self->people);
  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, anyone);
  gtk_string_list_append (names, C_("person filter", "Anyone"));
  for (guint i = 0; i < people->len; i++)
    {
      VtPerson *p = g_ptr_array_index (people, i);
      g_autofree char *name = vt_person_dup_full_name (p);

      g_hash_table_insert (self->people, &p->id, vt_person_ref (p));
      g_array_append_val (self->person_ids, p->id);
      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->person_filter, G_LIST_MODEL (names));
  find_conflicts (self);
  show (self);
}

static void
rounds_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_finish (VT_STORE (object), result, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 any = 0;

  if (rounds == NULL)
    return;
  g_array_set_size (self->round_ids, 0);
  g_array_append_val (self->round_ids, any);
  gtk_string_list_append (names, C_("round filter", "Any round"));
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      g_array_append_val (self->round_ids, r->id);
      gtk_string_list_append (names, r->name);
    }
  gtk_drop_down_set_model (self->round_filter, G_LIST_MODEL (names));
}

static void
on_filter_changed (VtVisitsPage *self)
{
  show (self);
}

void
vt_visits_page_set_store (VtVisitsPage *self,
                          VtStore      *store)
{
  g_return_if_fail (VT_IS_VISITS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  if (store == NULL)
    return;
  vt_store_list_people_async (store, NULL, people_listed_cb, g_object_ref (self));
  vt_store_list_provinces_async (store, NULL, provinces_listed_cb, g_object_ref (self));
  vt_store_list_rounds_async (store, NULL, rounds_listed_cb, g_object_ref (self));
  vt_visits_page_reload (self);
}

/* Navigation ------------------------------------------------------------- */

void
vt_visits_page_set_focus (VtVisitsPage *self,
                          const GDate  *day)
{
  GDate old_first, old_last, first, last;

  g_return_if_fail (VT_IS_VISITS_PAGE (self));

  vt_calendar_range (self->view, &self->focus, &old_first, &old_last);
  self->focus = *day;
  vt_calendar_range (self->view, &self->focus, &first, &last);
  if (g_date_compare (&first, &old_first) != 0 || g_date_compare (&last, &old_last) != 0)
    vt_visits_page_reload (self);
  else
    show (self);
}

static void
move (VtVisitsPage   *self,
      VtCalendarMove  how)
{
  GDate focus = self->focus;

  update_today (self);
  vt_calendar_move (self->view, how, &self->today, &focus);
  vt_visits_page_set_focus (self, &focus);
}

static const char *view_names[] = { "agenda", "week", "month" };

void
vt_visits_page_set_view (VtVisitsPage   *self,
                         VtCalendarView  view)
{
  g_return_if_fail (VT_IS_VISITS_PAGE (self));
  g_return_if_fail (view <= VT_CALENDAR_VIEW_MONTH);

  if (self->view == view)
    return;
  self->view = view;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_NAME]);
  vt_visits_page_reload (self);
}

static void
vt_visits_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtVisitsPage *self = VT_VISITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_NAME:
      g_value_set_string (value, view_names[self->view]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_visits_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VtVisitsPage *self = VT_VISITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW_NAME:
      for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
        if (g_strcmp0 (g_value_get_string (value), view_names[i]) == 0)
          vt_visits_page_set_view (self, i);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move (VT_VISITS_PAGE (widget), VT_CALENDAR_MOVE_TODAY);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move (VT_VISITS_PAGE (widget), VT_CALENDAR_MOVE_PREVIOUS);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move (VT_VISITS_PAGE (widget), VT_CALENDAR_MOVE_NEXT);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VtVisitsPage          *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean in_grid = focus == GTK_WIDGET (self->week_view) || focus == GTK_WIDGET (self->month_view);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Up:
      move (self, VT_CALENDAR_MOVE_PREVIOUS);
      return TRUE;
    case GDK_KEY_Page_Down:
      move (self, VT_CALENDAR_MOVE_NEXT);
      return TRUE;
    case GDK_KEY_Home:
      move (self, VT_CALENDAR_MOVE_TODAY);
      return TRUE;
    case GDK_KEY_Left:
      if (!in_grid)
        return FALSE;
      move (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                  ? VT_CALENDAR_MOVE_RIGHT : VT_CALENDAR_MOVE_LEFT);
      return TRUE;
    case GDK_KEY_Right:
      if (!in_grid)
        return FALSE;
      move (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                  ? VT_CALENDAR_MOVE_LEFT : VT_CALENDAR_MOVE_RIGHT);
      return TRUE;
    case GDK_KEY_Up:
      if (!in_grid)
        return FALSE;
      move (self, VT_CALENDAR_MOVE_UP);
      return TRUE;
    case GDK_KEY_Down:
      if (!in_grid)
        return FALSE;
      move (self, VT_CALENDAR_MOVE_DOWN);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!in_grid)
        return FALSE;
      vt_visits_page_new_visit (self, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Editing ------------------------------------------------------------------- */

static void
editor_saved_cb (VtVisitEditor *editor,
                 VtVisit       *visit,
                 VtVisitsPage  *self)
{
  GDate day;

  toast (self, _("Visit saved"));
  vt_date_from_date_time (visit->starts_at, &day);
  self->focus = day;
  vt_visits_page_reload (self);
}

static void
open_editor (VtVisitsPage *self,
             VtVisit      *visit,
             const char   *supplier_uuid)
{
  VtVisitEditor *editor;

  g_return_if_fail (self->store != NULL);

  editor = vt_visit_editor_new (parent_window (self), self->store, visit, supplier_uuid, &self->focus);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/**
 * vt_visits_page_new_visit:
 * @supplier_uuid: (nullable): the supplier, or %NULL to choose one in the
 *   editor
 *
 * Opens the editor for a new visit on the focused day.
 */
void
vt_visits_page_new_visit (VtVisitsPage *self,
                          const char   *supplier_uuid)
{
  g_return_if_fail (VT_IS_VISITS_PAGE (self));

  open_editor (self, NULL, supplier_uuid);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  vt_visits_page_new_visit (VT_VISITS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtVisitsPage *self = VT_VISITS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, i);

      if (v->id == id)
        {
          open_editor (self, v, NULL);
          return;
        }
    }
}

/* iCalendar ------------------------------------------------------------------ */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Visits exported"));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      char *text = vt_ical_export (self->shown, self->people, &error);

      if (text == NULL)
        toast (self, error->message);
      else
        g_file_replace_contents_bytes_async (file, g_bytes_new_take (text, strlen (text)), NULL, FALSE,
                                             G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                             exported_cb, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
print_week_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtWeekReportData) data = vt_week_report_data_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      vt_report_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
      return;
    }
  vt_report_print (vt_week_report_new (data, vt_chart_language ()), GTK_WIDGET (self));
}

/* The plan of the week that holds the day in focus, whatever the view. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtVisitsPage *self = VT_VISITS_PAGE (widget);

  if (self->store == NULL)
    return;
  vt_week_report_data_load_async (self->store, &self->focus, NULL, print_week_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtVisitsPage *self = VT_VISITS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->shown->len == 0)
    {
      toast (self, _("There are no visits on screen to export"));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Visits"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested name of an exported calendar file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("visits.ics"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Importing: events that name a supplier (our own exports) or that update a
 * visit imported before are imported; others are listed as skipped, since
 * a visit needs a supplier. */
typedef struct
{
  VtVisitsPage *self;
  GPtrArray    *events;     /* VtIcalEvent */
  GPtrArray    *visits;     /* VtVisit or NULL per event */
  GPtrArray    *people;     /* VtPerson */
  guint         next;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->self);
  g_clear_pointer (&import->events, g_ptr_array_unref);
  g_clear_pointer (&import->visits, g_ptr_array_unref);
  g_clear_pointer (&import->people, g_ptr_array_unref);
  g_free (import);
}

static void import_next (Import *import);

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_import_visits_finish (VT_STORE (object), result, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Visits imported"));
  vt_visits_page_reload (self);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Import           *import)
{
  if (g_strcmp0 (response, "import") == 0)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);

      for (guint i = 0; i < import->visits->len; i++)
        if (g_ptr_array_index (import->visits, i) != NULL)
          g_ptr_array_add (batch, vt_visit_ref (g_ptr_array_index (import->visits, i)));
      vt_store_import_visits_async (import->self->store, batch, NULL, imported_cb, g_object_ref (import->self));
    }
  import_free (import);
}

static void
show_import_preview (Import *import)
{
  VtVisitsPage *self = import->self;
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint n_importable = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < import->events->len; i++)
    {
      VtIcalEvent *e = g_ptr_array_index (import->events, i);
      VtVisit *v = g_ptr_array_index (import->visits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) local = g_date_time_to_timezone (e->starts_at, vietnam ());
      g_autofree char *when = vt_format_date (NULL, local, VT_DATE_FORMAT_NUMERIC_TIME);
      g_autofree char *subtitle = NULL;

      if (v != NULL)
        n_importable++;
      subtitle = g_strdup_printf ("%s · %s", when,
                                  v == NULL ? _("Skipped: no supplier is named")
                                  : v->id != 0 || v->uuid != NULL ? _("Updates a visit")
                                  : _("New visit"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->summary ? e->summary : e->uid);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);

  dialog = adw_message_dialog_new (parent_window (self), _("Import Visits?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (NULL, "%u of %u event can be imported.",
                                               "%u of %u events can be imported.", import->events->len),
                                  n_importable, import->events->len);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", n_importable > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), import);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
known_visit_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr(VtVisit) known = vt_store_get_visit_by_uid_finish (VT_STORE (object), result, NULL);
  VtIcalEvent *e = g_ptr_array_index (import->events, import->next);

  if (known != NULL)
    g_ptr_array_index (import->visits, import->next) = vt_ical_event_to_visit (e, known->supplier_uuid, import->people);
  import->next++;
  import_next (import);
}

static void
import_next (Import *import)
{
  while (import->next < import->events->len)
    {
      VtIcalEvent *e = g_ptr_array_index (import->events, import->next);
      const char *uid = e->visit_uuid != NULL ? e->visit_uuid : e->uid;

      if (e->supplier_uuid != NULL)
        {
          g_ptr_array_index (import->visits, import->next) = vt_ical_event_to_visit (e, e->supplier_uuid, import->people);
          import->next++;
          continue;
        }
      if (uid != NULL)
        {
          vt_store_get_visit_by_uid_async (import->self->store, uid, NULL, known_visit_cb, import);
          return;
        }
      import->next++;
    }
  show_import_preview (import);
}

static void
import_people_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr(GError) error = NULL;

  import->people = vt_store_list_people_finish (VT_STORE (object), result, &error);
  if (import->people == NULL)
    {
      toast (import->self, error->message);
      import_free (import);
      return;
    }
  import_next (import);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  Import *import;
  GPtrArray *events;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      toast (self, _("The file is not an iCalendar file."));
      return;
    }
  events = vt_ical_parse (contents, &error);
  if (events == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (events->len == 0)
    {
      g_ptr_array_unref (events);
      toast (self, _("The file has no events"));
      return;
    }
  import = g_new0 (Import, 1);
  import->self = g_object_ref (self);
  import->events = events;
  import->visits = g_ptr_array_new_full (events->len, (GDestroyNotify) vt_visit_unref);
  g_ptr_array_set_size (import->visits, events->len);
  vt_store_list_people_async (self->store, NULL, import_people_cb, import);
}

static void
import_response_file_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(VtVisitsPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_load_contents_async (file, NULL, loaded_cb, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtVisitsPage *self = VT_VISITS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Visits"), parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject --------------------------------------------------------------- */

static void
vt_visits_page_dispose (GObject *object)
{
  VtVisitsPage *self = VT_VISITS_PAGE (object);

  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_VISITS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vt_visits_page_parent_class)->dispose (object);
}

static void
vt_visits_page_finalize (GObject *object)
{
  VtVisitsPage *self = VT_VISITS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->province_codes, g_ptr_array_unref);
  g_clear_pointer (&self->round_ids, g_array_unref);
  G_OBJECT_CLASS (vt_visits_page_parent_class)->finalize (object);
}

static void
vt_visits_page_class_init (VtVisitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_visits_page_dispose;
  object_class->finalize = vt_visits_page_finalize;
  object_class->get_property = vt_visits_page_get_property;
  object_class->set_property = vt_visits_page_set_property;

  /**
   * VtVisitsPage:view-name:
   * The view on screen: "agenda", "week" or "month".
   */
  properties[PROP_VIEW_NAME] = g_param_spec_string ("view-name", NULL, NULL, "agenda",
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VT_TYPE_WEEK_VIEW);
  g_type_ensure (VT_TYPE_MONTH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-visits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, agenda_empty);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, person_filter);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, province_filter);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, VtVisitsPage, round_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_property_action (widget_class, "visits.view", "view-name");
  gtk_widget_class_install_action (widget_class, "visits.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "visits.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "visits.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "visits.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "visits.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "visits.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "visits.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "visits.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "visits.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "visits.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "visits.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "visits.view", "s", "agenda");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "visits.view", "s", "week");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "visits.view", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "visits.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "visits.next", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vt-visits-page");
}

static void
vt_visits_page_init (VtVisitsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) anyone = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) any_province = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) any_round = gtk_string_list_new (NULL);
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->view = VT_CALENDAR_VIEW_AGENDA;
  update_today (self);
  self->focus = self->today;
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  self->conflicts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) vt_person_unref);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->province_codes = g_ptr_array_new_with_free_func (g_free);
  self->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (kinds, C_("kind filter", "Any kind"));
  for (int k = VT_VISIT_KIND_FIRST; k <= VT_VISIT_KIND_TECHNICAL_ASSISTANCE; k++)
    gtk_string_list_append (kinds, vt_visit_kind_get_display_name (k));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_string_list_append (anyone, C_("person filter", "Anyone"));
  gtk_drop_down_set_model (self->person_filter, G_LIST_MODEL (anyone));
  gtk_string_list_append (any_province, C_("province filter", "Any province"));
  gtk_drop_down_set_model (self->province_filter, G_LIST_MODEL (any_province));
  gtk_string_list_append (any_round, C_("round filter", "Any round"));
  gtk_drop_down_set_model (self->round_filter, G_LIST_MODEL (any_round));

  gtk_list_box_set_header_func (self->agenda_list, agenda_header, NULL, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  show (self);
}
