/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-timing.c: opt-in timestamps for the benchmarks; see vt-timing.h. */
#define G_LOG_DOMAIN "vt-timing"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt-timing.h"

/* How long the search driver waits for a list that does not change (the
 * same text twice, say) before it types on. */
#define STALL_MS 15000

typedef struct
{
  GtkWindow   *window;
  GtkWidget   *list_view;
  GtkEditable *entry;
  GListModel  *model;
  GStrv        terms;
  guint        term;
  guint        chars;           /* characters of the term typed so far */
  guint        stall_id;
  gint64       last_change;
  guint        first_frame_seen : 1;
  guint        first_page_seen : 1;
  guint        page_paint_wanted : 1;
  guint        waiting : 1;
  guint        driving : 1;
} Timing;

static Timing timing;

gboolean
vt_timing_enabled (void)
{
  const char *env = g_getenv ("VT_TIMING");

  return env != NULL && env[0] != '\0';
}

gboolean
vt_timing_has (const char *word)
{
  g_auto(GStrv) words = NULL;

  if (!vt_timing_enabled ())
    return FALSE;
  words = g_strsplit (g_getenv ("VT_TIMING"), ",", -1);
  return g_strv_contains ((const char * const *) words, word);
}

void
vt_timing_mark (const char *event,
                const char *detail)
{
  if (!vt_timing_enabled ())
    return;
  /* One write per line, so that lines never interleave. */
  fprintf (stderr, "vt-timing %s %" G_GINT64_FORMAT "%s%s\n", event, g_get_monotonic_time (),
           detail ? " " : "", detail ? detail : "");
  fflush (stderr);
}

static void
quit (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_quit (app);
  else if (timing.window != NULL)
    gtk_window_destroy (timing.window);
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (!timing.first_frame_seen)
    {
      g_autofree char *detail = g_strdup_printf ("vmhwm_kib=%ld", peak_rss_kib ());

      timing.first_frame_seen = TRUE;
      vt_timing_mark ("first-frame", detail);
      if (vt_timing_has ("quit-first"))
        quit ();
    }
  if (timing.page_paint_wanted)
    {
      timing.page_paint_wanted = FALSE;
      vt_timing_mark ("first-page-drawn", NULL);
      if (vt_timing_has ("quit-page"))
        quit ();
    }
}

static void
on_map (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

/**
 * vt_timing_watch_window:
 *
 * Marks the first frame of @window (the first window watched).
 */
void
vt_timing_watch_window (GtkWindow *window)
{
  if (!vt_timing_enabled () || timing.window != NULL)
    return;
  timing.window = window;
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

/* Scrolling ---------------------------------------------------------------- */

static gboolean
scroll_step (gpointer user_data)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timing.list_view));
  guint n = g_list_model_get_n_items (timing.model);
  guint64 total = 0;
  gboolean loading = FALSE;

  g_object_get (timing.model, "total", &total, "loading", &loading, NULL);
  if ((n >= total && !loading) || g_get_monotonic_time () - timing.last_change > STALL_MS * 1000)
    {
      g_autofree char *detail = g_strdup_printf ("items=%u total=%" G_GUINT64_FORMAT " vmhwm_kib=%ld",
                                                 n, total, peak_rss_kib ());

      vt_timing_mark ("scrolled-end", detail);
      quit ();
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  return G_SOURCE_CONTINUE;
}

/* Searching ---------------------------------------------------------------- */

static void type_next (void);

static gboolean
stalled (gpointer user_data)
{
  timing.stall_id = 0;
  vt_timing_mark ("stalled", gtk_editable_get_text (timing.entry));
  timing.waiting = FALSE;
  type_next ();
  return G_SOURCE_REMOVE;
}

static gboolean
type_next_cb (gpointer user_data)
{
  type_next ();
  return G_SOURCE_REMOVE;
}

/* Types one more character of the current term, or clears the entry after
 * the last one, and waits for the list. */
static void
type_next (void)
{
  const char *term;
  glong len;

  if (timing.terms == NULL || timing.terms[timing.term] == NULL)
    {
      vt_timing_mark ("search-done", NULL);
      quit ();
      return;
    }
  term = timing.terms[timing.term];
  len = g_utf8_strlen (term, -1);
  if (timing.chars < (guint) len)
    {
      /* One character inserted at the end, as typing does (setting the
       * whole text would first clear the entry, a search of its own). */
      const char *from = g_utf8_offset_to_pointer (term, timing.chars);
      const char *to = g_utf8_next_char (from);
      int position = -1;

      timing.chars++;
      gtk_editable_set_position (timing.entry, -1);
      position = gtk_editable_get_position (timing.entry);
      gtk_editable_insert_text (timing.entry, from, (int) (to - from), &position);
    }
  else
    {
      timing.term++;
      timing.chars = 0;
      gtk_editable_delete_text (timing.entry, 0, -1);
    }
  timing.waiting = TRUE;
  g_clear_handle_id (&timing.stall_id, g_source_remove);
  timing.stall_id = g_timeout_add (STALL_MS, stalled, NULL);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  g_autofree char *detail = g_strdup_printf ("%u", g_list_model_get_n_items (model));

  timing.last_change = g_get_monotonic_time ();
  vt_timing_mark ("list-updated", detail);

  if (!timing.first_page_seen)
    {
      timing.first_page_seen = TRUE;
      timing.page_paint_wanted = TRUE;
      if (vt_timing_has ("scroll"))
        g_timeout_add (1, scroll_step, NULL);
      if (vt_timing_has ("search") && !timing.driving)
        {
          const char *terms = g_getenv ("VT_TIMING_SEARCH");

          timing.driving = TRUE;
          timing.terms = g_strsplit (terms ? terms : "cong ty|dien tu", "|", -1);
          g_timeout_add (500, type_next_cb, NULL);
        }
      return;
    }

  if (timing.driving && timing.waiting && position == 0)
    {
      /* A new first page: the answer to the last keystroke. Type on once
       * it has been drawn. */
      timing.waiting = FALSE;
      g_clear_handle_id (&timing.stall_id, g_source_remove);
      g_timeout_add (30, type_next_cb, NULL);
    }
}

static void
on_replaced (GListModel *model)
{
  on_items_changed (model, 0, 0, 0);
}

/**
 * vt_timing_watch_list:
 * @list_view: the scrollable list of suppliers
 * @search_entry: the entry whose text searches them
 * @model: the list's model, with "total" and "loading" properties, and
 *   optionally a "replaced" signal
 */
void
vt_timing_watch_list (GtkWidget   *list_view,
                      GtkEditable *search_entry,
                      GListModel  *model)
{
  if (!vt_timing_enabled () || timing.model != NULL)
    return;
  timing.list_view = list_view;
  timing.entry = search_entry;
  timing.model = model;
  timing.last_change = g_get_monotonic_time ();
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), NULL);
  /* A model that puts new answers into the rows it has says so. */
  if (g_signal_lookup ("replaced", G_OBJECT_TYPE (model)) != 0)
    g_signal_connect (model, "replaced", G_CALLBACK (on_replaced), NULL);
}
