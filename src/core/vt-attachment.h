/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-attachment.h: a file or photo kept with a supplier. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_ATTACHMENT (vt_attachment_get_type ())

/**
 * VtAttachment:
 * @data: (nullable): the content; lists leave it %NULL, load it with
 *   vt_store_get_attachment_async()
 */
struct _VtAttachment
{
  gint64      id;
  char       *supplier_uuid;
  gint64      visit_id;         /* 0 when none */
  char       *filename;
  char       *mime_type;
  gint64      size;
  GBytes     *data;
  GDateTime  *created_at;
  char       *created_by;
};

VT_DECLARE_RC_BOXED (VtAttachment, vt_attachment)
VtAttachment *vt_attachment_new (const char *supplier_uuid,
                                 const char *filename,
                                 const char *mime_type,
                                 GBytes     *data);

G_END_DECLS
