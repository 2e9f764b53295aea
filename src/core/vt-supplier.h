/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier.h: a supplier with its certifications, Korean customers and
 * contacts. */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"
#include "vt-stage.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER (vt_supplier_get_type ())
#define VT_TYPE_CERTIFICATION (vt_certification_get_type ())
#define VT_TYPE_CUSTOMER (vt_customer_get_type ())
#define VT_TYPE_CONTACT (vt_contact_get_type ())

struct _VtCertification
{
  gint64  id;
  char   *standard;           /* "ISO 9001", "IATF 16949", ... */
  char   *certificate_no;
  char   *issuer;
  GDate   issued_on;          /* cleared when unknown */
  GDate   expires_on;
};

struct _VtCustomer
{
  gint64  id;
  char   *name;
  int     since_year;         /* 0 when unknown */
  char   *notes;
};

/* Vietnamese names are family, middle, given; lists sort by given name. */
struct _VtContact
{
  gint64  id;
  char   *family_name;
  char   *middle_name;
  char   *given_name;
  char   *role;
  char   *phone;
  char   *email;
  char   *languages;          /* as written, e.g. "Tiếng Việt, 한국어" */
};

/**
 * VtSupplier:
 * @uuid: the stable identity; %NULL for a supplier not saved yet
 * @version: the row version read, for optimistic locking; 0 when new
 * @province_list: "2025" (the 34 current units) or "pre2025"
 * @stage: derived from the stage history; read-only (use
 *   vt_store_move_stage_async())
 * @readiness: index of the latest assessment, 0-100, or -1
 *
 * Numbers that are not known are -1 (@employees, @revenue_vnd) or 0
 * (@founded_year). Text is stored as given, in NFC.
 */
struct _VtSupplier
{
  char        *uuid;
  gint64       version;
  char        *code;
  char        *name_vi;
  char        *name_en;
  char        *name_ko;
  char        *tax_code;
  VtSector     sector;
  char        *products;
  char        *province_list;
  char        *province_code;
  char        *industrial_zone;
  char        *address;
  int          founded_year;
  gint64       employees;
  gint64       revenue_vnd;
  VtOwnership  ownership;
  char        *notes;

  GPtrArray   *certifications;  /* VtCertification */
  GPtrArray   *customers;       /* VtCustomer */
  GPtrArray   *contacts;        /* VtContact */

  /* Maintained by the store. */
  VtStage      stage;
  gint64       round_id;
  double       readiness;
  GDateTime   *created_at;
  GDateTime   *updated_at;
};

VT_DECLARE_RC_BOXED (VtSupplier, vt_supplier)
VT_DECLARE_RC_BOXED (VtCertification, vt_certification)
VT_DECLARE_RC_BOXED (VtCustomer, vt_customer)
VT_DECLARE_RC_BOXED (VtContact, vt_contact)

VtSupplier      *vt_supplier_new               (void);
VtCertification *vt_certification_new          (const char        *standard);
VtCustomer      *vt_customer_new               (const char        *name);
VtContact       *vt_contact_new                (const char        *family_name,
                                                const char        *middle_name,
                                                const char        *given_name);
char            *vt_name_parts_join            (const char        *family_name,
                                                const char        *middle_name,
                                                const char        *given_name);
char            *vt_contact_dup_full_name      (const VtContact   *contact);
const char      *vt_supplier_get_display_name  (const VtSupplier  *supplier);
gboolean         vt_tax_code_is_valid          (const char        *tax_code);
gboolean         vt_supplier_validate          (const VtSupplier  *supplier,
                                                GError           **error);

G_END_DECLS
