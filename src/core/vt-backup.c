/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-backup.c: the backups folder of a database and its daily rotation.
 *
 * Each database has a folder of its own in the user's data folder, so
 * that the backups of two databases never rotate each other out. The date
 * is in the file name, not taken from the file's times, which copying
 * to another disk changes.
 */

#define G_LOG_DOMAIN "vt-backup"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vt-backup.h"
#include "vt-error.h"

#define SUFFIX ".db"

static const char *const prefixes[] = {
  [VT_BACKUP_DAILY] = "daily-",
  [VT_BACKUP_BEFORE_RESTORE] = "before-restore-",
};

static void
vt_backup_info_clear (VtBackupInfo *self)
{
  g_free (self->path);
  g_clear_pointer (&self->created, g_date_time_unref);
}

VT_DEFINE_RC_BOXED (VtBackupInfo, vt_backup_info, vt_backup_info_clear)

/**
 * vt_backup_dir_for_database:
 * @database_path: the database file
 *
 * Returns: (transfer full): the folder of @database_path's backups:
 *   $XDG_DATA_HOME/vitask-suppliers/backups/NAME-HASH, where NAME is the
 *   file's name and HASH tells apart files of the same name
 */
char *
vt_backup_dir_for_database (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, database_path, -1);
  g_autofree char *folder = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  hash[8] = '\0';
  folder = g_strdup_printf ("%s-%s", base, hash);
  return g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "backups", folder, NULL);
}

/**
 * vt_backup_file_name:
 * @kind: why the backup is made
 * @when: when, in local time
 *
 * Returns: (transfer full): e.g. "daily-2026-11-23-091500.db"; names
 *   sort in the order they were made
 */
char *
vt_backup_file_name (VtBackupKind  kind,
                     GDateTime    *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");

  g_return_val_if_fail (kind <= VT_BACKUP_BEFORE_RESTORE, NULL);
  return g_strconcat (prefixes[kind], stamp, SUFFIX, NULL);
}

/**
 * vt_backup_new_path:
 * @dir: the backups folder
 * @kind: why the backup is made
 * @when: when, in local time
 *
 * Returns: (transfer full): a path in @dir named after @when (or the
 *   first free second after it) that no file has yet, so that a backup
 *   never replaces an earlier one
 */
char *
vt_backup_new_path (const char   *dir,
                    VtBackupKind  kind,
                    GDateTime    *when)
{
  g_autoptr(GDateTime) t = g_date_time_ref (when);

  for (;;)
    {
      g_autofree char *name = vt_backup_file_name (kind, t);
      char *path = g_build_filename (dir, name, NULL);
      GDateTime *next;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
      next = g_date_time_add_seconds (t, 1);
      g_date_time_unref (t);
      t = next;
    }
}

/**
 * vt_backup_info_from_name:
 * @dir: the backups folder
 * @name: a file name in it
 *
 * Returns: (transfer full) (nullable): the backup, or %NULL when @name is
 *   not one of ours
 */
VtBackupInfo *
vt_backup_info_from_name (const char *dir,
                          const char *name)
{
  g_autoptr(VtBackupInfo) info = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  int y, mo, d, h, mi, s;
  char end[8];
  GStatBuf st;

  for (guint kind = 0; kind < G_N_ELEMENTS (prefixes); kind++)
    {
      const char *stamp;

      if (!g_str_has_prefix (name, prefixes[kind]) || !g_str_has_suffix (name, SUFFIX))
        continue;
      stamp = name + strlen (prefixes[kind]);
      /* Exactly "YYYY-MM-DD-HHMMSS.db", nothing after. */
      if (strlen (stamp) != strlen ("2026-01-01-000000" SUFFIX)
          || sscanf (stamp, "%4d-%2d-%2d-%2d%2d%2d%3s", &y, &mo, &d, &h, &mi, &s, end) != 7
          || !g_str_equal (end, SUFFIX))
        return NULL;

      info = g_rc_box_new0 (VtBackupInfo);
      info->kind = kind;
      info->created = g_date_time_new (local, y, mo, d, h, mi, s);
      if (info->created == NULL)
        return NULL;
      info->path = g_build_filename (dir, name, NULL);
      if (g_stat (info->path, &st) == 0)
        info->size = st.st_size;
      return g_steal_pointer (&info);
    }
  return NULL;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const VtBackupInfo *x = *(VtBackupInfo * const *) a;
  const VtBackupInfo *y = *(VtBackupInfo * const *) b;

  return g_date_time_compare (y->created, x->created);
}

/**
 * vt_backup_list:
 * @dir: the backups folder, which need not exist
 *
 * Returns: (transfer container) (element-type VtBackupInfo): the backups
 *   in @dir, newest first; files of other names are left out
 */
GPtrArray *
vt_backup_list (const char *dir)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_backup_info_unref);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      VtBackupInfo *info = vt_backup_info_from_name (dir, name);

      if (info != NULL)
        g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return list;
}

/**
 * vt_backup_is_due:
 * @backups: (element-type VtBackupInfo): from vt_backup_list()
 * @now: the time now
 *
 * Returns: %TRUE when no daily backup was made on @now's day (local
 *   time): the first start of a day, or an app still running after
 *   midnight
 */
gboolean
vt_backup_is_due (GPtrArray *backups,
                  GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  for (guint i = 0; i < backups->len; i++)
    {
      VtBackupInfo *info = g_ptr_array_index (backups, i);
      int by, bm, bd;

      if (info->kind != VT_BACKUP_DAILY)
        continue;
      g_date_time_get_ymd (info->created, &by, &bm, &bd);
      if (by == y && bm == m && bd == d)
        return FALSE;
    }
  return TRUE;
}

/**
 * vt_backup_rotate:
 * @dir: the backups folder
 * @keep: how many of each kind to keep (at least 1)
 *
 * Deletes all but the newest @keep daily backups, and all but the newest
 * @keep taken before a restore. Other files are never touched.
 *
 * Returns: how many were deleted; with @error set if one could not be
 */
guint
vt_backup_rotate (const char  *dir,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = vt_backup_list (dir);
  guint seen[G_N_ELEMENTS (prefixes)] = { 0 };
  guint deleted = 0;

  keep = MAX (keep, 1);
  for (guint i = 0; i < backups->len; i++)
    {
      VtBackupInfo *info = g_ptr_array_index (backups, i);

      if (++seen[info->kind] <= keep)
        continue;
      if (g_unlink (info->path) != 0)
        {
          int saved_errno = errno;

          if (error != NULL && *error == NULL)
            g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO,
                         _("The old backup “%s” could not be deleted: %s."),
                         info->path, g_strerror (saved_errno));
          continue;
        }
      deleted++;
    }
  return deleted;
}
