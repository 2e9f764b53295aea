/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-help.h: which help page explains a screen, and how to open it.
 *
 * Outside a sandbox the help opens in Yelp (help:vitask-suppliers/PAGE).
 * Inside Flatpak the host's Yelp cannot see the app's files, so the app
 * opens the HTML made from the same pages at build time, through the
 * OpenURI portal. The choices are plain functions, tested without a
 * display; only vt_help_show() needs GTK.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

const char  *vt_help_page_for_screen (const char         *screen);
const char * const *vt_help_get_screens (void);
char        *vt_help_find_html       (const char         *html_dir,
                                      const char         *page,
                                      const char * const *languages);
char        *vt_help_uri             (const char         *page,
                                      const char         *html_dir,
                                      const char * const *languages);
const char  *vt_help_html_dir        (void);
void         vt_help_show            (GtkWindow          *parent,
                                      const char         *screen);

G_END_DECLS
