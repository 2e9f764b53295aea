/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-travel.h: how long it takes to go from one province to another. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The estimate assumes that a team needs at least this long between two
 * factories, even in one province. */
#define VT_TRAVEL_MINIMUM_MINUTES 30

double vt_travel_distance_km (const char *from_code,
                              const char *to_code);
int    vt_travel_minutes     (const char *from_code,
                              const char *to_code);

G_END_DECLS
