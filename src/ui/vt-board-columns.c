/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-board-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-board-columns.h"
#include "vt-format.h"

/**
 * vt_board_target_state:
 * @reached: how many suppliers reached the stage
 * @target: the target, or a negative number for none
 */
VtTargetState
vt_board_target_state (guint64 reached,
                       int     target)
{
  if (target < 0)
    return VT_TARGET_NONE;
  if (reached < (guint64) target)
    return VT_TARGET_UNDER;
  if (reached == (guint64) target)
    return VT_TARGET_MET;
  return VT_TARGET_OVER;
}

/* The stages after "selected" are shown once a supplier of the round is
 * there or a target asks for them: most of a round happens before. */
static gboolean
shows_stage (VtStage stage,
             guint   n_here,
             guint64 reached,
             int     target)
{
  if (stage == VT_STAGE_IN_SUPPORT || stage == VT_STAGE_CONNECTED_TO_BUYER)
    return n_here > 0 || reached > 0 || target >= 0;
  return TRUE;
}

/**
 * vt_board_build_columns:
 * @n_here: (array fixed-size=10): suppliers at each stage now
 * @reached: (array fixed-size=10): suppliers that reached each stage
 * @targets: (array fixed-size=10) (nullable): the round's targets, -1
 *   for none; %NULL when no round is shown
 *
 * Returns: (transfer full) (element-type VtBoardColumn): the columns, in
 *   pipeline order, rejected and withdrawn last
 */
GArray *
vt_board_build_columns (const guint   *n_here,
                        const guint64 *reached,
                        const int     *targets)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (VtBoardColumn));

  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      VtBoardColumn c = { 0 };

      c.stage = s;
      c.n_here = n_here[s];
      c.reached = reached[s];
      /* Nobody sets a target for dossiers to drop out. */
      c.target = targets != NULL && !vt_stage_is_closed (s) ? targets[s] : -1;
      c.state = vt_board_target_state (c.reached, c.target);
      if (shows_stage (s, c.n_here, c.reached, c.target))
        g_array_append_val (columns, c);
    }
  return columns;
}

/**
 * vt_board_column_count_text:
 *
 * The figure in a column's header: how many cards the column holds, that
 * is how many suppliers are at the stage now. How far the round got
 * against its target is the progress line's (see
 * vt_board_column_progress_text()): a column whose suppliers all moved on
 * shows 0 here, not its target.
 */
char *
vt_board_column_count_text (const VtBoardColumn *column)
{
  return vt_format_integer (NULL, (gint64) column->n_here);
}

/**
 * vt_board_column_progress_text:
 *
 * The line under a column's title: how many suppliers of the round
 * reached the stage, in the words of the stage ("12 selected"), and the
 * target when the round has one ("12 selected · target 16").
 *
 * Returns: (transfer full) (nullable): the line, or %NULL for the stages
 *   a dossier leaves the pipeline by, whose cards say it all
 */
char *
vt_board_column_progress_text (const VtBoardColumn *column)
{
  g_autofree char *reached = NULL;
  g_autofree char *done = NULL;
  g_autofree char *target = NULL;
  gulong n = (gulong) MIN (column->reached, G_MAXULONG);

  if (vt_stage_is_closed (column->stage))
    return NULL;

  reached = vt_format_integer (NULL, (gint64) column->reached);
  switch (column->stage)
    {
    case VT_STAGE_RECEIVED:
      /* Translators: how many dossiers of the round were received; %s is
       * a number, already formatted. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s received", "%s received", n), reached);
      break;
    case VT_STAGE_APPRAISED:
      /* Translators: how many dossiers of the round were appraised. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s appraised", "%s appraised", n), reached);
      break;
    case VT_STAGE_SHORTLISTED:
      /* Translators: how many suppliers were shortlisted for a first visit. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s shortlisted", "%s shortlisted", n), reached);
      break;
    case VT_STAGE_FIRST_VISIT_DONE:
      /* Translators: how many suppliers had their first factory visit. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s visited once", "%s visited once", n), reached);
      break;
    case VT_STAGE_SECOND_VISIT_DONE:
      /* Translators: how many suppliers had their second factory visit. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s visited twice", "%s visited twice", n), reached);
      break;
    case VT_STAGE_SELECTED:
      /* Translators: how many suppliers were selected as finalists. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s selected", "%s selected", n), reached);
      break;
    case VT_STAGE_IN_SUPPORT:
      /* Translators: how many finalists started to receive assistance. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s supported", "%s supported", n), reached);
      break;
    case VT_STAGE_CONNECTED_TO_BUYER:
      /* Translators: how many suppliers were introduced to a Korean buyer. */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s connected", "%s connected", n), reached);
      break;
    case VT_STAGE_REJECTED:
    case VT_STAGE_WITHDRAWN:
    default:
      g_return_val_if_reached (NULL);
    }

  if (column->target < 0)
    return g_steal_pointer (&done);

  target = vt_format_integer (NULL, column->target);
  /* Translators: a stage's progress and the round's target for it,
   * e.g. "12 selected · target 16"; both are already translated or
   * formatted. */
  return g_strdup_printf (C_("board", "%s · target %s"), done, target);
}

/**
 * vt_board_active_column:
 * @columns: (element-type VtBoardColumn): the columns shown
 *
 * Where the round's work is now, to open the board on: the stage of the
 * pipeline that holds most suppliers (the earliest of equals). Dossiers
 * that left the pipeline do not count.
 *
 * Returns: that column's index; 0 when no supplier is in the pipeline
 */
guint
vt_board_active_column (const GArray *columns)
{
  guint active = 0, most = 0;

  g_return_val_if_fail (columns != NULL, 0);

  for (guint i = 0; i < columns->len; i++)
    {
      const VtBoardColumn *c = &g_array_index (columns, VtBoardColumn, i);

      if (!vt_stage_is_closed (c->stage) && c->n_here > most)
        {
          active = i;
          most = c->n_here;
        }
    }
  return active;
}

/**
 * vt_board_column_description:
 *
 * The same figures in words, for screen readers and the tooltip.
 */
char *
vt_board_column_description (const VtBoardColumn *column)
{
  g_autofree char *here = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u supplier is at this stage now.",
                                                        "%u suppliers are at this stage now.",
                                                        column->n_here),
                                           column->n_here);
  g_autofree char *target = NULL;
  g_autofree char *reached = vt_format_integer (NULL, (gint64) column->reached);
  g_autofree char *goal = vt_format_integer (NULL, column->target);

  switch (column->state)
    {
    case VT_TARGET_UNDER:
      /* Translators: both %s are numbers, already formatted. */
      target = g_strdup_printf (_("%s reached it, short of the target of %s."), reached, goal);
      break;
    case VT_TARGET_MET:
      /* Translators: both %s are numbers, already formatted. */
      target = g_strdup_printf (_("%s reached it, as the target of %s asks."), reached, goal);
      break;
    case VT_TARGET_OVER:
      /* Translators: both %s are numbers, already formatted. */
      target = g_strdup_printf (_("%s reached it, more than the target of %s."), reached, goal);
      break;
    case VT_TARGET_NONE:
    default:
      return g_steal_pointer (&here);
    }
  return g_strconcat (here, " ", target, NULL);
}

/**
 * vt_board_target_css_class:
 *
 * Returns: (nullable): the style class of a column's figure: a target met
 *   is good news, one exceeded needs a look (more suppliers than the
 *   programme can support), one not met yet is plain
 */
const char *
vt_board_target_css_class (VtTargetState state)
{
  switch (state)
    {
    case VT_TARGET_MET:
      return "success";
    case VT_TARGET_OVER:
      return "warning";
    case VT_TARGET_UNDER:
    case VT_TARGET_NONE:
    default:
      return NULL;
    }
}

/**
 * vt_round_closed_text:
 *
 * Returns: (transfer full) (nullable): the banner of a closed round, or
 *   %NULL when @round is open
 */
char *
vt_round_closed_text (const VtRound *round)
{
  g_autofree char *date = NULL;

  if (round == NULL || round->closed_at == NULL)
    return NULL;

  date = vt_format_date (NULL, round->closed_at, VT_DATE_FORMAT_NUMERIC);
  if (round->closed_by != NULL && round->closed_by[0] != '\0')
    /* Translators: %s are a date and a person's name. */
    return g_strdup_printf (_("This round was closed on %s by %s. Its dossiers and targets can no longer change."),
                            date, round->closed_by);
  /* Translators: %s is a date. */
  return g_strdup_printf (_("This round was closed on %s. Its dossiers and targets can no longer change."),
                          date);
}

/**
 * vt_board_next_column:
 * @columns: (element-type VtBoardColumn): the columns shown
 * @current: the column that has the keyboard focus
 * @direction: -1 for the column on the left, 1 for the one on the right
 *
 * Where Left and Right take the focus: to the nearest column in that
 * direction that has cards, since an empty column has nothing to act on.
 *
 * Returns: that column's index, or @current when there is none
 */
guint
vt_board_next_column (const GArray *columns,
                      guint         current,
                      int           direction)
{
  g_return_val_if_fail (columns != NULL, current);
  g_return_val_if_fail (direction == -1 || direction == 1, current);

  for (gint64 i = (gint64) current + direction; i >= 0 && i < columns->len; i += direction)
    if (g_array_index (columns, VtBoardColumn, i).n_here > 0)
      return (guint) i;
  return current;
}
