/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-improvement-action.c: improvement actions tied to a criterion. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-improvement-action.h"

static void
vt_improvement_action_clear (VtImprovementAction *self)
{
  g_free (self->criterion_code);
  g_free (self->action);
  g_free (self->owner);
}

VT_DEFINE_RC_BOXED (VtImprovementAction, vt_improvement_action, vt_improvement_action_clear)

VtImprovementAction *
vt_improvement_action_new (const char *criterion_code,
                           const char *action)
{
  VtImprovementAction *self = g_rc_box_new0 (VtImprovementAction);

  self->criterion_code = g_strdup (criterion_code);
  self->action = g_strdup (action);
  g_date_clear (&self->due_on, 1);
  return self;
}

static const char * const status_ids[] = { "open", "done", "not-done" };

const char *
vt_action_status_to_string (VtActionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
vt_action_status_from_string (const char     *text,
                              VtActionStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (text, status_ids[i]) == 0)
      {
        *status = (VtActionStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
vt_action_status_get_display_name (VtActionStatus status)
{
  static const char * const names[] = {
    NC_("improvement action", "Open"),
    NC_("improvement action", "Done"),
    NC_("improvement action", "Not done"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (names), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "improvement action", names[status]);
}
