/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-profile-state.h: what the supplier page shows and allows,
 * decided from plain values so that it can be tested without a display. */
#pragma once

#include "vt-round.h"
#include "vt-supplier.h"

G_BEGIN_DECLS

/* Certificates that run out within this many days are flagged. */
#define VT_EXPIRY_WARNING_DAYS 90

/* Attachments are kept inside the database, which every office copies and
 * backs up: bigger files belong on a file server. */
#define VT_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)

typedef enum
{
  VT_EXPIRY_UNKNOWN,
  VT_EXPIRY_VALID,
  VT_EXPIRY_SOON,
  VT_EXPIRY_EXPIRED,
} VtExpiryState;

/* The fields a person types and that can be wrong. */
typedef enum
{
  VT_FIELD_NAME_VI      = 1 << 0,
  VT_FIELD_TAX_CODE     = 1 << 1,
  VT_FIELD_FOUNDED_YEAR = 1 << 2,
  VT_FIELD_EMPLOYEES    = 1 << 3,
  VT_FIELD_REVENUE      = 1 << 4,
  VT_FIELD_CHILDREN     = 1 << 5,   /* a contact, certificate or customer */
} VtField;

/* Sections of the page that have nothing to list. */
typedef enum
{
  VT_SECTION_EMPTY_CERTIFICATIONS = 1 << 0,
  VT_SECTION_EMPTY_CUSTOMERS      = 1 << 1,
  VT_SECTION_EMPTY_CONTACTS       = 1 << 2,
  VT_SECTION_EMPTY_PRODUCTS       = 1 << 3,
  VT_SECTION_EMPTY_NOTES          = 1 << 4,
} VtSectionEmpty;

VtExpiryState  vt_expiry_state             (const GDate      *expires_on,
                                            const GDate      *today,
                                            int              *days_left);
char          *vt_expiry_describe          (VtExpiryState     state,
                                            int               days_left);

const char    *vt_check_name_vi            (const char       *text);
const char    *vt_check_tax_code           (const char       *text);
const char    *vt_check_email              (const char       *text);
const char    *vt_check_phone              (const char       *text);
const char    *vt_check_year               (const char       *text,
                                            int               current_year,
                                            int              *year);
const char    *vt_check_count              (const char       *text,
                                            const char       *thousands_sep,
                                            gint64           *value);
const char    *vt_check_date               (const char       *text,
                                            GDate            *date);
char          *vt_format_date_entry        (const GDate      *date);

gboolean       vt_parse_number             (const char       *text,
                                            const char       *thousands_sep,
                                            gint64           *value);
char          *vt_format_number            (gint64            value,
                                            const char       *thousands_sep);

VtSectionEmpty vt_supplier_empty_sections  (const VtSupplier *supplier);

gboolean       vt_supplier_profile_can_save   (gboolean          dirty,
                                            guint             invalid_fields,
                                            gboolean          saving,
                                            gboolean          read_only);

void           vt_province_choice_resolve  (const char       *code_2025,
                                            const char       *code_pre2025,
                                            const char      **list_id,
                                            const char      **code);

const char    *vt_attachment_check_size    (gint64            size);
gboolean       vt_attachment_is_image      (const char       *mime_type);

gboolean       vt_supplier_equal           (const VtSupplier *a,
                                            const VtSupplier *b);

G_END_DECLS

G_BEGIN_DECLS

VtSupplier    *vt_supplier_dup_profile     (const VtSupplier *supplier);
VtRound       *vt_round_pick_current       (GPtrArray        *rounds,
                                            const GDate      *today);
const char    *vt_province_display_name    (const VtProvince *province,
                                            const char       *language);

G_END_DECLS
