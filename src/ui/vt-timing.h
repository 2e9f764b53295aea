/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-timing.h: opt-in timestamps for the benchmarks (bench/vt-bench.py).
 *
 * With VT_TIMING set in the environment the app prints lines
 *
 *   vt-timing EVENT MICROSECONDS [DETAIL]
 *
 * on stderr, MICROSECONDS on the monotonic clock (CLOCK_MONOTONIC, the
 * clock a parent process reads to time the start-up). Events: first-frame
 * (after the first paint of a window), search (the search entry asks for
 * a new list), list-updated (the supplier list model changed),
 * first-page-drawn (the paint after the first rows), scrolled-end.
 * VT_TIMING is a comma-separated list of words:
 *
 *   marks        print the events only
 *   quit-first   quit after the first frame
 *   quit-page    quit after the first page of the list is drawn
 *   search       type the '|'-separated terms of VT_TIMING_SEARCH into
 *                the search entry, one character at a time, waiting for
 *                the list after each, then quit
 *   scroll       scroll the supplier list to its end, print the peak
 *                resident memory (VmHWM) and quit
 *
 * Without VT_TIMING nothing is connected and nothing is printed.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean vt_timing_enabled           (void);
gboolean vt_timing_has               (const char   *word);
void     vt_timing_mark              (const char   *event,
                                      const char   *detail);
void     vt_timing_watch_window      (GtkWindow    *window);
void     vt_timing_watch_list        (GtkWidget    *list_view,
                                      GtkEditable  *search_entry,
                                      GListModel   *model);

G_END_DECLS
