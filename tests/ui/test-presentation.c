/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presentation.c: the keys of a presentation, and the presentation
 * window on the sample round under Xvfb: step through every slide, take
 * a picture of each, hide the scores, swap the languages, leave with Esc.
 *
 * Set VT_TEST_SCREENSHOT_DIR to keep the pictures. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "../core/vt-test-util.h"
#include "vt-bilingual.h"
#include "vt-presentation-state.h"
#include "vt-presentation-window.h"
#include "vt-sample-data.h"

static void
test_keys (void)
{
  /* What clickers and keyboards send. */
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Page_Down, 0), ==, VT_SLIDE_MOVE_NEXT);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Right, 0), ==, VT_SLIDE_MOVE_NEXT);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Down, 0), ==, VT_SLIDE_MOVE_NEXT);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_space, 0), ==, VT_SLIDE_MOVE_NEXT);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_space, GDK_SHIFT_MASK), ==, VT_SLIDE_MOVE_PREVIOUS);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Page_Up, 0), ==, VT_SLIDE_MOVE_PREVIOUS);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Left, 0), ==, VT_SLIDE_MOVE_PREVIOUS);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_BackSpace, 0), ==, VT_SLIDE_MOVE_PREVIOUS);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Home, 0), ==, VT_SLIDE_MOVE_FIRST);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_End, 0), ==, VT_SLIDE_MOVE_LAST);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Escape, 0), ==, VT_SLIDE_MOVE_LEAVE);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_a, 0), ==, VT_SLIDE_MOVE_NONE);
  /* The application's shortcuts keep Control and Alt. */
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Right, GDK_CONTROL_MASK), ==, VT_SLIDE_MOVE_NONE);
  g_assert_cmpint (vt_slide_move_for_key (GDK_KEY_Left, GDK_ALT_MASK), ==, VT_SLIDE_MOVE_NONE);

  /* It stops at both ends rather than wrapping. */
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_NEXT, 0, 5), ==, 1);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_NEXT, 4, 5), ==, 4);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_PREVIOUS, 0, 5), ==, 0);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_PREVIOUS, 3, 5), ==, 2);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_LAST, 1, 5), ==, 4);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_FIRST, 3, 5), ==, 0);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_NONE, 3, 5), ==, 3);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_NEXT, 9, 5), ==, 4);
  g_assert_cmpuint (vt_slide_move_apply (VT_SLIDE_MOVE_NEXT, 0, 0), ==, 0);

  g_assert_cmpstr (vt_presentation_other_language ("ko"), ==, "vi");
  g_assert_cmpstr (vt_presentation_other_language ("vi"), ==, "ko");
  g_assert_cmpstr (vt_presentation_other_language ("en"), ==, "ko");
}

static void
wait_for (gboolean (*ready) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!ready (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_loaded (gpointer data)
{
  return vt_presentation_window_get_n_slides (data) > 0 && gtk_widget_get_mapped (data);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 150 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A picture of the window as it is on screen; fails when it is one flat
 * colour (nothing drawn). */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("VT_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  guint32 first;
  gboolean flat = TRUE;

  /* A loaded machine may not have drawn the window yet. */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      GtkSnapshot *attempt = gtk_snapshot_new ();

      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (attempt), width, height);
      node = gtk_snapshot_free_to_node (attempt);
      if (node == NULL)
        settle ();
    }
  g_assert_nonnull (node);
  stride = (gsize) width * 4;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  first = *(guint32 *) pixels;
  for (gsize i = 0; flat && i < stride * height; i += 4 * 97)
    flat = *(guint32 *) (pixels + i) == first;
  g_assert_false (flat);

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
}

static void
test_present (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  VtPresentationWindow *window;
  gpointer alive;
  guint n;
  const char *primary;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);

  window = vt_presentation_window_new (NULL, store, 0);
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_loaded, window);

  n = vt_presentation_window_get_n_slides (window);
  g_assert_cmpuint (n, ==, 7 + VT_SAMPLE_FINALISTS);
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, 0);

  /* Step through every slide with the clicker's key, a picture of each. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("presentation-%02u.png", i + 1);

      g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, i);
      settle ();
      screenshot (GTK_WIDGET (window), name);
      g_assert_true (vt_presentation_window_press_key (window, GDK_KEY_Page_Down, 0));
    }
  /* The last slide stays. */
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, n - 1);

  g_assert_true (vt_presentation_window_press_key (window, GDK_KEY_Home, 0));
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, 0);
  vt_presentation_window_press_key (window, GDK_KEY_Right, 0);
  vt_presentation_window_press_key (window, GDK_KEY_space, 0);
  vt_presentation_window_press_key (window, GDK_KEY_Down, 0);
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, 3);
  vt_presentation_window_press_key (window, GDK_KEY_Left, 0);
  vt_presentation_window_press_key (window, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, 1);
  vt_presentation_window_press_key (window, GDK_KEY_End, 0);
  g_assert_cmpuint (vt_presentation_window_get_slide (window), ==, n - 1);
  g_assert_false (vt_presentation_window_press_key (window, GDK_KEY_q, 0));

  /* The ranking with and without the scores. */
  vt_presentation_window_press_key (window, GDK_KEY_Home, 0);
  for (guint i = 0; i < 4; i++)
    vt_presentation_window_press_key (window, GDK_KEY_Page_Down, 0);
  g_assert_false (vt_presentation_window_get_hide_sensitive (window));
  g_assert_true (vt_presentation_window_press_key (window, GDK_KEY_h, 0));
  g_assert_true (vt_presentation_window_get_hide_sensitive (window));
  settle ();
  screenshot (GTK_WIDGET (window), "presentation-hidden.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "slides.hide-sensitive", NULL);
  g_assert_false (vt_presentation_window_get_hide_sensitive (window));

  /* The other language in large type, and back. */
  primary = vt_presentation_window_get_language (window);
  g_assert_cmpstr (primary, ==, "ko");
  g_assert_true (vt_presentation_window_press_key (window, GDK_KEY_l, 0));
  g_assert_cmpstr (vt_presentation_window_get_language (window), ==, "vi");
  settle ();
  screenshot (GTK_WIDGET (window), "presentation-vi-first.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "slides.swap-languages", NULL);
  g_assert_cmpstr (vt_presentation_window_get_language (window), ==, "ko");

  /* Esc leaves. */
  g_assert_true (vt_presentation_window_press_key (window, GDK_KEY_Escape, 0));
  wait_for (is_gone, &alive);
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("VT_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (build_root);
  localedir = g_build_filename (build_root, "po", NULL);
  vt_bilingual_set_localedir (localedir);

  g_test_add_func ("/ui/presentation/keys", test_keys);
  g_test_add ("/ui/presentation/present", Fixture, NULL, fixture_set_up, test_present, fixture_tear_down);

  return g_test_run ();
}
