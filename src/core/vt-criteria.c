/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria.c: versioned sets of weighted readiness criteria. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "vt-audit.h"
#include "vt-criteria.h"
#include "vt-error.h"

static void
vt_criterion_clear (VtCriterion *self)
{
  g_free (self->code);
  g_free (self->area);
  g_free (self->name_en);
  g_free (self->name_vi);
  g_free (self->name_ko);
  for (guint i = 0; i < VT_N_LEVELS; i++)
    g_free (self->levels[i]);
}

VT_DEFINE_RC_BOXED (VtCriterion, vt_criterion, vt_criterion_clear)

VtCriterion *
vt_criterion_new (const char *code,
                  const char *name_en,
                  double      weight)
{
  VtCriterion *self = g_rc_box_new0 (VtCriterion);

  self->code = g_strdup (code);
  self->name_en = g_strdup (name_en);
  self->area = g_strdup ("other");
  self->weight = weight;
  return self;
}

/**
 * vt_criterion_get_name:
 * @language: "vi", "ko" or anything else for English
 *
 * Returns: the criterion's name in @language, or in English when it has
 *   none in @language
 */
const char *
vt_criterion_get_name (const VtCriterion *criterion,
                       const char        *language)
{
  if (g_strcmp0 (language, "vi") == 0 && criterion->name_vi != NULL)
    return criterion->name_vi;
  if (g_strcmp0 (language, "ko") == 0 && criterion->name_ko != NULL)
    return criterion->name_ko;
  return criterion->name_en;
}

static void
vt_criterion_set_clear (VtCriterionSet *self)
{
  g_free (self->name);
  g_free (self->notes);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
}

VT_DEFINE_RC_BOXED (VtCriterionSet, vt_criterion_set, vt_criterion_set_clear)

VtCriterionSet *
vt_criterion_set_new (const char *name)
{
  VtCriterionSet *self = g_rc_box_new0 (VtCriterionSet);

  self->name = g_strdup (name);
  self->set_version = 1;
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_criterion_unref);
  return self;
}

VtCriterion *
vt_criterion_set_find (const VtCriterionSet *set,
                       gint64                criterion_id)
{
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (c->id == criterion_id)
        return c;
    }
  return NULL;
}

gboolean
vt_criterion_set_validate (const VtCriterionSet  *set,
                           GError               **error)
{
  double sum = 0;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  if (set->name == NULL || *set->name == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The criterion set needs a name."));
      return FALSE;
    }

  if (set->criteria->len == 0)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The criterion set has no criteria."));
      return FALSE;
    }

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (c->code == NULL || c->name_en == NULL || !g_hash_table_add (codes, c->code))
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Each criterion needs a name and a code of its own."));
          return FALSE;
        }
      if (c->weight < 0)
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                       _("The weight of “%s” cannot be negative."), c->name_en);
          return FALSE;
        }
      sum += c->weight;
    }

  if (fabs (sum - 100.0) > 0.001)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("The weights of the criteria add up to %s; they must add up to 100."),
                   g_ascii_formatd (buf, sizeof buf, "%.1f", sum));
      return FALSE;
    }

  return TRUE;
}

VtFields *
vt_criterion_set_to_fields (const VtCriterionSet *set)
{
  VtFields *f = vt_fields_new ();
  GString *criteria = g_string_new (NULL);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (criteria, "%s%s=%s%s", i ? "; " : "", c->code,
                              g_ascii_formatd (buf, sizeof buf, "%g", c->weight),
                              c->knockout ? "!" : "");
    }

  vt_fields_add (f, "name", set->name);
  vt_fields_add_int (f, "set_version", set->set_version, 0);
  vt_fields_add_int (f, "is_default", set->is_default, -1);
  vt_fields_add (f, "notes", set->notes);
  vt_fields_add (f, "criteria", criteria->str);
  g_string_free (criteria, TRUE);
  return f;
}
