/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-editor.c: plan or edit one visit, with its warnings.
 *
 * The editor keeps a copy of the visit and the other visits of the days
 * around it, read from the store when the day changes; every change of
 * time, supplier or people re-runs the conflict rules of the core on that
 * copy, so warnings follow the form as it is filled in. Saving goes
 * through the store; the editor emits "saved" and closes.
 */

#define G_LOG_DOMAIN "vt-visits"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-calendar-layout.h"
#include "vt-holidays.h"
#include "vt-visit-button.h"
#include "vt-visit-conflicts.h"
#include "vt-visit-editor.h"

#define DEFAULT_START_HOUR 9
#define DEFAULT_HOURS 3

struct _VtVisitEditor
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *warnings_group;
  AdwActionRow        *supplier_row;
  GtkMenuButton       *supplier_button;
  GtkPopover          *supplier_popover;
  GtkSearchEntry      *supplier_search;
  GtkListBox          *supplier_results;
  AdwComboRow         *kind_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *place_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkSpinButton       *start_hour;
  GtkSpinButton       *start_minute;
  GtkSpinButton       *end_hour;
  GtkSpinButton       *end_minute;
  AdwActionRow        *end_row;
  AdwActionRow        *korea_row;
  AdwPreferencesGroup *people_group;
  GtkListBox          *people_list;
  GtkPopover          *people_popover;
  GtkTextView         *purpose_view;
  GtkTextView         *findings_view;
  GtkTextView         *follow_up_view;

  VtStore             *store;
  GCancellable        *cancellable;
  VtVisit             *visit;            /* the copy being edited */
  GDate                day;
  GHashTable          *people;           /* gint64 id → VtPerson */
  GPtrArray           *people_rows;      /* AdwActionRow in people_group */
  GPtrArray           *warning_rows;
  GPtrArray           *nearby;           /* VtVisit: others around the day */
  GDate                nearby_day;       /* the day nearby was read for */
  GStrv                warnings;
  guint                pending;          /* store calls under way */
  guint                check_id;
  gboolean             updating;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VtVisitEditor, vt_visit_editor, ADW_TYPE_WINDOW)

static void schedule_check (VtVisitEditor *self);

static GTimeZone *
vietnam (void)
{
  return vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);
}

static void
show_error (VtVisitEditor *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The times on the form, in Vietnam time. An end at or before the start
 * is on the next day: a night shift from 22:00 to 02:00. */
static void
form_times (VtVisitEditor  *self,
            GDateTime     **start,
            GDateTime     **end)
{
  int sh = gtk_spin_button_get_value_as_int (self->start_hour);
  int sm = gtk_spin_button_get_value_as_int (self->start_minute);
  int eh = gtk_spin_button_get_value_as_int (self->end_hour);
  int em = gtk_spin_button_get_value_as_int (self->end_minute);
  g_autoptr(GDateTime) e = NULL;

  *start = g_date_time_new (vietnam (), g_date_get_year (&self->day), g_date_get_month (&self->day),
                            g_date_get_day (&self->day), sh, sm, 0);
  e = g_date_time_new (vietnam (), g_date_get_year (&self->day), g_date_get_month (&self->day),
                       g_date_get_day (&self->day), eh, em, 0);
  if (eh * 60 + em <= sh * 60 + sm)
    *end = g_date_time_add_days (e, 1);
  else
    *end = g_steal_pointer (&e);
}

static void
update_time_labels (VtVisitEditor *self)
{
  g_autoptr(GDateTime) local = g_date_time_new (vietnam (), g_date_get_year (&self->day), g_date_get_month (&self->day),
                                                g_date_get_day (&self->day), 12, 0, 0);
  /* Translators: the date of a visit in the editor, e.g. "Tuesday, 10 March 2026" */
  /* xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (local, _("%A, %e %B %Y"));
  g_autofree char *korea = NULL;
  GDateTime *start, *end;

  gtk_menu_button_set_label (self->date_button, g_strstrip (date));
  form_times (self, &start, &end);
  g_clear_pointer (&self->visit->starts_at, g_date_time_unref);
  g_clear_pointer (&self->visit->ends_at, g_date_time_unref);
  self->visit->starts_at = start;
  self->visit->ends_at = end;

  korea = vt_visit_format_time_range (self->visit, vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_KOREA));
  adw_action_row_set_subtitle (self->korea_row, korea);
  adw_action_row_set_subtitle (self->end_row,
                               g_date_time_get_day_of_month (start) != g_date_time_get_day_of_month (end)
                               ? _("The next day") : NULL);
}

static char *
text_view_dup (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
text_view_set (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static char *
entry_dup (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* People -------------------------------------------------------------------- */

static gboolean
keeps_korean_holidays (VtPerson *person)
{
  g_auto(GStrv) languages = NULL;

  if (person->kind != VT_PERSON_KIND_CONSULTANT || person->languages == NULL)
    return FALSE;
  languages = g_strsplit (person->languages, ",", -1);
  return g_strv_length (languages) > 0 && g_strcmp0 (g_strstrip (languages[0]), "ko") == 0;
}

static char *
person_name (VtVisitEditor *self,
             gint64         id)
{
  VtPerson *p = g_hash_table_lookup (self->people, &id);

  return p != NULL ? vt_person_dup_full_name (p) : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static void
role_selected_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  VtVisitEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dropdown), "person-id");

  if (self->updating)
    return;
  vt_visit_add_participant (self->visit, *id, (VtPersonKind) gtk_drop_down_get_selected (dropdown));
}

static void
remove_person_cb (GtkButton     *button,
                  VtVisitEditor *self);

/* Staff, consultants, interpreters, officials; by given name within each,
 * as Vietnamese lists sort people. */
static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const VtPerson *pa = a;
  const VtPerson *pb = b;

  if (pa->kind != pb->kind)
    return (int) pa->kind - (int) pb->kind;
  return g_utf8_collate (pa->given_name, pb->given_name);
}

static void
rebuild_people (VtVisitEditor *self)
{
  static const char *roles[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->people_rows, i));
  g_ptr_array_set_size (self->people_rows, 0);

  for (int k = VT_PERSON_KIND_STAFF; k <= VT_PERSON_KIND_OTHER; k++)
    roles[k] = vt_person_kind_get_display_name (k);

  self->updating = TRUE;
  for (guint i = 0; i < self->visit->participant_ids->len; i++)
    {
      gint64 id = g_array_index (self->visit->participant_ids, gint64, i);
      VtPerson *p = g_hash_table_lookup (self->people, &id);
      g_autofree char *name = person_name (self, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *role = gtk_drop_down_new_from_strings (roles);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
      g_autofree char *role_label = g_strdup_printf (_("Role of %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (p != NULL && p->organisation != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->organisation);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (role), vt_visit_get_role (self->visit, id));
      gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
      g_object_set_data_full (G_OBJECT (role), "person-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (role, "notify::selected", G_CALLBACK (role_selected_cb), self);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "person-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_person_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->people_rows, row);
    }
  if (self->visit->participant_ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->people_rows, row);
    }
  self->updating = FALSE;

  /* Offer the others in the popover. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
      gtk_list_box_remove (self->people_list, child);
  }
  {
    g_autoptr(GList) values = g_hash_table_get_values (self->people);

    values = g_list_sort (values, compare_people);
    for (GList *l = values; l != NULL; l = l->next)
      {
        VtPerson *p = l->data;
        GtkWidget *row;
        g_autofree char *name = NULL;
        gboolean present = FALSE;

        for (guint i = 0; i < self->visit->participant_ids->len; i++)
          present |= g_array_index (self->visit->participant_ids, gint64, i) == p->id;
        if (present)
          continue;
        name = vt_person_dup_full_name (p);
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vt_person_kind_get_display_name (p->kind));
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data_full (G_OBJECT (row), "person-id", g_memdup2 (&p->id, sizeof p->id), g_free);
        gtk_list_box_append (self->people_list, row);
      }
  }
}

static void
remove_person_cb (GtkButton     *button,
                  VtVisitEditor *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "person-id");

  vt_visit_remove_participant (self->visit, *id);
  rebuild_people (self);
  schedule_check (self);
}

static void
on_person_activated (VtVisitEditor *self,
                     GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "person-id");
  VtPerson *p = g_hash_table_lookup (self->people, id);

  gtk_popover_popdown (self->people_popover);
  vt_visit_editor_add_participant (self, *id, p != NULL ? p->kind : VT_PERSON_KIND_STAFF);
}

static void
people_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtVisitEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vt_store_list_people_finish (VT_STORE (object), result, &error);

  self->pending--;
  if (people == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      VtPerson *p = g_ptr_array_index (people, i);

      g_hash_table_insert (self->people, &p->id, vt_person_ref (p));
    }
  rebuild_people (self);
  schedule_check (self);
}

/* Conflicts ----------------------------------------------------------------- */

static void
clear_warnings (VtVisitEditor *self)
{
  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
  g_clear_pointer (&self->warnings, g_strfreev);
}

static char *
visit_label (VtVisit *v)
{
  g_autofree char *title = vt_visit_dup_title (v);
  g_autofree char *range = vt_visit_format_time_range (v, NULL);

  return g_strdup_printf ("%s (%s)", title, range);
}

static void
fill_item (VtScheduleItem *item,
           VtVisit        *v)
{
  item->id = v->id;
  item->supplier_uuid = v->supplier_uuid;
  item->province_code = v->province_code;
  item->status = v->status;
  item->starts_at = v->starts_at;
  item->ends_at = v->ends_at;
  item->person_ids = (const gint64 *) (gpointer) v->participant_ids->data;
  item->n_people = v->participant_ids->len;
}

static void
run_check (VtVisitEditor *self)
{
  g_autoptr(GArray) others = g_array_new (FALSE, TRUE, sizeof (VtScheduleItem));
  g_autoptr(GArray) korean = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) found = NULL;
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  VtScheduleItem item = { 0 };
  VtScheduleOptions options = { 0 };
  GHashTableIter iter;
  gpointer value;

  clear_warnings (self);
  fill_item (&item, self->visit);
  for (guint i = 0; self->nearby != NULL && i < self->nearby->len; i++)
    {
      VtScheduleItem other = { 0 };

      fill_item (&other, g_ptr_array_index (self->nearby, i));
      g_array_append_val (others, other);
    }
  g_hash_table_iter_init (&iter, self->people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (keeps_korean_holidays (value))
      g_array_append_val (korean, ((VtPerson *) value)->id);
  options.korean_holiday_people = (const gint64 *) (gpointer) korean->data;
  options.n_korean_holiday_people = korean->len;

  found = vt_schedule_check_visit (&item, (VtScheduleItem *) (gpointer) others->data, others->len, &options);
  for (guint i = 0; i < found->len; i++)
    {
      VtConflict *c = &g_array_index (found, VtConflict, i);
      g_autofree char *name = c->person_id != 0 ? person_name (self, c->person_id) : NULL;
      g_autofree char *other = NULL;
      g_autofree char *text = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      for (guint j = 0; c->other_visit_id != 0 && j < self->nearby->len; j++)
        if (((VtVisit *) g_ptr_array_index (self->nearby, j))->id == c->other_visit_id)
          other = visit_label (g_ptr_array_index (self->nearby, j));
      text = vt_conflict_describe (c, name, other);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
      g_strv_builder_add (texts, text);
    }
  self->warnings = g_strv_builder_end (texts);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), found->len > 0);
}

static void
nearby_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtVisitEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *visits = vt_store_list_visits_finish (VT_STORE (object), result, &error);

  self->pending--;
  if (visits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->nearby, g_ptr_array_unref);
  self->nearby = visits;
  run_check (self);
}

static gboolean
check_cb (gpointer user_data)
{
  VtVisitEditor *self = user_data;

  self->check_id = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  /* The other visits that could clash: those of the day before to the day
   * after, read again when the day changes. */
  if (!g_date_valid (&self->nearby_day) || g_date_compare (&self->nearby_day, &self->day) != 0)
    {
      g_autoptr(GDateTime) from = g_date_time_new (vietnam (), g_date_get_year (&self->day), g_date_get_month (&self->day),
                                                   g_date_get_day (&self->day), 0, 0, 0);
      g_autoptr(GDateTime) since = g_date_time_add_days (from, -1);
      g_autoptr(GDateTime) until = g_date_time_add_days (from, 3);

      self->nearby_day = self->day;
      self->pending++;
      vt_store_list_visits_async (self->store, NULL, since, until, self->cancellable,
                                  nearby_listed_cb, g_object_ref (self));
      return G_SOURCE_REMOVE;
    }
  run_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (VtVisitEditor *self)
{
  if (self->check_id == 0)
    self->check_id = g_idle_add (check_cb, self);
}

/* Supplier ------------------------------------------------------------------ */

static void
supplier_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtVisitEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) supplier = vt_store_get_supplier_finish (VT_STORE (object), result, &error);

  self->pending--;
  if (supplier == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  if (g_strcmp0 (supplier->uuid, self->visit->supplier_uuid) != 0)
    return;

  g_free (self->visit->supplier_name);
  self->visit->supplier_name = g_strdup (supplier->name_vi);
  adw_action_row_set_subtitle (self->supplier_row, supplier->name_vi);
  /* The place defaults to the supplier's address. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->place_row))[0] == '\0' && supplier->address != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), supplier->address);
  if (self->visit->round_id == 0)
    self->visit->round_id = supplier->round_id;
  g_free (self->visit->province_code);
  self->visit->province_code = g_strcmp0 (supplier->province_list, "2025") == 0
                               ? g_strdup (supplier->province_code) : NULL;
  schedule_check (self);
}

void
vt_visit_editor_set_supplier (VtVisitEditor *self,
                              const char    *supplier_uuid)
{
  g_return_if_fail (VT_IS_VISIT_EDITOR (self));
  g_return_if_fail (supplier_uuid != NULL);

  g_free (self->visit->supplier_uuid);
  self->visit->supplier_uuid = g_strdup (supplier_uuid);
  self->pending++;
  vt_store_get_supplier_async (self->store, supplier_uuid, self->cancellable,
                               supplier_loaded_cb, g_object_ref (self));
}

static void
suppliers_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtVisitEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_finish (VT_STORE (object), result, &error);
  GtkWidget *child;

  if (page == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->supplier_results))) != NULL)
    gtk_list_box_remove (self->supplier_results, child);
  for (guint i = 0; i < page->items->len; i++)
    {
      VtSupplierSummary *s = g_ptr_array_index (page->items, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vt_supplier_summary_get_name (s));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (vt_supplier_summary_get_province_name (s) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vt_supplier_summary_get_province_name (s));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (vt_supplier_summary_get_uuid (s)), g_free);
      gtk_list_box_append (self->supplier_results, row);
    }
}

static void
on_supplier_search_changed (VtVisitEditor *self)
{
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->supplier_search)));
  query->page_size = 8;
  vt_store_query_suppliers_async (self->store, query, self->cancellable,
                                  suppliers_found_cb, g_object_ref (self));
}

static void
on_supplier_activated (VtVisitEditor *self,
                       GtkListBoxRow *row)
{
  gtk_popover_popdown (self->supplier_popover);
  vt_visit_editor_set_supplier (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

/* Form ---------------------------------------------------------------------- */

static void
on_status_changed (VtVisitEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          status == VT_VISIT_STATUS_POSTPONED || status == VT_VISIT_STATUS_CANCELLED);
  if (!self->updating && self->visit != NULL && status != GTK_INVALID_LIST_POSITION)
    {
      self->visit->status = status;
      schedule_check (self);
    }
}

static void
on_time_changed (VtVisitEditor *self)
{
  if (self->updating)
    return;
  update_time_labels (self);
  schedule_check (self);
}

/* Shows hours and minutes with two digits. */
static gboolean
on_time_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_day_selected (VtVisitEditor *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);

  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  if (self->updating)
    return;
  update_time_labels (self);
  schedule_check (self);
}

/* The date and time fields from the visit's times. */
static void
set_time_fields (VtVisitEditor *self)
{
  g_autoptr(GDateTime) start = g_date_time_to_timezone (self->visit->starts_at, vietnam ());
  g_autoptr(GDateTime) end = g_date_time_to_timezone (self->visit->ends_at, vietnam ());
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  g_date_clear (&self->day, 1);
  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  gtk_calendar_select_day (self->calendar, start);
  gtk_spin_button_set_value (self->start_hour, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->start_minute, g_date_time_get_minute (start) / 5 * 5);
  gtk_spin_button_set_value (self->end_hour, g_date_time_get_hour (end));
  gtk_spin_button_set_value (self->end_minute, g_date_time_get_minute (end) / 5 * 5);
  self->updating = was_updating;
  update_time_labels (self);
}

static void
set_form_from_visit (VtVisitEditor *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, self->visit->kind);
  adw_combo_row_set_selected (self->status_row, self->visit->status);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), self->visit->status_reason ? self->visit->status_reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), self->visit->place ? self->visit->place : "");
  text_view_set (self->purpose_view, self->visit->purpose);
  text_view_set (self->findings_view, self->visit->findings);
  text_view_set (self->follow_up_view, self->visit->follow_up);
  adw_action_row_set_subtitle (self->supplier_row, self->visit->supplier_name ? self->visit->supplier_name : _("None chosen"));
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          self->visit->status == VT_VISIT_STATUS_POSTPONED
                          || self->visit->status == VT_VISIT_STATUS_CANCELLED);
  set_time_fields (self);
}

void
vt_visit_editor_set_times (VtVisitEditor *self,
                           GDateTime     *starts_at,
                           GDateTime     *ends_at)
{
  g_return_if_fail (VT_IS_VISIT_EDITOR (self));

  g_clear_pointer (&self->visit->starts_at, g_date_time_unref);
  g_clear_pointer (&self->visit->ends_at, g_date_time_unref);
  self->visit->starts_at = g_date_time_ref (starts_at);
  self->visit->ends_at = g_date_time_ref (ends_at);
  set_time_fields (self);
  schedule_check (self);
}

void
vt_visit_editor_add_participant (VtVisitEditor *self,
                                 gint64         person_id,
                                 VtPersonKind   role)
{
  g_return_if_fail (VT_IS_VISIT_EDITOR (self));

  vt_visit_add_participant (self->visit, person_id, role == VT_PERSON_KIND_OTHER ? VT_PERSON_KIND_STAFF : role);
  rebuild_people (self);
  schedule_check (self);
}

/**
 * vt_visit_editor_dup_warnings:
 *
 * Returns: (transfer full): the warnings shown, as sentences
 */
GStrv
vt_visit_editor_dup_warnings (VtVisitEditor *self)
{
  g_return_val_if_fail (VT_IS_VISIT_EDITOR (self), NULL);

  return self->warnings != NULL ? g_strdupv (self->warnings) : g_new0 (char *, 1);
}

/**
 * vt_visit_editor_is_busy:
 *
 * Returns: whether the editor still waits for the store or has a check to
 *   run
 */
gboolean
vt_visit_editor_is_busy (VtVisitEditor *self)
{
  g_return_val_if_fail (VT_IS_VISIT_EDITOR (self), FALSE);

  return self->pending > 0 || self->check_id != 0;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtVisitEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending--;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!vt_store_save_visit_finish (VT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT))
        show_error (self, _("Someone else changed this visit while you edited it. Close the editor and open the visit again."));
      else
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->visit);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
vt_visit_editor_save (VtVisitEditor *self)
{
  g_autoptr(VtVisit) copy = NULL;

  g_return_if_fail (VT_IS_VISIT_EDITOR (self));

  if (self->visit->supplier_uuid == NULL)
    {
      show_error (self, _("Choose the supplier to visit."));
      return;
    }

  update_time_labels (self);
  self->visit->kind = adw_combo_row_get_selected (self->kind_row);
  self->visit->status = adw_combo_row_get_selected (self->status_row);
  g_free (self->visit->status_reason);
  self->visit->status_reason = gtk_widget_get_visible (GTK_WIDGET (self->reason_row)) ? entry_dup (self->reason_row) : NULL;
  g_free (self->visit->place);
  self->visit->place = entry_dup (self->place_row);
  g_free (self->visit->purpose);
  self->visit->purpose = text_view_dup (self->purpose_view);
  g_free (self->visit->findings);
  self->visit->findings = text_view_dup (self->findings_view);
  g_free (self->visit->follow_up);
  self->visit->follow_up = text_view_dup (self->follow_up_view);

  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  self->pending++;
  vt_store_save_visit_async (self->store, self->visit, self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vt_visit_editor_save (VT_VISIT_EDITOR (widget));
}

static GListModel *
names_model (const char *(*name) (int),
             int         n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, name (i));
  return G_LIST_MODEL (list);
}

static const char *
kind_name (int i)
{
  return vt_visit_kind_get_display_name (i);
}

static const char *
status_name (int i)
{
  return vt_visit_status_get_display_name (i);
}

/**
 * vt_visit_editor_new:
 * @visit: (nullable): the visit to edit; %NULL for a new one
 * @supplier_uuid: (nullable): the supplier of a new visit
 * @day: (nullable): the day of a new visit; today when %NULL
 */
VtVisitEditor *
vt_visit_editor_new (GtkWindow   *parent,
                     VtStore     *store,
                     VtVisit     *visit,
                     const char  *supplier_uuid,
                     const GDate *day)
{
  VtVisitEditor *self = g_object_new (VT_TYPE_VISIT_EDITOR, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  if (visit != NULL)
    {
      self->visit = vt_visit_copy (visit);
      adw_window_title_set_title (self->window_title, _("Edit Visit"));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (vietnam ());
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (day != NULL && g_date_valid (day))
        start = g_date_time_new (vietnam (), g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                                 DEFAULT_START_HOUR, 0, 0);
      else
        start = g_date_time_new (vietnam (), g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), DEFAULT_START_HOUR, 0, 0);
      end = g_date_time_add_hours (start, DEFAULT_HOURS);
      self->visit = vt_visit_new (NULL, VT_VISIT_KIND_FIRST, start, end);
      adw_window_title_set_title (self->window_title, _("New Visit"));
    }

  set_form_from_visit (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->supplier_button), visit == NULL);
  if (visit == NULL && supplier_uuid != NULL)
    vt_visit_editor_set_supplier (self, supplier_uuid);
  else if (visit != NULL)
    vt_visit_editor_set_supplier (self, visit->supplier_uuid);

  self->pending++;
  vt_store_list_people_async (store, self->cancellable, people_listed_cb, g_object_ref (self));
  on_supplier_search_changed (self);
  rebuild_people (self);
  return self;
}

static void
vt_visit_editor_close_request_cancel (VtVisitEditor *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
}

static gboolean
vt_visit_editor_close_request (GtkWindow *window)
{
  vt_visit_editor_close_request_cancel (VT_VISIT_EDITOR (window));
  return GTK_WINDOW_CLASS (vt_visit_editor_parent_class)->close_request (window);
}

static void
vt_visit_editor_dispose (GObject *object)
{
  VtVisitEditor *self = VT_VISIT_EDITOR (object);

  vt_visit_editor_close_request_cancel (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_VISIT_EDITOR);
  G_OBJECT_CLASS (vt_visit_editor_parent_class)->dispose (object);
}

static void
vt_visit_editor_finalize (GObject *object)
{
  VtVisitEditor *self = VT_VISIT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->visit, vt_visit_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->people_rows, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->nearby, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_strfreev);
  G_OBJECT_CLASS (vt_visit_editor_parent_class)->finalize (object);
}

static void
vt_visit_editor_class_init (VtVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_visit_editor_dispose;
  object_class->finalize = vt_visit_editor_finalize;
  window_class->close_request = vt_visit_editor_close_request;

  /**
   * VtVisitEditor::saved:
   * @visit: the visit as saved, with its id and version
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, VT_TYPE_VISIT);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, supplier_button);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, supplier_popover);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, supplier_search);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, supplier_results);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, start_hour);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, start_minute);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, end_hour);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, end_minute);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, korea_row);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, people_popover);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, findings_view);
  gtk_widget_class_bind_template_child (widget_class, VtVisitEditor, follow_up_view);
  gtk_widget_class_bind_template_callback (widget_class, on_supplier_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_supplier_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_time_output);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_visit_editor_init (VtVisitEditor *self)
{
  g_autoptr(GListModel) kinds = names_model (kind_name, VT_VISIT_KIND_TECHNICAL_ASSISTANCE + 1);
  g_autoptr(GListModel) statuses = names_model (status_name, VT_VISIT_STATUS_CANCELLED + 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) vt_person_unref);
  self->people_rows = g_ptr_array_new ();
  self->warning_rows = g_ptr_array_new ();
  g_date_clear (&self->day, 1);
  g_date_clear (&self->nearby_day, 1);
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
}
