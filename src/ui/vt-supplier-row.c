/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-row.c: a place in the supplier list and the supplier in it.
 *
 * GTK 4.8's list views keep up to 200 row widgets and tie each to its
 * item: when a model says that an item was replaced, the widget goes and
 * a new one is built, with its cells, style and text measured. A new
 * search replaces every row, which cost hundreds of milliseconds of the
 * main thread a keystroke. So VtSupplierModel gives the view these rows
 * instead of the summaries: a row stays while its place does, and only
 * the supplier in it changes, which the cells follow ("notify::summary").
 */

#define G_LOG_DOMAIN "vt-supplier-row"

#include "config.h"

#include "vt-supplier-row.h"

struct _VtSupplierRow
{
  GObject            parent_instance;

  VtSupplierSummary *summary;
};

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtSupplierRow, vt_supplier_row, G_TYPE_OBJECT)

static void
vt_supplier_row_finalize (GObject *object)
{
  VtSupplierRow *self = VT_SUPPLIER_ROW (object);

  g_clear_object (&self->summary);

  G_OBJECT_CLASS (vt_supplier_row_parent_class)->finalize (object);
}

static void
vt_supplier_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtSupplierRow *self = VT_SUPPLIER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtSupplierRow *self = VT_SUPPLIER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      vt_supplier_row_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_row_class_init (VtSupplierRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_supplier_row_finalize;
  object_class->get_property = vt_supplier_row_get_property;
  object_class->set_property = vt_supplier_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, VT_TYPE_SUPPLIER_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_supplier_row_init (VtSupplierRow *self)
{
}

VtSupplierRow *
vt_supplier_row_new (VtSupplierSummary *summary)
{
  g_return_val_if_fail (summary == NULL || VT_IS_SUPPLIER_SUMMARY (summary), NULL);

  return g_object_new (VT_TYPE_SUPPLIER_ROW, "summary", summary, NULL);
}

/* The supplier in this place of the list. */
VtSupplierSummary *
vt_supplier_row_get_summary (VtSupplierRow *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_ROW (self), NULL);

  return self->summary;
}

void
vt_supplier_row_set_summary (VtSupplierRow     *self,
                             VtSupplierSummary *summary)
{
  g_return_if_fail (VT_IS_SUPPLIER_ROW (self));
  g_return_if_fail (summary == NULL || VT_IS_SUPPLIER_SUMMARY (summary));

  if (g_set_object (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
