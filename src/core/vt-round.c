/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round.c: programme rounds and provinces. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-audit.h"
#include "vt-round.h"

static void
vt_round_clear (VtRound *self)
{
  g_free (self->name);
  g_free (self->notes);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->closed_at, g_date_time_unref);
  g_free (self->closed_by);
  g_free (self->change_reason);
}

VT_DEFINE_RC_BOXED (VtRound, vt_round, vt_round_clear)

VtRound *
vt_round_new (void)
{
  VtRound *self = g_rc_box_new0 (VtRound);

  g_date_clear (&self->starts_on, 1);
  g_date_clear (&self->ends_on, 1);
  for (guint i = 0; i < VT_N_STAGES; i++)
    self->targets[i] = -1;
  return self;
}

/**
 * vt_round_compare_newest_first:
 * @a: a `VtRound **`, as g_ptr_array_sort() passes
 * @b: another
 *
 * Orders rounds by year, the newest first, and within a year the last
 * created first: the order people look for them in.
 */
int
vt_round_compare_newest_first (gconstpointer a,
                               gconstpointer b)
{
  const VtRound *x = *(VtRound * const *) a, *y = *(VtRound * const *) b;

  if (x->year != y->year)
    return x->year > y->year ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id;
}

VtFields *
vt_round_to_fields (const VtRound *r)
{
  VtFields *f = vt_fields_new ();

  vt_fields_add (f, "name", r->name);
  vt_fields_add_int (f, "year", r->year, 0);
  vt_fields_add_date (f, "starts_on", &r->starts_on);
  vt_fields_add_date (f, "ends_on", &r->ends_on);
  vt_fields_add (f, "notes", r->notes);
  /* A target raised mid-round shows as its own audit row. */
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      g_autofree char *name = g_strconcat ("target.", vt_stage_to_string (s), NULL);

      vt_fields_add_int (f, name, r->targets[s], -1);
    }
  return f;
}

static void
vt_province_clear (VtProvince *self)
{
  g_free (self->list_id);
  g_free (self->code);
  g_free (self->name_vi);
  g_free (self->short_name_vi);
  g_free (self->name_en);
  g_free (self->name_ko);
  g_free (self->successor_code);
}

VT_DEFINE_RC_BOXED (VtProvince, vt_province, vt_province_clear)

VtProvince *
vt_province_new (void)
{
  return g_rc_box_new0 (VtProvince);
}
