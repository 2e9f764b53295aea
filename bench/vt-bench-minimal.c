/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-minimal.c: the smallest libadwaita app with a window, the
 * yardstick for the app's start-up (bench/vt-bench.py).
 *
 * An AdwApplicationWindow with a header bar and a status page, timed with
 * the same hook as the app (vt-timing.c): run with VT_TIMING=quit-first
 * and it prints "vt-timing first-frame MICROSECONDS" after its first
 * frame, then quits.
 */

#include "config.h"

#include <adwaita.h>

#include "vt-timing.h"

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Minimal");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  vt_timing_watch_window (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("vn.vitask.BenchMinimal", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
