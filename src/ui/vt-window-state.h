/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the main window shows is decided here, from plain values, so that
 * it can be tested without a display. */

typedef enum
{
  VT_SECTION_SUPPLIERS,
  VT_SECTION_VISITS,
  VT_SECTION_READINESS,
  VT_SECTION_REPORTS,
  VT_N_SECTIONS
} VtSection;

typedef enum
{
  VT_LOAD_OPENING,
  VT_LOAD_FAILED,
  VT_LOAD_READY,
} VtLoadState;

typedef struct
{
  gint64 suppliers;
  gint64 visits;
  gint64 assessments;
} VtSectionCounts;

VtSection   vt_section_from_name (const char            *name);
const char *vt_section_to_name   (VtSection              section);
const char *vt_section_get_title (VtSection              section);
const char *vt_section_page_for  (VtSection              section,
                                  VtLoadState            state,
                                  const VtSectionCounts *counts);

G_END_DECLS
