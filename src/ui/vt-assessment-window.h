/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment-window.h: scoring a supplier against a criterion set. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_ASSESSMENT_WINDOW (vt_assessment_window_get_type ())

G_DECLARE_FINAL_TYPE (VtAssessmentWindow, vt_assessment_window, VT, ASSESSMENT_WINDOW, AdwWindow)

VtAssessmentWindow *vt_assessment_window_new           (GtkWindow          *parent,
                                                        VtStore            *store,
                                                        const char         *supplier_uuid,
                                                        gint64              assessment_id);
gboolean            vt_assessment_window_is_loaded     (VtAssessmentWindow *self);
VtAssessment       *vt_assessment_window_get_assessment (VtAssessmentWindow *self);
VtCriterionSet     *vt_assessment_window_get_set       (VtAssessmentWindow *self);
gboolean            vt_assessment_window_set_assessors (VtAssessmentWindow *self,
                                                        gint64              first,
                                                        gint64              second);
gboolean            vt_assessment_window_score         (VtAssessmentWindow *self,
                                                        const char         *criterion_code,
                                                        gint64              assessor,
                                                        int                 level);
void                vt_assessment_window_set_comment   (VtAssessmentWindow *self,
                                                        const char         *criterion_code,
                                                        const char         *comment);
const char         *vt_assessment_window_get_index_text (VtAssessmentWindow *self);
const char         *vt_assessment_window_get_band_text (VtAssessmentWindow *self);
const char         *vt_assessment_window_get_explanation (VtAssessmentWindow *self);
gboolean            vt_assessment_window_can_finish    (VtAssessmentWindow *self);
gboolean            vt_assessment_window_is_dirty      (VtAssessmentWindow *self);
void                vt_assessment_window_save          (VtAssessmentWindow *self,
                                                        gboolean            draft);

G_END_DECLS
