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

gboolean vt_sample_data_load (VtBackend     *backend,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
