/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria-window.c: viewing and editing the versions of the
 * criterion sets.
 *
 * The window edits a copy of the version shown. Saving never changes a
 * stored version, which assessments may use: the store saves the copy as
 * the next version, and the window says so, with the number of
 * assessments that use the version shown. What blocks a save comes from
 * vt_criterion_set_check(), a pure function of the copy, after every
 * change. The rows of a criterion (names, scale, level descriptions) are
 * built when the criterion is first expanded, so that a set of many
 * criteria opens at once.
 */

#define G_LOG_DOMAIN "vt-criteria-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-criteria-check.h"
#include "vt-criteria-window.h"
#include "vt-readiness.h"

#define N_LANGUAGES 3

static const char * const languages[N_LANGUAGES] = { "en", "vi", "ko" };

typedef struct _CriterionRow CriterionRow;

struct _VtCriteriaWindow
{
  AdwWindow            parent_instance;

  /* Template children */
  GtkDropDown         *version_dropdown;
  GtkButton           *save_button;
  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  AdwPreferencesPage  *page;
  AdwActionRow        *usage_row;
  AdwActionRow        *default_row;
  GtkSwitch           *save_default_switch;
  AdwEntryRow         *name_row;
  AdwEntryRow         *notes_row;
  GtkSpinButton       *ready_spin;
  GtkSpinButton       *conditional_spin;
  GtkSpinButton       *gap_spin;
  GtkSpinButton       *coverage_spin;
  GtkLabel            *sum_label;

  VtStore             *store;
  GCancellable        *cancellable;
  GPtrArray           *sets;           /* VtCriterionSet, as in the drop-down */
  VtCriterionSet      *original;       /* the version shown, as stored */
  VtCriterionSet      *edit;           /* the copy being edited */
  VtCriterionSet      *saving;         /* the copy being saved */
  GPtrArray           *area_groups;    /* AdwPreferencesGroup, on the page */
  GPtrArray           *rows;           /* CriterionRow */
  GPtrArray           *area_ids;       /* char *: what the area rows offer */
  GPtrArray           *issues;         /* VtCriterionIssue */
  const char          *language;
  gint64               want_id;        /* the version to show after a load */
  guint                pending_index;  /* the version chosen while dirty */
  guint                rebuild_id;
  gboolean             filling;
  gboolean             dirty;
  gboolean             busy;
  gboolean             loaded;
  gboolean             discarding;
};

struct _CriterionRow
{
  VtCriteriaWindow *self;
  VtCriterion      *criterion;   /* owned by self->edit */
  AdwExpanderRow   *expander;
  GtkSpinButton    *weight;
  gboolean          built;
  AdwComboRow      *area;
  AdwComboRow      *scale;
  GtkSwitch        *knockout;
  AdwEntryRow      *levels[VT_N_LEVELS][N_LANGUAGES];
  GtkWidget        *remove;
};

G_DEFINE_FINAL_TYPE (VtCriteriaWindow, vt_criteria_window, ADW_TYPE_WINDOW)

static void refresh       (VtCriteriaWindow *self);
static void load          (VtCriteriaWindow *self);
static void show_set      (VtCriteriaWindow *self,
                           VtCriterionSet   *set);

static char **
name_field (VtCriterion *c,
            guint        language)
{
  switch (language)
    {
    case 1:
      return &c->name_vi;
    case 2:
      return &c->name_ko;
    default:
      return &c->name_en;
    }
}

static char **
level_field (VtCriterion *c,
             int          level,
             guint        language)
{
  switch (language)
    {
    case 1:
      return &c->levels_vi[level];
    case 2:
      return &c->levels_ko[level];
    default:
      return &c->levels[level];
    }
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

static void
changed (VtCriteriaWindow *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  refresh (self);
}

/* Criterion rows ---------------------------------------------------------- */

static const char *
scale_display_name (VtScale scale)
{
  return scale == VT_SCALE_AUDIT ? _("Audit scale: 0, 4, 6, 8 or 10 points")
                                 : _("Levels 0 to 5, each described");
}

static char *
criterion_title (VtCriteriaWindow  *self,
                 const VtCriterion *c)
{
  const char *name = vt_criterion_get_name (c, self->language);

  if (name == NULL || *name == '\0')
    name = c->name_en;
  if (name == NULL || *name == '\0')
    return g_strdup (_("New criterion"));
  return g_strdup (name);
}

static void
update_level_rows (CriterionRow *row)
{
  VtCriterion *c = row->criterion;

  for (int level = 0; level < VT_N_LEVELS; level++)
    for (guint l = 0; l < N_LANGUAGES; l++)
      {
        AdwEntryRow *entry = row->levels[level][l];
        g_autofree char *title = NULL;

        if (entry == NULL)
          continue;
        /* Translators: “Level 6 in Korean”: the points of a level of a
         * criterion's scale and the language of its description. */
        title = g_strdup_printf (_("Level %d in %s"), MAX (vt_criterion_get_points (c, level), 0),
                                 vt_language_get_display_name (languages[l]));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
        gtk_widget_set_visible (GTK_WIDGET (entry), level < vt_criterion_get_n_levels (c));
      }
}

/* The subtitle of a criterion's row: its first problem, or its scale. */
static void
update_row (VtCriteriaWindow *self,
            CriterionRow     *row,
            guint             index)
{
  g_autofree char *title = criterion_title (self, row->criterion);
  const char *problem = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->issues->len && problem == NULL; i++)
    {
      VtCriterionIssue *issue = g_ptr_array_index (self->issues, i);

      if (issue->criterion == (int) index)
        problem = issue->message;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  if (problem != NULL)
    subtitle = g_strdup (problem);
  else if (row->criterion->knockout)
    /* Translators: a criterion's scale, then that it is a knock-out criterion. */
    subtitle = g_strdup_printf (_("%s; knock-out"), scale_display_name (row->criterion->scale));
  else
    subtitle = g_strdup (scale_display_name (row->criterion->scale));
  adw_expander_row_set_subtitle (row->expander, subtitle);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->expander), "vt-criterion-problem");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->expander), "vt-criterion-problem");
  if (row->remove != NULL)
    gtk_widget_set_sensitive (row->remove, self->edit->criteria->len > 1);
}

static guint
row_index (CriterionRow *row)
{
  guint index = 0;

  g_ptr_array_find (row->self->edit->criteria, row->criterion, &index);
  return index;
}

static void
on_weight_changed (GtkSpinButton *spin,
                   CriterionRow  *row)
{
  row->criterion->weight = gtk_spin_button_get_value (spin);
  changed (row->self);
}

static void
on_name_changed (GtkEditable  *editable,
                 CriterionRow *row)
{
  guint language = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "vt-language"));
  VtCriterion *c = row->criterion;

  replace_text (name_field (c, language), gtk_editable_get_text (editable));

  /* A criterion not saved yet takes its code from its English name. */
  if (language == 0 && c->id == 0)
    {
      g_clear_pointer (&c->code, g_free);
      c->code = vt_criterion_set_make_code (row->self->edit, c->name_en);
    }
  changed (row->self);
}

static void
on_level_changed (GtkEditable  *editable,
                  CriterionRow *row)
{
  guint language = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "vt-language"));
  int level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "vt-level"));

  replace_text (level_field (row->criterion, level, language), gtk_editable_get_text (editable));
  changed (row->self);
}

static void
on_scale_changed (AdwComboRow  *combo,
                  GParamSpec   *pspec,
                  CriterionRow *row)
{
  row->criterion->scale = adw_combo_row_get_selected (combo) == 1 ? VT_SCALE_AUDIT : VT_SCALE_LEVELS;
  update_level_rows (row);
  changed (row->self);
}

static void
on_knockout_changed (GtkSwitch    *knockout,
                     GParamSpec   *pspec,
                     CriterionRow *row)
{
  row->criterion->knockout = gtk_switch_get_active (knockout);
  changed (row->self);
}

static void rebuild_criteria (VtCriteriaWindow *self,
                              VtCriterion      *expand);

typedef struct
{
  VtCriteriaWindow *self;
  VtCriterion      *expand;
} Rebuild;

static gboolean
rebuild_idle (gpointer data)
{
  Rebuild *r = data;

  r->self->rebuild_id = 0;
  rebuild_criteria (r->self, r->expand);
  return G_SOURCE_REMOVE;
}

/* Rebuilding removes the row whose signal asks for it: wait until the
 * signal is over. */
static void
queue_rebuild (VtCriteriaWindow *self,
               VtCriterion      *expand)
{
  Rebuild *r = g_new0 (Rebuild, 1);

  r->self = self;
  r->expand = expand;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, r, g_free);
}

static void
on_area_changed (AdwComboRow  *combo,
                 GParamSpec   *pspec,
                 CriterionRow *row)
{
  guint selected = adw_combo_row_get_selected (combo);
  VtCriteriaWindow *self = row->self;
  VtCriterion *c = row->criterion;
  VtCriterion *moved;
  guint at;

  if (self->filling || selected >= self->area_ids->len)
    return;
  if (g_str_equal (c->area, g_ptr_array_index (self->area_ids, selected)))
    return;
  g_free (c->area);
  c->area = g_strdup (g_ptr_array_index (self->area_ids, selected));

  /* The criterion moves to the end of its new area, so that the set's
   * order (and the areas' order) stays the order shown. */
  moved = g_ptr_array_steal_index (self->edit->criteria, row_index (row));
  at = self->edit->criteria->len;
  for (guint i = 0; i < self->edit->criteria->len; i++)
    if (g_str_equal (((VtCriterion *) g_ptr_array_index (self->edit->criteria, i))->area, c->area))
      at = i + 1;
  g_ptr_array_insert (self->edit->criteria, (int) at, moved);
  changed (self);
  queue_rebuild (self, c);
}

static void
on_remove_clicked (GtkButton    *button,
                   CriterionRow *row)
{
  VtCriteriaWindow *self = row->self;

  if (self->edit->criteria->len <= 1)
    return;
  g_ptr_array_remove (self->edit->criteria, row->criterion);
  changed (self);
  queue_rebuild (self, NULL);
}

static AdwEntryRow *
add_entry_row (AdwExpanderRow *expander,
               const char     *title,
               const char     *text)
{
  AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  adw_expander_row_add_row (expander, GTK_WIDGET (entry));
  return entry;
}

static GtkStringList *
area_model (VtCriteriaWindow *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->area_ids->len; i++)
    gtk_string_list_append (names, vt_area_get_display_name (g_ptr_array_index (self->area_ids, i)));
  return names;
}

static void
build_contents (CriterionRow *row)
{
  VtCriteriaWindow *self = row->self;
  VtCriterion *c = row->criterion;
  g_autoptr(GtkStringList) areas = area_model (self);
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  AdwActionRow *knockout_row;
  AdwActionRow *remove_row;
  guint area_index = 0;

  if (row->built)
    return;
  row->built = TRUE;
  self->filling = TRUE;

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      /* Translators: the title of a field: “Name in Korean”. */
      g_autofree char *title = g_strdup_printf (_("Name in %s"), vt_language_get_display_name (languages[l]));
      AdwEntryRow *entry = add_entry_row (row->expander, title, *name_field (c, l));

      g_object_set_data (G_OBJECT (entry), "vt-language", GUINT_TO_POINTER (l));
      g_signal_connect (entry, "changed", G_CALLBACK (on_name_changed), row);
    }

  row->area = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->area), _("Area"));
  adw_combo_row_set_model (row->area, G_LIST_MODEL (areas));
  g_ptr_array_find_with_equal_func (self->area_ids, c->area, g_str_equal, &area_index);
  adw_combo_row_set_selected (row->area, area_index);
  g_signal_connect (row->area, "notify::selected", G_CALLBACK (on_area_changed), row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->area));

  gtk_string_list_append (scales, scale_display_name (VT_SCALE_LEVELS));
  gtk_string_list_append (scales, scale_display_name (VT_SCALE_AUDIT));
  row->scale = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->scale), _("Scale"));
  adw_combo_row_set_model (row->scale, G_LIST_MODEL (scales));
  adw_combo_row_set_selected (row->scale, c->scale == VT_SCALE_AUDIT ? 1 : 0);
  g_signal_connect (row->scale, "notify::selected", G_CALLBACK (on_scale_changed), row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->scale));

  knockout_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (knockout_row), _("Knock-out criterion"));
  adw_action_row_set_subtitle (knockout_row, _("At its lowest level the supplier is not ready, whatever the index"));
  row->knockout = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->knockout), GTK_ALIGN_CENTER);
  gtk_switch_set_active (row->knockout, c->knockout);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->knockout),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, knockout_row, NULL, -1);
  adw_action_row_add_suffix (knockout_row, GTK_WIDGET (row->knockout));
  adw_action_row_set_activatable_widget (knockout_row, GTK_WIDGET (row->knockout));
  g_signal_connect (row->knockout, "notify::active", G_CALLBACK (on_knockout_changed), row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (knockout_row));

  for (int level = 0; level < VT_N_LEVELS; level++)
    for (guint l = 0; l < N_LANGUAGES; l++)
      {
        AdwEntryRow *entry = add_entry_row (row->expander, "", *level_field (c, level, l));

        g_object_set_data (G_OBJECT (entry), "vt-language", GUINT_TO_POINTER (l));
        g_object_set_data (G_OBJECT (entry), "vt-level", GINT_TO_POINTER (level));
        g_signal_connect (entry, "changed", G_CALLBACK (on_level_changed), row);
        row->levels[level][l] = entry;
      }
  update_level_rows (row);

  remove_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove the criterion from the set"));
  row->remove = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove, "destructive-action");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->remove),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, remove_row, NULL, -1);
  gtk_widget_set_sensitive (row->remove, self->edit->criteria->len > 1);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (on_remove_clicked), row);
  adw_action_row_add_suffix (remove_row, row->remove);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (remove_row));

  self->filling = FALSE;
}

static void
on_expanded (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             CriterionRow   *row)
{
  if (adw_expander_row_get_expanded (expander))
    build_contents (row);
}

static CriterionRow *
make_row (VtCriteriaWindow *self,
          VtCriterion      *c)
{
  CriterionRow *row = g_new0 (CriterionRow, 1);
  g_autofree char *title = criterion_title (self, c);
  /* Translators: the accessible name of a weight field: “Weight of Cost”. */
  g_autofree char *label = g_strdup_printf (_("Weight of %s"), title);

  row->self = self;
  row->criterion = c;
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);

  row->weight = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 0.5));
  gtk_spin_button_set_digits (row->weight, 1);
  gtk_spin_button_set_value (row->weight, c->weight);
  gtk_widget_set_valign (GTK_WIDGET (row->weight), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->weight), _("Weight, out of 100 for the whole set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->weight), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (row->weight, "value-changed", G_CALLBACK (on_weight_changed), row);
  adw_expander_row_add_action (row->expander, GTK_WIDGET (row->weight));

  g_signal_connect (row->expander, "notify::expanded", G_CALLBACK (on_expanded), row);
  return row;
}

static void
on_add_clicked (GtkButton        *button,
                VtCriteriaWindow *self)
{
  const char *area = g_object_get_data (G_OBJECT (button), "vt-area");
  VtCriterion *c = vt_criterion_new (NULL, NULL, 0);
  guint at = 0;

  for (guint i = 0; i < self->edit->criteria->len; i++)
    if (g_str_equal (((VtCriterion *) g_ptr_array_index (self->edit->criteria, i))->area, area))
      at = i + 1;
  g_free (c->area);
  c->area = g_strdup (area);
  c->code = vt_criterion_set_make_code (self->edit, NULL);
  g_ptr_array_insert (self->edit->criteria, (int) at, c);
  changed (self);
  queue_rebuild (self, c);
}

static void
clear_criteria (VtCriteriaWindow *self)
{
  for (guint i = 0; i < self->area_groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->area_groups, i));
  g_ptr_array_set_size (self->area_groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

/* One group per area, in the order of the set, with a row per criterion;
 * @expand is opened and focused. */
static void
rebuild_criteria (VtCriteriaWindow *self,
                  VtCriterion      *expand)
{
  g_autoptr(GPtrArray) areas = NULL;

  clear_criteria (self);

  /* The areas offered: those of the current default set, then any other
   * the version uses (the first version had areas of its own). */
  g_ptr_array_set_size (self->area_ids, 0);
  for (const char * const *id = vt_area_list_current (); *id != NULL; id++)
    g_ptr_array_add (self->area_ids, g_strdup (*id));
  for (guint i = 0; i < self->edit->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (self->edit->criteria, i);

      if (!g_ptr_array_find_with_equal_func (self->area_ids, c->area, g_str_equal, NULL))
        g_ptr_array_add (self->area_ids, g_strdup (c->area));
    }

  areas = vt_criterion_set_list_areas (self->edit);
  for (guint a = 0; a < areas->len; a++)
    {
      const char *area = g_ptr_array_index (areas, a);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      /* Translators: the tooltip of a button by an area's name. */
      g_autofree char *tip = g_strdup_printf (_("Add a criterion to “%s”"), vt_area_get_display_name (area));

      adw_preferences_group_set_title (group, vt_area_get_display_name (area));
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (add, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data_full (G_OBJECT (add), "vt-area", g_strdup (area), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
      adw_preferences_group_set_header_suffix (group, add);

      for (guint i = 0; i < self->edit->criteria->len; i++)
        {
          VtCriterion *c = g_ptr_array_index (self->edit->criteria, i);
          CriterionRow *row;

          if (!g_str_equal (c->area, area))
            continue;
          row = make_row (self, c);
          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (group, GTK_WIDGET (row->expander));
          if (c == expand)
            {
              adw_expander_row_set_expanded (row->expander, TRUE);
              gtk_widget_grab_focus (GTK_WIDGET (row->expander));
            }
        }
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->area_groups, group);
    }
  refresh (self);
}

/* The state of the window --------------------------------------------------- */

static VtCriterionSet *
find_default (VtCriteriaWindow *self)
{
  for (guint i = 0; self->sets != NULL && i < self->sets->len; i++)
    {
      VtCriterionSet *s = g_ptr_array_index (self->sets, i);

      if (s->is_default)
        return s;
    }
  return NULL;
}

static void
refresh (VtCriteriaWindow *self)
{
  g_autofree char *sum = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *new_ones = NULL;
  const char *tooltip;
  gboolean can_save, writable;
  VtCriterionSet *by_default;

  if (self->edit == NULL)
    return;

  g_clear_pointer (&self->issues, g_ptr_array_unref);
  self->issues = vt_criterion_set_check (self->edit);

  /* Translators: the sum of the criteria's weights, which must be 100. */
  sum = g_strdup_printf (_("Sum of weights: %g of 100"), vt_criterion_set_get_weight_sum (self->edit));
  gtk_label_set_text (self->sum_label, sum);
  if (vt_criterion_set_weights_ok (self->edit))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "error");
    }

  /* Nothing shows as wrong until something is edited: an old version
   * that no longer passes today's rules is still worth reading. */
  if (self->dirty && self->issues->len > 0)
    {
      VtCriterionIssue *first = g_ptr_array_index (self->issues, 0);
      g_autofree char *text = NULL;

      if (self->issues->len == 1)
        /* Translators: %s says what is wrong. */
        text = g_strdup_printf (_("Cannot save: %s"), first->message);
      else
        text = g_strdup_printf (ngettext (/* Translators: %s says what is wrong; %u more problems follow. */
                                          "Cannot save: %s (and %u more problem)",
                                          "Cannot save: %s (and %u more problems)",
                                          self->issues->len - 1),
                                first->message, self->issues->len - 1);
      gtk_label_set_text (self->problem_label, text);
      gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      update_row (self, row, row_index (row));
    }

  usage = vt_criterion_set_dup_save_note (self->original,
                                          vt_criterion_sets_next_version (self->sets, self->edit->name));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->usage_row), usage);

  by_default = find_default (self);
  if (self->original->is_default)
    new_ones = g_strdup (_("New assessments use this version."));
  else if (by_default != NULL)
    /* Translators: the version number and the name of a criterion set. */
    new_ones = g_strdup_printf (_("New assessments use version %d of “%s”."), by_default->set_version, by_default->name);
  else
    new_ones = g_strdup (_("No version is chosen for new assessments."));
  adw_action_row_set_subtitle (self->default_row, new_ones);

  writable = !vt_store_is_read_only (self->store);
  can_save = writable && self->dirty && self->issues->len == 0 && !self->busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.make-default",
                                 writable && !self->original->is_default && !self->dirty && !self->busy);
  if (!writable)
    tooltip = _("The database is open read-only");
  else if (can_save)
    tooltip = _("Keep the version shown as it is and save the changes as a new version (Ctrl+S)");
  else if (!self->dirty)
    tooltip = _("Nothing is changed yet");
  else
    tooltip = _("Some fields need attention first");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), tooltip);
}

static char *
version_label (const VtCriterionSet *set)
{
  if (set->is_default)
    /* Translators: a criterion set's name and version in a list of versions. */
    return g_strdup_printf (_("%s, version %d (new assessments)"), set->name, set->set_version);
  /* Translators: a criterion set's name and version in a list of versions. */
  return g_strdup_printf (_("%s, version %d"), set->name, set->set_version);
}

static void
show_set (VtCriteriaWindow *self,
          VtCriterionSet   *set)
{
  g_clear_pointer (&self->original, vt_criterion_set_unref);
  g_clear_pointer (&self->edit, vt_criterion_set_unref);
  self->original = vt_criterion_set_ref (set);
  self->edit = vt_criterion_set_copy (set);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), set->name ? set->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), set->notes ? set->notes : "");
  gtk_spin_button_set_value (self->ready_spin, set->ready_min);
  gtk_spin_button_set_value (self->conditional_spin, set->conditional_min);
  gtk_spin_button_set_value (self->gap_spin, set->area_gap);
  gtk_spin_button_set_value (self->coverage_spin, set->min_coverage);
  gtk_switch_set_active (self->save_default_switch, set->is_default);
  self->filling = FALSE;
  self->dirty = FALSE;
  rebuild_criteria (self, NULL);
}

/* Loading and saving ------------------------------------------------------ */

static void
fill_versions (VtCriteriaWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  VtCriterionSet *chosen = NULL;
  guint selected = 0;

  for (guint i = 0; i < self->sets->len; i++)
    {
      VtCriterionSet *s = g_ptr_array_index (self->sets, i);
      g_autofree char *label = version_label (s);

      gtk_string_list_append (names, label);
    }
  /* The version asked for (just saved), else the one new assessments
   * use, else the newest. */
  for (guint pass = 0; pass < 2 && chosen == NULL; pass++)
    for (guint i = 0; i < self->sets->len && chosen == NULL; i++)
      {
        VtCriterionSet *s = g_ptr_array_index (self->sets, i);

        if (pass == 0 ? s->id == self->want_id : s->is_default)
          {
            selected = i;
            chosen = s;
          }
      }
  if (chosen == NULL)
    {
      selected = self->sets->len - 1;
      chosen = g_ptr_array_index (self->sets, selected);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  self->filling = FALSE;
  if (chosen != NULL)
    show_set (self, chosen);
}

static void
sets_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VtCriteriaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = vt_store_list_criterion_sets_finish (VT_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (sets == NULL || sets->len == 0)
    {
      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : _("The database holds no criterion set."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.make-default", FALSE);
      return;
    }
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  self->sets = g_steal_pointer (&sets);
  fill_versions (self);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
load (VtCriteriaWindow *self)
{
  self->busy = TRUE;
  vt_store_list_criterion_sets_async (self->store, self->cancellable, sets_cb, g_object_ref (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtCriteriaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCriterionSet) saved = g_steal_pointer (&self->saving);

  if (!vt_store_save_criterion_set_finish (VT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      refresh (self);
      return;
    }

  {
    /* Translators: %d is the version number just saved. */
    g_autofree char *text = g_strdup_printf (_("Saved as version %d"), saved->set_version);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  }
  self->want_id = saved->id;
  self->dirty = FALSE;
  load (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtCriteriaWindow *self = VT_CRITERIA_WINDOW (widget);

  if (self->edit == NULL || self->busy || !self->dirty || self->issues->len > 0)
    return;

  self->busy = TRUE;
  g_clear_pointer (&self->saving, vt_criterion_set_unref);
  self->saving = vt_criterion_set_copy (self->edit);
  self->saving->is_default = gtk_switch_get_active (self->save_default_switch);
  refresh (self);
  vt_store_save_criterion_set_async (self->store, self->saving, self->cancellable,
                                     saved_cb, g_object_ref (self));
}

static void
made_default_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtCriteriaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_set_default_criterion_set_finish (VT_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      refresh (self);
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("New assessments now use this version")));
  self->want_id = self->original->id;
  load (self);
}

static void
make_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtCriteriaWindow *self = VT_CRITERIA_WINDOW (widget);

  if (self->original == NULL || self->busy || self->dirty || self->original->is_default)
    return;
  self->busy = TRUE;
  refresh (self);
  vt_store_set_default_criterion_set_async (self->store, self->original->id, self->cancellable,
                                            made_default_cb, g_object_ref (self));
}

/* Leaving unsaved changes ------------------------------------------------- */

static void
discard_response (AdwMessageDialog *dialog,
                  const char       *response,
                  VtCriteriaWindow *self)
{
  if (!g_str_equal (response, "discard"))
    {
      /* Stay: the drop-down goes back to the version being edited. */
      guint index = 0;

      if (self->sets != NULL && g_ptr_array_find (self->sets, self->original, &index))
        {
          self->filling = TRUE;
          gtk_drop_down_set_selected (self->version_dropdown, index);
          self->filling = FALSE;
        }
      return;
    }

  self->dirty = FALSE;
  if (self->pending_index == G_MAXUINT)
    {
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->sets != NULL && self->pending_index < self->sets->len)
    show_set (self, g_ptr_array_index (self->sets, self->pending_index));
}

/* Asks before the changes are lost; @index is the version to show next,
 * or G_MAXUINT to close. */
static void
confirm_discard (VtCriteriaWindow *self,
                 guint             index)
{
  AdwMessageDialog *dialog;

  self->pending_index = index;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Changes?"),
                                                       _("The changes to this criterion set are not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_version_selected (GtkDropDown      *dropdown,
                     GParamSpec       *pspec,
                     VtCriteriaWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->sets == NULL || selected >= self->sets->len)
    return;
  if (g_ptr_array_index (self->sets, selected) == self->original)
    return;
  if (self->dirty)
    {
      confirm_discard (self, selected);
      return;
    }
  show_set (self, g_ptr_array_index (self->sets, selected));
}

static gboolean
vt_criteria_window_close_request (GtkWindow *window)
{
  VtCriteriaWindow *self = VT_CRITERIA_WINDOW (window);

  if (self->dirty && !self->discarding)
    {
      confirm_discard (self, G_MAXUINT);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (vt_criteria_window_parent_class)->close_request (window);
}

/* The set's own fields ---------------------------------------------------- */

static void
on_set_name_changed (GtkEditable      *editable,
                     VtCriteriaWindow *self)
{
  if (self->edit == NULL || self->filling)
    return;
  replace_text (&self->edit->name, gtk_editable_get_text (editable));
  changed (self);
}

static void
on_notes_changed (GtkEditable      *editable,
                  VtCriteriaWindow *self)
{
  if (self->edit == NULL || self->filling)
    return;
  replace_text (&self->edit->notes, gtk_editable_get_text (editable));
  changed (self);
}

static void
on_band_changed (GtkSpinButton    *spin,
                 VtCriteriaWindow *self)
{
  if (self->edit == NULL || self->filling)
    return;
  self->edit->ready_min = gtk_spin_button_get_value (self->ready_spin);
  self->edit->conditional_min = gtk_spin_button_get_value (self->conditional_spin);
  self->edit->area_gap = gtk_spin_button_get_value (self->gap_spin);
  self->edit->min_coverage = gtk_spin_button_get_value (self->coverage_spin);
  changed (self);
}

static void
on_save_default_changed (GtkSwitch        *toggle,
                         GParamSpec       *pspec,
                         VtCriteriaWindow *self)
{
  if (self->edit == NULL || self->filling)
    return;
  self->edit->is_default = gtk_switch_get_active (toggle);
  changed (self);
}

/* Object ------------------------------------------------------------------ */

static void
vt_criteria_window_dispose (GObject *object)
{
  VtCriteriaWindow *self = VT_CRITERIA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_CRITERIA_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->area_groups, g_ptr_array_unref);
  G_OBJECT_CLASS (vt_criteria_window_parent_class)->dispose (object);
}

static void
vt_criteria_window_finalize (GObject *object)
{
  VtCriteriaWindow *self = VT_CRITERIA_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->original, vt_criterion_set_unref);
  g_clear_pointer (&self->edit, vt_criterion_set_unref);
  g_clear_pointer (&self->saving, vt_criterion_set_unref);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  G_OBJECT_CLASS (vt_criteria_window_parent_class)->finalize (object);
}

static void
vt_criteria_window_class_init (VtCriteriaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_criteria_window_dispose;
  object_class->finalize = vt_criteria_window_finalize;
  window_class->close_request = vt_criteria_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-criteria-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, page);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, usage_row);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, default_row);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, save_default_switch);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, ready_spin);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, conditional_spin);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, gap_spin);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, coverage_spin);
  gtk_widget_class_bind_template_child (widget_class, VtCriteriaWindow, sum_label);

  gtk_widget_class_install_action (widget_class, "criteria.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "criteria.make-default", NULL, make_default_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "criteria.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_criteria_window_init (VtCriteriaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->area_groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->language = vt_text_language ();
  self->pending_index = G_MAXUINT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.make-default", FALSE);
  g_signal_connect (self->version_dropdown, "notify::selected", G_CALLBACK (on_version_selected), self);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (on_set_name_changed), self);
  g_signal_connect (self->notes_row, "changed", G_CALLBACK (on_notes_changed), self);
  g_signal_connect (self->ready_spin, "value-changed", G_CALLBACK (on_band_changed), self);
  g_signal_connect (self->conditional_spin, "value-changed", G_CALLBACK (on_band_changed), self);
  g_signal_connect (self->gap_spin, "value-changed", G_CALLBACK (on_band_changed), self);
  g_signal_connect (self->coverage_spin, "value-changed", G_CALLBACK (on_band_changed), self);
  g_signal_connect (self->save_default_switch, "notify::active", G_CALLBACK (on_save_default_changed), self);
}

/**
 * vt_criteria_window_new:
 *
 * Returns: (transfer none): a new window reading the sets of @store
 */
VtCriteriaWindow *
vt_criteria_window_new (GtkWindow *parent,
                        VtStore   *store)
{
  VtCriteriaWindow *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);

  self = g_object_new (VT_TYPE_CRITERIA_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  load (self);
  return self;
}

/* Accessors, for the application and the tests ------------------------------ */

gboolean
vt_criteria_window_is_loaded (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), FALSE);
  return self->loaded && !self->busy;
}

gboolean
vt_criteria_window_is_dirty (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), FALSE);
  return self->dirty;
}

/* Whether Save can be pressed: the button, as a person sees it. */
gboolean
vt_criteria_window_can_save (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), FALSE);
  return gtk_widget_is_sensitive (GTK_WIDGET (self->save_button));
}

/* Returns: (transfer none) (nullable): the version shown, as stored */
VtCriterionSet *
vt_criteria_window_get_shown (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  return self->original;
}

/* Returns: (transfer none) (nullable): the copy being edited */
VtCriterionSet *
vt_criteria_window_get_edited (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  return self->edit;
}

/* Returns: (nullable): why Save is disabled, as shown, or %NULL when
 * nothing is shown */
const char *
vt_criteria_window_get_problem (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->problem_revealer))
    return NULL;
  return gtk_label_get_text (self->problem_label);
}

/* Returns: what saving does, as the window says it */
const char *
vt_criteria_window_get_usage (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->usage_row));
}

const char *
vt_criteria_window_get_sum_text (VtCriteriaWindow *self)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  return gtk_label_get_text (self->sum_label);
}

static CriterionRow *
find_row (VtCriteriaWindow *self,
          const char       *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->criterion->code, code) == 0)
        return row;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the weight field of a criterion */
GtkSpinButton *
vt_criteria_window_get_weight_spin (VtCriteriaWindow *self,
                                    const char       *code)
{
  CriterionRow *row;

  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  row = find_row (self, code);
  return row != NULL ? row->weight : NULL;
}

/* Opens a criterion's row. Returns: (transfer none) (nullable): the row */
GtkWidget *
vt_criteria_window_expand (VtCriteriaWindow *self,
                           const char       *code)
{
  CriterionRow *row;

  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), NULL);
  row = find_row (self, code);
  if (row == NULL)
    return NULL;
  adw_expander_row_set_expanded (row->expander, TRUE);
  return GTK_WIDGET (row->expander);
}

/* Shows the version @id, as choosing it in the drop-down does. */
gboolean
vt_criteria_window_show_version (VtCriteriaWindow *self,
                                 gint64            id)
{
  g_return_val_if_fail (VT_IS_CRITERIA_WINDOW (self), FALSE);

  for (guint i = 0; self->sets != NULL && i < self->sets->len; i++)
    if (((VtCriterionSet *) g_ptr_array_index (self->sets, i))->id == id)
      {
        gtk_drop_down_set_selected (self->version_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
vt_criteria_window_save (VtCriteriaWindow *self)
{
  g_return_if_fail (VT_IS_CRITERIA_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "criteria.save", NULL);
}
