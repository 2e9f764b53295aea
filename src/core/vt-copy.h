/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-copy.h: every record of one database into another, whatever their
 * backends: a server's portable backup as a database file, restoring it,
 * publishing a file to a server and taking a copy of a server's data. */
#pragma once

#include "vt-backend.h"

G_BEGIN_DECLS

const char * const *vt_copy_get_tables (void);

gboolean            vt_backend_copy    (VtBackend     *source,
                                        VtBackend     *destination,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
