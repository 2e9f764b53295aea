/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-pipeline-board.c: a round's dossiers as columns of stages.
 *
 * Each column is a stage with its figure against the round's target and a
 * card per supplier there now; cards of several columns can be selected
 * and moved together (the supplier list opens the stage dialog). The
 * round's own actions (new, edit targets, make current, close) live here
 * too. Which columns show and how the figures read is decided in
 * vt-board-columns.c.
 */
#define G_LOG_DOMAIN "vt-pipeline-board"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "vt-board-columns.h"
#include "vt-pipeline-board.h"
#include "vt-round-dialog.h"
#include "vt-supplier-summary.h"
#include "vt-window.h"
#include "vt-format.h"

/* The store's largest page: a round's suppliers come in few pages. */
#define BOARD_PAGE_SIZE 1000

struct _VtPipelineBoard
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkDropDown   *round_dropdown;
  GtkLabel      *round_state_label;
  GtkRevealer   *closed_revealer;
  GtkLabel      *closed_label;
  GtkStack      *board_stack;
  GtkScrolledWindow *columns_scroller;
  GtkBox        *columns_box;

  VtStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *rounds;          /* VtRound, as in the drop-down */
  gint64         round_id;        /* the round shown; 0 before the first load */
  GPtrArray     *selections;      /* GtkMultiSelection, one per column */
  GPtrArray     *lists;           /* GtkListView, one per column */
  GArray        *columns;         /* VtBoardColumn, as shown */
  gboolean       populating;
  gint64         opened_round_id; /* the round last scrolled to its active stage */
  int            refocus_stage;   /* the stage whose column had the keys, or -1 */
  guint          scroll_tick_id;

  /* What one load of the board collects before it builds the columns. */
  GListStore    *stage_items[VT_N_STAGES];
  GArray        *reached;
  gboolean       suppliers_done;
};

G_DEFINE_FINAL_TYPE (VtPipelineBoard, vt_pipeline_board, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  CHANGED,
  SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_round (VtPipelineBoard *self);
static guint focused_column (VtPipelineBoard *self);

static void
show_error (VtPipelineBoard *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (VT_IS_WINDOW (root))
    vt_window_show_toast (VT_WINDOW (root), error->message);
  else
    g_warning ("%s", error->message);
}

static VtRound *
shown_round (VtPipelineBoard *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  if (self->rounds == NULL || selected >= self->rounds->len)
    return NULL;
  return g_ptr_array_index (self->rounds, selected);
}

gint64
vt_pipeline_board_get_round_id (VtPipelineBoard *self)
{
  VtRound *round;

  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), 0);

  round = shown_round (self);
  return round ? round->id : 0;
}

/* A closed round, or a database open read-only, shows but does not move. */
gboolean
vt_pipeline_board_get_read_only (VtPipelineBoard *self)
{
  VtRound *round;

  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), TRUE);

  round = shown_round (self);
  return self->store == NULL || vt_store_is_read_only (self->store)
         || round == NULL || round->closed_at != NULL;
}

guint
vt_pipeline_board_get_n_columns (VtPipelineBoard *self)
{
  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), 0);

  return self->selections->len;
}

/**
 * vt_pipeline_board_dup_selected:
 *
 * Returns: (transfer full) (element-type VtSupplierSummary): the selected
 *   cards of every column
 */
GPtrArray *
vt_pipeline_board_dup_selected (VtPipelineBoard *self)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), selected);

  for (guint i = 0; i < self->selections->len; i++)
    {
      GtkSelectionModel *model = g_ptr_array_index (self->selections, i);
      g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (model);
      GtkBitsetIter iter;
      guint position;

      for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position);
           ok;
           ok = gtk_bitset_iter_next (&iter, &position))
        g_ptr_array_add (selected, g_list_model_get_item (G_LIST_MODEL (model), position));
    }
  return selected;
}

static void
update_actions (VtPipelineBoard *self)
{
  VtRound *round = shown_round (self);
  gboolean writable = self->store != NULL && !vt_store_is_read_only (self->store);
  gboolean open = round != NULL && round->closed_at == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new-round", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.edit-round", writable && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.make-current",
                                 writable && open && !round->is_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close-round", writable && open);
}

/* Cards ------------------------------------------------------------------- */

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  /* "Hà Nội · Mức độ sẵn sàng 75" does not fit on one line. */
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (details), 2);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  VtSupplierSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char *province = vt_supplier_summary_get_province_name (summary);
  double readiness = vt_supplier_summary_get_readiness (summary);
  g_autofree char *readiness_text = NULL;
  g_autofree char *text = NULL;

  if (readiness >= 0)
    {
      g_autofree char *index = vt_format_decimal (NULL, readiness, 0);

      /* Translators: the readiness index of a supplier, 0-100, already
       * formatted. */
      readiness_text = g_strdup_printf (_("Readiness %s"), index);
    }
  else
    readiness_text = g_strdup (_("Not assessed"));
  if (province != NULL && province[0] != '\0')
    /* Translators: a province and a readiness, e.g. "Bắc Ninh · Readiness 72". */
    text = g_strdup_printf (C_("card", "%s · %s"), province, readiness_text);
  else
    text = g_steal_pointer (&readiness_text);

  gtk_label_set_label (GTK_LABEL (name), vt_supplier_summary_get_name_vi (summary));
  gtk_label_set_label (GTK_LABEL (details), text);
}

static void
on_selection_changed (VtPipelineBoard *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Enter or a double click on a card opens its supplier. */
static void
on_card_activated (GtkListView     *list,
                   guint            position,
                   VtPipelineBoard *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(VtSupplierSummary) summary = g_list_model_get_item (model, position);

  if (summary != NULL)
    g_signal_emit (self, signals[SUPPLIER_ACTIVATED], 0, vt_supplier_summary_get_uuid (summary));
}

static GtkWidget *
build_column (VtPipelineBoard     *self,
              const VtBoardColumn *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (vt_stage_get_display_name (column->stage));
  g_autofree char *count_text = vt_board_column_count_text (column);
  g_autofree char *progress_text = vt_board_column_progress_text (column);
  g_autofree char *description = vt_board_column_description (column);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkMultiSelection *selection;
  GtkWidget *list;
  const char *css = vt_board_target_css_class (column->state);

  gtk_widget_set_size_request (box, 220, -1);
  gtk_widget_add_css_class (box, "vt-board-column");
  gtk_widget_add_css_class (box, "card");

  /* The title and the number of cards on the first line; how far the
   * round got against its target on the second. */
  gtk_grid_set_column_spacing (GTK_GRID (header), 6);
  gtk_grid_set_row_spacing (GTK_GRID (header), 2);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 9);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Stage names are long in Vietnamese ("Đã kết nối với khách hàng"). */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (count, GTK_ALIGN_START);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_tooltip_text (count, description);
  gtk_grid_attach (GTK_GRID (header), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (header), count, 1, 0, 1, 1);
  if (progress_text != NULL)
    {
      GtkWidget *progress = gtk_label_new (progress_text);

      gtk_label_set_xalign (GTK_LABEL (progress), 0);
      gtk_label_set_wrap (GTK_LABEL (progress), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (progress), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (progress, "caption");
      gtk_widget_add_css_class (progress, "numeric");
      gtk_widget_add_css_class (progress, css != NULL ? css : "dim-label");
      gtk_widget_set_tooltip_text (progress, description);
      gtk_grid_attach (GTK_GRID (header), progress, 0, 1, 2, 1);
    }
  gtk_box_append (GTK_BOX (box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card), NULL);
  selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->stage_items[column->stage])));
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->selections, selection);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (selection)), g_object_ref (factory));
  gtk_widget_add_css_class (list, "navigation-sidebar");
  g_signal_connect_object (list, "activate", G_CALLBACK (on_card_activated), self, 0);
  g_ptr_array_add (self->lists, list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vt_stage_get_display_name (column->stage),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* An empty column says so rather than show a blank card. */
  if (column->n_here == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No supplier is at this stage now"));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
      gtk_widget_set_margin_start (empty, 12);
      gtk_widget_set_margin_end (empty, 12);
      gtk_widget_set_valign (empty, GTK_ALIGN_START);
      gtk_widget_set_vexpand (empty, TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_visible (scrolled, FALSE);
      gtk_box_append (GTK_BOX (box), empty);
    }

  return box;
}

static void
clear_columns (VtPipelineBoard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  g_ptr_array_set_size (self->selections, 0);
  g_ptr_array_set_size (self->lists, 0);
  g_array_set_size (self->columns, 0);
}

/* Once the columns have a place on screen, brings the round's active stage
 * into view: a round that has moved on would otherwise open on the empty
 * columns of its first stages. */
static gboolean
scroll_to_active (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (widget);
  guint active = vt_board_active_column (self->columns);
  GtkWidget *column = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
  graphene_rect_t bounds;

  for (guint i = 0; i < active && column != NULL; i++)
    column = gtk_widget_get_next_sibling (column);
  if (column == NULL)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!gtk_widget_compute_bounds (column, GTK_WIDGET (self->columns_box), &bounds)
      || gtk_adjustment_get_upper (adjustment) <= 0 || bounds.size.width <= 0)
    return G_SOURCE_CONTINUE;

  /* The edge of the column before it stays in sight, to say there is
   * more on the left. */
  gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.x - 24));
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
build_columns (VtPipelineBoard *self)
{
  VtRound *round = shown_round (self);
  guint n_here[VT_N_STAGES];
  g_autoptr(GArray) columns = NULL;

  int focused_stage = self->refocus_stage;

  self->refocus_stage = -1;
  clear_columns (self);
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    n_here[s] = g_list_model_get_n_items (G_LIST_MODEL (self->stage_items[s]));
  columns = vt_board_build_columns (n_here, (const guint64 *) self->reached->data,
                                    round ? round->targets : NULL);
  for (guint i = 0; i < columns->len; i++)
    gtk_box_append (self->columns_box, build_column (self, &g_array_index (columns, VtBoardColumn, i)));
  g_array_append_vals (self->columns, columns->data, columns->len);

  /* The cards were moved by keys: the keys stay on the board, in the
   * column they were in, or the nearest one that has cards. */
  for (guint i = 0; focused_stage >= 0 && i < self->columns->len; i++)
    if ((int) g_array_index (self->columns, VtBoardColumn, i).stage == focused_stage)
      {
        guint target = g_array_index (self->columns, VtBoardColumn, i).n_here > 0 ? i
                       : vt_board_next_column (self->columns, i, 1);

        if (target == i && g_array_index (self->columns, VtBoardColumn, i).n_here == 0)
          target = vt_board_next_column (self->columns, i, -1);
        vt_pipeline_board_focus_column (self, target);
        break;
      }

  /* A round opens on its active stage; after a move the board stays where
   * the person was working. */
  if (round != NULL && round->id != self->opened_round_id)
    {
      self->opened_round_id = round->id;
      gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->columns_scroller), 0);
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_active, NULL, NULL);
    }
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/**
 * vt_pipeline_board_get_active_column:
 *
 * Returns: the index of the column the board opened on: the stage that
 *   holds most of the round's suppliers now
 */
guint
vt_pipeline_board_get_active_column (VtPipelineBoard *self)
{
  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), 0);

  return vt_board_active_column (self->columns);
}

/* Keyboard ---------------------------------------------------------------- */

static guint
focused_column (VtPipelineBoard *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  for (guint i = 0; focus != NULL && i < self->lists->len; i++)
    {
      GtkWidget *list = g_ptr_array_index (self->lists, i);

      if (focus == list || gtk_widget_is_ancestor (focus, list))
        return i;
    }
  return G_MAXUINT;
}

/**
 * vt_pipeline_board_focus_column:
 * @column: the index of a column as shown
 *
 * Gives the keyboard focus to a column's cards and scrolls it into view.
 *
 * Returns: whether the column is there to take it
 */
gboolean
vt_pipeline_board_focus_column (VtPipelineBoard *self,
                                guint            column)
{
  GtkWidget *list;

  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), FALSE);

  if (column >= self->lists->len)
    return FALSE;
  list = g_ptr_array_index (self->lists, column);
  return gtk_widget_grab_focus (list);
}

/* Left and Right go from column to column; Up and Down stay the list's. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VtPipelineBoard       *self)
{
  guint current = focused_column (self);
  guint next;
  int direction;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || current == G_MAXUINT)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    direction = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    direction = 1;
  else
    return GDK_EVENT_PROPAGATE;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    direction = -direction;

  next = vt_board_next_column (self->columns, current, direction);
  if (next != current)
    vt_pipeline_board_focus_column (self, next);
  return GDK_EVENT_STOP;
}

/**
 * vt_pipeline_board_get_column_items:
 * @column: the index of a column as shown
 *
 * Returns: (transfer none) (nullable): the column's cards, a selection
 *   model of VtSupplierSummary
 */
GtkSelectionModel *
vt_pipeline_board_get_column_items (VtPipelineBoard *self,
                                    guint            column)
{
  g_return_val_if_fail (VT_IS_PIPELINE_BOARD (self), NULL);

  if (column >= self->selections->len)
    return NULL;
  return g_ptr_array_index (self->selections, column);
}

/**
 * vt_pipeline_board_activate_card:
 *
 * Opens a card's supplier, as Enter does on the card.
 */
void
vt_pipeline_board_activate_card (VtPipelineBoard *self,
                                 guint            column,
                                 guint            position)
{
  g_return_if_fail (VT_IS_PIPELINE_BOARD (self));
  g_return_if_fail (column < self->lists->len);

  g_signal_emit_by_name (g_ptr_array_index (self->lists, column), "activate", position);
}

/* Loading ----------------------------------------------------------------- */

static void
maybe_build (VtPipelineBoard *self)
{
  if (self->suppliers_done && self->reached->len == VT_N_STAGES)
    build_columns (self);
}

static void
fetch_suppliers (VtPipelineBoard  *self,
                 VtSupplierCursor *after);

static void
suppliers_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VtPipelineBoard) self = user_data;
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = vt_store_query_suppliers_finish (VT_STORE (object), result, &error);
  if (page == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < page->items->len; i++)
    {
      VtSupplierSummary *summary = g_ptr_array_index (page->items, i);

      g_list_store_append (self->stage_items[vt_supplier_summary_get_stage (summary)], summary);
    }
  if (page->next != NULL)
    {
      fetch_suppliers (self, page->next);
      return;
    }
  self->suppliers_done = TRUE;
  maybe_build (self);
}

static void
fetch_suppliers (VtPipelineBoard  *self,
                 VtSupplierCursor *after)
{
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();

  query->round_id = self->round_id;
  query->sort = VT_SUPPLIER_SORT_NAME;
  query->page_size = BOARD_PAGE_SIZE;
  vt_supplier_query_set_after (query, after);
  vt_store_query_suppliers_async (self->store, query, self->cancellable, suppliers_cb, g_object_ref (self));
}

static void
reached_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VtPipelineBoard) self = user_data;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;

  reached = vt_store_count_stages_finish (VT_STORE (object), result, &error);
  if (reached == NULL)
    {
      show_error (self, error);
      return;
    }
  g_array_set_size (self->reached, 0);
  g_array_append_vals (self->reached, reached->data, MIN (reached->len, VT_N_STAGES));
  maybe_build (self);
}

/* When the round runs, as the locale writes dates. */
static char *
dates_text (VtRound *round)
{
  g_autofree char *starts = vt_format_day (NULL, &round->starts_on, VT_DATE_FORMAT_NUMERIC);
  g_autofree char *ends = vt_format_day (NULL, &round->ends_on, VT_DATE_FORMAT_NUMERIC);

  if (starts[0] == '\0' && ends[0] == '\0')
    return NULL;
  /* Translators: the first and last day of a round. */
  return g_strdup_printf (C_("dates", "%s – %s"), starts, ends);
}

static void
update_round_state (VtPipelineBoard *self)
{
  VtRound *round = shown_round (self);
  g_autofree char *closed = vt_round_closed_text (round);
  g_autofree char *dates = NULL;

  gtk_revealer_set_reveal_child (self->closed_revealer, closed != NULL);
  gtk_label_set_label (self->closed_label, closed ? closed : "");
  dates = round ? dates_text (round) : NULL;
  gtk_label_set_label (self->round_state_label, dates ? dates : "");
  update_actions (self);
}

static void
load_round (VtPipelineBoard *self)
{
  VtRound *round = shown_round (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  update_round_state (self);
  /* A reload after a move must not lose the keyboard focus. */
  {
    guint focused = focused_column (self);

    if (focused < self->columns->len)
      self->refocus_stage = g_array_index (self->columns, VtBoardColumn, focused).stage;
  }
  clear_columns (self);
  if (round == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->board_stack, "no-round");
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
      return;
    }

  gtk_stack_set_visible_child_name (self->board_stack, "columns");
  self->round_id = round->id;
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    g_list_store_remove_all (self->stage_items[s]);
  g_array_set_size (self->reached, 0);
  self->suppliers_done = FALSE;
  fetch_suppliers (self, NULL);
  vt_store_count_stages_async (self->store, round->id, TRUE, self->cancellable, reached_cb, g_object_ref (self));
}

static void
on_round_chosen (VtPipelineBoard *self)
{
  if (!self->populating)
    load_round (self);
}

static char *
round_label (VtRound *round)
{
  if (round->is_current)
    /* Translators: a round's name, marked as the current round. */
    return g_strdup_printf (_("%s (current)"), round->name);
  return g_strdup (round->name);
}

static void
rounds_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtPipelineBoard) self = user_data;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint chosen = GTK_INVALID_LIST_POSITION;

  rounds = vt_store_list_rounds_finish (VT_STORE (object), result, &error);
  if (rounds == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Keep the round on screen; else show the current round; else the
   * latest (the store lists the latest first). */
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);
      g_autofree char *label = round_label (r);

      gtk_string_list_append (names, label);
      if (r->id == self->round_id)
        chosen = i;
    }
  for (guint i = 0; i < rounds->len && chosen == GTK_INVALID_LIST_POSITION; i++)
    if (((VtRound *) g_ptr_array_index (rounds, i))->is_current)
      chosen = i;
  if (chosen == GTK_INVALID_LIST_POSITION && rounds->len > 0)
    chosen = 0;

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_steal_pointer (&rounds);
  self->populating = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->round_dropdown, chosen);
  self->populating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->round_dropdown), self->rounds->len > 0);
  load_round (self);
}

void
vt_pipeline_board_reload (VtPipelineBoard *self)
{
  g_return_if_fail (VT_IS_PIPELINE_BOARD (self));

  if (self->store == NULL)
    return;
  vt_store_list_rounds_async (self->store, self->cancellable, rounds_cb, g_object_ref (self));
}

void
vt_pipeline_board_set_store (VtPipelineBoard *self,
                             VtStore         *store)
{
  g_return_if_fail (VT_IS_PIPELINE_BOARD (self));

  if (!g_set_object (&self->store, store))
    return;
  self->round_id = 0;
  self->opened_round_id = 0;
  vt_pipeline_board_reload (self);
}

/* Round actions ----------------------------------------------------------- */

static void
changed (VtPipelineBoard *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  vt_pipeline_board_reload (self);
}

static void
on_round_saved (VtPipelineBoard *self,
                gint64           round_id)
{
  self->round_id = round_id;
  changed (self);
}

static void
open_round_dialog (VtPipelineBoard *self,
                   VtRound         *round)
{
  VtRoundDialog *dialog = vt_round_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->store, round);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_round_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_round_dialog (VT_PIPELINE_BOARD (widget), NULL);
}

static void
edit_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (widget);
  VtRound *round = shown_round (self);

  if (round != NULL)
    open_round_dialog (self, round);
}

static void
round_changed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtPipelineBoard) self = user_data;
  g_autoptr(GError) error = NULL;
  GAsyncResult *r = result;
  gboolean ok;

  if (g_async_result_is_tagged (r, vt_store_close_round_async))
    ok = vt_store_close_round_finish (VT_STORE (object), r, &error);
  else
    ok = vt_store_set_current_round_finish (VT_STORE (object), r, &error);
  if (!ok)
    show_error (self, error);
  changed (self);
}

static void
make_current_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (widget);
  VtRound *round = shown_round (self);

  if (round != NULL)
    vt_store_set_current_round_async (self->store, round->id, NULL, round_changed_cb, g_object_ref (self));
}

static void
close_reason_changed (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "close", reason[0] != '\0');
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   VtPipelineBoard  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  VtRound *round = shown_round (self);

  if (!g_str_equal (response, "close") || round == NULL || reason[0] == '\0')
    return;
  vt_store_close_round_async (self->store, round->id, round->version, reason,
                              NULL, round_changed_cb, g_object_ref (self));
}

static void
close_round_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (widget);
  VtRound *round = shown_round (self);
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *heading = NULL;

  if (round == NULL)
    return;

  /* Translators: %s is the name of a round. */
  heading = g_strdup_printf (_("Close “%s”?"), round->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("A closed round is kept for reports, but its dossiers no longer move and its targets no longer change. This cannot be undone."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the round is closed"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Round"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (close_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Object ------------------------------------------------------------------ */

static void
vt_pipeline_board_dispose (GObject *object)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_PIPELINE_BOARD);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vt_pipeline_board_parent_class)->dispose (object);
}

static void
vt_pipeline_board_finalize (GObject *object)
{
  VtPipelineBoard *self = VT_PIPELINE_BOARD (object);

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->selections, g_ptr_array_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->reached, g_array_unref);
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    g_clear_object (&self->stage_items[s]);

  G_OBJECT_CLASS (vt_pipeline_board_parent_class)->finalize (object);
}

static void
vt_pipeline_board_class_init (VtPipelineBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_pipeline_board_dispose;
  object_class->finalize = vt_pipeline_board_finalize;

  /**
   * VtPipelineBoard::selection-changed:
   *
   * Cards were selected or unselected.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  /**
   * VtPipelineBoard::changed:
   *
   * A round was created, edited, closed or made current.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * VtPipelineBoard::supplier-activated:
   * @uuid: the supplier's uuid
   *
   * A card was activated, by Enter or a double click.
   */
  signals[SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-pipeline-board.ui");
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, box);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, round_state_label);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, closed_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, closed_label);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, board_stack);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtPipelineBoard, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, on_round_chosen);

  gtk_widget_class_install_action (widget_class, "board.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "board.edit-round", NULL, edit_round_action);
  gtk_widget_class_install_action (widget_class, "board.make-current", NULL, make_current_action);
  gtk_widget_class_install_action (widget_class, "board.close-round", NULL, close_round_action);
}

static void
vt_pipeline_board_init (VtPipelineBoard *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->refocus_stage = -1;
  self->selections = g_ptr_array_new_with_free_func (g_object_unref);
  /* The box owns the list views. */
  self->lists = g_ptr_array_new ();
  self->columns = g_array_new (FALSE, TRUE, sizeof (VtBoardColumn));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->columns_box), keys);
  self->reached = g_array_new (FALSE, TRUE, sizeof (guint64));
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    self->stage_items[s] = g_list_store_new (VT_TYPE_SUPPLIER_SUMMARY);
  update_actions (self);
}
