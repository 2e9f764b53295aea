/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-command.c: the command-line actions of the core.
 *
 * The application wires these to its options (--database, --create,
 * --sample-data, --check, --counts). They use the store's _sync calls:
 * there is no window to keep responsive.
 */

#define G_LOG_DOMAIN "vt-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-command.h"
#include "vt-store.h"

/* The number is formatted apart from the message: a printf macro inside a
 * translatable string would cut the msgid short. */
static void
print_count (const char *label,
             guint64     value)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  /* Translators: a line of the --counts output; %s is "Suppliers" and the
   * like, then the number. */
  g_print (_("%s: %s\n"), label, number);
}

static void
print_counts (VtStoreCounts *counts)
{
  print_count (_("Suppliers"), counts->suppliers);
  print_count (_("Rounds"), counts->rounds);
  print_count (_("Visits"), counts->visits);
  print_count (_("Assessments"), counts->assessments);
  print_count (_("People"), counts->people);
}

/**
 * vt_command_run:
 * @database_path: (nullable): the database; %NULL for vt_store_default_path()
 * @flags: what to do, in the order create, sample data, check, counts
 * @error: why it failed, in words for the person at the terminal
 *
 * Returns: the process exit status: 0 on success, 1 on error (with @error
 *   set), 2 when the check found problems
 */
int
vt_command_run (const char      *database_path,
                VtCommandFlags   flags,
                GError         **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(VtStore) store = NULL;
  VtStoreOpenFlags open_flags = VT_STORE_OPEN_NONE;
  int status = 0;

  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();

  if (flags & VT_COMMAND_CREATE)
    open_flags |= VT_STORE_OPEN_CREATE;
  if (!(flags & (VT_COMMAND_CREATE | VT_COMMAND_SAMPLE_DATA)))
    open_flags |= VT_STORE_OPEN_READ_ONLY;

  store = vt_store_open_sync (database_path, open_flags, NULL, error);
  if (store == NULL)
    return 1;

  /* Nothing waits on a terminal: read every page before writing to the
   * file (the full check below reads them anyway). */
  if (!(flags & VT_COMMAND_CHECK) && !vt_store_verify_sync (store, NULL, error))
    return 1;

  if (flags & VT_COMMAND_CREATE)
    g_print (_("Database ready: %s\n"), vt_store_get_path (store));

  if (flags & VT_COMMAND_SAMPLE_DATA)
    {
      if (!vt_store_load_sample_data_sync (store, NULL, error))
        return 1;
      g_print (_("Sample data added.\n"));
    }

  if (flags & VT_COMMAND_CHECK)
    {
      gboolean healthy = FALSE;
      g_autofree char *report = vt_store_check_sync (store, &healthy, NULL, error);

      if (report == NULL)
        return 1;
      g_print ("%s", report);
      if (!healthy)
        status = 2;
    }

  if (flags & VT_COMMAND_COUNTS)
    {
      g_autoptr(VtStoreCounts) counts = vt_store_count_sync (store, NULL, error);

      if (counts == NULL)
        return 1;
      print_counts (counts);
    }

  return status;
}
