/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-attachment.c: files and photos kept with a supplier. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-attachment.h"

static void
vt_attachment_clear (VtAttachment *self)
{
  g_free (self->supplier_uuid);
  g_free (self->filename);
  g_free (self->mime_type);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self->created_by);
}

VT_DEFINE_RC_BOXED (VtAttachment, vt_attachment, vt_attachment_clear)

VtAttachment *
vt_attachment_new (const char *supplier_uuid,
                   const char *filename,
                   const char *mime_type,
                   GBytes     *data)
{
  VtAttachment *self = g_rc_box_new0 (VtAttachment);

  self->supplier_uuid = g_strdup (supplier_uuid);
  self->filename = g_strdup (filename);
  self->mime_type = g_strdup (mime_type ? mime_type : "application/octet-stream");
  self->data = data ? g_bytes_ref (data) : NULL;
  self->size = data ? (gint64) g_bytes_get_size (data) : 0;
  return self;
}
