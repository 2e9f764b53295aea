/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-round-plan.c: proposing the second visits, with worked examples:
 * the top N, ties at the cut, knock-outs, missing assessments. */

#include "config.h"

#include <locale.h>

#include "vt-round-plan.h"

typedef struct
{
  const char *name;
  double      index;
  gboolean    knockout;
} Candidate;

static GArray *
entries_new (const Candidate *candidates,
             guint            n)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (VtPlanEntry));

  for (guint i = 0; i < n; i++)
    {
      VtPlanEntry e = { (gpointer) candidates[i].name, candidates[i].index, candidates[i].knockout, 99, TRUE, 99 };

      g_array_append_val (entries, e);
    }
  return entries;
}

/* "name rank proposed note" for each entry, in order: one line to
 * compare with the worked example. */
static char *
describe (GArray *entries)
{
  GString *s = g_string_new (NULL);
  static const char * const notes[] = { "-", "tie", "ko", "na" };

  for (guint i = 0; i < entries->len; i++)
    {
      const VtPlanEntry *e = &g_array_index (entries, VtPlanEntry, i);

      g_string_append_printf (s, "%s%s %u %s %s", i ? ", " : "", (const char *) e->data, e->rank,
                              e->proposed ? "yes" : "no", notes[e->note]);
    }
  return g_string_free (s, FALSE);
}

static void
check (const Candidate *candidates,
       guint            n,
       guint            target,
       guint            expected_proposed,
       const char      *expected)
{
  g_autoptr(GArray) entries = entries_new (candidates, n);
  g_autofree char *text = NULL;

  g_assert_cmpuint (vt_round_plan_propose (entries, target), ==, expected_proposed);
  g_assert_cmpuint (vt_round_plan_count_proposed (entries), ==, expected_proposed);
  text = describe (entries);
  g_assert_cmpstr (text, ==, expected);
}

/* Six first visits, three places: the best three, the unassessed last. */
static void
test_top_n (void)
{
  static const Candidate c[] = {
    { "An", 75 }, { "Binh", -1 }, { "Cuong", 90 }, { "Dung", 80 }, { "Giang", 70 }, { "Ha", 85 },
  };

  check (c, G_N_ELEMENTS (c), 3, 3,
         "Cuong 1 yes -, Ha 2 yes -, Dung 3 yes -, An 4 no -, Giang 5 no -, Binh 0 no na");
}

/* Two places, three suppliers at 80 for the second: all three are
 * proposed and marked, so staff choose; nobody is dropped by the order
 * of their names. */
static void
test_tie_at_cut (void)
{
  static const Candidate c[] = {
    { "An", 80 }, { "Binh", 90 }, { "Cuong", 80 }, { "Dung", 70 }, { "Giang", 80 },
  };

  check (c, G_N_ELEMENTS (c), 2, 4,
         "Binh 1 yes -, An 2 yes tie, Cuong 2 yes tie, Giang 2 yes tie, Dung 5 no -");
}

/* A tie inside the list is no decision for staff: not marked. */
static void
test_tie_inside (void)
{
  static const Candidate c[] = {
    { "An", 90 }, { "Binh", 70 }, { "Cuong", 90 }, { "Dung", 80 },
  };

  check (c, G_N_ELEMENTS (c), 3, 3,
         "An 1 yes -, Cuong 1 yes -, Dung 3 yes -, Binh 4 no -");
}

/* Indexes are shown to one decimal: 79.97 and 80.0 both read "80.0", so
 * they tie; 79.9 does not. */
static void
test_tie_rounding (void)
{
  static const Candidate tie[] = { { "An", 80.0 }, { "Binh", 79.97 }, { "Cuong", 60 } };
  static const Candidate no_tie[] = { { "An", 80.0 }, { "Binh", 79.9 }, { "Cuong", 60 } };

  check (tie, G_N_ELEMENTS (tie), 1, 2, "An 1 yes tie, Binh 1 yes tie, Cuong 3 no -");
  check (no_tie, G_N_ELEMENTS (no_tie), 1, 1, "An 1 yes -, Binh 2 no -, Cuong 3 no -");
}

/* The best index has a knock-out: ranked after the others, not proposed
 * while there are enough others, and said why. */
static void
test_knockout (void)
{
  static const Candidate c[] = {
    { "An", 95, TRUE }, { "Binh", 65 }, { "Cuong", 85 }, { "Dung", 75 },
  };

  check (c, G_N_ELEMENTS (c), 2, 2,
         "Cuong 1 yes -, Dung 2 yes -, Binh 3 no -, An 4 no ko");
}

/* Too few clean candidates: a knock-out fills a place, the unassessed
 * never do. */
static void
test_too_few (void)
{
  static const Candidate c[] = {
    { "An", -1 }, { "Binh", 70, TRUE }, { "Cuong", 80 },
  };

  check (c, G_N_ELEMENTS (c), 3, 2,
         "Cuong 1 yes -, Binh 2 yes ko, An 0 no na");
}

/* No target: nothing proposed, the ranking still shown. */
static void
test_no_target (void)
{
  static const Candidate c[] = { { "An", 70 }, { "Binh", 80 } };
  g_autoptr(GArray) empty = g_array_new (FALSE, TRUE, sizeof (VtPlanEntry));

  check (c, G_N_ELEMENTS (c), 0, 0, "Binh 1 no -, An 2 no -");
  g_assert_cmpuint (vt_round_plan_propose (empty, 5), ==, 0);
}

/* The sample round's story: 24 first visits, 16 places. */
static void
test_round_story (void)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (VtPlanEntry));
  guint n;

  for (guint i = 0; i < 24; i++)
    {
      VtPlanEntry e = { GUINT_TO_POINTER (i + 1), 40 + i * 2.5, i == 23, 0, FALSE, 0 };

      g_array_append_val (entries, e);
    }
  n = vt_round_plan_propose (entries, 16);
  g_assert_cmpuint (n, ==, 16);
  /* The best clean one (index 95) first, the knock-out (97.5) last. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_array_index (entries, VtPlanEntry, 0).data), ==, 23);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_array_index (entries, VtPlanEntry, 23).data), ==, 24);
  g_assert_false (g_array_index (entries, VtPlanEntry, 23).proposed);
  /* The 16th is index 95 - 15 × 2.5 = 57.5; the 17th is out. */
  g_assert_cmpfloat (g_array_index (entries, VtPlanEntry, 15).index, ==, 57.5);
  g_assert_true (g_array_index (entries, VtPlanEntry, 15).proposed);
  g_assert_false (g_array_index (entries, VtPlanEntry, 16).proposed);
}

static void
test_note_names (void)
{
  g_assert_null (vt_plan_note_get_display_name (VT_PLAN_NOTE_NONE));
  g_assert_cmpstr (vt_plan_note_get_display_name (VT_PLAN_NOTE_TIE), ==, "Tied at the cut");
  g_assert_cmpstr (vt_plan_note_get_display_name (VT_PLAN_NOTE_NOT_ASSESSED), ==, "Not assessed yet");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/round-plan/top-n", test_top_n);
  g_test_add_func ("/core/round-plan/tie-at-cut", test_tie_at_cut);
  g_test_add_func ("/core/round-plan/tie-inside", test_tie_inside);
  g_test_add_func ("/core/round-plan/tie-rounding", test_tie_rounding);
  g_test_add_func ("/core/round-plan/knockout", test_knockout);
  g_test_add_func ("/core/round-plan/too-few", test_too_few);
  g_test_add_func ("/core/round-plan/no-target", test_no_target);
  g_test_add_func ("/core/round-plan/round-story", test_round_story);
  g_test_add_func ("/core/round-plan/note-names", test_note_names);
  return g_test_run ();
}
