/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-window-state"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-window-state.h"

static const struct
{
  const char *name;
  const char *title;
} sections[VT_N_SECTIONS] = {
  [VT_SECTION_SUPPLIERS] = { "suppliers", N_("Suppliers") },
  [VT_SECTION_VISITS] = { "visits", N_("Visits") },
  [VT_SECTION_READINESS] = { "readiness", N_("Readiness") },
  [VT_SECTION_REPORTS] = { "reports", N_("Reports") },
};

VtSection
vt_section_from_name (const char *name)
{
  for (guint i = 0; i < VT_N_SECTIONS; i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return i;

  return VT_SECTION_SUPPLIERS;
}

const char *
vt_section_to_name (VtSection section)
{
  g_return_val_if_fail (section < VT_N_SECTIONS, NULL);

  return sections[section].name;
}

const char *
vt_section_get_title (VtSection section)
{
  g_return_val_if_fail (section < VT_N_SECTIONS, NULL);

  return _(sections[section].title);
}

/* The name of the page in the window's stack for @section. A section
 * without data shows its empty state, which says what to do next. */
const char *
vt_section_page_for (VtSection              section,
                     VtLoadState            state,
                     const VtSectionCounts *counts)
{
  g_return_val_if_fail (section < VT_N_SECTIONS, NULL);

  if (state == VT_LOAD_OPENING)
    return "loading";
  if (state == VT_LOAD_FAILED)
    return "error";

  g_return_val_if_fail (counts != NULL, NULL);

  switch (section)
    {
    case VT_SECTION_SUPPLIERS:
      return counts->suppliers > 0 ? "suppliers" : "suppliers-empty";
    case VT_SECTION_VISITS:
      /* Visits are planned for suppliers: with suppliers, the calendar. */
      return counts->suppliers > 0 ? "visits" : "visits-empty";
    case VT_SECTION_READINESS:
      return counts->assessments > 0 ? "readiness" : "readiness-empty";
    case VT_SECTION_REPORTS:
      return counts->suppliers > 0 ? "reports" : "reports-empty";
    case VT_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}
