/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-charts.c: the radar (latest assessment against the previous
 * one and the round median) and the progress over time of one supplier.
 *
 * Set the store and the supplier's uuid; the numbers are read through the
 * store's asynchronous API and a newer supplier cancels an older read.
 */

#define G_LOG_DOMAIN "vt-supplier-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-chart-view.h"
#include "vt-round-charts.h"
#include "vt-supplier-charts.h"

struct _VtSupplierCharts
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkWidget    *flow;
  VtChartView  *radar_view;
  VtChartView  *progress_view;

  VtStore      *store;
  char         *uuid;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (VtSupplierCharts, vt_supplier_charts, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
vt_supplier_charts_new (void)
{
  return g_object_new (VT_TYPE_SUPPLIER_CHARTS, NULL);
}

GtkWidget *
vt_supplier_charts_get_radar (VtSupplierCharts *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_CHARTS (self), NULL);
  return GTK_WIDGET (self->radar_view);
}

GtkWidget *
vt_supplier_charts_get_progress (VtSupplierCharts *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_CHARTS (self), NULL);
  return GTK_WIDGET (self->progress_view);
}

static void
stats_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtSupplierCharts) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierStats) stats = vt_store_get_supplier_stats_finish (VT_STORE (object), result, &error);
  g_autoptr(VtChart) radar = NULL;
  g_autoptr(VtChart) progress = NULL;
  const char *language = vt_chart_language ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stats == NULL)
    {
      /* A supplier deleted meanwhile, or a failing disk: the charts stay
       * empty and the supplier page reports the error itself. */
      g_debug ("Could not read the supplier's charts: %s", error->message);
      vt_chart_view_set_chart (self->radar_view, NULL);
      vt_chart_view_set_chart (self->progress_view, NULL);
      return;
    }
  radar = vt_supplier_chart_radar (stats, language);
  progress = vt_supplier_chart_progress (stats, language);
  vt_chart_view_set_chart (self->radar_view, radar);
  vt_chart_view_set_chart (self->progress_view, progress);
}

void
vt_supplier_charts_reload (VtSupplierCharts *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_CHARTS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->uuid == NULL)
    {
      vt_chart_view_set_chart (self->radar_view, NULL);
      vt_chart_view_set_chart (self->progress_view, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  vt_store_get_supplier_stats_async (self->store, self->uuid, self->cancellable, stats_cb, g_object_ref (self));
}

VtStore *
vt_supplier_charts_get_store (VtSupplierCharts *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_CHARTS (self), NULL);
  return self->store;
}

void
vt_supplier_charts_set_store (VtSupplierCharts *self,
                              VtStore          *store)
{
  g_return_if_fail (VT_IS_SUPPLIER_CHARTS (self));
  g_return_if_fail (store == NULL || VT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  vt_supplier_charts_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
vt_supplier_charts_get_uuid (VtSupplierCharts *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_CHARTS (self), NULL);
  return self->uuid;
}

void
vt_supplier_charts_set_uuid (VtSupplierCharts *self,
                             const char       *uuid)
{
  g_return_if_fail (VT_IS_SUPPLIER_CHARTS (self));

  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  vt_supplier_charts_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

static void
vt_supplier_charts_dispose (GObject *object)
{
  VtSupplierCharts *self = VT_SUPPLIER_CHARTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_SUPPLIER_CHARTS);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vt_supplier_charts_parent_class)->dispose (object);
}

static void
vt_supplier_charts_finalize (GObject *object)
{
  VtSupplierCharts *self = VT_SUPPLIER_CHARTS (object);

  g_free (self->uuid);
  G_OBJECT_CLASS (vt_supplier_charts_parent_class)->finalize (object);
}

static void
vt_supplier_charts_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VtSupplierCharts *self = VT_SUPPLIER_CHARTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_charts_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VtSupplierCharts *self = VT_SUPPLIER_CHARTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vt_supplier_charts_set_store (self, g_value_get_object (value));
      break;
    case PROP_UUID:
      vt_supplier_charts_set_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_charts_class_init (VtSupplierChartsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_supplier_charts_dispose;
  object_class->finalize = vt_supplier_charts_finalize;
  object_class->get_property = vt_supplier_charts_get_property;
  object_class->set_property = vt_supplier_charts_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-supplier-charts.ui");
  gtk_widget_class_bind_template_child (widget_class, VtSupplierCharts, flow);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierCharts, radar_view);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierCharts, progress_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vt_supplier_charts_init (VtSupplierCharts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
