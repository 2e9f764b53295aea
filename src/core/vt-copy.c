/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-copy.c: every record of one database into another (vt-copy.h). */

#define G_LOG_DOMAIN "vt-copy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-copy.h"
#include "vt-error.h"

/* The tables whose rows are the data, parents before children. The
 * province lists and the schema version are the migrations' own, the
 * same in every database of a schema version; SQLite's search index is
 * rebuilt from the rows. A test checks that this names every table. */
static const char * const tables[] = {
  "rounds",
  "round_targets",
  "people",
  "suppliers",
  "certifications",
  "korean_customers",
  "contacts",
  "stage_history",
  "visits",
  "visit_participants",
  "criterion_sets",
  "criteria",
  "criterion_levels",
  "attachments",
  "assessments",
  "assessment_assessors",
  "scores",
  "assessor_scores",
  "score_evidence",
  "improvement_actions",
  "audit_log",
  NULL
};

/**
 * vt_copy_get_tables:
 *
 * Returns: (transfer none): the tables vt_backend_copy() copies, parents
 *   first
 */
const char * const *
vt_copy_get_tables (void)
{
  return tables;
}

typedef struct
{
  VtBackend *destination;
  gboolean   writing;
  guint64    rows;
} Copy;

static gboolean
table_cb (const char          *table,
          const char * const  *columns,
          guint                n_columns,
          gpointer             data,
          GError             **error)
{
  Copy *c = data;
  VtBackendInterface *iface = VT_BACKEND_GET_IFACE (c->destination);

  if (c->writing && !iface->write_end (c->destination, error))
    return FALSE;
  c->writing = FALSE;
  if (!iface->write_begin (c->destination, table, columns, n_columns, error))
    return FALSE;
  c->writing = TRUE;
  return TRUE;
}

static gboolean
row_cb (GVariant * const  *values,
        gpointer           data,
        GError           **error)
{
  Copy *c = data;

  c->rows++;
  return VT_BACKEND_GET_IFACE (c->destination)->write_row (c->destination, values, error);
}

static gboolean
can_copy (VtBackend *backend)
{
  VtBackendInterface *iface = VT_BACKEND_GET_IFACE (backend);

  return iface->read_tables && iface->clear_table && iface->write_begin && iface->write_row
      && iface->write_end && iface->copy_done;
}

/**
 * vt_backend_copy:
 * @source: the database read, from one snapshot
 * @destination: the database whose records are replaced
 *
 * Replaces every record of @destination with those of @source, keeping
 * their ids, versions, history and audit log, in one transaction of
 * @destination: it holds either all of its old records or all of the
 * new ones. Both must be of the same schema version.
 */
gboolean
vt_backend_copy (VtBackend     *source,
                 VtBackend     *destination,
                 GCancellable  *cancellable,
                 GError       **error)
{
  VtBackendInterface *iface;
  Copy c = { destination, FALSE, 0 };
  guint n = g_strv_length ((char **) tables);

  g_return_val_if_fail (VT_IS_BACKEND (source), FALSE);
  g_return_val_if_fail (VT_IS_BACKEND (destination), FALSE);

  if (!can_copy (source) || !can_copy (destination))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "This kind of database cannot be copied");
      return FALSE;
    }
  if (vt_backend_get_schema_version (source) != vt_backend_get_schema_version (destination))
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEWER_VERSION,
                   _("The two databases are of different versions (schema %d and %d). Open both with this version of the app first, so that both are brought up to date."),
                   vt_backend_get_schema_version (source), vt_backend_get_schema_version (destination));
      return FALSE;
    }

  iface = VT_BACKEND_GET_IFACE (destination);
  if (!vt_backend_begin (destination, error))
    return FALSE;
  for (guint i = n; i > 0; i--)
    if (!iface->clear_table (destination, tables[i - 1], error))
      goto failed;
  if (!VT_BACKEND_GET_IFACE (source)->read_tables (source, tables, table_cb, row_cb, &c, cancellable, error))
    goto failed;
  if (c.writing)
    {
      c.writing = FALSE;
      if (!iface->write_end (destination, error))
        goto failed;
    }
  if (!iface->copy_done (destination, error))
    goto failed;
  g_debug ("Copied %" G_GUINT64_FORMAT " rows", c.rows);
  return vt_backend_commit (destination, error);

failed:
  /* A COPY under way must end before the transaction can. */
  if (c.writing)
    iface->write_end (destination, NULL);
  vt_backend_rollback (destination);
  return FALSE;
}
