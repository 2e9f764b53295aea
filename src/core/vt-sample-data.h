/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-sample-data.h: a fictitious programme round to try the app with. */
#pragma once

#include <gio/gio.h>

#include "vt-types.h"

G_BEGIN_DECLS

/* What vt_sample_data_load() adds, for tests and the empty state. */
#define VT_SAMPLE_SUPPLIERS      40
#define VT_SAMPLE_FIRST_VISITS   24
#define VT_SAMPLE_FINALISTS      16
#define VT_SAMPLE_PLANNED_FINALISTS 12
/* Finalists receiving assistance or introduced to a buyer (one of them). */
#define VT_SAMPLE_IN_SUPPORT     4
/* Every first and second visit, the planned assistance visits, and the
 * first visit planned for the reserve; one supplier not selected had a
 * second visit too. */
#define VT_SAMPLE_VISITS         (VT_SAMPLE_FIRST_VISITS + VT_SAMPLE_FINALISTS + 1 + VT_SAMPLE_IN_SUPPORT + 1)
/* One at each first and second visit. */
#define VT_SAMPLE_ASSESSMENTS    (VT_SAMPLE_FIRST_VISITS + VT_SAMPLE_FINALISTS + 1)

gboolean vt_sample_data_load (VtBackend     *backend,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
