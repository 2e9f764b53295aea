/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-supplier-list"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-enums.h"
#include "vt-pipeline-board.h"
#include "vt-stage-dialog.h"
#include "vt-stage.h"
#include "vt-supplier-filter.h"
#include "vt-supplier-list.h"
#include "vt-supplier-model.h"
#include "vt-supplier-row.h"
#include "vt-timing.h"
#include "vt-supplier-summary.h"
#include "vt-window.h"
#include "vt-format.h"

/* A column's sorter, asked by probe which column the view sorts by (GTK
 * 4.8 does not say; the store sorts, not the view). */
typedef struct
{
  VtSupplierList *self;
  VtSupplierSort  sort;
} SortProbe;

enum {
  PROBE_NAME,
  PROBE_PROVINCE,
  PROBE_SECTOR,
  PROBE_STAGE,
  PROBE_READINESS,
  PROBE_LAST_VISIT,
  PROBE_NEXT_VISIT,
  N_PROBES
};

struct _VtSupplierList
{
  GtkWidget             parent_instance;

  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *view_stack;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *province_column;
  GtkColumnViewColumn  *sector_column;
  GtkColumnViewColumn  *stage_column;
  GtkColumnViewColumn  *readiness_column;
  GtkColumnViewColumn  *last_visit_column;
  GtkColumnViewColumn  *next_visit_column;
  GtkMenuButton        *filter_button;
  GtkRevealer          *chips_revealer;
  GtkBox               *chips_box;
  GtkDropDown          *round_dropdown;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *sector_dropdown;
  GtkDropDown          *province_dropdown;
  GtkDropDown          *certification_dropdown;
  VtPipelineBoard      *board;
  GtkPopover           *filter_popover;

  VtStore              *store;
  VtSupplierModel      *model;
  GtkSelectionModel    *selection;
  VtSupplierQuery      *filter;
  GPtrArray            *rounds;          /* VtRound, after "Any round" */
  GPtrArray            *provinces;       /* VtProvince, after "Any province" */
  /* The standards held in the store, after "Any certification"; names
   * of standards are not translated. */
  GStrv                 certifications;
  SortProbe             probes[N_PROBES];
  GObject              *probe_a;
  GObject              *probe_b;
  int                   probed_sort;
  gboolean              populating;
};

G_DEFINE_FINAL_TYPE (VtSupplierList, vt_supplier_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef const char *(*CellText) (VtSupplierSummary *summary,
                                 char             **owned);

static const char *
province_text (VtSupplierSummary *summary,
               char             **owned)
{
  return vt_supplier_summary_get_province_name (summary);
}

static const char *
sector_text (VtSupplierSummary *summary,
             char             **owned)
{
  return vt_sector_get_display_name (vt_supplier_summary_get_sector (summary));
}

static const char *
stage_text (VtSupplierSummary *summary,
            char             **owned)
{
  return vt_stage_get_display_name (vt_supplier_summary_get_stage (summary));
}

static const char *
readiness_text (VtSupplierSummary *summary,
                char             **owned)
{
  double readiness = vt_supplier_summary_get_readiness (summary);

  if (readiness < 0)
    /* Translators: shown where a supplier has no readiness index yet. */
    return C_("readiness", "—");

  *owned = vt_format_decimal (NULL, readiness, 0);
  return *owned;
}

static const char *
format_day (GDateTime  *time,
            char      **owned)
{
  if (time == NULL)
    /* Translators: shown where a supplier has no visit to show. */
    return C_("visit", "—");
  *owned = vt_format_date (NULL, time, VT_DATE_FORMAT_NUMERIC);
  return *owned;
}

static const char *
last_visit_text (VtSupplierSummary *summary,
                 char             **owned)
{
  return format_day (vt_supplier_summary_get_last_visit (summary), owned);
}

static const char *
next_visit_text (VtSupplierSummary *summary,
                 char             **owned)
{
  return format_day (vt_supplier_summary_get_next_visit (summary), owned);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "vt-cell-text", user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_number_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "vt-cell-text", user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* The supplier a cell shows: its row's, which changes when a new search
 * or sort puts another supplier in the row. */
static VtSupplierSummary *
item_summary (GtkListItem *item)
{
  VtSupplierRow *row = gtk_list_item_get_item (item);

  return row != NULL ? vt_supplier_row_get_summary (row) : NULL;
}

static void
fill_cell (GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CellText text_for = g_object_get_data (G_OBJECT (label), "vt-cell-text");
  VtSupplierSummary *summary = item_summary (item);
  g_autofree char *owned = NULL;

  gtk_label_set_label (GTK_LABEL (label), summary != NULL ? text_for (summary, &owned) : "");
}

/* A cell follows the supplier in its row while it is bound to it. */
static void
follow_row (GtkListItem *item,
            GCallback    fill)
{
  gpointer row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_connect_object (row, "notify::summary", fill, item, G_CONNECT_SWAPPED);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  gpointer row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  fill_cell (item);
  follow_row (item, G_CALLBACK (fill_cell));
}

/* The name column shows the Vietnamese legal name with the Korean name,
 * where there is one, on a second line: delegations of both read it. */
static void
setup_name_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Legal names all begin "Công ty TNHH" or "Công ty Cổ phần": without a
   * minimum the other columns' headers squeeze the name down to that. */
  gtk_label_set_width_chars (GTK_LABEL (title), 32);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
fill_name_cell (GtkListItem *item)
{
  VtSupplierSummary *summary = item_summary (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *name_ko = summary ? vt_supplier_summary_get_name_ko (summary) : NULL;

  gtk_label_set_label (GTK_LABEL (title), summary ? vt_supplier_summary_get_name_vi (summary) : "");
  gtk_label_set_label (GTK_LABEL (subtitle), name_ko ? name_ko : "");
  gtk_widget_set_visible (subtitle, name_ko != NULL && name_ko[0] != '\0');
}

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  fill_name_cell (item);
  follow_row (item, G_CALLBACK (fill_name_cell));
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             CellText             text_for)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, text_for);
  g_signal_connect (factory, "bind", bind, NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

static gboolean
is_searching (VtSupplierList *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';
}

static void
update_count (VtSupplierList *self)
{
  guint64 total = vt_supplier_model_get_total (self->model);
  gboolean narrowed = is_searching (self) || vt_filter_count_active (self->filter) > 0;
  g_autofree char *text = vt_filter_count_text (total, vt_supplier_model_get_total_exact (self->model), narrowed);

  gtk_label_set_label (self->count_label, text);

  if (!vt_supplier_model_get_loading (self->model))
    gtk_stack_set_visible_child_name (self->stack, total == 0 && narrowed ? "no-results" : "list");
}

static void
show_toast (VtSupplierList *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VT_IS_WINDOW (root))
    vt_window_show_toast (VT_WINDOW (root), message);
}

/* Selection and moving ---------------------------------------------------- */

static gboolean
showing_board (VtSupplierList *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "board") == 0;
}

/* Whether the pipeline board is shown rather than the list. */
gboolean
vt_supplier_list_get_showing_board (VtSupplierList *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_LIST (self), FALSE);

  return showing_board (self);
}

static GPtrArray *
dup_selected (VtSupplierList *self)
{
  GPtrArray *selected;
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  if (showing_board (self))
    return vt_pipeline_board_dup_selected (self->board);

  selected = g_ptr_array_new_with_free_func (g_object_unref);
  set = gtk_selection_model_get_selection (self->selection);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(VtSupplierRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (row != NULL && vt_supplier_row_get_summary (row) != NULL)
        g_ptr_array_add (selected, g_object_ref (vt_supplier_row_get_summary (row)));
    }
  return selected;
}

static void
update_actions (VtSupplierList *self)
{
  g_autoptr(GPtrArray) selected = dup_selected (self);
  gboolean writable = self->store != NULL && !vt_store_is_read_only (self->store);

  if (showing_board (self))
    writable = writable && !vt_pipeline_board_get_read_only (self->board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.move-to-stage", writable && selected->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.reset-filters",
                                 vt_filter_count_active (self->filter) > 0);
}

/* A new search, filter or sort puts other suppliers in the rows. */
static void
on_replaced (VtSupplierList *self)
{
  gtk_selection_model_unselect_all (self->selection);
}

static void
on_moved (VtSupplierList *self,
          int             stage,
          guint           n_suppliers)
{
  g_autofree char *message = NULL;

  /* Translators: %u is a number of suppliers, %s a stage. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u supplier moved to “%s”",
                                          "%u suppliers moved to “%s”", n_suppliers),
                             n_suppliers, vt_stage_get_display_name (stage));
  show_toast (self, message);
  gtk_selection_model_unselect_all (self->selection);
  vt_supplier_model_refresh (self->model);
  vt_pipeline_board_reload (self->board);
}

static void
move_to_stage_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VtSupplierList *self = VT_SUPPLIER_LIST (widget);
  g_autoptr(GPtrArray) selected = dup_selected (self);
  VtStageDialog *dialog;

  if (selected->len == 0 || self->store == NULL)
    return;
  dialog = vt_stage_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, selected);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (on_moved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filters ----------------------------------------------------------------- */

static const char *
round_name (VtSupplierList *self,
            gint64          id)
{
  for (guint i = 0; self->rounds && i < self->rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (self->rounds, i))->id == id)
      return ((VtRound *) g_ptr_array_index (self->rounds, i))->name;
  return NULL;
}

static const char *
province_name (VtSupplierList *self,
               const char     *code)
{
  for (guint i = 0; self->provinces && i < self->provinces->len; i++)
    {
      VtProvince *p = g_ptr_array_index (self->provinces, i);

      if (g_strcmp0 (p->code, code) == 0)
        return p->name_vi;
    }
  return NULL;
}

static void set_dropdowns_from_filter (VtSupplierList *self);

static void
on_chip_clicked (GtkButton      *button,
                 VtSupplierList *self)
{
  VtFilterField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "vt-filter-field"));

  vt_filter_clear (self->filter, field);
  set_dropdowns_from_filter (self);
}

static void
update_chips (VtSupplierList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  for (VtFilterField f = 0; f < VT_N_FILTERS; f++)
    {
      g_autofree char *label = vt_filter_chip_label (self->filter, f,
                                                     round_name (self, self->filter->round_id),
                                                     province_name (self, self->filter->province_code));
      g_autofree char *description = NULL;
      GtkWidget *button;
      GtkWidget *box;

      if (label == NULL)
        continue;
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "vt-filter-chip");
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      /* Translators: %s is a filter shown as a chip, e.g. a stage. */
      description = g_strdup_printf (_("Remove the filter “%s”"), label);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_object_set_data (G_OBJECT (button), "vt-filter-field", GINT_TO_POINTER (f));
      g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);
      gtk_box_append (self->chips_box, button);
    }
  gtk_revealer_set_reveal_child (self->chips_revealer, vt_filter_count_active (self->filter) > 0);
}

static void
apply_filter (VtSupplierList *self)
{
  vt_supplier_model_set_filter (self->model, self->filter);
  update_chips (self);
  update_count (self);
  update_actions (self);
}

/* The drop-downs hold "Any …" first, then the values. */
static void
set_dropdowns_from_filter (VtSupplierList *self)
{
  guint round = 0, province = 0, certification = 0;

  for (guint i = 0; self->rounds && i < self->rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (self->rounds, i))->id == self->filter->round_id)
      round = i + 1;
  for (guint i = 0; self->provinces && i < self->provinces->len; i++)
    if (g_strcmp0 (((VtProvince *) g_ptr_array_index (self->provinces, i))->code, self->filter->province_code) == 0)
      province = i + 1;
  for (guint i = 0; self->certifications && self->certifications[i]; i++)
    if (g_strcmp0 (self->certifications[i], self->filter->certification) == 0)
      certification = i + 1;

  self->populating = TRUE;
  gtk_drop_down_set_selected (self->round_dropdown, round);
  gtk_drop_down_set_selected (self->stage_dropdown, self->filter->stage + 1);
  gtk_drop_down_set_selected (self->sector_dropdown, self->filter->sector + 1);
  gtk_drop_down_set_selected (self->province_dropdown, province);
  gtk_drop_down_set_selected (self->certification_dropdown, certification);
  self->populating = FALSE;
  apply_filter (self);
}

static void
on_filter_chosen (VtSupplierList *self)
{
  guint round = gtk_drop_down_get_selected (self->round_dropdown);
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint sector = gtk_drop_down_get_selected (self->sector_dropdown);
  guint province = gtk_drop_down_get_selected (self->province_dropdown);
  guint certification = gtk_drop_down_get_selected (self->certification_dropdown);

  if (self->populating)
    return;

  vt_filter_clear_all (self->filter);
  if (round > 0 && self->rounds && round <= self->rounds->len)
    self->filter->round_id = ((VtRound *) g_ptr_array_index (self->rounds, round - 1))->id;
  if (stage > 0 && stage <= VT_N_STAGES)
    self->filter->stage = (int) stage - 1;
  if (sector > 0 && sector <= VT_SECTOR_OTHER + 1)
    self->filter->sector = (int) sector - 1;
  if (province > 0 && self->provinces && province <= self->provinces->len)
    self->filter->province_code = g_strdup (((VtProvince *) g_ptr_array_index (self->provinces, province - 1))->code);
  if (certification > 0 && self->certifications && certification <= g_strv_length (self->certifications))
    self->filter->certification = g_strdup (self->certifications[certification - 1]);
  apply_filter (self);
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VtSupplierList *self = VT_SUPPLIER_LIST (widget);

  vt_filter_clear_all (self->filter);
  set_dropdowns_from_filter (self);
}

static void
filters_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VtSupplierList *self = VT_SUPPLIER_LIST (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "table");
  gtk_menu_button_popup (self->filter_button);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtSupplierList *self = VT_SUPPLIER_LIST (widget);

  gtk_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
on_view_changed (VtSupplierList *self)
{
  gboolean board = showing_board (self);

  /* The board shows one round at a time and has its own round chooser;
   * the filters and the count are about the list. */
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !board);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !board);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !board);
  gtk_revealer_set_reveal_child (self->chips_revealer, !board && vt_filter_count_active (self->filter) > 0);
  update_actions (self);
}

static GtkStringList *
any_list (const char *any)
{
  const char *items[] = { any, NULL };

  return gtk_string_list_new (items);
}

static void
rounds_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtSupplierList) self = user_data;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GtkStringList) names = any_list (_("Any round"));
  g_autoptr(GError) error = NULL;

  rounds = vt_store_list_rounds_finish (VT_STORE (object), result, &error);
  if (rounds == NULL)
    {
      g_warning ("Could not list rounds: %s", error->message);
      return;
    }
  for (guint i = 0; i < rounds->len; i++)
    gtk_string_list_append (names, ((VtRound *) g_ptr_array_index (rounds, i))->name);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_steal_pointer (&rounds);
  self->populating = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (names));
  self->populating = FALSE;
  set_dropdowns_from_filter (self);
}

static void
provinces_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VtSupplierList) self = user_data;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GtkStringList) names = any_list (_("Any province"));
  g_autoptr(GError) error = NULL;

  all = vt_store_list_provinces_finish (VT_STORE (object), result, &error);
  if (all == NULL)
    {
      g_warning ("Could not list provinces: %s", error->message);
      return;
    }
  /* The filter works on the 34 units in force since 2025; dossiers that
   * name an old province match the unit it became part of. */
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  self->provinces = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_province_unref);
  for (guint i = 0; i < all->len; i++)
    {
      VtProvince *p = g_ptr_array_index (all, i);

      if (g_strcmp0 (p->list_id, "2025") != 0)
        continue;
      g_ptr_array_add (self->provinces, vt_province_ref (p));
      gtk_string_list_append (names, p->name_vi);
    }
  self->populating = TRUE;
  gtk_drop_down_set_model (self->province_dropdown, G_LIST_MODEL (names));
  self->populating = FALSE;
  set_dropdowns_from_filter (self);
}

static void
certifications_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VtSupplierList) self = user_data;
  g_auto(GStrv) names = NULL;
  g_autoptr(GtkStringList) items = any_list (_("Any certification"));
  g_autoptr(GError) error = NULL;
  const char *chosen;

  names = vt_store_list_certifications_finish (VT_STORE (object), result, &error);
  if (names == NULL)
    {
      g_warning ("Could not list certifications: %s", error->message);
      return;
    }

  /* A standard chosen before stays offered while it filters, even when
   * no supplier holds it any more. */
  chosen = self->filter->certification;
  if (chosen != NULL && chosen[0] != '\0' && !g_strv_contains ((const char * const *) names, chosen))
    {
      guint n = g_strv_length (names);

      names = g_renew (char *, names, n + 2);
      names[n] = g_strdup (chosen);
      names[n + 1] = NULL;
    }
  gtk_string_list_splice (items, 1, 0, (const char * const *) names);
  g_strfreev (self->certifications);
  self->certifications = g_steal_pointer (&names);
  self->populating = TRUE;
  gtk_drop_down_set_model (self->certification_dropdown, G_LIST_MODEL (items));
  self->populating = FALSE;
  set_dropdowns_from_filter (self);
}

static void
load_choices (VtSupplierList *self)
{
  if (self->store == NULL)
    return;
  vt_store_list_certifications_async (self->store, NULL, certifications_cb, g_object_ref (self));
  vt_store_list_rounds_async (self->store, NULL, rounds_cb, g_object_ref (self));
  vt_store_list_provinces_async (self->store, NULL, provinces_cb, g_object_ref (self));
}

static void
fill_fixed_choices (VtSupplierList *self)
{
  g_autoptr(GtkStringList) stages = any_list (_("Any stage"));
  g_autoptr(GtkStringList) sectors = any_list (_("Any sector"));
  g_autoptr(GtkStringList) certs = any_list (_("Any certification"));
  g_autoptr(GtkStringList) rounds = any_list (_("Any round"));
  g_autoptr(GtkStringList) provinces = any_list (_("Any province"));

  for (VtStage s = 0; s < VT_N_STAGES; s++)
    gtk_string_list_append (stages, vt_stage_get_display_name (s));
  for (VtSector s = 0; s <= VT_SECTOR_OTHER; s++)
    gtk_string_list_append (sectors, vt_sector_get_display_name (s));

  self->populating = TRUE;
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->sector_dropdown, G_LIST_MODEL (sectors));
  gtk_drop_down_set_model (self->certification_dropdown, G_LIST_MODEL (certs));
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (rounds));
  gtk_drop_down_set_model (self->province_dropdown, G_LIST_MODEL (provinces));
  self->populating = FALSE;
}

/* Sorting ----------------------------------------------------------------- */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->self->probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (VtSupplierList *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* The columns go away one by one when the list is disposed. */
  if (self->column_view == NULL || self->model == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (order == GTK_ORDERING_EQUAL || self->probed_sort < 0)
    vt_supplier_model_set_sort (self->model, VT_SUPPLIER_SORT_NAME, FALSE);
  else
    vt_supplier_model_set_sort (self->model, self->probed_sort, order == GTK_ORDERING_LARGER);
}

static void
set_column_sort (VtSupplierList      *self,
                 GtkColumnViewColumn *column,
                 guint                probe,
                 VtSupplierSort       sort)
{
  g_autoptr(GtkSorter) sorter = NULL;

  self->probes[probe].self = self;
  self->probes[probe].sort = sort;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, &self->probes[probe], NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
on_search_changed (VtSupplierList *self)
{
  vt_timing_mark ("search", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  vt_supplier_model_set_text (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter or a double click on a row opens the supplier. */
static void
on_activate (VtSupplierList *self,
             guint           position)
{
  g_autoptr(VtSupplierRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  VtSupplierSummary *summary = row != NULL ? vt_supplier_row_get_summary (row) : NULL;

  if (summary != NULL)
    g_signal_emit (self, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, vt_supplier_summary_get_uuid (summary));
}

static void
on_card_activated (VtSupplierList *self,
                   const char     *uuid)
{
  g_signal_emit (self, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, uuid);
}

static void
on_stop_search (VtSupplierList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
vt_supplier_list_set_store (VtSupplierList *self,
                            VtStore        *store)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  g_set_object (&self->store, store);
  vt_supplier_model_set_store (self->model, store);
  vt_pipeline_board_set_store (self->board, store);
  load_choices (self);
  update_actions (self);
}

void
vt_supplier_list_reload (VtSupplierList *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  vt_supplier_model_reload (self->model);
  vt_pipeline_board_reload (self->board);
  load_choices (self);
}

/**
 * vt_supplier_list_refresh:
 *
 * After suppliers changed: shows them as they are now while keeping the
 * list's scroll position and selection.
 */
void
vt_supplier_list_refresh (VtSupplierList *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  vt_supplier_model_refresh (self->model);
  vt_pipeline_board_reload (self->board);
  load_choices (self);
}

void
vt_supplier_list_set_hidden (VtSupplierList *self,
                             const char     *uuid,
                             gboolean        hidden)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  vt_supplier_model_set_hidden (self->model, uuid, hidden);
}

/* The list as shown: its search, filters and order, for an export. */
const VtSupplierQuery *
vt_supplier_list_get_query (VtSupplierList *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_LIST (self), NULL);

  return vt_supplier_model_get_query (self->model);
}

void
vt_supplier_list_focus_search (VtSupplierList *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  gtk_stack_set_visible_child_name (self->view_stack, "table");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vt_supplier_list_dispose (GObject *object)
{
  VtSupplierList *self = VT_SUPPLIER_LIST (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_SUPPLIER_LIST);
  /* The outer box of the template has no name, so it is not among the
   * children dispose_template() removes. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->filter, vt_supplier_query_free);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->certifications, g_strfreev);

  G_OBJECT_CLASS (vt_supplier_list_parent_class)->dispose (object);
}

static void
vt_supplier_list_class_init (VtSupplierListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_supplier_list_dispose;

  signals[SIGNAL_SUPPLIER_ACTIVATED] =
    g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-supplier-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, count_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, stack);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, column_view);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, name_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, province_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, sector_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, stage_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, readiness_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, last_visit_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, next_visit_column);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, chips_box);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, certification_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierList, board);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "list.move-to-stage", NULL, move_to_stage_action);
  gtk_widget_class_install_action (widget_class, "list.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "list.filters", NULL, filters_action);
  gtk_widget_class_install_action (widget_class, "list.view", "s", view_action);

  g_type_ensure (VT_TYPE_PIPELINE_BOARD);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                            gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Managed by the window, so that they work wherever the focus is while
 * the supplier page is on screen. */
static void
add_shortcuts (VtSupplierList *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, "<Control>m", "list.move-to-stage", NULL);
  add_shortcut (shortcuts, "<Control><Shift>f", "list.filters", NULL);
  add_shortcut (shortcuts, "<Control>1", "list.view", g_variant_new_string ("table"));
  add_shortcut (shortcuts, "<Control>2", "list.view", g_variant_new_string ("board"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
vt_supplier_list_init (VtSupplierList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = vt_supplier_query_new ();
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  self->model = vt_supplier_model_new ();
  g_signal_connect_object (self->model, "notify::total", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  /* Several suppliers are selected to move them together. A row whose
   * supplier is refreshed in place stays selected. */
  self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "replaced", G_CALLBACK (on_replaced), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, self->selection);
  g_signal_connect_object (self->board, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "changed", G_CALLBACK (load_choices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "supplier-activated", G_CALLBACK (on_card_activated), self, G_CONNECT_SWAPPED);

  set_factory (self->name_column, G_CALLBACK (setup_name_cell), G_CALLBACK (bind_name_cell), NULL);
  set_factory (self->province_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), province_text);
  set_factory (self->sector_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), sector_text);
  set_factory (self->stage_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), stage_text);
  set_factory (self->readiness_column, G_CALLBACK (setup_number_cell), G_CALLBACK (bind_cell), readiness_text);
  set_factory (self->last_visit_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), last_visit_text);
  set_factory (self->next_visit_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), next_visit_text);

  set_column_sort (self, self->name_column, PROBE_NAME, VT_SUPPLIER_SORT_NAME);
  set_column_sort (self, self->province_column, PROBE_PROVINCE, VT_SUPPLIER_SORT_PROVINCE);
  set_column_sort (self, self->sector_column, PROBE_SECTOR, VT_SUPPLIER_SORT_SECTOR);
  set_column_sort (self, self->stage_column, PROBE_STAGE, VT_SUPPLIER_SORT_STAGE);
  set_column_sort (self, self->readiness_column, PROBE_READINESS, VT_SUPPLIER_SORT_READINESS);
  set_column_sort (self, self->last_visit_column, PROBE_LAST_VISIT, VT_SUPPLIER_SORT_LAST_VISIT);
  set_column_sort (self, self->next_visit_column, PROBE_NEXT_VISIT, VT_SUPPLIER_SORT_NEXT_VISIT);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  fill_fixed_choices (self);
  add_shortcuts (self);
  update_chips (self);
  update_actions (self);

  vt_timing_watch_list (GTK_WIDGET (self->column_view), GTK_EDITABLE (self->search_entry),
                        G_LIST_MODEL (self->model));
}
