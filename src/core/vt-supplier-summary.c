/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-summary.c: one row of the supplier list.
 *
 * A small immutable object with properties, so that list views can bind
 * to it. The store builds them; nothing changes them afterwards (a changed
 * supplier comes back as a new summary).
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-core-enums.h"
#include "vt-supplier-summary.h"

struct _VtSupplierSummary
{
  GObject    parent_instance;

  char      *uuid;
  char      *name_vi;
  char      *name_ko;
  char      *province_name;
  VtSector   sector;
  VtStage    stage;
  double     readiness;
  GDateTime *last_visit;
  GDateTime *next_visit;
  gint64     version;
};

G_DEFINE_FINAL_TYPE (VtSupplierSummary, vt_supplier_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_NAME_VI,
  PROP_NAME_KO,
  PROP_PROVINCE_NAME,
  PROP_SECTOR,
  PROP_STAGE,
  PROP_READINESS,
  PROP_LAST_VISIT,
  PROP_NEXT_VISIT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_supplier_summary_finalize (GObject *object)
{
  VtSupplierSummary *self = (VtSupplierSummary *) object;

  g_free (self->uuid);
  g_free (self->name_vi);
  g_free (self->name_ko);
  g_free (self->province_name);
  g_clear_pointer (&self->last_visit, g_date_time_unref);
  g_clear_pointer (&self->next_visit, g_date_time_unref);

  G_OBJECT_CLASS (vt_supplier_summary_parent_class)->finalize (object);
}

static void
vt_supplier_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VtSupplierSummary *self = VT_SUPPLIER_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, vt_supplier_summary_get_name (self));
      break;
    case PROP_NAME_VI:
      g_value_set_string (value, self->name_vi);
      break;
    case PROP_NAME_KO:
      g_value_set_string (value, self->name_ko);
      break;
    case PROP_PROVINCE_NAME:
      g_value_set_string (value, self->province_name);
      break;
    case PROP_SECTOR:
      g_value_set_enum (value, self->sector);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_READINESS:
      g_value_set_double (value, self->readiness);
      break;
    case PROP_LAST_VISIT:
      g_value_set_boxed (value, self->last_visit);
      break;
    case PROP_NEXT_VISIT:
      g_value_set_boxed (value, self->next_visit);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_summary_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VtSupplierSummary *self = VT_SUPPLIER_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_NAME_VI:
      self->name_vi = g_value_dup_string (value);
      break;
    case PROP_NAME_KO:
      self->name_ko = g_value_dup_string (value);
      break;
    case PROP_PROVINCE_NAME:
      self->province_name = g_value_dup_string (value);
      break;
    case PROP_SECTOR:
      self->sector = g_value_get_enum (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_get_enum (value);
      break;
    case PROP_READINESS:
      self->readiness = g_value_get_double (value);
      break;
    case PROP_LAST_VISIT:
      self->last_visit = g_value_dup_boxed (value);
      break;
    case PROP_NEXT_VISIT:
      self->next_visit = g_value_dup_boxed (value);
      break;
    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_summary_class_init (VtSupplierSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vt_supplier_summary_finalize;
  object_class->get_property = vt_supplier_summary_get_property;
  object_class->set_property = vt_supplier_summary_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  /* The name to show: the Vietnamese legal name. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_NAME_VI] = g_param_spec_string ("name-vi", NULL, NULL, NULL, co);
  properties[PROP_NAME_KO] = g_param_spec_string ("name-ko", NULL, NULL, NULL, co);
  properties[PROP_PROVINCE_NAME] = g_param_spec_string ("province-name", NULL, NULL, NULL, co);
  properties[PROP_SECTOR] = g_param_spec_enum ("sector", NULL, NULL, VT_TYPE_SECTOR,
                                               VT_SECTOR_OTHER, co);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, VT_TYPE_STAGE,
                                              VT_STAGE_RECEIVED, co);
  /* The latest readiness index 0-100, or -1 when never assessed. */
  properties[PROP_READINESS] = g_param_spec_double ("readiness", NULL, NULL,
                                                    -1, 100, -1, co);
  properties[PROP_LAST_VISIT] = g_param_spec_boxed ("last-visit", NULL, NULL,
                                                    G_TYPE_DATE_TIME, co);
  properties[PROP_NEXT_VISIT] = g_param_spec_boxed ("next-visit", NULL, NULL,
                                                    G_TYPE_DATE_TIME, co);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL,
                                                 0, G_MAXINT64, 0, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_supplier_summary_init (VtSupplierSummary *self)
{
  self->readiness = -1;
}

const char *
vt_supplier_summary_get_uuid (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->uuid;
}

const char *
vt_supplier_summary_get_name (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->name_vi;
}

const char *
vt_supplier_summary_get_name_vi (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->name_vi;
}

const char *
vt_supplier_summary_get_name_ko (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->name_ko;
}

const char *
vt_supplier_summary_get_province_name (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->province_name;
}

VtSector
vt_supplier_summary_get_sector (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), VT_SECTOR_OTHER);
  return self->sector;
}

VtStage
vt_supplier_summary_get_stage (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), VT_STAGE_RECEIVED);
  return self->stage;
}

double
vt_supplier_summary_get_readiness (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), -1);
  return self->readiness;
}

GDateTime *
vt_supplier_summary_get_last_visit (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->last_visit;
}

GDateTime *
vt_supplier_summary_get_next_visit (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), NULL);
  return self->next_visit;
}

gint64
vt_supplier_summary_get_version (VtSupplierSummary *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_SUMMARY (self), 0);
  return self->version;
}
