/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ics.c: the .ics import on any bytes, up to the visits it builds. */

#include "config.h"

#include "vt-fuzz.h"
#include "vt-ical.h"
#include "vt-visit.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = vt_ical_parse (text, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      VtVisit *visit = vt_ical_event_to_visit (g_ptr_array_index (events, i),
                                               "00000000-0000-4000-8000-000000000000", people);

      if (visit != NULL)
        vt_visit_unref (visit);
    }
  return 0;
}
