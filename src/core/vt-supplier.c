/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier.c: a supplier with its certifications, customers, contacts. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-audit.h"
#include "vt-error.h"
#include "vt-supplier.h"

static void
vt_certification_clear (VtCertification *self)
{
  g_free (self->standard);
  g_free (self->certificate_no);
  g_free (self->issuer);
}

VT_DEFINE_RC_BOXED (VtCertification, vt_certification, vt_certification_clear)

VtCertification *
vt_certification_new (const char *standard)
{
  VtCertification *self = g_rc_box_new0 (VtCertification);

  self->standard = g_strdup (standard);
  g_date_clear (&self->issued_on, 1);
  g_date_clear (&self->expires_on, 1);
  return self;
}

static void
vt_customer_clear (VtCustomer *self)
{
  g_free (self->name);
  g_free (self->notes);
}

VT_DEFINE_RC_BOXED (VtCustomer, vt_customer, vt_customer_clear)

VtCustomer *
vt_customer_new (const char *name)
{
  VtCustomer *self = g_rc_box_new0 (VtCustomer);

  self->name = g_strdup (name);
  return self;
}

static void
vt_contact_clear (VtContact *self)
{
  g_free (self->family_name);
  g_free (self->middle_name);
  g_free (self->given_name);
  g_free (self->role);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->languages);
}

VT_DEFINE_RC_BOXED (VtContact, vt_contact, vt_contact_clear)

VtContact *
vt_contact_new (const char *family_name,
                const char *middle_name,
                const char *given_name)
{
  VtContact *self = g_rc_box_new0 (VtContact);

  self->family_name = g_strdup (family_name);
  self->middle_name = g_strdup (middle_name);
  self->given_name = g_strdup (given_name);
  return self;
}

/**
 * vt_name_parts_join:
 *
 * Family, middle, given: the order both Vietnamese and Korean use.
 */
char *
vt_name_parts_join (const char *family_name,
                    const char *middle_name,
                    const char *given_name)
{
  GString *out = g_string_new (NULL);
  const char *parts[] = { family_name, middle_name, given_name };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

char *
vt_contact_dup_full_name (const VtContact *contact)
{
  return vt_name_parts_join (contact->family_name, contact->middle_name, contact->given_name);
}


static void
vt_supplier_clear (VtSupplier *self)
{
  g_free (self->uuid);
  g_free (self->code);
  g_free (self->name_vi);
  g_free (self->name_en);
  g_free (self->name_ko);
  g_free (self->tax_code);
  g_free (self->products);
  g_free (self->province_list);
  g_free (self->province_code);
  g_free (self->industrial_zone);
  g_free (self->address);
  g_free (self->notes);
  g_clear_pointer (&self->certifications, g_ptr_array_unref);
  g_clear_pointer (&self->customers, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

VT_DEFINE_RC_BOXED (VtSupplier, vt_supplier, vt_supplier_clear)

VtSupplier *
vt_supplier_new (void)
{
  VtSupplier *self = g_rc_box_new0 (VtSupplier);

  self->sector = VT_SECTOR_OTHER;
  self->ownership = VT_OWNERSHIP_UNKNOWN;
  self->employees = -1;
  self->revenue_vnd = -1;
  self->readiness = -1;
  self->stage = VT_STAGE_RECEIVED;
  self->province_list = g_strdup ("2025");
  self->certifications = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_certification_unref);
  self->customers = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_customer_unref);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_contact_unref);
  return self;
}

const char *
vt_supplier_get_display_name (const VtSupplier *supplier)
{
  return supplier->name_vi;
}

/**
 * vt_tax_code_is_valid:
 * @tax_code: (nullable): an enterprise/tax code (mã số thuế)
 *
 * Returns: %TRUE for 10 digits, or 10 digits, a hyphen and a 3-digit branch
 *   suffix
 */
gboolean
vt_tax_code_is_valid (const char *tax_code)
{
  gsize len;

  if (tax_code == NULL)
    return FALSE;

  len = strlen (tax_code);
  if (len != 10 && len != 14)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (i == 10)
        {
          if (tax_code[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (tax_code[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * vt_supplier_validate:
 *
 * Checks what a person can get wrong in a form, with messages that say
 * how to put it right. The database checks the same again.
 */
gboolean
vt_supplier_validate (const VtSupplier  *supplier,
                      GError           **error)
{
  if (is_blank (supplier->name_vi))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The supplier needs its Vietnamese legal name."));
      return FALSE;
    }

  if (!is_blank (supplier->tax_code) && !vt_tax_code_is_valid (supplier->tax_code))
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("The tax code “%s” is not valid. It has 10 digits, or 10 digits, a hyphen and a 3-digit branch number (for example 0101234567-001)."),
                   supplier->tax_code);
      return FALSE;
    }

  if (supplier->province_code != NULL
      && g_strcmp0 (supplier->province_list, "2025") != 0
      && g_strcmp0 (supplier->province_list, "pre2025") != 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("Unknown province list “%s”."), supplier->province_list);
      return FALSE;
    }

  for (guint i = 0; i < supplier->certifications->len; i++)
    {
      VtCertification *cert = g_ptr_array_index (supplier->certifications, i);

      if (is_blank (cert->standard))
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Each certification needs the name of its standard, for example ISO 9001."));
          return FALSE;
        }
    }

  for (guint i = 0; i < supplier->contacts->len; i++)
    {
      VtContact *contact = g_ptr_array_index (supplier->contacts, i);

      if (is_blank (contact->given_name))
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Each contact needs at least a given name."));
          return FALSE;
        }
    }

  for (guint i = 0; i < supplier->customers->len; i++)
    if (is_blank (((VtCustomer *) g_ptr_array_index (supplier->customers, i))->name))
      {
        g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                             _("Each Korean customer needs a name."));
        return FALSE;
      }

  return TRUE;
}

/* The child lists are audited as one text value each, so that adding a
 * certification is one readable audit row. */
static char *
certifications_to_text (GPtrArray *certs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < certs->len; i++)
    {
      VtCertification *c = g_ptr_array_index (certs, i);
      g_autofree char *expires = vt_date_to_iso (&c->expires_on);

      g_string_append_printf (out, "%s%s", i ? "; " : "", c->standard);
      if (c->certificate_no)
        g_string_append_printf (out, " #%s", c->certificate_no);
      if (expires)
        g_string_append_printf (out, " (→%s)", expires);
    }

  return g_string_free (out, FALSE);
}

static char *
customers_to_text (GPtrArray *customers)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < customers->len; i++)
    g_string_append_printf (out, "%s%s", i ? "; " : "",
                            ((VtCustomer *) g_ptr_array_index (customers, i))->name);

  return g_string_free (out, FALSE);
}

static char *
contacts_to_text (GPtrArray *contacts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      VtContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *name = vt_contact_dup_full_name (c);

      g_string_append_printf (out, "%s%s <%s, %s, %s>", i ? "; " : "", name,
                              c->role ? c->role : "", c->phone ? c->phone : "",
                              c->email ? c->email : "");
      if (c->languages != NULL && *c->languages != '\0')
        g_string_append_printf (out, " [%s]", c->languages);
    }

  return g_string_free (out, FALSE);
}

VtFields *
vt_supplier_to_fields (const VtSupplier *s)
{
  VtFields *f = vt_fields_new ();
  g_autofree char *certs = certifications_to_text (s->certifications);
  g_autofree char *customers = customers_to_text (s->customers);
  g_autofree char *contacts = contacts_to_text (s->contacts);
  g_autofree char *province = s->province_code
    ? g_strdup_printf ("%s:%s", s->province_list, s->province_code) : NULL;

  vt_fields_add (f, "code", s->code);
  vt_fields_add (f, "name_vi", s->name_vi);
  vt_fields_add (f, "name_en", s->name_en);
  vt_fields_add (f, "name_ko", s->name_ko);
  vt_fields_add (f, "tax_code", s->tax_code);
  vt_fields_add (f, "sector", vt_sector_to_string (s->sector));
  vt_fields_add (f, "products", s->products);
  vt_fields_add (f, "province", province);
  vt_fields_add (f, "industrial_zone", s->industrial_zone);
  vt_fields_add (f, "address", s->address);
  vt_fields_add_int (f, "founded_year", s->founded_year, 0);
  vt_fields_add_int (f, "employees", s->employees, -1);
  vt_fields_add_int (f, "revenue_vnd", s->revenue_vnd, -1);
  vt_fields_add (f, "ownership", vt_ownership_to_string (s->ownership));
  vt_fields_add (f, "notes", s->notes);
  vt_fields_add (f, "certifications", certs);
  vt_fields_add (f, "korean_customers", customers);
  vt_fields_add (f, "contacts", contacts);
  return f;
}
