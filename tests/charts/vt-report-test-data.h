/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-test-data.h: a round of any size for report tests. */
#pragma once

#include "vt-round-stats.h"
#include "vt-round.h"
#include "vt-assessment.h"

G_BEGIN_DECLS

VtRoundStats *vt_report_test_round_new (guint n,
                                        guint selected);

G_END_DECLS
