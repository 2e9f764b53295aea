/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-audit.c: audit log entries and field diffs. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <stdio.h>

#include "vt-audit.h"

static void
vt_audit_entry_clear (VtAuditEntry *self)
{
  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->who);
  g_free (self->action);
  g_free (self->entity);
  g_free (self->entity_id);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->reason);
}

VT_DEFINE_RC_BOXED (VtAuditEntry, vt_audit_entry, vt_audit_entry_clear)

VtAuditEntry *
vt_audit_entry_new (const char *action,
                    const char *entity,
                    const char *entity_id,
                    const char *field,
                    const char *old_value,
                    const char *new_value)
{
  VtAuditEntry *self = g_rc_box_new0 (VtAuditEntry);

  self->action = g_strdup (action);
  self->entity = g_strdup (entity);
  self->entity_id = g_strdup (entity_id);
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
  return self;
}

/* Names and values alternate; values may be NULL. */
struct _VtFields
{
  GPtrArray *items;
};

VtFields *
vt_fields_new (void)
{
  VtFields *fields = g_new0 (VtFields, 1);

  fields->items = g_ptr_array_new_with_free_func (g_free);
  return fields;
}

void
vt_fields_free (VtFields *fields)
{
  if (fields == NULL)
    return;
  g_ptr_array_unref (fields->items);
  g_free (fields);
}

void
vt_fields_add (VtFields   *fields,
               const char *name,
               const char *value)
{
  g_ptr_array_add (fields->items, g_strdup (name));
  g_ptr_array_add (fields->items, value && *value ? g_strdup (value) : NULL);
}

void
vt_fields_add_int (VtFields   *fields,
                   const char *name,
                   gint64      value,
                   gint64      unset)
{
  g_autofree char *text = value == unset ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);

  vt_fields_add (fields, name, text);
}

void
vt_fields_add_double (VtFields   *fields,
                      const char *name,
                      double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  vt_fields_add (fields, name, value < 0 ? NULL : g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

void
vt_fields_add_date (VtFields    *fields,
                    const char  *name,
                    const GDate *date)
{
  g_autofree char *text = vt_date_to_iso (date);

  vt_fields_add (fields, name, text);
}

void
vt_fields_add_time (VtFields   *fields,
                    const char *name,
                    GDateTime  *time)
{
  g_autofree char *text = vt_time_to_iso (time);

  vt_fields_add (fields, name, text);
}

/**
 * vt_fields_diff:
 * @old_fields: the entity as it was
 * @new_fields: the entity as saved, built by the same function
 *
 * Returns: (transfer full) (element-type VtAuditEntry): one "update" entry
 *   per field whose value changed
 */
GPtrArray *
vt_fields_diff (const VtFields *old_fields,
                const VtFields *new_fields,
                const char     *entity,
                const char     *entity_id)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_audit_entry_unref);

  g_return_val_if_fail (old_fields->items->len == new_fields->items->len, entries);

  for (guint i = 0; i + 1 < new_fields->items->len; i += 2)
    {
      const char *name = g_ptr_array_index (new_fields->items, i);
      const char *old_value = g_ptr_array_index (old_fields->items, i + 1);
      const char *new_value = g_ptr_array_index (new_fields->items, i + 1);

      g_warn_if_fail (g_str_equal (name, g_ptr_array_index (old_fields->items, i)));
      if (g_strcmp0 (old_value, new_value) != 0)
        g_ptr_array_add (entries, vt_audit_entry_new ("update", entity, entity_id,
                                                      name, old_value, new_value));
    }

  return entries;
}

/* Dates are "YYYY-MM-DD"; a cleared GDate is NULL. */
char *
vt_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

gboolean
vt_date_from_iso (GDate      *date,
                  const char *iso)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Times are stored in UTC with microseconds, so that text order is time
 * order. */
char *
vt_time_to_iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
vt_time_from_iso (const char *iso)
{
  if (iso == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Ids in ascending order, so that the audit sees a set, not a sequence. */
char *
vt_ids_to_text (GArray *ids)
{
  g_autoptr(GArray) sorted = NULL;
  GString *out = g_string_new (NULL);

  if (ids == NULL)
    return g_string_free (out, FALSE);

  sorted = g_array_copy (ids);
  g_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (sorted, gint64, i));
  return g_string_free (out, FALSE);
}

/**
 * vt_text_is_blank:
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
vt_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}
