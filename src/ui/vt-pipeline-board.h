/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-pipeline-board.h: a round's dossiers as columns of stages. */
#pragma once

#include <gtk/gtk.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_PIPELINE_BOARD (vt_pipeline_board_get_type ())

G_DECLARE_FINAL_TYPE (VtPipelineBoard, vt_pipeline_board, VT, PIPELINE_BOARD, GtkWidget)

void               vt_pipeline_board_set_store        (VtPipelineBoard *self,
                                                       VtStore         *store);
void               vt_pipeline_board_reload           (VtPipelineBoard *self);
gint64             vt_pipeline_board_get_round_id     (VtPipelineBoard *self);
guint              vt_pipeline_board_get_n_columns    (VtPipelineBoard *self);
guint              vt_pipeline_board_get_active_column (VtPipelineBoard *self);
GPtrArray         *vt_pipeline_board_dup_selected     (VtPipelineBoard *self);
gboolean           vt_pipeline_board_get_read_only    (VtPipelineBoard *self);
gboolean           vt_pipeline_board_focus_column     (VtPipelineBoard *self,
                                                       guint            column);
GtkSelectionModel *vt_pipeline_board_get_column_items (VtPipelineBoard *self,
                                                       guint            column);
void               vt_pipeline_board_activate_card    (VtPipelineBoard *self,
                                                       guint            column,
                                                       guint            position);

G_END_DECLS
