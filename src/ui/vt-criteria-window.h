/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria-window.h: viewing and editing the versions of the
 * criterion sets. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_CRITERIA_WINDOW (vt_criteria_window_get_type ())

G_DECLARE_FINAL_TYPE (VtCriteriaWindow, vt_criteria_window, VT, CRITERIA_WINDOW, AdwWindow)

VtCriteriaWindow *vt_criteria_window_new              (GtkWindow        *parent,
                                                       VtStore          *store);
gboolean          vt_criteria_window_is_loaded        (VtCriteriaWindow *self);
gboolean          vt_criteria_window_is_dirty         (VtCriteriaWindow *self);
gboolean          vt_criteria_window_can_save         (VtCriteriaWindow *self);
VtCriterionSet   *vt_criteria_window_get_shown        (VtCriteriaWindow *self);
VtCriterionSet   *vt_criteria_window_get_edited       (VtCriteriaWindow *self);
const char       *vt_criteria_window_get_problem      (VtCriteriaWindow *self);
const char       *vt_criteria_window_get_usage        (VtCriteriaWindow *self);
const char       *vt_criteria_window_get_sum_text     (VtCriteriaWindow *self);
GtkSpinButton    *vt_criteria_window_get_weight_spin  (VtCriteriaWindow *self,
                                                       const char       *code);
GtkWidget        *vt_criteria_window_expand           (VtCriteriaWindow *self,
                                                       const char       *code);
gboolean          vt_criteria_window_show_version     (VtCriteriaWindow *self,
                                                       gint64            id);
void              vt_criteria_window_save             (VtCriteriaWindow *self);

G_END_DECLS
