/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-supplier-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-enums.h"
#include "vt-stage.h"
#include "vt-supplier-filter.h"
#include "vt-format.h"

static gboolean
is_set (const char *s)
{
  return s != NULL && s[0] != '\0';
}

gboolean
vt_filter_is_active (const VtSupplierQuery *query,
                     VtFilterField          field)
{
  g_return_val_if_fail (query != NULL, FALSE);

  switch (field)
    {
    case VT_FILTER_ROUND:
      return query->round_id > 0;
    case VT_FILTER_STAGE:
      return query->stage >= 0 && query->stage < VT_N_STAGES;
    case VT_FILTER_SECTOR:
      return query->sector >= 0 && query->sector <= VT_SECTOR_OTHER;
    case VT_FILTER_PROVINCE:
      return is_set (query->province_code);
    case VT_FILTER_CERTIFICATION:
      return is_set (query->certification);
    case VT_N_FILTERS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

guint
vt_filter_count_active (const VtSupplierQuery *query)
{
  guint n = 0;

  for (VtFilterField f = 0; f < VT_N_FILTERS; f++)
    if (vt_filter_is_active (query, f))
      n++;
  return n;
}

void
vt_filter_clear (VtSupplierQuery *query,
                 VtFilterField    field)
{
  g_return_if_fail (query != NULL);

  switch (field)
    {
    case VT_FILTER_ROUND:
      query->round_id = 0;
      break;
    case VT_FILTER_STAGE:
      query->stage = -1;
      break;
    case VT_FILTER_SECTOR:
      query->sector = -1;
      break;
    case VT_FILTER_PROVINCE:
      g_clear_pointer (&query->province_code, g_free);
      break;
    case VT_FILTER_CERTIFICATION:
      g_clear_pointer (&query->certification, g_free);
      break;
    case VT_N_FILTERS:
    default:
      g_return_if_reached ();
    }
}

void
vt_filter_clear_all (VtSupplierQuery *query)
{
  for (VtFilterField f = 0; f < VT_N_FILTERS; f++)
    vt_filter_clear (query, f);
}

/**
 * vt_filter_chip_label:
 * @round_name: (nullable): the name of the round filtered by
 * @province_name: (nullable): the name of the province filtered by
 *
 * The text of the chip that shows an active filter: the value alone,
 * since stages, sectors, provinces and standards never read alike.
 *
 * Returns: (transfer full) (nullable): %NULL when @field is not active
 */
char *
vt_filter_chip_label (const VtSupplierQuery *query,
                      VtFilterField          field,
                      const char            *round_name,
                      const char            *province_name)
{
  if (!vt_filter_is_active (query, field))
    return NULL;

  switch (field)
    {
    case VT_FILTER_ROUND:
      if (is_set (round_name))
        return g_strdup (round_name);
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, query->round_id);

        /* Translators: a round whose name is not loaded yet; %s is its
         * number. */
        return g_strdup_printf (_("Round %s"), number);
      }
    case VT_FILTER_STAGE:
      return g_strdup (vt_stage_get_display_name (query->stage));
    case VT_FILTER_SECTOR:
      return g_strdup (vt_sector_get_display_name (query->sector));
    case VT_FILTER_PROVINCE:
      return g_strdup (is_set (province_name) ? province_name : query->province_code);
    case VT_FILTER_CERTIFICATION:
      return g_strdup (query->certification);
    case VT_N_FILTERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * vt_filter_count_text:
 * @total: how many suppliers the list holds
 * @exact: %FALSE when @total is only a floor (a broad search stops
 *   counting)
 * @narrowed: whether a search or a filter is on
 *
 * Returns: (transfer full): the count shown next to the search entry
 */
char *
vt_filter_count_text (guint64  total,
                      gboolean exact,
                      gboolean narrowed)
{
  g_autofree char *number = vt_format_integer (NULL, (gint64) MIN (total, (guint64) G_MAXINT64));
  gulong n = (gulong) MIN (total, G_MAXULONG);

  if (!exact)
    /* Translators: a search matched at least this many suppliers and
     * stopped counting; %s is a number, already formatted. */
    return g_strdup_printf (_("More than %s suppliers"), number);
  if (narrowed)
    /* Translators: %s is a number, already formatted. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matching supplier", "%s matching suppliers", n),
                            number);
  /* Translators: %s is a number, already formatted. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s supplier", "%s suppliers", n), number);
}
