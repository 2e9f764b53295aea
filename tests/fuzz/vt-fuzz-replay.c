/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-fuzz-replay.c: runs a fuzz target on every file of the folders
 * given, without libFuzzer; a crash, a sanitizer report or a hang (the
 * test's timeout) fails the test. */

#include "config.h"

#include <glib.h>

#include "vt-fuzz.h"

int
main (int   argc,
      char *argv[])
{
  guint files = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, &error))
            g_error ("%s", error->message);
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          files++;
        }
    }
  g_print ("%u inputs replayed\n", files);
  return files > 0 ? 0 : 1;
}
