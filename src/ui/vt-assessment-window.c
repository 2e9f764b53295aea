/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment-window.c: scoring a supplier against a criterion set.
 *
 * One score and comment per criterion, grouped by area. A Korean
 * consultant and a VITASK staff member may each score on their own; where
 * they are more than a level apart the row says so, and the agreed score
 * that counts is left for them to settle. The index, band and the reason
 * for a downgrade follow every change (vt_readiness_evaluate()), and each
 * criterion shows how it moved since the previous assessment.
 *
 * Nothing typed is lost: the assessment can be kept as a draft, and
 * closing the window with unsaved scores asks first. While the store
 * saves, the scores cannot change, so the worker thread never reads an
 * assessment the window is writing.
 */
#define G_LOG_DOMAIN "vt-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-assessment-state.h"
#include "vt-assessment-window.h"
#include "vt-format.h"

typedef struct
{
  VtAssessmentWindow *self;
  VtCriterion        *criterion;
  AdwExpanderRow     *row;
  AdwActionRow       *first_row;
  AdwActionRow       *second_row;
  AdwActionRow       *agreed_row;
  GtkDropDown        *first;
  GtkDropDown        *second;
  GtkDropDown        *agreed;
  GtkLabel           *disagree;
  AdwEntryRow        *comment;
  GtkLabel           *evidence_label;
  AdwEntryRow        *action;
  AdwEntryRow        *owner;
  GtkMenuButton      *due_button;
  GtkCalendar        *calendar;
  gboolean            agreed_touched;
} CriterionRow;

struct _VtAssessmentWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *draft_button;
  GtkButton           *finish_button;
  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkLabel            *index_label;
  GtkLabel            *band_label;
  GtkLabel            *explanation_label;
  GtkLabel            *finish_label;
  AdwPreferencesPage  *page;
  AdwComboRow         *visit_row;
  AdwComboRow         *first_row;
  AdwComboRow         *second_row;
  AdwPreferencesGroup *actions_group;

  VtStore             *store;
  GCancellable        *cancellable;
  char                *supplier_uuid;
  gint64               assessment_id;
  guint                pending;
  GError              *load_error;

  VtSupplier          *supplier;
  GPtrArray           *sets;
  GPtrArray           *people;
  GPtrArray           *visits;
  GPtrArray           *assessments;
  GPtrArray           *all_actions;

  VtCriterionSet      *set;
  VtAssessment        *assessment;
  VtCriterionSet      *previous_set;
  VtAssessment        *previous;
  GArray              *consultants;   /* gint64, 0 first for none */
  GArray              *staff;         /* gint64, 0 first for none */
  GArray              *visit_ids;     /* gint64, 0 first for none */
  GPtrArray           *rows;          /* CriterionRow */
  GPtrArray           *earlier;       /* VtImprovementAction, checked here */
  GHashTable          *area_groups;   /* area code → AdwPreferencesGroup */

  char                *index_text;
  char                *band_text;
  char                *explanation;
  gboolean             loaded;
  gboolean             building;
  gboolean             dirty;
  gboolean             saving;
  gboolean             close_after_save;
};

G_DEFINE_FINAL_TYPE (VtAssessmentWindow, vt_assessment_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_summary (VtAssessmentWindow *self);

static gint64
first_assessor (VtAssessmentWindow *self)
{
  guint i = adw_combo_row_get_selected (self->first_row);

  return self->consultants && i < self->consultants->len ? g_array_index (self->consultants, gint64, i) : 0;
}

static gint64
second_assessor (VtAssessmentWindow *self)
{
  guint i = adw_combo_row_get_selected (self->second_row);

  return self->staff && i < self->staff->len ? g_array_index (self->staff, gint64, i) : 0;
}

static void
mark_dirty (VtAssessmentWindow *self)
{
  if (self->building)
    return;
  self->dirty = TRUE;
  update_summary (self);
}

static int
dropdown_level (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static void
select_level (VtAssessmentWindow *self,
              GtkDropDown        *dropdown,
              int                 level)
{
  gboolean building = self->building;

  self->building = TRUE;
  gtk_drop_down_set_selected (dropdown, (guint) (level + 1));
  self->building = building;
}

static const char *
comment_of (VtAssessment *a,
            gint64        criterion_id)
{
  VtScore *s = vt_assessment_get_score (a, criterion_id);

  return s ? s->comment : NULL;
}

/* Rows --------------------------------------------------------------------- */

static void
update_row (VtAssessmentWindow *self,
            CriterionRow       *r,
            const VtScoreChange *change)
{
  gint64 first = first_assessor (self), second = second_assessor (self);
  gboolean both = first != 0 && second != 0;
  VtCriterionState state = vt_assessment_state_for_criterion (self->assessment, r->criterion, first, second);
  g_autofree char *level = vt_assessment_state_level_label (r->criterion, state.level, vt_text_language ());
  g_autofree char *subtitle = NULL;
  guint photos = 0;

  if (change != NULL && change->trend != VT_TREND_NOT_COMPARABLE)
    /* TRANSLATORS: the score chosen, then how it moved since the last assessment */
    subtitle = g_strdup_printf (_("%s · %s"), level, vt_trend_get_display_name (change->trend));
  else
    subtitle = g_steal_pointer (&level);
  adw_expander_row_set_subtitle (r->row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (r->first_row), both);
  gtk_widget_set_visible (GTK_WIDGET (r->second_row), both);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->agreed_row),
                                 both ? _("Agreed score") : _("Score"));
  gtk_widget_set_visible (GTK_WIDGET (r->disagree), both && state.disagree);
  if (state.comment_missing)
    gtk_widget_add_css_class (GTK_WIDGET (r->comment), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (r->comment), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->comment),
                                 state.comment_missing ? _("Comment (needed for a low score)") : _("Comment"));

  for (guint i = 0; i < self->assessment->evidence->len; i++)
    photos += g_array_index (self->assessment->evidence, VtEvidence, i).criterion_id == r->criterion->id;
  if (photos > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", photos), photos);

      gtk_label_set_text (r->evidence_label, text);
    }
  else
    gtk_label_set_text (r->evidence_label, _("No photos"));
}

static void
on_own_score_changed (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      CriterionRow *r)
{
  VtAssessmentWindow *self = r->self;
  gint64 person = dropdown == r->first ? first_assessor (self) : second_assessor (self);
  VtCriterionState state;

  if (self->building || person == 0)
    return;

  vt_assessment_set_assessor_score (self->assessment, person, r->criterion->id, dropdown_level (dropdown), NULL);

  /* Propose the agreed score until someone chooses it: the one given, or
   * the lower of two a level apart; nothing while they disagree. */
  state = vt_assessment_state_for_criterion (self->assessment, r->criterion,
                                             first_assessor (self), second_assessor (self));
  if (!r->agreed_touched)
    {
      vt_assessment_set_score (self->assessment, r->criterion->id, state.suggestion,
                               comment_of (self->assessment, r->criterion->id));
      select_level (self, r->agreed, state.suggestion);
    }
  mark_dirty (self);
}

static void
on_agreed_changed (GtkDropDown  *dropdown,
                   GParamSpec   *pspec,
                   CriterionRow *r)
{
  VtAssessmentWindow *self = r->self;

  if (self->building)
    return;
  r->agreed_touched = TRUE;
  vt_assessment_set_score (self->assessment, r->criterion->id, dropdown_level (dropdown),
                           gtk_editable_get_text (GTK_EDITABLE (r->comment)));
  mark_dirty (self);
}

static void
on_comment_changed (GtkEditable  *editable,
                    CriterionRow *r)
{
  VtAssessmentWindow *self = r->self;
  VtScore *s;
  g_autofree char *text = NULL;

  if (self->building)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  s = vt_assessment_get_score (self->assessment, r->criterion->id);
  vt_assessment_set_score (self->assessment, r->criterion->id, s ? s->score : -1, *text ? text : NULL);
  mark_dirty (self);
}

static VtImprovementAction *
find_action (VtAssessmentWindow *self,
             const char         *code)
{
  for (guint i = 0; i < self->assessment->actions->len; i++)
    {
      VtImprovementAction *x = g_ptr_array_index (self->assessment->actions, i);

      if (g_strcmp0 (x->criterion_code, code) == 0)
        return x;
    }
  return NULL;
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!g_date_valid (date))
    return g_strdup (_("No due date"));
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  return vt_format_date (NULL, dt, VT_DATE_FORMAT_NUMERIC);
}

/* The action of this criterion follows its text: blank removes it. */
static void
sync_action (CriterionRow *r)
{
  VtAssessmentWindow *self = r->self;
  VtImprovementAction *x = find_action (self, r->criterion->code);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->action))));
  g_autofree char *owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->owner))));
  g_autoptr(GDateTime) day = gtk_calendar_get_date (r->calendar);
  g_autofree char *label = NULL;

  if (*text == '\0')
    {
      if (x != NULL)
        g_ptr_array_remove (self->assessment->actions, x);
      x = NULL;
    }
  else
    {
      if (x == NULL)
        {
          x = vt_improvement_action_new (r->criterion->code, text);
          g_ptr_array_add (self->assessment->actions, x);
        }
      g_free (x->action);
      x->action = g_steal_pointer (&text);
      g_free (x->owner);
      x->owner = *owner ? g_steal_pointer (&owner) : NULL;
      if (g_object_get_data (G_OBJECT (r->calendar), "chosen") != NULL)
        g_date_set_dmy (&x->due_on, g_date_time_get_day_of_month (day),
                        g_date_time_get_month (day), g_date_time_get_year (day));
    }
  label = x ? format_date (&x->due_on) : g_strdup (_("No due date"));
  gtk_menu_button_set_label (r->due_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (r->due_button), x != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (r->owner), x != NULL);
}

static void
on_action_changed (GtkEditable  *editable,
                   CriterionRow *r)
{
  if (r->self->building)
    return;
  sync_action (r);
  mark_dirty (r->self);
}

static void
on_day_selected (GtkCalendar  *calendar,
                 CriterionRow *r)
{
  if (r->self->building)
    return;
  g_object_set_data (G_OBJECT (calendar), "chosen", GINT_TO_POINTER (TRUE));
  sync_action (r);
  gtk_menu_button_popdown (r->due_button);
  mark_dirty (r->self);
}

/* Evidence ------------------------------------------------------------------ */

typedef struct
{
  CriterionRow *row;
  VtAttachment *attachment;
} PhotoLoad;

static void
photo_load_free (PhotoLoad *load)
{
  g_clear_pointer (&load->attachment, vt_attachment_unref);
  g_free (load);
}

static void
on_photo_added (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PhotoLoad *load = user_data;
  g_autoptr(GError) error = NULL;

  /* The store sets the attachment's id when it saved it. */
  if (vt_store_add_attachment_finish (VT_STORE (source), result, &error))
    {
      VtAssessmentWindow *self = load->row->self;

      vt_assessment_add_evidence (self->assessment, load->row->criterion->id, load->attachment->id);
      self->dirty = TRUE;
      update_summary (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (load->row->self->toasts, adw_toast_new (error->message));
  photo_load_free (load);
}

static void
on_photo_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PhotoLoad *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;
  VtAssessmentWindow *self;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (load->row->self->toasts, adw_toast_new (error->message));
      photo_load_free (load);
      return;
    }
  self = load->row->self;
  bytes = g_bytes_new_take (contents, length);
  name = g_file_get_basename (G_FILE (source));
  {
    g_autofree char *type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL), length, NULL);
    g_autofree char *mime = g_content_type_get_mime_type (type);

    load->attachment = vt_attachment_new (self->supplier_uuid, name, mime ? mime : "application/octet-stream", bytes);
  }
  load->attachment->visit_id = self->assessment->visit_id;
  vt_store_add_attachment_async (self->store, load->attachment, self->cancellable, on_photo_added, load);
}

static void
on_photo_chosen (GtkNativeDialog *dialog,
                 int              response,
                 CriterionRow    *r)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      PhotoLoad *load = g_new0 (PhotoLoad, 1);

      load->row = r;
      g_file_load_contents_async (file, r->self->cancellable, on_photo_loaded, load);
    }
  g_object_unref (dialog);
}

static void
on_add_photo_clicked (GtkButton    *button,
                      CriterionRow *r)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Evidence Photo"), GTK_WINDOW (r->self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Photos"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_photo_chosen), r);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building --------------------------------------------------------------- */

static void
setup_level_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_level_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  wrap)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (text));
}

static GtkListItemFactory *
level_factory (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_level_item), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_level_item), NULL);
  return factory;
}

static GtkDropDown *
level_dropdown (const VtCriterion *criterion,
                const char        *accessible_name)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button = level_factory (FALSE);
  g_autoptr(GtkListItemFactory) list = level_factory (TRUE);
  GtkDropDown *dropdown;

  for (int level = -1; level < vt_criterion_get_n_levels (criterion); level++)
    {
      g_autofree char *label = vt_assessment_state_level_label (criterion, level, vt_text_language ());

      gtk_string_list_append (levels, label);
    }
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&levels)), NULL));
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return dropdown;
}

static AdwActionRow *
dropdown_row (const char  *title,
              GtkDropDown *dropdown)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (row, GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (dropdown));
  return row;
}

static CriterionRow *
build_criterion_row (VtAssessmentWindow  *self,
                     VtCriterion         *c,
                     AdwPreferencesGroup *group)
{
  CriterionRow *r = g_new0 (CriterionRow, 1);
  const char *name = vt_criterion_get_name (c, vt_text_language ());
  VtImprovementAction *x = find_action (self, c->code);
  VtScore *agreed = vt_assessment_get_score (self->assessment, c->id);
  AdwActionRow *photos;
  AdwActionRow *due;
  GtkWidget *button;
  GtkWidget *popover;

  r->self = self;
  r->criterion = c;
  r->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), name);
  if (c->knockout)
    {
      GtkWidget *tag = gtk_label_new (_("Knock-out"));

      gtk_widget_set_tooltip_text (tag, _("The lowest level makes the supplier not ready, whatever the index"));
      gtk_widget_add_css_class (tag, "vt-stage-chip");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (r->row, tag);
    }

  r->first = level_dropdown (c, _("Consultant’s score"));
  r->first_row = dropdown_row (_("Consultant’s score"), r->first);
  r->second = level_dropdown (c, _("Staff member’s score"));
  r->second_row = dropdown_row (_("Staff member’s score"), r->second);
  r->agreed = level_dropdown (c, _("Agreed score"));
  r->agreed_row = dropdown_row (_("Agreed score"), r->agreed);
  r->disagree = GTK_LABEL (gtk_label_new (_("The assessors are more than a level apart: agree on a score.")));
  gtk_label_set_wrap (r->disagree, TRUE);
  gtk_label_set_xalign (r->disagree, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (r->disagree), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (r->disagree), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (r->disagree), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (r->disagree), 6);
  gtk_widget_add_css_class (GTK_WIDGET (r->disagree), "vt-disagreement");

  r->comment = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->comment), _("Comment"));

  photos = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (photos), _("Evidence"));
  r->evidence_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (r->evidence_label), "dim-label");
  adw_action_row_add_suffix (photos, GTK_WIDGET (r->evidence_label));
  button = gtk_button_new_with_mnemonic (_("Add _Photo…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_photo_clicked), r);
  adw_action_row_add_suffix (photos, button);

  r->action = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->action), _("Improvement action"));
  r->owner = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->owner), _("Action owner"));
  due = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("Action due"));
  r->calendar = GTK_CALENDAR (gtk_calendar_new ());
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (r->calendar));
  r->due_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (r->due_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (r->due_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->due_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Action due"), -1);
  adw_action_row_add_suffix (due, GTK_WIDGET (r->due_button));
  adw_action_row_set_activatable_widget (due, GTK_WIDGET (r->due_button));

  adw_expander_row_add_row (r->row, GTK_WIDGET (r->first_row));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->second_row));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->disagree));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->agreed_row));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->comment));
  adw_expander_row_add_row (r->row, GTK_WIDGET (photos));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->action));
  adw_expander_row_add_row (r->row, GTK_WIDGET (r->owner));
  adw_expander_row_add_row (r->row, GTK_WIDGET (due));
  adw_preferences_group_add (group, GTK_WIDGET (r->row));

  /* What was saved before. */
  {
    VtScore *a = vt_assessment_get_assessor_score (self->assessment, first_assessor (self), c->id);
    VtScore *b = vt_assessment_get_assessor_score (self->assessment, second_assessor (self), c->id);

    select_level (self, r->first, a ? a->score : -1);
    select_level (self, r->second, b ? b->score : -1);
  }
  select_level (self, r->agreed, agreed ? agreed->score : -1);
  r->agreed_touched = agreed != NULL && agreed->score >= 0;
  if (agreed && agreed->comment)
    gtk_editable_set_text (GTK_EDITABLE (r->comment), agreed->comment);
  if (x != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (r->action), x->action);
      if (x->owner)
        gtk_editable_set_text (GTK_EDITABLE (r->owner), x->owner);
      if (g_date_valid (&x->due_on))
        {
          g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&x->due_on),
                                                            g_date_get_month (&x->due_on),
                                                            g_date_get_day (&x->due_on), 0, 0, 0);

          gtk_calendar_select_day (r->calendar, day);
          g_object_set_data (G_OBJECT (r->calendar), "chosen", GINT_TO_POINTER (TRUE));
        }
    }
  sync_action (r);

  g_signal_connect (r->first, "notify::selected", G_CALLBACK (on_own_score_changed), r);
  g_signal_connect (r->second, "notify::selected", G_CALLBACK (on_own_score_changed), r);
  g_signal_connect (r->agreed, "notify::selected", G_CALLBACK (on_agreed_changed), r);
  g_signal_connect (r->comment, "changed", G_CALLBACK (on_comment_changed), r);
  g_signal_connect (r->action, "changed", G_CALLBACK (on_action_changed), r);
  g_signal_connect (r->owner, "changed", G_CALLBACK (on_action_changed), r);
  g_signal_connect (r->calendar, "day-selected", G_CALLBACK (on_day_selected), r);
  return r;
}

static void
update_summary (VtAssessmentWindow *self)
{
  g_autoptr(VtReadiness) r = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *reason = NULL;
  gboolean can_finish;

  if (!self->loaded)
    return;

  r = vt_readiness_evaluate (self->set, self->assessment);
  changes = vt_readiness_compare (self->previous_set, self->previous, self->set, self->assessment);

  g_free (self->index_text);
  self->index_text = vt_assessment_state_format_index (r->index);
  gtk_label_set_text (self->index_label, self->index_text);
  g_free (self->band_text);
  self->band_text = g_strdup (vt_readiness_band_get_display_name (r->band));
  gtk_label_set_text (self->band_label, self->band_text);
  for (VtReadinessBand b = VT_READINESS_BAND_NONE; b <= VT_READINESS_BAND_READY; b++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), vt_assessment_state_band_style (b));
      gtk_widget_remove_css_class (GTK_WIDGET (self->index_label), vt_assessment_state_band_style (b));
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->band_label), vt_assessment_state_band_style (r->band));
  gtk_widget_add_css_class (GTK_WIDGET (self->index_label), vt_assessment_state_band_style (r->band));

  g_free (self->explanation);
  self->explanation = vt_readiness_dup_explanation (r, vt_text_language ());
  gtk_label_set_text (self->explanation_label, self->explanation ? self->explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), self->explanation != NULL);

  can_finish = vt_assessment_state_can_finish (self->set, self->assessment, first_assessor (self),
                                               second_assessor (self), &reason);
  gtk_label_set_text (self->finish_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->finish_label), reason != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);
      const VtScoreChange *change = NULL;

      for (guint k = 0; k < changes->len && change == NULL; k++)
        if (g_array_index (changes, VtScoreChange, k).criterion == row->criterion)
          change = &g_array_index (changes, VtScoreChange, k);
      update_row (self, row, change);
    }

  for (guint i = 0; i < r->areas->len; i++)
    {
      const VtAreaScore *area = &g_array_index (r->areas, VtAreaScore, i);
      AdwPreferencesGroup *group = g_hash_table_lookup (self->area_groups, area->area);
      g_autofree char *score = vt_assessment_state_format_index (area->score);
      g_autofree char *text = NULL;

      if (group == NULL)
        continue;
      /* TRANSLATORS: an area's share of the index and its score, e.g.
       * "Weight 18 · score 72.0" */
      text = g_strdup_printf (_("Weight %.0f · score %s"), area->weight, score);
      adw_preferences_group_set_description (group, text);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.finish", can_finish && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.save-draft", !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !self->saving);
}

static void
on_assessor_changed (AdwComboRow        *combo,
                     GParamSpec         *pspec,
                     VtAssessmentWindow *self)
{
  gint64 previous = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (combo), "person"));
  gint64 person = combo == self->first_row ? first_assessor (self) : second_assessor (self);

  if (self->building)
    return;

  /* The own scores typed in this slot move to the person now chosen. */
  for (guint i = self->assessment->assessor_scores->len; i > 0; i--)
    {
      VtScore *s = g_ptr_array_index (self->assessment->assessor_scores, i - 1);

      if (s->person_id != previous || previous == 0)
        continue;
      if (person == 0)
        g_ptr_array_remove_index (self->assessment->assessor_scores, i - 1);
      else
        s->person_id = person;
    }
  g_object_set_data (G_OBJECT (combo), "person", GSIZE_TO_POINTER (person));

  g_array_set_size (self->assessment->assessor_ids, 0);
  if (first_assessor (self) != 0)
    g_array_append_val (self->assessment->assessor_ids, g_array_index (self->consultants, gint64,
                                                                      adw_combo_row_get_selected (self->first_row)));
  if (second_assessor (self) != 0 && second_assessor (self) != first_assessor (self))
    g_array_append_val (self->assessment->assessor_ids, g_array_index (self->staff, gint64,
                                                                      adw_combo_row_get_selected (self->second_row)));
  mark_dirty (self);
}

static void
on_visit_changed (AdwComboRow        *combo,
                  GParamSpec         *pspec,
                  VtAssessmentWindow *self)
{
  guint i = adw_combo_row_get_selected (combo);
  gint64 id = i < self->visit_ids->len ? g_array_index (self->visit_ids, gint64, i) : 0;

  if (self->building)
    return;
  self->assessment->visit_id = id;
  /* The assessment is dated by its visit. */
  for (guint k = 0; k < self->visits->len; k++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, k);

      if (v->id == id)
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
          g_autoptr(GDateTime) local = g_date_time_to_timezone (v->starts_at, tz ? tz : g_time_zone_new_utc ());

          g_date_set_dmy (&self->assessment->assessed_on, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
        }
    }
  mark_dirty (self);
}

static void
on_check_changed (AdwComboRow         *combo,
                  GParamSpec          *pspec,
                  VtImprovementAction *x)
{
  VtAssessmentWindow *self = VT_ASSESSMENT_WINDOW (gtk_widget_get_root (GTK_WIDGET (combo)));
  static const VtActionStatus statuses[] = { VT_ACTION_STATUS_OPEN, VT_ACTION_STATUS_DONE, VT_ACTION_STATUS_NOT_DONE };
  guint i = adw_combo_row_get_selected (combo);

  if (self == NULL || self->building || i >= G_N_ELEMENTS (statuses))
    return;
  vt_assessment_check_action (self->assessment, x->id, statuses[i]);
  mark_dirty (self);
}

static void
fill_people (VtAssessmentWindow *self)
{
  g_autoptr(GtkStringList) consultants = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  guint first = 0, second = 0;
  gint64 none = 0;

  g_array_append_val (self->consultants, none);
  g_array_append_val (self->staff, none);
  gtk_string_list_append (consultants, _("Nobody"));
  gtk_string_list_append (staff, _("Nobody"));
  for (guint i = 0; i < self->people->len; i++)
    {
      VtPerson *p = g_ptr_array_index (self->people, i);
      g_autofree char *name = vt_person_dup_full_name (p);
      GtkStringList *list = p->kind == VT_PERSON_KIND_CONSULTANT ? consultants : p->kind == VT_PERSON_KIND_STAFF ? staff : NULL;
      GArray *ids = list == consultants ? self->consultants : self->staff;

      if (list == NULL)
        continue;
      for (guint k = 0; k < self->assessment->assessor_ids->len; k++)
        if (g_array_index (self->assessment->assessor_ids, gint64, k) == p->id)
          {
            if (list == consultants)
              first = ids->len;
            else
              second = ids->len;
          }
      g_array_append_val (ids, p->id);
      gtk_string_list_append (list, name);
    }
  adw_combo_row_set_model (self->first_row, G_LIST_MODEL (consultants));
  adw_combo_row_set_model (self->second_row, G_LIST_MODEL (staff));
  adw_combo_row_set_selected (self->first_row, first);
  adw_combo_row_set_selected (self->second_row, second);
  g_object_set_data (G_OBJECT (self->first_row), "person", GSIZE_TO_POINTER (first_assessor (self)));
  g_object_set_data (G_OBJECT (self->second_row), "person", GSIZE_TO_POINTER (second_assessor (self)));
}

static void
fill_visits (VtAssessmentWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  gint64 none = 0;
  guint selected = 0;

  g_array_append_val (self->visit_ids, none);
  gtk_string_list_append (list, _("No visit"));
  for (guint i = 0; i < self->visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (v->starts_at, tz ? tz : g_time_zone_new_utc ());
      g_autofree char *date = vt_format_date (NULL, local, VT_DATE_FORMAT_NUMERIC);
      /* TRANSLATORS: a visit in a list: its date and its kind */
      g_autofree char *label = g_strdup_printf (_("%s, %s"), date, vt_visit_kind_get_display_name (v->kind));

      if (v->id == self->assessment->visit_id)
        selected = self->visit_ids->len;
      g_array_append_val (self->visit_ids, v->id);
      gtk_string_list_append (list, label);
    }
  adw_combo_row_set_model (self->visit_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->visit_row, selected);
}

static void
fill_earlier_actions (VtAssessmentWindow *self)
{
  for (guint i = 0; i < self->all_actions->len; i++)
    {
      VtImprovementAction *x = g_ptr_array_index (self->all_actions, i);
      VtCriterion *c = vt_criterion_set_find_code (self->set, x->criterion_code);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      AdwComboRow *row;
      g_autofree char *subtitle = NULL;
      guint selected = 0;

      if (x->assessment_id == self->assessment->id
          || (x->status != VT_ACTION_STATUS_OPEN && x->checked_in != self->assessment->id))
        continue;
      gtk_string_list_append (choices, _("Not checked"));
      gtk_string_list_append (choices, vt_action_status_get_display_name (VT_ACTION_STATUS_DONE));
      gtk_string_list_append (choices, vt_action_status_get_display_name (VT_ACTION_STATUS_NOT_DONE));
      for (guint k = 0; k < self->assessment->checks->len; k++)
        if (g_array_index (self->assessment->checks, VtActionCheck, k).action_id == x->id)
          selected = g_array_index (self->assessment->checks, VtActionCheck, k).status == VT_ACTION_STATUS_DONE ? 1 : 2;

      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), x->action);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      subtitle = x->owner ? g_strdup_printf (_("%s · %s"), c ? vt_criterion_get_name (c, vt_text_language ()) : x->criterion_code, x->owner)
                          : g_strdup (c ? vt_criterion_get_name (c, vt_text_language ()) : x->criterion_code);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, selected);
      g_ptr_array_add (self->earlier, vt_improvement_action_ref (x));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_check_changed), x);
      adw_preferences_group_add (self->actions_group, GTK_WIDGET (row));
      gtk_widget_set_visible (GTK_WIDGET (self->actions_group), TRUE);
    }
}

static VtCriterionSet *
find_set (VtAssessmentWindow *self,
          gint64              id)
{
  for (guint i = 0; i < self->sets->len; i++)
    {
      VtCriterionSet *set = g_ptr_array_index (self->sets, i);

      if (id == 0 ? set->is_default : set->id == id)
        return set;
    }
  return NULL;
}

/* A new assessment starts from the supplier's latest visit that has taken
 * place, with its consultant and staff member as the assessors. */
static void
start_new (VtAssessmentWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  VtVisit *latest = NULL;

  self->assessment = vt_assessment_new (self->supplier_uuid, self->set->id);
  self->assessment->draft = TRUE;
  g_date_set_dmy (&self->assessment->assessed_on, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  for (guint i = 0; i < self->visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (self->visits, i);

      if (g_date_time_compare (v->starts_at, now) <= 0 && v->status != VT_VISIT_STATUS_CANCELLED
          && (latest == NULL || g_date_time_compare (v->starts_at, latest->starts_at) > 0))
        latest = v;
    }
  if (latest == NULL)
    return;
  self->assessment->visit_id = latest->id;
  for (guint i = 0; i < latest->participant_ids->len; i++)
    {
      gint64 id = g_array_index (latest->participant_ids, gint64, i);

      for (guint k = 0; k < self->people->len; k++)
        {
          VtPerson *p = g_ptr_array_index (self->people, k);

          if (p->id == id && (p->kind == VT_PERSON_KIND_CONSULTANT || p->kind == VT_PERSON_KIND_STAFF))
            g_array_append_val (self->assessment->assessor_ids, id);
        }
    }
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
    g_autoptr(GDateTime) local = g_date_time_to_timezone (latest->starts_at, tz ? tz : g_time_zone_new_utc ());

    g_date_set_dmy (&self->assessment->assessed_on, g_date_time_get_day_of_month (local),
                    g_date_time_get_month (local), g_date_time_get_year (local));
  }
}

static void
build (VtAssessmentWindow *self)
{
  g_autoptr(GPtrArray) areas = NULL;

  if (self->load_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->load_error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.finish", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.save-draft", FALSE);
      return;
    }

  self->building = TRUE;
  adw_window_title_set_subtitle (self->window_title, self->supplier->name_vi);

  for (guint i = 0; i < self->assessments->len && self->assessment_id != 0; i++)
    {
      VtAssessment *a = g_ptr_array_index (self->assessments, i);

      if (a->id == self->assessment_id)
        self->assessment = vt_assessment_ref (a);
    }
  if (self->assessment != NULL)
    self->set = find_set (self, self->assessment->set_id);
  else
    {
      self->set = find_set (self, 0);
      if (self->set != NULL)
        start_new (self);
    }
  if (self->set == NULL)
    {
      self->building = FALSE;
      adw_status_page_set_description (self->error_page, _("The criterion set of this assessment is missing."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  vt_criterion_set_ref (self->set);

  /* The previous assessment: the latest final one before this. */
  for (guint i = 0; i < self->assessments->len; i++)
    {
      VtAssessment *a = g_ptr_array_index (self->assessments, i);

      if (a->id == self->assessment->id || a->draft
          || g_date_compare (&a->assessed_on, &self->assessment->assessed_on) > 0)
        continue;
      g_clear_pointer (&self->previous, vt_assessment_unref);
      self->previous = vt_assessment_ref (a);
    }
  if (self->previous != NULL)
    {
      self->previous_set = find_set (self, self->previous->set_id);
      if (self->previous_set != NULL)
        vt_criterion_set_ref (self->previous_set);
    }

  fill_visits (self);
  fill_people (self);
  fill_earlier_actions (self);

  areas = vt_criterion_set_list_areas (self->set);
  for (guint a = 0; a < areas->len; a++)
    {
      const char *area = g_ptr_array_index (areas, a);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, vt_area_get_display_name (area));
      g_hash_table_insert (self->area_groups, g_strdup (area), group);
      for (guint i = 0; i < self->set->criteria->len; i++)
        {
          VtCriterion *c = g_ptr_array_index (self->set->criteria, i);

          if (g_strcmp0 (c->area, area) == 0)
            g_ptr_array_add (self->rows, build_criterion_row (self, c, group));
        }
      adw_preferences_page_add (self->page, group);
    }

  g_signal_connect (self->visit_row, "notify::selected", G_CALLBACK (on_visit_changed), self);
  g_signal_connect (self->first_row, "notify::selected", G_CALLBACK (on_assessor_changed), self);
  g_signal_connect (self->second_row, "notify::selected", G_CALLBACK (on_assessor_changed), self);

  self->building = FALSE;
  self->loaded = TRUE;
  /* A new assessment has nothing to lose yet. */
  self->dirty = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "content");
  update_summary (self);
}

/* Loading: six independent requests; the window is built when the last
 * one is back. */
static void
loaded_one (VtAssessmentWindow *self,
            GError             *error)
{
  if (error != NULL && self->load_error == NULL)
    self->load_error = g_error_copy (error);
  if (--self->pending == 0)
    build (self);
}

#define DEFINE_LOADED(name, field, finish)                                         \
  static void                                                                     \
  name (GObject      *source,                                                     \
        GAsyncResult *result,                                                     \
        gpointer      user_data)                                                  \
  {                                                                               \
    g_autoptr(VtAssessmentWindow) self = user_data;                               \
    g_autoptr(GError) error = NULL;                                               \
                                                                                  \
    self->field = finish (VT_STORE (source), result, &error);                     \
    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))                \
      return;                                                                     \
    loaded_one (self, error);                                                     \
  }

DEFINE_LOADED (on_supplier_loaded, supplier, vt_store_get_supplier_finish)
DEFINE_LOADED (on_sets_loaded, sets, vt_store_list_criterion_sets_finish)
DEFINE_LOADED (on_people_loaded, people, vt_store_list_people_finish)
DEFINE_LOADED (on_visits_loaded, visits, vt_store_list_visits_finish)
DEFINE_LOADED (on_assessments_loaded, assessments, vt_store_list_assessments_finish)
DEFINE_LOADED (on_actions_loaded, all_actions, vt_store_list_improvement_actions_finish)

static void
load (VtAssessmentWindow *self)
{
  self->pending = 6;
  vt_store_get_supplier_async (self->store, self->supplier_uuid, self->cancellable,
                               on_supplier_loaded, g_object_ref (self));
  vt_store_list_criterion_sets_async (self->store, self->cancellable, on_sets_loaded, g_object_ref (self));
  vt_store_list_people_async (self->store, self->cancellable, on_people_loaded, g_object_ref (self));
  vt_store_list_visits_async (self->store, self->supplier_uuid, NULL, NULL, self->cancellable,
                              on_visits_loaded, g_object_ref (self));
  vt_store_list_assessments_async (self->store, self->supplier_uuid, self->cancellable,
                                   on_assessments_loaded, g_object_ref (self));
  vt_store_list_improvement_actions_async (self->store, self->supplier_uuid, self->cancellable,
                                           on_actions_loaded, g_object_ref (self));
}

/* Saving ------------------------------------------------------------------- */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean draft = self->assessment->draft;

  if (!vt_store_save_assessment_finish (VT_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->saving = FALSE;
      self->close_after_save = FALSE;
      /* A finish that failed stays a draft to finish later. */
      self->assessment->draft = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "was-draft"));
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      update_summary (self);
      return;
    }

  self->saving = FALSE;
  self->dirty = FALSE;
  self->assessment_id = self->assessment->id;
  g_signal_emit (self, signals[SAVED], 0);
  if (!draft || self->close_after_save)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Draft saved")));
  update_summary (self);
}

/**
 * vt_assessment_window_save:
 * @draft: keep it as a draft, or finish it (the window then closes)
 */
void
vt_assessment_window_save (VtAssessmentWindow *self,
                           gboolean            draft)
{
  g_return_if_fail (VT_IS_ASSESSMENT_WINDOW (self));

  if (!self->loaded || self->saving)
    return;
  g_object_set_data (G_OBJECT (self), "was-draft", GINT_TO_POINTER (self->assessment->draft));
  self->assessment->draft = draft;
  self->saving = TRUE;
  update_summary (self);
  vt_store_save_assessment_async (self->store, self->assessment, self->cancellable, on_saved, g_object_ref (self));
}

static void
save_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  vt_assessment_window_save (VT_ASSESSMENT_WINDOW (widget), TRUE);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vt_assessment_window_save (VT_ASSESSMENT_WINDOW (widget), FALSE);
}

static void
on_close_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   VtAssessmentWindow *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      vt_assessment_window_save (self, self->assessment->draft);
    }
}

static gboolean
vt_assessment_window_close_request (GtkWindow *window)
{
  VtAssessmentWindow *self = VT_ASSESSMENT_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  if (!self->dirty)
    return GTK_WINDOW_CLASS (vt_assessment_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save the Scores?"),
                                                       _("The assessment has scores that are not saved. Keep them as a draft to finish later.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Type --------------------------------------------------------------------- */

static void
vt_assessment_window_dispose (GObject *object)
{
  VtAssessmentWindow *self = VT_ASSESSMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_ASSESSMENT_WINDOW);
  G_OBJECT_CLASS (vt_assessment_window_parent_class)->dispose (object);
}

static void
vt_assessment_window_finalize (GObject *object)
{
  VtAssessmentWindow *self = VT_ASSESSMENT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);
  g_free (self->supplier_uuid);
  g_clear_pointer (&self->supplier, vt_supplier_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->all_actions, g_ptr_array_unref);
  g_clear_pointer (&self->set, vt_criterion_set_unref);
  g_clear_pointer (&self->assessment, vt_assessment_unref);
  g_clear_pointer (&self->previous_set, vt_criterion_set_unref);
  g_clear_pointer (&self->previous, vt_assessment_unref);
  g_clear_pointer (&self->consultants, g_array_unref);
  g_clear_pointer (&self->staff, g_array_unref);
  g_clear_pointer (&self->visit_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->earlier, g_ptr_array_unref);
  g_clear_pointer (&self->area_groups, g_hash_table_unref);
  g_free (self->index_text);
  g_free (self->band_text);
  g_free (self->explanation);
  G_OBJECT_CLASS (vt_assessment_window_parent_class)->finalize (object);
}

static void
vt_assessment_window_class_init (VtAssessmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_assessment_window_dispose;
  object_class->finalize = vt_assessment_window_finalize;
  window_class->close_request = vt_assessment_window_close_request;

  /**
   * VtAssessmentWindow::saved:
   *
   * The assessment was saved, as a draft or finished.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-assessment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, draft_button);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, finish_button);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, index_label);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, band_label);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, finish_label);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, page);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, visit_row);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, first_row);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, second_row);
  gtk_widget_class_bind_template_child (widget_class, VtAssessmentWindow, actions_group);

  gtk_widget_class_install_action (widget_class, "assessment.save-draft", NULL, save_draft_action);
  gtk_widget_class_install_action (widget_class, "assessment.finish", NULL, finish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assessment.save-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "assessment.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
criterion_row_free (CriterionRow *row)
{
  g_free (row);
}

static void
vt_assessment_window_init (VtAssessmentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->consultants = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->visit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_row_free);
  self->earlier = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_improvement_action_unref);
  self->area_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.finish", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.save-draft", FALSE);
}

/**
 * vt_assessment_window_new:
 * @assessment_id: the assessment to open, or 0 for a new one with the
 *   default criterion set
 */
VtAssessmentWindow *
vt_assessment_window_new (GtkWindow  *parent,
                          VtStore    *store,
                          const char *supplier_uuid,
                          gint64      assessment_id)
{
  VtAssessmentWindow *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_uuid != NULL, NULL);

  self = g_object_new (VT_TYPE_ASSESSMENT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->supplier_uuid = g_strdup (supplier_uuid);
  self->assessment_id = assessment_id;
  load (self);
  return self;
}

/* For tests and for the supplier page. */

gboolean
vt_assessment_window_is_loaded (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), FALSE);
  return self->loaded || self->load_error != NULL;
}

/**
 * vt_assessment_window_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment being entered
 */
VtAssessment *
vt_assessment_window_get_assessment (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), NULL);
  return self->assessment;
}

/**
 * vt_assessment_window_get_set:
 *
 * Returns: (transfer none) (nullable): the criterion set it uses
 */
VtCriterionSet *
vt_assessment_window_get_set (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), NULL);
  return self->set;
}

static gboolean
select_person (AdwComboRow *combo,
               GArray      *ids,
               gint64       person)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == person)
      {
        adw_combo_row_set_selected (combo, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * vt_assessment_window_set_assessors:
 * @first: a consultant's person id, or 0
 * @second: a staff member's person id, or 0
 *
 * Chooses the assessors as a person would in the two rows.
 *
 * Returns: %FALSE when one is not offered there
 */
gboolean
vt_assessment_window_set_assessors (VtAssessmentWindow *self,
                                    gint64              first,
                                    gint64              second)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  return select_person (self->first_row, self->consultants, first)
         && select_person (self->second_row, self->staff, second);
}

static CriterionRow *
find_row (VtAssessmentWindow *self,
          const char         *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *r = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (r->criterion->code, code) == 0)
        return r;
    }
  return NULL;
}

/**
 * vt_assessment_window_score:
 * @assessor: the consultant's or staff member's id for their own score,
 *   or 0 for the agreed score
 * @level: the level, or -1 for none
 *
 * Chooses a score in the criterion's row as a person would.
 *
 * Returns: %FALSE when there is no such criterion or assessor
 */
gboolean
vt_assessment_window_score (VtAssessmentWindow *self,
                            const char         *criterion_code,
                            gint64              assessor,
                            int                 level)
{
  CriterionRow *r;
  GtkDropDown *dropdown;

  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), FALSE);

  r = find_row (self, criterion_code);
  if (r == NULL)
    return FALSE;
  if (assessor == 0)
    dropdown = r->agreed;
  else if (assessor == first_assessor (self))
    dropdown = r->first;
  else if (assessor == second_assessor (self))
    dropdown = r->second;
  else
    return FALSE;
  gtk_drop_down_set_selected (dropdown, (guint) (level + 1));
  return TRUE;
}

void
vt_assessment_window_set_comment (VtAssessmentWindow *self,
                                  const char         *criterion_code,
                                  const char         *comment)
{
  CriterionRow *r;

  g_return_if_fail (VT_IS_ASSESSMENT_WINDOW (self));

  r = find_row (self, criterion_code);
  g_return_if_fail (r != NULL);
  gtk_editable_set_text (GTK_EDITABLE (r->comment), comment);
}

const char *
vt_assessment_window_get_index_text (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), NULL);
  return gtk_label_get_text (self->index_label);
}

const char *
vt_assessment_window_get_band_text (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), NULL);
  return gtk_label_get_text (self->band_label);
}

/**
 * vt_assessment_window_get_explanation:
 *
 * Returns: (nullable): why there is no index or why the band was lowered
 */
const char *
vt_assessment_window_get_explanation (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), NULL);
  return self->explanation;
}

gboolean
vt_assessment_window_is_dirty (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), FALSE);
  return self->dirty;
}

/**
 * vt_assessment_window_can_finish:
 *
 * Returns: whether Finish is offered: every low score has a comment and
 *   every disagreement an agreed score
 */
gboolean
vt_assessment_window_can_finish (VtAssessmentWindow *self)
{
  g_return_val_if_fail (VT_IS_ASSESSMENT_WINDOW (self), FALSE);

  return self->loaded && !self->saving
         && vt_assessment_state_can_finish (self->set, self->assessment, first_assessor (self),
                                            second_assessor (self), NULL);
}
