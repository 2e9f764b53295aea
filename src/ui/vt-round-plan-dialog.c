/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-plan-dialog.c: proposes a round's second visits.
 *
 * The suppliers waiting after their first visit are ranked by the core
 * (vt_round_plan_propose()): the top N by index, N the round's target,
 * with ties at the cut, knock-outs and missing assessments said in each
 * row. Staff tick and untick, then move the proposed suppliers (or the
 * others) in one batch through the stage dialog, with a reason.
 */
#define G_LOG_DOMAIN "vt-round-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-assessment-state.h"
#include "vt-round-charts.h"
#include "vt-round-plan-dialog.h"
#include "vt-round-plan.h"
#include "vt-stage-dialog.h"
#include "vt-supplier-summary.h"

struct _VtRoundPlanDialog
{
  AdwWindow     parent_instance;

  GtkLabel     *summary_label;
  GtkListBox   *list;

  VtStore      *store;
  VtRoundStats *stats;
  GArray       *entries;        /* VtPlanEntry; data is a VtRoundSupplier */
  GPtrArray    *checks;         /* GtkCheckButton, one per entry */
  guint         target;
  char         *summary;
};

G_DEFINE_FINAL_TYPE (VtRoundPlanDialog, vt_round_plan_dialog, ADW_TYPE_WINDOW)

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The second visits pick the final candidates: the target is that of the
 * second visit if the round has one, else that of the selection. */
static guint
round_target (const VtRound *round)
{
  if (round->targets[VT_STAGE_SECOND_VISIT_DONE] > 0)
    return round->targets[VT_STAGE_SECOND_VISIT_DONE];
  if (round->targets[VT_STAGE_SELECTED] > 0)
    return round->targets[VT_STAGE_SELECTED];
  return 0;
}

static void
update (VtRoundPlanDialog *self)
{
  guint n = self->entries->len, proposed = vt_round_plan_count_proposed (self->entries);
  gboolean ties = FALSE, writable = !vt_store_is_read_only (self->store);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    ties = ties || g_array_index (self->entries, VtPlanEntry, i).note == VT_PLAN_NOTE_TIE;

  if (n == 0)
    g_string_append (text, _("No supplier of this round is waiting after a first visit."));
  else
    {
      g_string_append_printf (text, ngettext ("%u supplier proposed of %u.", "%u suppliers proposed of %u.", proposed),
                              proposed, n);
      g_string_append_c (text, ' ');
      if (self->target > 0)
        g_string_append_printf (text, ngettext ("The round plans %u second visit.",
                                                "The round plans %u second visits.", self->target),
                                self->target);
      else
        g_string_append (text, _("The round has no target for the second visits: set one in the round’s targets."));
      if (ties)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("Suppliers tied at the cut are all proposed: choose between them."));
        }
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_label_set_label (self->summary_label, self->summary);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-proposed", writable && proposed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-others", writable && proposed < n);
}

static void
on_check_toggled (GtkCheckButton    *check,
                  VtRoundPlanDialog *self)
{
  guint position;

  if (!g_ptr_array_find (self->checks, check, &position))
    return;
  g_array_index (self->entries, VtPlanEntry, position).proposed = gtk_check_button_get_active (check);
  update (self);
}

static char *
row_subtitle (const VtPlanEntry *e)
{
  const char *note = vt_plan_note_get_display_name (e->note);
  g_autofree char *rank = NULL;

  if (e->rank == 0)
    return g_strdup (note);
  /* TRANSLATORS: the place of a supplier on the round's ranking */
  rank = g_strdup_printf (_("Rank %u"), e->rank);
  if (note == NULL)
    return g_steal_pointer (&rank);
  return g_strdup_printf ("%s · %s", rank, note);
}

static GtkWidget *
make_row (VtRoundPlanDialog *self,
          const VtPlanEntry *e)
{
  const VtRoundSupplier *s = e->data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = row_subtitle (e);
  g_autofree char *index = NULL;
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vt_round_supplier_get_name (s, vt_chart_language ()));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), e->proposed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  vt_round_supplier_get_name (s, vt_chart_language ()), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);

  index = e->index >= 0 ? vt_assessment_state_format_index (e->index) : g_strdup (C_("no index", "—"));
  label = gtk_label_new (index);
  gtk_widget_add_css_class (label, "numeric");
  if (s->latest != NULL)
    gtk_widget_add_css_class (label, vt_assessment_state_band_style (s->band));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
fill (VtRoundPlanDialog *self)
{
  for (guint i = 0; i < self->stats->suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (self->stats->suppliers, i);
      VtPlanEntry e = { 0 };

      if (s->stage != VT_STAGE_FIRST_VISIT_DONE)
        continue;
      e.data = s;
      e.index = s->latest != NULL ? s->latest->readiness : -1;
      e.knockout = s->knocked_out;
      g_array_append_val (self->entries, e);
    }
  self->target = round_target (self->stats->round);
  vt_round_plan_propose (self->entries, self->target);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list, make_row (self, &g_array_index (self->entries, VtPlanEntry, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->entries->len > 0);
  update (self);
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The proposal is out of date once suppliers moved. The stage dialog is
 * still finishing (it belongs to this window), so close after it. */
static void
on_moved (VtRoundPlanDialog *self)
{
  g_signal_emit (self, signals[MOVED], 0);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
}

/**
 * vt_round_plan_dialog_move:
 * @proposed: move the proposed suppliers, or the others
 *
 * Opens the stage dialog for them, with the reason filled in.
 *
 * Returns: (transfer none) (nullable): the stage dialog, shown
 */
GtkWidget *
vt_round_plan_dialog_move (VtRoundPlanDialog *self,
                           gboolean           proposed)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *reason = NULL;
  VtStageDialog *dialog;

  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const VtPlanEntry *e = &g_array_index (self->entries, VtPlanEntry, i);
      const VtRoundSupplier *s = e->data;

      if (e->proposed != proposed)
        continue;
      g_ptr_array_add (summaries, g_object_new (VT_TYPE_SUPPLIER_SUMMARY,
                                                "uuid", s->uuid,
                                                "name-vi", s->name_vi,
                                                "name-ko", s->name_ko,
                                                "stage", s->stage,
                                                "readiness", e->index,
                                                NULL));
    }
  if (summaries->len == 0)
    return NULL;

  if (proposed)
    /* TRANSLATORS: the reason filled in when the proposed suppliers are
     * moved; %s is the round's name */
    reason = g_strdup_printf (_("Proposed for a second visit from the first-visit results of %s"),
                              self->stats->round->name);
  else
    /* TRANSLATORS: the reason filled in when the suppliers left off the
     * proposal are moved; %s is the round's name */
    reason = g_strdup_printf (_("Not proposed for a second visit after the first-visit results of %s"),
                              self->stats->round->name);
  dialog = vt_stage_dialog_new (GTK_WINDOW (self), self->store, summaries);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  vt_stage_dialog_set_reason (dialog, reason);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (on_moved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vt_round_plan_dialog_move (VT_ROUND_PLAN_DIALOG (widget), g_str_equal (action_name, "plan.move-proposed"));
}

guint
vt_round_plan_dialog_get_target (VtRoundPlanDialog *self)
{
  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), 0);
  return self->target;
}

guint
vt_round_plan_dialog_get_n_entries (VtRoundPlanDialog *self)
{
  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), 0);
  return self->entries->len;
}

/* The entries are in the proposed order, best first. */
const char *
vt_round_plan_dialog_get_uuid (VtRoundPlanDialog *self,
                               guint              position)
{
  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return ((const VtRoundSupplier *) g_array_index (self->entries, VtPlanEntry, position).data)->uuid;
}

gboolean
vt_round_plan_dialog_get_proposed (VtRoundPlanDialog *self,
                                   guint              position)
{
  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), FALSE);
  g_return_val_if_fail (position < self->entries->len, FALSE);
  return g_array_index (self->entries, VtPlanEntry, position).proposed;
}

/* As a person ticks the row's check box. */
void
vt_round_plan_dialog_set_proposed (VtRoundPlanDialog *self,
                                   guint              position,
                                   gboolean           proposed)
{
  g_return_if_fail (VT_IS_ROUND_PLAN_DIALOG (self));
  g_return_if_fail (position < self->entries->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, position), proposed);
}

const char *
vt_round_plan_dialog_get_summary (VtRoundPlanDialog *self)
{
  g_return_val_if_fail (VT_IS_ROUND_PLAN_DIALOG (self), NULL);
  return self->summary;
}

static void
vt_round_plan_dialog_finalize (GObject *object)
{
  VtRoundPlanDialog *self = VT_ROUND_PLAN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->summary);
  G_OBJECT_CLASS (vt_round_plan_dialog_parent_class)->finalize (object);
}

static void
vt_round_plan_dialog_class_init (VtRoundPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vt_round_plan_dialog_finalize;

  /* Suppliers were moved: the round's charts are out of date. */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-round-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VtRoundPlanDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtRoundPlanDialog, list);
  gtk_widget_class_install_action (widget_class, "plan.move-proposed", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "plan.move-others", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_round_plan_dialog_init (VtRoundPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (VtPlanEntry));
  self->checks = g_ptr_array_new ();
}

/**
 * vt_round_plan_dialog_new:
 * @stats: the round's numbers, as the Readiness page read them
 */
VtRoundPlanDialog *
vt_round_plan_dialog_new (GtkWindow    *parent,
                          VtStore      *store,
                          VtRoundStats *stats)
{
  VtRoundPlanDialog *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);
  g_return_val_if_fail (stats != NULL && stats->round != NULL, NULL);

  self = g_object_new (VT_TYPE_ROUND_PLAN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->stats = vt_round_stats_ref (stats);
  fill (self);
  return self;
}
