/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness-page.c: a round selector and the round's charts.
 *
 * The rounds and then the chosen round's numbers are read through the
 * store's asynchronous API; a newer request cancels an older one, so a
 * quick change of round never shows the charts of the previous one.
 */

#define G_LOG_DOMAIN "vt-readiness-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vt-chart-ranking.h"
#include "vt-chart-view.h"
#include "vt-readiness-page.h"
#include "vt-round-charts.h"
#include "vt-round-plan-dialog.h"

struct _VtReadinessPage
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkDropDown   *round_dropdown;
  VtChartView   *funnel_view;
  VtChartView   *ranking_view;
  VtChartView   *heatmap_view;
  VtChartView   *timeline_view;
  VtChartView   *provinces_view;
  VtChartView   *sectors_view;

  VtStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *rounds;        /* VtRound, as in the drop-down */
  VtRoundStats  *stats;         /* the round shown */
  gint64         round_id;      /* the round shown, kept across reloads */
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (VtReadinessPage, vt_readiness_page, GTK_TYPE_WIDGET)

GtkWidget *
vt_readiness_page_new (void)
{
  return g_object_new (VT_TYPE_READINESS_PAGE, NULL);
}

/* The height of a chart with a row per supplier: room for the title,
 * legend and axis, and a line of text per row, within reason. */
int
vt_readiness_page_chart_height (guint n_rows)
{
  return CLAMP (170 + (int) n_rows * 24, 420, 2400);
}

static VtChartView *
view_for (VtReadinessPage *self,
          VtRoundChart     chart)
{
  switch (chart)
    {
    case VT_ROUND_CHART_FUNNEL:
      return self->funnel_view;
    case VT_ROUND_CHART_RANKING:
      return self->ranking_view;
    case VT_ROUND_CHART_HEATMAP:
      return self->heatmap_view;
    case VT_ROUND_CHART_PROVINCES:
      return self->provinces_view;
    case VT_ROUND_CHART_SECTORS:
      return self->sectors_view;
    case VT_ROUND_CHART_TIMELINE:
      return self->timeline_view;
    case VT_N_ROUND_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The chart view showing @chart (a VtRoundChart), for tests. */
GtkWidget *
vt_readiness_page_get_chart_view (VtReadinessPage *self,
                                  guint            chart)
{
  g_return_val_if_fail (VT_IS_READINESS_PAGE (self), NULL);
  g_return_val_if_fail (chart < VT_N_ROUND_CHARTS, NULL);
  return GTK_WIDGET (view_for (self, chart));
}

/* "loading", "empty", "error" or "charts". */
const char *
vt_readiness_page_get_state (VtReadinessPage *self)
{
  g_return_val_if_fail (VT_IS_READINESS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_state (VtReadinessPage *self,
            const char      *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_error (VtReadinessPage *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_state (self, "error");
}

static GCancellable *
restart (VtReadinessPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

static void
stats_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtReadinessPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_finish (VT_STORE (object), result, &error);
  const char *language = vt_chart_language ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stats == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  self->stats = vt_round_stats_ref (stats);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.plan-second-visits", TRUE);
  for (VtRoundChart c = 0; c < VT_N_ROUND_CHARTS; c++)
    {
      g_autoptr(VtChart) chart = vt_round_chart_new (stats, c, language);

      vt_chart_view_set_chart (view_for (self, c), chart);
      if (c == VT_ROUND_CHART_RANKING)
        {
          const VtChartRanking *ranking = vt_chart_get_data (chart);
          int height = vt_readiness_page_chart_height (ranking->entries->len);

          /* The ranking and the heatmap have a row per supplier; they
           * grow so that every name can be read. */
          gtk_widget_set_size_request (GTK_WIDGET (self->ranking_view), -1, height);
          gtk_widget_set_size_request (GTK_WIDGET (self->heatmap_view), -1, height);
        }
    }
  show_state (self, "charts");
}

static void
load_round (VtReadinessPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);
  VtRound *round;

  if (self->rounds == NULL || selected >= self->rounds->len)
    return;
  round = g_ptr_array_index (self->rounds, selected);
  self->round_id = round->id;
  if (gtk_stack_get_visible_child_name (self->stack) == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "charts"))
    show_state (self, "loading");
  vt_store_get_round_stats_async (self->store, round->id, restart (self), stats_cb, g_object_ref (self));
}

static void
selected_cb (VtReadinessPage *self)
{
  if (!self->filling)
    load_round (self);
}

static void
rounds_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtReadinessPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_finish (VT_STORE (object), result, &error);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rounds == NULL)
    {
      show_error (self, error);
      return;
    }
  if (rounds->len == 0)
    {
      g_clear_pointer (&self->rounds, g_ptr_array_unref);
      show_state (self, "empty");
      return;
    }

  /* The newest round first: it is the one people come for. */
  g_ptr_array_sort (rounds, vt_round_compare_newest_first);
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      gtk_string_list_append (names, r->name);
      if (r->id == self->round_id)
        selected = i;
    }
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_steal_pointer (&rounds);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->round_dropdown, selected);
  self->filling = FALSE;
  load_round (self);
}

/* Reads the rounds and the chosen round's charts again. */
void
vt_readiness_page_reload (VtReadinessPage *self)
{
  g_return_if_fail (VT_IS_READINESS_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->rounds == NULL)
    show_state (self, "loading");
  vt_store_list_rounds_async (self->store, restart (self), rounds_cb, g_object_ref (self));
}

void
vt_readiness_page_set_store (VtReadinessPage *self,
                             VtStore         *store)
{
  g_return_if_fail (VT_IS_READINESS_PAGE (self));
  g_return_if_fail (store == NULL || VT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      self->round_id = 0;
      g_clear_pointer (&self->rounds, g_ptr_array_unref);
    }
  vt_readiness_page_reload (self);
}

/**
 * vt_readiness_page_plan_second_visits:
 *
 * Opens the proposal of second visits for the round shown.
 *
 * Returns: (transfer none) (nullable): the dialog, shown
 */
GtkWidget *
vt_readiness_page_plan_second_visits (VtReadinessPage *self)
{
  GtkRoot *root;
  VtRoundPlanDialog *dialog;

  g_return_val_if_fail (VT_IS_READINESS_PAGE (self), NULL);

  if (self->stats == NULL || self->store == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = vt_round_plan_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->stats);
  /* Moved suppliers change the funnel and the ranking. */
  g_signal_connect_object (dialog, "moved", G_CALLBACK (vt_readiness_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vt_readiness_page_plan_second_visits (VT_READINESS_PAGE (widget));
}

static void
vt_readiness_page_dispose (GObject *object)
{
  VtReadinessPage *self = VT_READINESS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_READINESS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  G_OBJECT_CLASS (vt_readiness_page_parent_class)->dispose (object);
}

static void
vt_readiness_page_class_init (VtReadinessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_readiness_page_dispose;

  g_type_ensure (VT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-readiness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, funnel_view);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, heatmap_view);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, provinces_view);
  gtk_widget_class_bind_template_child (widget_class, VtReadinessPage, sectors_view);
  gtk_widget_class_install_action (widget_class, "readiness.plan-second-visits", NULL, plan_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vt_readiness_page_init (VtReadinessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.plan-second-visits", FALSE);
  g_signal_connect_swapped (self->round_dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
}

/* Returns: the round whose charts are shown, or 0 before one is read */
gint64
vt_readiness_page_get_round_id (VtReadinessPage *self)
{
  g_return_val_if_fail (VT_IS_READINESS_PAGE (self), 0);
  return self->round_id;
}
