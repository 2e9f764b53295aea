/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-dialog.c: creates a round or edits one and its targets.
 *
 * A target changed on a round that exists asks why; the store keeps the
 * reason with the change in the audit log, and the dialog lists earlier
 * changes (who, when, from, to, why) so that a 12 → 16 is never a mystery.
 */
#define G_LOG_DOMAIN "vt-round-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-date-row.h"
#include "vt-round-dialog.h"
#include "vt-supplier-profile-state.h"
#include "vt-format.h"

struct _VtRoundDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *name_row;
  GtkSpinButton       *year_spin;
  AdwEntryRow         *starts_row;
  AdwEntryRow         *ends_row;
  AdwPreferencesGroup *targets_group;
  AdwPreferencesGroup *reason_group;
  AdwEntryRow         *reason_row;
  GtkLabel            *message_label;
  AdwPreferencesGroup *history_group;
  GtkButton           *save_button;

  VtStore             *store;
  VtRound             *original;      /* NULL for a new round */
  GtkSpinButton       *target_spins[VT_N_STAGES];
  GDate                starts_on;
  GDate                ends_on;
  gboolean             dates_valid;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (VtRoundDialog, vt_round_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_targets (VtRoundDialog *self,
              int           *targets)
{
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      int value = self->target_spins[s] ? gtk_spin_button_get_value_as_int (self->target_spins[s]) : 0;

      targets[s] = value > 0 ? value : -1;
    }
}

static gboolean
targets_changed (VtRoundDialog *self)
{
  int targets[VT_N_STAGES];

  if (self->original == NULL)
    return FALSE;
  read_targets (self, targets);
  return memcmp (targets, self->original->targets, sizeof targets) != 0;
}

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

gboolean
vt_round_dialog_can_save (VtRoundDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (VT_IS_ROUND_DIALOG (self), FALSE);

  name = dup_trimmed (GTK_EDITABLE (self->name_row));
  reason = dup_trimmed (GTK_EDITABLE (self->reason_row));
  return !self->busy && self->dates_valid && name[0] != '\0'
         && (!targets_changed (self) || reason[0] != '\0');
}

static void
update (VtRoundDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), targets_changed (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), vt_round_dialog_can_save (self));
}

static void
on_changed (VtRoundDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  update (self);
}

/* Checks a date row as it is typed; a wrong date blocks saving. */
static gboolean
read_date (AdwEntryRow *row,
           GDate       *date,
           const char  *problem)
{
  const char *message = vt_check_date (gtk_editable_get_text (GTK_EDITABLE (row)), date);

  if (message == NULL)
    message = problem;
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return TRUE;
}

static void
on_dates_changed (VtRoundDialog *self)
{
  GDate starts, ends;
  gboolean ok = read_date (self->starts_row, &starts, NULL);

  /* Read once to know the end, then again to say what is wrong with it. */
  vt_check_date (gtk_editable_get_text (GTK_EDITABLE (self->ends_row)), &ends);
  ok = read_date (self->ends_row, &ends,
                  ok && g_date_valid (&starts) && g_date_valid (&ends) && g_date_compare (&ends, &starts) < 0
                  ? _("The round cannot end before it starts")
                  : NULL) && ok;
  self->dates_valid = ok;
  if (ok)
    {
      self->starts_on = starts;
      self->ends_on = ends;
    }
  on_changed (self);
}

typedef struct
{
  VtRoundDialog *self;
  VtRound       *round;
} SaveData;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(VtRoundDialog) self = data->self;
  g_autoptr(VtRound) round = data->round;
  g_autoptr(GError) error = NULL;

  g_free (data);
  self->busy = FALSE;
  if (!vt_store_save_round_finish (VT_STORE (object), result, &error))
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      update (self);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, round->id);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * vt_round_dialog_save:
 *
 * Saves the round as the Save button does; emits #VtRoundDialog::saved
 * and closes when the store has it, or shows why it was refused.
 */
void
vt_round_dialog_save (VtRoundDialog *self)
{
  VtRound *round = vt_round_new ();
  SaveData *data;

  g_return_if_fail (VT_IS_ROUND_DIALOG (self));

  if (!vt_round_dialog_can_save (self))
    {
      vt_round_unref (round);
      return;
    }

  if (self->original != NULL)
    {
      round->id = self->original->id;
      round->version = self->original->version;
      round->notes = g_strdup (self->original->notes);
    }
  round->name = dup_trimmed (GTK_EDITABLE (self->name_row));
  round->year = gtk_spin_button_get_value_as_int (self->year_spin);
  round->starts_on = self->starts_on;
  round->ends_on = self->ends_on;
  read_targets (self, round->targets);
  if (targets_changed (self))
    round->change_reason = dup_trimmed (GTK_EDITABLE (self->reason_row));

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->round = round;
  self->busy = TRUE;
  update (self);
  vt_store_save_round_async (self->store, round, NULL, saved_cb, data);
}

static void
on_save_clicked (VtRoundDialog *self)
{
  vt_round_dialog_save (self);
}

void
vt_round_dialog_set_target (VtRoundDialog *self,
                            VtStage        stage,
                            int            target)
{
  g_return_if_fail (VT_IS_ROUND_DIALOG (self));
  g_return_if_fail (self->target_spins[stage] != NULL);

  gtk_spin_button_set_value (self->target_spins[stage], MAX (target, 0));
}

void
vt_round_dialog_set_name (VtRoundDialog *self,
                          const char    *name)
{
  g_return_if_fail (VT_IS_ROUND_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

void
vt_round_dialog_set_reason (VtRoundDialog *self,
                            const char    *reason)
{
  g_return_if_fail (VT_IS_ROUND_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
}

static void
add_target_rows (VtRoundDialog *self)
{
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      GtkWidget *row;
      GtkWidget *spin;

      /* Nobody sets a target for dossiers to drop out. */
      if (vt_stage_is_closed (s))
        continue;
      row = adw_action_row_new ();
      spin = gtk_spin_button_new_with_range (0, 100000, 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vt_stage_get_display_name (s));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, vt_stage_get_display_name (s),
                                      -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->targets_group, row);
      self->target_spins[s] = GTK_SPIN_BUTTON (spin);
    }
}

/* "Selected: 12 → 16", or the stage alone when a target was set or
 * removed. */
static char *
describe_target_change (const VtAuditEntry *e)
{
  const char *id = e->field + strlen ("target.");
  VtStage stage;
  const char *name;

  name = vt_stage_from_string (id, &stage) ? vt_stage_get_display_name (stage) : id;
  /* Translators: a stage and its target before and after a change,
   * e.g. "Selected: 12 → 16"; "–" stands for no target. */
  return g_strdup_printf (_("%s: %s → %s"), name,
                          e->old_value ? e->old_value : C_("target", "–"),
                          e->new_value ? e->new_value : C_("target", "–"));
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VtRoundDialog) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  entries = vt_store_list_audit_finish (VT_STORE (object), result, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the round's history: %s", error->message);
      return;
    }

  /* Newest first. */
  for (guint i = entries->len; i > 0; i--)
    {
      VtAuditEntry *e = g_ptr_array_index (entries, i - 1);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (e->field == NULL || !g_str_has_prefix (e->field, "target.") || !g_str_equal (e->action, "update"))
        continue;
      title = describe_target_change (e);
      when = e->at ? vt_format_date (NULL, e->at, VT_DATE_FORMAT_NUMERIC) : g_strdup ("");
      if (e->reason != NULL && e->reason[0] != '\0')
        /* Translators: who changed a target, when, and why. */
        subtitle = g_strdup_printf (_("%s, %s: %s"), e->who, when, e->reason);
      else
        /* Translators: who changed a target, and when. */
        subtitle = g_strdup_printf (_("%s, %s"), e->who, when);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->history_group, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), shown > 0);
}

static void
setup (VtRoundDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const VtRound *r = self->original;

  g_date_clear (&self->starts_on, 1);
  g_date_clear (&self->ends_on, 1);
  add_target_rows (self);

  if (r == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Round"));
      gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Round"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), r->name);
      gtk_spin_button_set_value (self->year_spin, r->year);
      self->starts_on = r->starts_on;
      self->ends_on = r->ends_on;
      for (VtStage s = 0; s < VT_N_STAGES; s++)
        if (self->target_spins[s] != NULL)
          gtk_spin_button_set_value (self->target_spins[s], MAX (r->targets[s], 0));
      vt_store_list_audit_async (self->store, "round", id, NULL, history_cb, g_object_ref (self));
    }
  {
    g_autofree char *starts = vt_format_date_entry (&self->starts_on);
    g_autofree char *ends = vt_format_date_entry (&self->ends_on);

    gtk_editable_set_text (GTK_EDITABLE (self->starts_row), starts);
    gtk_editable_set_text (GTK_EDITABLE (self->ends_row), ends);
  }
  self->dates_valid = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  update (self);
}

/**
 * vt_round_dialog_new:
 * @round: (nullable): the round to edit; %NULL for a new one
 */
VtRoundDialog *
vt_round_dialog_new (GtkWindow *parent,
                     VtStore   *store,
                     VtRound   *round)
{
  VtRoundDialog *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);

  self = g_object_new (VT_TYPE_ROUND_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->original = round ? vt_round_ref (round) : NULL;
  setup (self);
  return self;
}

static gboolean
vt_round_dialog_close_request (GtkWindow *window)
{
  /* The round is on its way to the database. */
  if (VT_ROUND_DIALOG (window)->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (vt_round_dialog_parent_class)->close_request (window);
}

static void
vt_round_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_ROUND_DIALOG);

  G_OBJECT_CLASS (vt_round_dialog_parent_class)->dispose (object);
}

static void
vt_round_dialog_finalize (GObject *object)
{
  VtRoundDialog *self = VT_ROUND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->original, vt_round_unref);

  G_OBJECT_CLASS (vt_round_dialog_parent_class)->finalize (object);
}

static void
vt_round_dialog_class_init (VtRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_round_dialog_dispose;
  object_class->finalize = vt_round_dialog_finalize;
  window_class->close_request = vt_round_dialog_close_request;

  /**
   * VtRoundDialog::saved:
   * @round_id: the id of the round saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (VT_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, VtRoundDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_round_dialog_init (VtRoundDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
