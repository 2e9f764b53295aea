/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-board-columns.h: what the pipeline board shows, decided from plain
 * values so that it can be tested without a display. */
#pragma once

#include "vt-round.h"
#include "vt-stage.h"

G_BEGIN_DECLS

typedef enum
{
  VT_TARGET_NONE,
  VT_TARGET_UNDER,
  VT_TARGET_MET,
  VT_TARGET_OVER,
} VtTargetState;

/**
 * VtBoardColumn:
 * @n_here: suppliers at the stage now (the cards)
 * @reached: suppliers of the round that reached the stage at some time
 * @target: the round's target for the stage, or -1
 */
typedef struct
{
  VtStage       stage;
  guint         n_here;
  guint64       reached;
  int           target;
  VtTargetState state;
} VtBoardColumn;

VtTargetState  vt_board_target_state        (guint64              reached,
                                             int                  target);
GArray        *vt_board_build_columns       (const guint         *n_here,
                                             const guint64       *reached,
                                             const int           *targets);
char          *vt_board_column_count_text   (const VtBoardColumn *column);
char          *vt_board_column_progress_text (const VtBoardColumn *column);
char          *vt_board_column_description  (const VtBoardColumn *column);
const char    *vt_board_target_css_class    (VtTargetState        state);
char          *vt_round_closed_text         (const VtRound       *round);
guint          vt_board_active_column       (const GArray        *columns);
guint          vt_board_next_column         (const GArray        *columns,
                                             guint                current,
                                             int                  direction);

G_END_DECLS
