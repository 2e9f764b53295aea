/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-command.h: the command-line actions of the core (no window). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VtCommandFlags:
 * @VT_COMMAND_CREATE: create the database if it does not exist
 * @VT_COMMAND_SAMPLE_DATA: add the sample round
 * @VT_COMMAND_CHECK: run the integrity check and report the schema version
 * @VT_COMMAND_COUNTS: print how many suppliers, rounds, ... there are
 */
typedef enum /*< flags >*/
{
  VT_COMMAND_NONE = 0,
  VT_COMMAND_CREATE = 1 << 0,
  VT_COMMAND_SAMPLE_DATA = 1 << 1,
  VT_COMMAND_CHECK = 1 << 2,
  VT_COMMAND_COUNTS = 1 << 3,
} VtCommandFlags;

int vt_command_run (const char      *database_path,
                    VtCommandFlags   flags,
                    GError         **error);

int vt_command_import (const char  *database_path,
                       const char  *file,
                       const char  *encoding,
                       const char  *duplicates,
                       GError     **error);
int vt_command_export (const char  *database_path,
                       const char  *file,
                       GError     **error);
int vt_command_backup (const char  *database_path,
                       const char  *file,
                       GError     **error);
int vt_command_restore (const char  *database_path,
                        const char  *file,
                        const char  *backups_dir,
                        GError     **error);
int vt_command_setup_server (const char  *conninfo,
                             GError     **error);

G_END_DECLS
