/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-presentation-state.h: what the keys of a presentation do.
 *
 * Presentation clickers send Page Up/Down (some send the arrows, space,
 * or b and period for a black screen); keyboards add Home and End. Kept
 * apart from the window so that it can be tested without one.
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

typedef enum
{
  VT_SLIDE_MOVE_NONE,
  VT_SLIDE_MOVE_PREVIOUS,
  VT_SLIDE_MOVE_NEXT,
  VT_SLIDE_MOVE_FIRST,
  VT_SLIDE_MOVE_LAST,
  VT_SLIDE_MOVE_LEAVE,
} VtSlideMove;

VtSlideMove  vt_slide_move_for_key   (guint           keyval,
                                      GdkModifierType state);
guint        vt_slide_move_apply     (VtSlideMove     move,
                                      guint           current,
                                      guint           n_slides);
const char  *vt_presentation_other_language (const char *language);
void         vt_slide_languages_resolve     (const char  *setting,
                                             const char  *interface_language,
                                             const char **primary,
                                             const char **secondary);
const char  *vt_slide_languages_setting     (const char  *primary);
char        *vt_slide_handout_file_name     (const char  *round_name);

G_END_DECLS
