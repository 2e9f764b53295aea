/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-assessments.c: a supplier's assessments, newest first, with
 * their index and band, and the button that starts a new one.
 *
 * Self-contained so that the supplier page only sets the store and the
 * supplier. A supplier has a handful of assessments, so a list box is
 * enough.
 */
#define G_LOG_DOMAIN "vt-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-assessment-state.h"
#include "vt-assessment-window.h"
#include "vt-supplier-assessments.h"
#include "vt-format.h"

struct _VtSupplierAssessments
{
  AdwBin        parent_instance;

  GtkListBox   *list;

  VtStore      *store;
  char         *supplier_uuid;
  GCancellable *cancellable;
  guint         n_items;
};

G_DEFINE_FINAL_TYPE (VtSupplierAssessments, vt_supplier_assessments, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SUPPLIER_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_row (VtAssessment *a)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *index = gtk_label_new (NULL);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&a->assessed_on),
                                                    g_date_get_month (&a->assessed_on),
                                                    g_date_get_day (&a->assessed_on), 0, 0, 0);
  g_autofree char *date = vt_format_date (NULL, day, VT_DATE_FORMAT_NUMERIC);
  g_autofree char *text = vt_assessment_state_format_index (a->readiness);
  g_autofree char *title = a->draft ? g_strdup_printf (_("%s (draft)"), date) : g_strdup (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vt_readiness_band_get_display_name (a->band));
  gtk_label_set_text (GTK_LABEL (index), text);
  gtk_widget_add_css_class (index, "numeric");
  gtk_widget_add_css_class (index, "title-4");
  gtk_widget_add_css_class (index, vt_assessment_state_band_style (a->band));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "assessment-id", GSIZE_TO_POINTER ((gsize) a->id));
  return row;
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtSupplierAssessments) self = user_data;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  list = vt_store_list_assessments_finish (VT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL
         && GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->list, child);
  self->n_items = 0;
  if (list == NULL)
    {
      g_warning ("Could not list the assessments: %s", error->message);
      return;
    }
  /* Newest first. */
  for (guint i = list->len; i > 0; i--)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (list, i - 1)));
  self->n_items = list->len;
}

void
vt_supplier_assessments_reload (VtSupplierAssessments *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessments.new",
                                 self->store != NULL && self->supplier_uuid != NULL
                                 && !vt_store_is_read_only (self->store));
  if (self->store == NULL || self->supplier_uuid == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  vt_store_list_assessments_async (self->store, self->supplier_uuid, self->cancellable,
                                   on_listed, g_object_ref (self));
}

static void
on_window_saved (VtAssessmentWindow    *window,
                 VtSupplierAssessments *self)
{
  vt_supplier_assessments_reload (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

/**
 * vt_supplier_assessments_open:
 * @assessment_id: an assessment of the supplier, or 0 for a new one
 *
 * Returns: (transfer none): the assessment window, shown
 */
GtkWidget *
vt_supplier_assessments_open (VtSupplierAssessments *self,
                              gint64                 assessment_id)
{
  VtAssessmentWindow *window;
  GtkRoot *root;

  g_return_val_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self), NULL);
  g_return_val_if_fail (self->store != NULL && self->supplier_uuid != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = vt_assessment_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->supplier_uuid, assessment_id);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_window_saved), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WIDGET (window);
}

static void
on_row_activated (VtSupplierAssessments *self,
                  GtkListBoxRow         *row)
{
  vt_supplier_assessments_open (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "assessment-id")));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  vt_supplier_assessments_open (VT_SUPPLIER_ASSESSMENTS (widget), 0);
}

static void
vt_supplier_assessments_dispose (GObject *object)
{
  VtSupplierAssessments *self = VT_SUPPLIER_ASSESSMENTS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_SUPPLIER_ASSESSMENTS);
  G_OBJECT_CLASS (vt_supplier_assessments_parent_class)->dispose (object);
}

static void
vt_supplier_assessments_finalize (GObject *object)
{
  VtSupplierAssessments *self = VT_SUPPLIER_ASSESSMENTS (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_free (self->supplier_uuid);
  G_OBJECT_CLASS (vt_supplier_assessments_parent_class)->finalize (object);
}

static void
vt_supplier_assessments_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VtSupplierAssessments *self = VT_SUPPLIER_ASSESSMENTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUPPLIER_UUID:
      g_value_set_string (value, self->supplier_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_assessments_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VtSupplierAssessments *self = VT_SUPPLIER_ASSESSMENTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vt_supplier_assessments_set_store (self, g_value_get_object (value));
      break;
    case PROP_SUPPLIER_UUID:
      vt_supplier_assessments_set_supplier_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_assessments_class_init (VtSupplierAssessmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_supplier_assessments_dispose;
  object_class->finalize = vt_supplier_assessments_finalize;
  object_class->get_property = vt_supplier_assessments_get_property;
  object_class->set_property = vt_supplier_assessments_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPLIER_UUID] =
    g_param_spec_string ("supplier-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An assessment of the supplier was saved: its readiness index, and
   * everything showing it, may have changed. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-supplier-assessments.ui");
  gtk_widget_class_bind_template_child (widget_class, VtSupplierAssessments, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_install_action (widget_class, "assessments.new", NULL, new_action);
}

static void
vt_supplier_assessments_init (VtSupplierAssessments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessments.new", FALSE);
}

GtkWidget *
vt_supplier_assessments_new (void)
{
  return g_object_new (VT_TYPE_SUPPLIER_ASSESSMENTS, NULL);
}

/**
 * vt_supplier_assessments_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
VtStore *
vt_supplier_assessments_get_store (VtSupplierAssessments *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self), NULL);
  return self->store;
}

void
vt_supplier_assessments_set_store (VtSupplierAssessments *self,
                                   VtStore               *store)
{
  g_return_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self));

  if (g_set_object (&self->store, store))
    {
      vt_supplier_assessments_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

const char *
vt_supplier_assessments_get_supplier_uuid (VtSupplierAssessments *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self), NULL);
  return self->supplier_uuid;
}

void
vt_supplier_assessments_set_supplier_uuid (VtSupplierAssessments *self,
                                           const char            *uuid)
{
  g_return_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self));

  if (g_strcmp0 (self->supplier_uuid, uuid) == 0)
    return;
  g_free (self->supplier_uuid);
  self->supplier_uuid = g_strdup (uuid);
  vt_supplier_assessments_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPLIER_UUID]);
}

/**
 * vt_supplier_assessments_get_n_items:
 *
 * Returns: how many assessments the list shows, once loaded
 */
guint
vt_supplier_assessments_get_n_items (VtSupplierAssessments *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_ASSESSMENTS (self), 0);
  return self->n_items;
}
