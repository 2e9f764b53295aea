/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-stage-dialog.c: moves one or several suppliers to another stage.
 *
 * Only the moves the pipeline allows for every selected supplier are
 * offered (vt_stage_get_common_next_stages()), a reason is always asked
 * for, since it is what the history is read for later, and the moves go
 * to the store as one batch: all the suppliers move, or none does. The
 * dialog stays open while the store works and shows a refusal in place,
 * so that the reason typed is never lost.
 */
#define G_LOG_DOMAIN "vt-stage-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-stage-dialog.h"

/* How many supplier names the dialog spells out before "and N more". */
#define MAX_NAMES 3

struct _VtStageDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;
  AdwComboRow         *stage_row;
  AdwEntryRow         *reason_row;
  GtkButton           *move_button;
  GtkLabel            *message_label;

  VtStore             *store;
  GPtrArray           *summaries;     /* VtSupplierSummary */
  GArray              *from;          /* VtStage, one per summary */
  GArray              *offered;       /* VtStage */
  char                *error_message;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (VtStageDialog, vt_stage_dialog, ADW_TYPE_WINDOW)

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_reason (VtStageDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}

/**
 * vt_stage_dialog_get_stage:
 *
 * Returns: the stage chosen (a #VtStage), or -1 when none can be
 */
int
vt_stage_dialog_get_stage (VtStageDialog *self)
{
  guint selected;

  g_return_val_if_fail (VT_IS_STAGE_DIALOG (self), -1);

  selected = adw_combo_row_get_selected (self->stage_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->offered->len)
    return -1;
  return g_array_index (self->offered, VtStage, selected);
}

gboolean
vt_stage_dialog_can_move (VtStageDialog *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (VT_IS_STAGE_DIALOG (self), FALSE);

  reason = dup_reason (self);
  return !self->busy && vt_stage_dialog_get_stage (self) >= 0 && reason[0] != '\0';
}

static void
update (VtStageDialog *self)
{
  int stage = vt_stage_dialog_get_stage (self);
  GtkWidget *button = GTK_WIDGET (self->move_button);
  const char *label;
  const char *message;

  switch (stage)
    {
    case VT_STAGE_REJECTED:
      label = _("_Reject");
      break;
    case VT_STAGE_WITHDRAWN:
      label = C_("dossier", "_Withdraw");
      break;
    default:
      label = _("_Move");
      break;
    }
  gtk_button_set_label (self->move_button, label);
  if (stage >= 0 && vt_stage_is_closed (stage))
    {
      gtk_widget_remove_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "suggested-action");
    }
  /* The rows turn insensitive while the store saves: take the focus off
   * the reason first, so its text is told it lost the focus before the
   * window closes (GTK 4.8 warns otherwise). */
  if (self->busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (button, vt_stage_dialog_can_move (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stage_row), !self->busy && self->offered->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), !self->busy && self->offered->len > 0);

  if (self->error_message != NULL)
    message = self->error_message;
  else if (self->offered->len == 0)
    message = _("These suppliers have no move in common. Select suppliers at the same stage, or move them one at a time.");
  else if (stage >= 0 && vt_stage_is_closed (stage))
    message = _("The dossier is closed and counts no more towards the round. It can be reopened later as “Received”, with a reason.");
  else
    message = _("The reason is kept in the stage history of each supplier, with your name and the date.");
  gtk_label_set_label (self->message_label, message);

  if (self->error_message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static void
on_changed (VtStageDialog *self)
{
  /* A refusal is about what was asked; once the person changes the
   * request, it no longer applies. */
  if (!self->busy)
    g_clear_pointer (&self->error_message, g_free);
  update (self);
}

static void
move_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VtStageDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  int stage = vt_stage_dialog_get_stage (self);

  self->busy = FALSE;
  if (!vt_store_move_stages_finish (VT_STORE (object), result, &error))
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error->message);
      update (self);
      return;
    }

  g_signal_emit (self, signals[MOVED], 0, stage, self->summaries->len);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * vt_stage_dialog_move:
 *
 * Moves the suppliers as chosen, as the Move button does. The dialog
 * emits #VtStageDialog::moved and closes when the store has saved the
 * moves, or shows why they were refused.
 */
void
vt_stage_dialog_move (VtStageDialog *self)
{
  g_autoptr(GPtrArray) uuids = NULL;
  g_autofree char *reason = NULL;

  g_return_if_fail (VT_IS_STAGE_DIALOG (self));

  if (!vt_stage_dialog_can_move (self))
    return;

  uuids = g_ptr_array_new ();
  for (guint i = 0; i < self->summaries->len; i++)
    g_ptr_array_add (uuids, (gpointer) vt_supplier_summary_get_uuid (g_ptr_array_index (self->summaries, i)));
  g_ptr_array_add (uuids, NULL);
  reason = dup_reason (self);

  self->busy = TRUE;
  g_clear_pointer (&self->error_message, g_free);
  update (self);
  vt_store_move_stages_async (self->store, (const char * const *) uuids->pdata, 0,
                              vt_stage_dialog_get_stage (self), reason,
                              NULL, move_cb, g_object_ref (self));
}

static void
on_move_clicked (VtStageDialog *self)
{
  vt_stage_dialog_move (self);
}

static gboolean
vt_stage_dialog_close_request (GtkWindow *window)
{
  VtStageDialog *self = VT_STAGE_DIALOG (window);

  /* The moves are on their way to the database: closing now would hide
   * whether they were saved. It takes a moment. */
  if (self->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (vt_stage_dialog_parent_class)->close_request (window);
}

guint
vt_stage_dialog_get_n_offered (VtStageDialog *self)
{
  g_return_val_if_fail (VT_IS_STAGE_DIALOG (self), 0);

  return self->offered->len;
}

VtStage
vt_stage_dialog_get_offered (VtStageDialog *self,
                             guint          position)
{
  g_return_val_if_fail (VT_IS_STAGE_DIALOG (self), 0);
  g_return_val_if_fail (position < self->offered->len, 0);

  return g_array_index (self->offered, VtStage, position);
}

/**
 * vt_stage_dialog_select_stage:
 *
 * Chooses @stage, e.g. the column a card was dropped on.
 *
 * Returns: %FALSE when @stage is not a move offered for these suppliers
 */
gboolean
vt_stage_dialog_select_stage (VtStageDialog *self,
                              VtStage        stage)
{
  g_return_val_if_fail (VT_IS_STAGE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->offered->len; i++)
    if (g_array_index (self->offered, VtStage, i) == stage)
      {
        adw_combo_row_set_selected (self->stage_row, i);
        return TRUE;
      }
  return FALSE;
}

void
vt_stage_dialog_set_reason (VtStageDialog *self,
                            const char    *reason)
{
  g_return_if_fail (VT_IS_STAGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
}

/* The names of the suppliers, as many as fit in a heading. */
static char *
describe_suppliers (GPtrArray *summaries)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (summaries->len, MAX_NAMES);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: the separator between supplier names in a list. */
        g_string_append (names, _(", "));
      g_string_append (names, vt_supplier_summary_get_name_vi (g_ptr_array_index (summaries, i)));
    }
  if (summaries->len > shown)
    {
      guint more = summaries->len - shown;

      /* Translators: %s is a list of supplier names, %u how many more
       * suppliers are selected. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", more),
                              names->str, more);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
setup (VtStageDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = describe_suppliers (self->summaries);
  g_autofree char *title = NULL;
  g_autofree char *now = NULL;
  gboolean same_stage = TRUE;
  int suggested;

  self->from = g_array_sized_new (FALSE, FALSE, sizeof (VtStage), self->summaries->len);
  for (guint i = 0; i < self->summaries->len; i++)
    {
      VtStage stage = vt_supplier_summary_get_stage (g_ptr_array_index (self->summaries, i));

      g_array_append_val (self->from, stage);
      if (stage != g_array_index (self->from, VtStage, 0))
        same_stage = FALSE;
    }

  g_clear_pointer (&self->offered, g_array_unref);
  self->offered = vt_stage_get_common_next_stages ((const VtStage *) self->from->data, self->from->len);
  for (guint i = 0; i < self->offered->len; i++)
    gtk_string_list_append (names, vt_stage_get_display_name (g_array_index (self->offered, VtStage, i)));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (names));
  suggested = vt_stage_suggest_next ((const VtStage *) self->from->data, self->from->len, self->offered);
  if (suggested >= 0)
    adw_combo_row_set_selected (self->stage_row, suggested);
  /* With the next stage chosen already, what is left to do is to say why:
   * the reason takes the keys, and Enter moves. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        suggested >= 0 ? GTK_WIDGET (self->reason_row) : GTK_WIDGET (self->stage_row));

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Supplier", "Move %u Suppliers",
                                        self->summaries->len),
                           self->summaries->len);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* The names wrap in the description; a title would cut them short. */
  adw_preferences_group_set_description (self->group, heading);
  if (self->from->len == 0)
    now = g_strdup ("");
  else if (same_stage)
    /* Translators: %s is a stage of the dossier pipeline. */
    now = g_strdup_printf (_("Now at the stage “%s”"),
                           vt_stage_get_display_name (g_array_index (self->from, VtStage, 0)));
  else
    now = g_strdup (_("Now at different stages"));
  adw_preferences_group_set_title (self->group, now);

  update (self);
}

/**
 * vt_stage_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: where the moves are saved
 * @summaries: (element-type VtSupplierSummary): the suppliers to move
 *
 * Returns: (transfer full): a dialog, not shown yet
 */
VtStageDialog *
vt_stage_dialog_new (GtkWindow *parent,
                     VtStore   *store,
                     GPtrArray *summaries)
{
  VtStageDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VT_IS_STORE (store), NULL);
  g_return_val_if_fail (summaries != NULL, NULL);

  self = g_object_new (VT_TYPE_STAGE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->summaries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (self->summaries, g_object_ref (g_ptr_array_index (summaries, i)));
  setup (self);
  return self;
}

static void
vt_stage_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_STAGE_DIALOG);

  G_OBJECT_CLASS (vt_stage_dialog_parent_class)->dispose (object);
}

static void
vt_stage_dialog_finalize (GObject *object)
{
  VtStageDialog *self = VT_STAGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_array_unref);
  g_clear_pointer (&self->offered, g_array_unref);
  g_free (self->error_message);

  G_OBJECT_CLASS (vt_stage_dialog_parent_class)->finalize (object);
}

static void
vt_stage_dialog_class_init (VtStageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_stage_dialog_dispose;
  object_class->finalize = vt_stage_dialog_finalize;
  window_class->close_request = vt_stage_dialog_close_request;

  /**
   * VtStageDialog::moved:
   * @stage: the #VtStage the suppliers are at now
   * @n_suppliers: how many moved
   *
   * The store has saved the moves; the dialog closes next.
   */
  signals[MOVED] = g_signal_new ("moved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-stage-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VtStageDialog, group);
  gtk_widget_class_bind_template_child (widget_class, VtStageDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, VtStageDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, VtStageDialog, move_button);
  gtk_widget_class_bind_template_child (widget_class, VtStageDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_move_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vt_stage_dialog_init (VtStageDialog *self)
{
  self->offered = g_array_new (FALSE, FALSE, sizeof (VtStage));
  gtk_widget_init_template (GTK_WIDGET (self));
}
