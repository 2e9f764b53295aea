/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-handout.h: a round's slides as a PDF handout, from the command line. */
#pragma once

#include <glib.h>

#include "vt-round.h"

G_BEGIN_DECLS

VtRound *vt_handout_find_round (GPtrArray   *rounds,
                                const char  *round);
gboolean vt_handout_parse_languages (const char  *languages,
                                     char       **primary,
                                     char       **secondary,
                                     GError     **error);
int      vt_handout_command    (const char  *database_path,
                                const char  *round,
                                const char  *output,
                                const char  *languages,
                                gboolean     hide_sensitive,
                                GError     **error);

G_END_DECLS
