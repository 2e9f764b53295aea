/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-command.c: the command-line actions of the core.
 *
 * The application wires these to its options (--database, --create,
 * --sample-data, --check, --counts, --import, --export, --backup,
 * --restore). They use the store's _sync calls:
 * there is no window to keep responsive.
 */

#define G_LOG_DOMAIN "vt-command"

#include "config.h"

#include <errno.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vt-backup.h"
#include "vt-command.h"
#include "vt-export.h"
#include "vt-import.h"
#include "vt-sqlite-backend.h"
#include "vt-pg-backend.h"
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
  /* Translators: a label before the number of suppliers. */
  print_count (C_("count", "Suppliers"), counts->suppliers);
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

static void
print_issue (VtImportIssue *issue)
{
  g_autofree char *line = g_strdup_printf ("%u", issue->line);

  /* Translators: one row of the import summary on the command line:
   * the line of the file, what happened, the company, why. */
  g_print (_("Line %s: %s: %s: %s\n"), line, vt_import_result_get_label (issue->result),
           issue->name ? issue->name : "", issue->reason ? issue->reason : "");
}

/**
 * vt_command_import:
 * @database_path: (nullable): the database; %NULL for the default
 * @file: a CSV or XLSX supplier list
 * @encoding: (nullable): a vt_encoding_from_string() name; %NULL to detect
 * @duplicates: (nullable): "skip" (the default), "update" or "new"
 * @error: why the file was refused
 *
 * Imports a supplier list with the columns it recognises, in one
 * transaction, and prints the summary.
 *
 * Returns: the exit status: 0 when the file was imported (rows may have
 *   been rejected: they are listed), 1 when nothing was
 */
int
vt_command_import (const char  *database_path,
                   const char  *file,
                   const char  *encoding,
                   const char  *duplicates,
                   GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  VtDuplicatePolicy policy = VT_DUPLICATE_SKIP;
  VtEncoding enc = VT_ENCODING_UTF8;
  gboolean has_name = FALSE;

  if (encoding != NULL && !vt_encoding_from_string (encoding, &enc))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown encoding “%s”."), encoding);
      return 1;
    }
  if (duplicates != NULL && !vt_duplicate_policy_from_string (duplicates, &policy))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--duplicates takes skip, update or new, not “%s”."), duplicates);
      return 1;
    }

  bytes = g_file_load_bytes (gfile, NULL, NULL, error);
  if (bytes == NULL)
    return 1;
  table = vt_import_table_read (bytes, encoding != NULL ? (int) enc : -1, 0, NULL, 0, error);
  if (table == NULL)
    return 1;
  mapping = vt_import_guess_mapping (table);
  for (guint i = 0; i < mapping->len; i++)
    has_name |= g_array_index (mapping, VtImportField, i) == VT_IMPORT_FIELD_NAME_VI;
  if (!has_name)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No column of the file holds the company name (for example “Tên doanh nghiệp”, “업체명” or “Company name”)."));
      return 1;
    }

  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  store = vt_store_open_sync (database_path, VT_STORE_OPEN_CREATE, NULL, error);
  if (store == NULL)
    return 1;
  provinces = vt_store_list_provinces_sync (store, NULL, error);
  if (provinces == NULL)
    return 1;

  batch = vt_import_batch_new (table, mapping, provinces);
  summary = vt_store_import_suppliers_sync (store, batch, policy, FALSE, NULL, error);
  if (summary == NULL)
    return 1;

  if (table->format == VT_IMPORT_FORMAT_CSV)
    g_print (_("Encoding: %s\n"), vt_encoding_get_label (table->encoding));
  print_count (C_("import result", "Imported"), summary->imported);
  print_count (C_("import result", "Updated"), summary->updated);
  print_count (C_("import result", "Skipped"), summary->skipped);
  print_count (C_("import result", "Rejected"), summary->rejected);
  for (guint i = 0; i < summary->issues->len; i++)
    print_issue (g_ptr_array_index (summary->issues, i));
  return 0;
}

/**
 * vt_command_export:
 * @database_path: (nullable): the database; %NULL for the default
 * @file: where to write; ".csv" or ".xlsx"
 *
 * Writes every supplier, sorted by name.
 *
 * Returns: the exit status
 */
int
vt_command_export (const char  *database_path,
                   const char  *file,
                   GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  VtExportFormat format;

  if (!vt_export_format_from_path (file, &format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Cannot tell the format of “%s”: name it .csv or .xlsx."), file);
      return 1;
    }
  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  store = vt_store_open_sync (database_path, VT_STORE_OPEN_READ_ONLY, NULL, error);
  if (store == NULL)
    return 1;
  suppliers = vt_store_export_suppliers_sync (store, query, NULL, error);
  if (suppliers == NULL)
    return 1;
  provinces = vt_store_list_provinces_sync (store, NULL, error);
  if (provinces == NULL || !vt_export_write (suppliers, provinces, file, format, error))
    return 1;
  print_count (_("Suppliers exported"), suppliers->len);
  return 0;
}

/**
 * vt_command_backup:
 * @database_path: (nullable): the database; %NULL for vt_store_default_path()
 * @file: where to write the backup
 *
 * Copies the database to @file while others may go on using it, and
 * checks the copy.
 *
 * Returns: the process exit status: 0 on success, 1 with @error set
 */
int
vt_command_backup (const char  *database_path,
                   const char  *file,
                   GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(VtStore) store = NULL;

  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  store = vt_store_open_sync (database_path, VT_STORE_OPEN_NONE, NULL, error);
  if (store == NULL || !vt_store_backup_sync (store, file, NULL, error))
    return 1;
  g_print (_("Backed up to “%s” and checked.\n"), file);
  return 0;
}

/* A database that cannot be opened at all is moved into the backups
 * folder as it is, with its journal files, so that nothing is deleted,
 * and an empty one takes its place for the restore. */
static gboolean
move_aside (const char  *database_path,
            const char  *moved_path,
            GError     **error)
{
  static const char *const companions[] = { "-wal", "-journal" };
  g_autofree char *dir = g_path_get_dirname (moved_path);
  g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_rename (database_path, moved_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO,
                   _("The damaged database could not be moved to “%s”: %s. Nothing was restored."),
                   moved_path, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (database_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (moved_path, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  g_unlink (shm);
  return TRUE;
}

/**
 * vt_command_restore:
 * @database_path: (nullable): the database; %NULL for vt_store_default_path()
 * @file: the backup to restore
 * @backups_dir: (nullable): where to keep the data as it was before;
 *   %NULL for vt_backup_dir_for_database()
 *
 * Checks @file, keeps a copy of the current database in @backups_dir,
 * then replaces the database with @file. A database too damaged to open
 * is moved into @backups_dir instead. On failure nothing is changed.
 *
 * Returns: the process exit status: 0 on success, 1 with @error set
 */
int
vt_command_restore (const char  *database_path,
                    const char  *file,
                    const char  *backups_dir,
                    GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *default_dir = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) open_error = NULL;
  g_autoptr(VtStore) store = NULL;

  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  if (backups_dir == NULL)
    backups_dir = default_dir = vt_backup_dir_for_database (database_path);
  safety = vt_backup_new_path (backups_dir, VT_BACKUP_BEFORE_RESTORE, now);

  if (!vt_sqlite_check_backup_file (file, NULL, error))
    return 1;

  store = vt_store_open_sync (database_path, VT_STORE_OPEN_CREATE, NULL, &open_error);
  if (store == NULL)
    {
      if (!g_error_matches (open_error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT)
          && !g_error_matches (open_error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE)
          && !g_error_matches (open_error, VT_STORE_ERROR, VT_STORE_ERROR_UNTRUSTED))
        {
          g_propagate_error (error, g_steal_pointer (&open_error));
          return 1;
        }
      if (!move_aside (database_path, safety, error))
        return 1;
      store = vt_store_open_sync (database_path, VT_STORE_OPEN_CREATE, NULL, error);
      if (store == NULL || !vt_store_restore_sync (store, file, NULL, NULL, error))
        return 1;
    }
  else if (!vt_store_restore_sync (store, file, safety, NULL, error))
    return 1;

  g_print (_("Restored from “%s”. The data as it was before is kept in “%s”.\n"), file, safety);
  return 0;
}

/**
 * vt_command_setup_server:
 * @conninfo: a connection to the server as the database's owner
 *
 * --setup-server: builds the schema on the server and creates the roles
 * people's accounts are given (see vt_pg_setup_server()).
 *
 * Returns: the process exit status
 */
int
vt_command_setup_server (const char  *conninfo,
                         GError     **error)
{
#if HAVE_LIBPQ
  if (!vt_pg_setup_server (conninfo, error))
    return 1;
  g_print ("%s\n", _("The database on the server is ready, with the roles vitask_editor and vitask_viewer. "
                     "Give a person access with “GRANT vitask_editor TO name;” or “GRANT vitask_viewer TO name;”."));
  return 0;
#else
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                       _("This build of VITASK Suppliers cannot use a database server."));
  return 1;
#endif
}
