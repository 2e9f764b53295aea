/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pipeline-state.c: what the supplier list's filters and the
 * pipeline board show, without a display. */
#include "config.h"

#include <locale.h>

#include "vt-board-columns.h"
#include "vt-supplier-filter.h"

static void
test_filter_fields (void)
{
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autofree char *stage = NULL;
  g_autofree char *round = NULL;
  g_autofree char *unnamed_round = NULL;
  g_autofree char *province = NULL;
  g_autofree char *province_code = NULL;

  /* A new query filters nothing. */
  g_assert_cmpuint (vt_filter_count_active (q), ==, 0);
  for (VtFilterField f = 0; f < VT_N_FILTERS; f++)
    g_assert_null (vt_filter_chip_label (q, f, "x", "y"));

  q->round_id = 7;
  q->stage = VT_STAGE_SELECTED;
  q->sector = VT_SECTOR_AUTOMOTIVE;
  q->province_code = g_strdup ("01");
  q->certification = g_strdup ("IATF 16949");
  g_assert_cmpuint (vt_filter_count_active (q), ==, 5);

  stage = vt_filter_chip_label (q, VT_FILTER_STAGE, NULL, NULL);
  g_assert_cmpstr (stage, ==, "Selected");
  round = vt_filter_chip_label (q, VT_FILTER_ROUND, "Vòng 2025", NULL);
  g_assert_cmpstr (round, ==, "Vòng 2025");
  /* Before the rounds are loaded the chip still says something. */
  unnamed_round = vt_filter_chip_label (q, VT_FILTER_ROUND, NULL, NULL);
  g_assert_cmpstr (unnamed_round, ==, "Round 7");
  province = vt_filter_chip_label (q, VT_FILTER_PROVINCE, NULL, "Hà Nội");
  g_assert_cmpstr (province, ==, "Hà Nội");
  province_code = vt_filter_chip_label (q, VT_FILTER_PROVINCE, NULL, NULL);
  g_assert_cmpstr (province_code, ==, "01");

  /* A chip's ✕ clears its filter alone. */
  vt_filter_clear (q, VT_FILTER_STAGE);
  g_assert_false (vt_filter_is_active (q, VT_FILTER_STAGE));
  g_assert_true (vt_filter_is_active (q, VT_FILTER_SECTOR));
  g_assert_cmpuint (vt_filter_count_active (q), ==, 4);

  /* An empty string is no filter. */
  g_free (q->certification);
  q->certification = g_strdup ("");
  g_assert_false (vt_filter_is_active (q, VT_FILTER_CERTIFICATION));

  vt_filter_clear_all (q);
  g_assert_cmpuint (vt_filter_count_active (q), ==, 0);
  g_assert_cmpint (q->stage, ==, -1);
  g_assert_cmpint (q->sector, ==, -1);
  g_assert_null (q->province_code);
}

static void
test_count_text (void)
{
  g_autofree char *one = vt_filter_count_text (1, TRUE, FALSE);
  g_autofree char *many = vt_filter_count_text (100000, TRUE, FALSE);
  g_autofree char *matching = vt_filter_count_text (16, TRUE, TRUE);
  g_autofree char *capped = vt_filter_count_text (1000, FALSE, TRUE);

  g_assert_cmpstr (one, ==, "1 supplier");
  g_assert_cmpstr (many, ==, "100,000 suppliers");
  g_assert_cmpstr (matching, ==, "16 matching suppliers");
  g_assert_cmpstr (capped, ==, "More than 1,000 suppliers");
}

static void
test_target_state (void)
{
  g_assert_cmpint (vt_board_target_state (10, -1), ==, VT_TARGET_NONE);
  g_assert_cmpint (vt_board_target_state (12, 16), ==, VT_TARGET_UNDER);
  g_assert_cmpint (vt_board_target_state (16, 16), ==, VT_TARGET_MET);
  g_assert_cmpint (vt_board_target_state (17, 16), ==, VT_TARGET_OVER);
  g_assert_cmpint (vt_board_target_state (0, 0), ==, VT_TARGET_MET);
  g_assert_cmpstr (vt_board_target_css_class (VT_TARGET_MET), ==, "success");
  g_assert_cmpstr (vt_board_target_css_class (VT_TARGET_OVER), ==, "warning");
  g_assert_null (vt_board_target_css_class (VT_TARGET_UNDER));
}

static const VtBoardColumn *
find_column (GArray  *columns,
             VtStage  stage)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_array_index (columns, VtBoardColumn, i).stage == stage)
      return &g_array_index (columns, VtBoardColumn, i);
  return NULL;
}

/* The sample round: 40 received, 24 to a first visit, 16 selected (the
 * target raised from 12), the others rejected or withdrawn. */
static void
test_round_columns (void)
{
  guint n_here[VT_N_STAGES] = { 0 };
  guint64 reached[VT_N_STAGES] = { 0 };
  int targets[VT_N_STAGES];
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) no_round = NULL;
  const VtBoardColumn *c;
  g_autofree char *received = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *description = NULL;
  g_autofree char *received_progress = NULL;
  g_autofree char *selected_progress = NULL;
  g_autofree char *second_progress = NULL;

  for (guint i = 0; i < VT_N_STAGES; i++)
    targets[i] = -1;
  targets[VT_STAGE_RECEIVED] = 40;
  targets[VT_STAGE_FIRST_VISIT_DONE] = 24;
  targets[VT_STAGE_SELECTED] = 16;
  /* A target on a closed stage makes no sense and is not shown. */
  targets[VT_STAGE_REJECTED] = 5;
  reached[VT_STAGE_RECEIVED] = 40;
  reached[VT_STAGE_FIRST_VISIT_DONE] = 24;
  reached[VT_STAGE_SELECTED] = 12;
  reached[VT_STAGE_REJECTED] = 20;
  n_here[VT_STAGE_SECOND_VISIT_DONE] = 4;
  n_here[VT_STAGE_SELECTED] = 12;
  n_here[VT_STAGE_REJECTED] = 20;
  n_here[VT_STAGE_WITHDRAWN] = 4;

  columns = vt_board_build_columns (n_here, reached, targets);

  /* Every stage up to selected, then rejected and withdrawn last; the
   * stages after selection only once someone is there. */
  g_assert_cmpuint (columns->len, ==, 8);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 0).stage, ==, VT_STAGE_RECEIVED);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 5).stage, ==, VT_STAGE_SELECTED);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 6).stage, ==, VT_STAGE_REJECTED);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 7).stage, ==, VT_STAGE_WITHDRAWN);
  g_assert_null (find_column (columns, VT_STAGE_IN_SUPPORT));

  /* The header's figure counts the cards: every dossier received has
   * moved on, so the column shows none, and its line says the target was
   * met, in the words of the stage. */
  c = find_column (columns, VT_STAGE_RECEIVED);
  g_assert_cmpint (c->state, ==, VT_TARGET_MET);
  received = vt_board_column_count_text (c);
  g_assert_cmpstr (received, ==, "0");
  received_progress = vt_board_column_progress_text (c);
  g_assert_cmpstr (received_progress, ==, "40 received · target 40");

  c = find_column (columns, VT_STAGE_SELECTED);
  g_assert_cmpint (c->state, ==, VT_TARGET_UNDER);
  g_assert_cmpuint (c->n_here, ==, 12);
  selected = vt_board_column_count_text (c);
  g_assert_cmpstr (selected, ==, "12");
  selected_progress = vt_board_column_progress_text (c);
  g_assert_cmpstr (selected_progress, ==, "12 selected · target 16");
  description = vt_board_column_description (c);
  g_assert_cmpstr (description, ==, "12 suppliers are at this stage now. 12 reached it, short of the target of 16.");

  /* No target: only how many got there. */
  c = find_column (columns, VT_STAGE_SECOND_VISIT_DONE);
  g_assert_cmpint (c->state, ==, VT_TARGET_NONE);
  second_progress = vt_board_column_progress_text (c);
  g_assert_cmpstr (second_progress, ==, "0 visited twice");

  /* Dropping out has no target and no progress line. */
  c = find_column (columns, VT_STAGE_REJECTED);
  g_assert_cmpint (c->target, ==, -1);
  g_assert_cmpint (c->state, ==, VT_TARGET_NONE);
  rejected = vt_board_column_count_text (c);
  g_assert_cmpstr (rejected, ==, "20");
  g_assert_null (vt_board_column_progress_text (c));

  /* The board opens on selected, where most of the round is; the 20
   * rejected dossiers do not count. */
  g_assert_cmpuint (vt_board_active_column (columns), ==, 5);

  /* A supplier in support shows its column. */
  n_here[VT_STAGE_IN_SUPPORT] = 1;
  g_clear_pointer (&columns, g_array_unref);
  columns = vt_board_build_columns (n_here, reached, targets);
  g_assert_nonnull (find_column (columns, VT_STAGE_IN_SUPPORT));
  g_assert_null (find_column (columns, VT_STAGE_CONNECTED_TO_BUYER));

  /* Without a round, no targets at all. */
  no_round = vt_board_build_columns (n_here, reached, NULL);
  for (guint i = 0; i < no_round->len; i++)
    g_assert_cmpint (g_array_index (no_round, VtBoardColumn, i).state, ==, VT_TARGET_NONE);
}

static void
test_closed_round (void)
{
  g_autoptr(VtRound) round = vt_round_new ();
  g_autofree char *open = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *anonymous = NULL;

  round->name = g_strdup ("Vòng 2025");
  open = vt_round_closed_text (round);
  g_assert_null (open);
  g_assert_null (vt_round_closed_text (NULL));

  round->closed_at = g_date_time_new_utc (2026, 1, 15, 3, 0, 0);
  round->closed_by = g_strdup ("Đỗ Thu Hà");
  closed = vt_round_closed_text (round);
  g_assert_cmpstr (closed, ==, "This round was closed on 1/15/2026 by Đỗ Thu Hà. Its dossiers and targets can no longer change.");
  g_clear_pointer (&round->closed_by, g_free);
  anonymous = vt_round_closed_text (round);
  g_assert_cmpstr (anonymous, ==, "This round was closed on 1/15/2026. Its dossiers and targets can no longer change.");
}

/* Left and Right skip the columns that have no cards. */
static void
test_next_column (void)
{
  guint n_here[VT_N_STAGES] = { 0 };
  guint64 reached[VT_N_STAGES] = { 0 };
  g_autoptr(GArray) columns = NULL;

  /* received, appraised, shortlisted, first visit, second visit, selected,
   * rejected, withdrawn (no one in support or at a buyer yet). */
  n_here[VT_STAGE_APPRAISED] = 3;
  n_here[VT_STAGE_SELECTED] = 12;
  n_here[VT_STAGE_REJECTED] = 22;
  columns = vt_board_build_columns (n_here, reached, NULL);
  g_assert_cmpuint (columns->len, ==, 8);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 1).stage, ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 5).stage, ==, VT_STAGE_SELECTED);
  g_assert_cmpint (g_array_index (columns, VtBoardColumn, 6).stage, ==, VT_STAGE_REJECTED);

  /* From appraised to the right jumps the three empty columns. */
  g_assert_cmpuint (vt_board_next_column (columns, 1, 1), ==, 5);
  g_assert_cmpuint (vt_board_next_column (columns, 5, 1), ==, 6);
  g_assert_cmpuint (vt_board_next_column (columns, 5, -1), ==, 1);
  /* At either end, and with nothing further on, the focus stays. */
  g_assert_cmpuint (vt_board_next_column (columns, 1, -1), ==, 1);
  g_assert_cmpuint (vt_board_next_column (columns, 6, 1), ==, 6);
  /* From an empty column (the first, before anything was focused). */
  g_assert_cmpuint (vt_board_next_column (columns, 0, 1), ==, 1);
  g_assert_cmpuint (vt_board_next_column (columns, 7, -1), ==, 6);
}

/* A new round opens on its first stage; one under way on the stage that
 * holds most of its suppliers, the earliest of equals. */
static void
test_active_column (void)
{
  guint n_here[VT_N_STAGES] = { 0 };
  guint64 reached[VT_N_STAGES] = { 0 };
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) visiting = NULL;

  empty = vt_board_build_columns (n_here, reached, NULL);
  g_assert_cmpuint (vt_board_active_column (empty), ==, 0);

  n_here[VT_STAGE_RECEIVED] = 40;
  fresh = vt_board_build_columns (n_here, reached, NULL);
  g_assert_cmpuint (vt_board_active_column (fresh), ==, 0);

  n_here[VT_STAGE_RECEIVED] = 1;
  n_here[VT_STAGE_SHORTLISTED] = 10;
  n_here[VT_STAGE_FIRST_VISIT_DONE] = 10;
  n_here[VT_STAGE_REJECTED] = 15;
  visiting = vt_board_build_columns (n_here, reached, NULL);
  g_assert_cmpint (g_array_index (visiting, VtBoardColumn, vt_board_active_column (visiting)).stage,
                   ==, VT_STAGE_SHORTLISTED);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected texts are the English ones with en_US number and date
   * formats. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/pipeline-state/filter-fields", test_filter_fields);
  g_test_add_func ("/ui/pipeline-state/count-text", test_count_text);
  g_test_add_func ("/ui/pipeline-state/target-state", test_target_state);
  g_test_add_func ("/ui/pipeline-state/round-columns", test_round_columns);
  g_test_add_func ("/ui/pipeline-state/closed-round", test_closed_round);
  g_test_add_func ("/ui/pipeline-state/next-column", test_next_column);
  g_test_add_func ("/ui/pipeline-state/active-column", test_active_column);

  return g_test_run ();
}
