/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-calendar-layout.h: what the visit views show, as pure functions.
 *
 * Which days a view covers, where keyboard navigation goes, how
 * overlapping visits share a day's column, and which visits a filter
 * keeps: decided from plain values so that they are tested without a
 * display (GNOME Calendar's "widget state"). Weeks start on Monday, as in
 * Vietnam and Korea.
 */
#pragma once

#include <glib.h>

#include "vt-visit.h"

G_BEGIN_DECLS

typedef enum
{
  VT_CALENDAR_VIEW_AGENDA,
  VT_CALENDAR_VIEW_WEEK,
  VT_CALENDAR_VIEW_MONTH,
} VtCalendarView;

typedef enum
{
  VT_CALENDAR_MOVE_LEFT,
  VT_CALENDAR_MOVE_RIGHT,
  VT_CALENDAR_MOVE_UP,
  VT_CALENDAR_MOVE_DOWN,
  VT_CALENDAR_MOVE_PREVIOUS,   /* Page Up */
  VT_CALENDAR_MOVE_NEXT,       /* Page Down */
  VT_CALENDAR_MOVE_TODAY,      /* Home */
} VtCalendarMove;

/* The first hour and the hour after the last shown in the week view;
 * visits outside them are drawn at the edge. */
#define VT_CALENDAR_FIRST_HOUR 6
#define VT_CALENDAR_LAST_HOUR  21

/**
 * VtVisitFilter:
 * @person_id: 0 for anyone
 * @province_code: (nullable): a 2025 province code, %NULL for any
 * @kind: a VtVisitKind, or -1 for any
 * @round_id: 0 for any round
 */
typedef struct
{
  gint64      person_id;
  const char *province_code;
  int         kind;
  gint64      round_id;
} VtVisitFilter;

void     vt_calendar_range        (VtCalendarView       view,
                                   const GDate         *focus,
                                   GDate               *first,
                                   GDate               *last);
void     vt_calendar_move         (VtCalendarView       view,
                                   VtCalendarMove       move,
                                   const GDate         *today,
                                   GDate               *focus);
void     vt_calendar_layout_day   (GDateTime          **starts,
                                   GDateTime          **ends,
                                   guint                n,
                                   guint               *column,
                                   guint               *n_columns);
double   vt_calendar_hour_offset  (GDateTime           *time,
                                   const GDate         *day);
gboolean vt_visit_filter_matches  (const VtVisitFilter *filter,
                                   const VtVisit       *visit);
void     vt_date_from_date_time   (GDateTime           *time,
                                   GDate               *date);

G_END_DECLS
