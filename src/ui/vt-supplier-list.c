/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-supplier-list"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-enums.h"
#include "vt-stage.h"
#include "vt-supplier-list.h"
#include "vt-supplier-model.h"
#include "vt-supplier-summary.h"

struct _VtSupplierList
{
  GtkWidget             parent_instance;

  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *province_column;
  GtkColumnViewColumn  *sector_column;
  GtkColumnViewColumn  *stage_column;
  GtkColumnViewColumn  *readiness_column;

  VtSupplierModel      *model;
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

  *owned = g_strdup_printf ("%.0f", readiness);
  return *owned;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

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

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CellText text_for = user_data;
  VtSupplierSummary *summary = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       summary != NULL ? text_for (summary, &owned) : "");
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
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  VtSupplierSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *name_ko = summary ? vt_supplier_summary_get_name_ko (summary) : NULL;

  gtk_label_set_label (GTK_LABEL (title), summary ? vt_supplier_summary_get_name_vi (summary) : "");
  gtk_label_set_label (GTK_LABEL (subtitle), name_ko ? name_ko : "");
  gtk_widget_set_visible (subtitle, name_ko != NULL && name_ko[0] != '\0');
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             CellText             text_for)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, text_for);
  gtk_column_view_column_set_factory (column, factory);
}

static void
update_count (VtSupplierList *self)
{
  guint64 total = vt_supplier_model_get_total (self->model);
  g_autofree char *number = g_strdup_printf ("%'" G_GUINT64_FORMAT, total);
  g_autofree char *text = NULL;
  gboolean searching = gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';

  if (vt_supplier_model_get_total_exact (self->model))
    /* Translators: %s is a number, already formatted. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s supplier", "%s suppliers", total), number);
  else
    /* Translators: a search matched at least this many suppliers and
     * stopped counting; %s is a number, already formatted. */
    text = g_strdup_printf (_("More than %s suppliers"), number);
  gtk_label_set_label (self->count_label, text);

  if (!vt_supplier_model_get_loading (self->model))
    gtk_stack_set_visible_child_name (self->stack,
                                      total == 0 && searching ? "no-results" : "list");
}

static void
on_search_changed (VtSupplierList *self)
{
  vt_supplier_model_set_text (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter or a double click on a row opens the supplier. */
static void
on_activate (VtSupplierList *self,
             guint           position)
{
  g_autoptr(VtSupplierSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (summary != NULL)
    g_signal_emit (self, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, vt_supplier_summary_get_uuid (summary));
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

  vt_supplier_model_set_store (self->model, store);
}

void
vt_supplier_list_reload (VtSupplierList *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  vt_supplier_model_reload (self->model);
}

void
vt_supplier_list_set_hidden (VtSupplierList *self,
                             const char     *uuid,
                             gboolean        hidden)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

  vt_supplier_model_set_hidden (self->model, uuid, hidden);
}

void
vt_supplier_list_focus_search (VtSupplierList *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_LIST (self));

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
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
vt_supplier_list_init (VtSupplierList *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = vt_supplier_model_new ();
  g_signal_connect_object (self->model, "notify::total", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_column_view_set_model (self->column_view, selection);

  set_factory (self->name_column, G_CALLBACK (setup_name_cell), G_CALLBACK (bind_name_cell), NULL);
  set_factory (self->province_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), province_text);
  set_factory (self->sector_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), sector_text);
  set_factory (self->stage_column, G_CALLBACK (setup_cell), G_CALLBACK (bind_cell), stage_text);
  set_factory (self->readiness_column, G_CALLBACK (setup_number_cell), G_CALLBACK (bind_cell), readiness_text);
}
