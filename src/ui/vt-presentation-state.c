/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-presentation-state.c: the keys of a presentation, without widgets. */

#define G_LOG_DOMAIN "vt-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-presentation-state.h"

/**
 * vt_slide_move_for_key:
 * @keyval: the key pressed
 * @state: the modifiers held
 *
 * Returns: what the key does in a presentation; keys with Control or Alt
 *   are left to the application's shortcuts
 */
VtSlideMove
vt_slide_move_for_key (guint           keyval,
                       GdkModifierType state)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return VT_SLIDE_MOVE_NONE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      return VT_SLIDE_MOVE_PREVIOUS;
    case GDK_KEY_space:
      return (state & GDK_SHIFT_MASK) ? VT_SLIDE_MOVE_PREVIOUS : VT_SLIDE_MOVE_NEXT;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return VT_SLIDE_MOVE_NEXT;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return VT_SLIDE_MOVE_FIRST;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return VT_SLIDE_MOVE_LAST;
    case GDK_KEY_Escape:
      return VT_SLIDE_MOVE_LEAVE;
    default:
      return VT_SLIDE_MOVE_NONE;
    }
}

/**
 * vt_slide_move_apply:
 * @current: the slide shown, from 0
 * @n_slides: how many there are
 *
 * Returns: the slide to show after @move: it stops at the first and the
 *   last slide rather than wrapping, so that a second click at the end
 *   does not jump back to the title in front of the room
 */
guint
vt_slide_move_apply (VtSlideMove move,
                     guint       current,
                     guint       n_slides)
{
  if (n_slides == 0)
    return 0;
  current = MIN (current, n_slides - 1);

  switch (move)
    {
    case VT_SLIDE_MOVE_PREVIOUS:
      return current > 0 ? current - 1 : 0;
    case VT_SLIDE_MOVE_NEXT:
      return MIN (current + 1, n_slides - 1);
    case VT_SLIDE_MOVE_FIRST:
      return 0;
    case VT_SLIDE_MOVE_LAST:
      return n_slides - 1;
    case VT_SLIDE_MOVE_NONE:
    case VT_SLIDE_MOVE_LEAVE:
    default:
      return current;
    }
}

/**
 * vt_presentation_other_language:
 * @language: the primary language of the slides
 *
 * Returns: the secondary: Vietnamese under Korean, Korean under anything
 *   else (the delegations are Korean and Vietnamese)
 */
const char *
vt_presentation_other_language (const char *language)
{
  return g_strcmp0 (language, "ko") == 0 ? "vi" : "ko";
}

/**
 * vt_slide_languages_resolve:
 * @setting: the "slide-languages" setting: "ko,vi", "vi,ko", or "" for
 *   the interface's language in large type
 * @interface_language: "ko", "vi" or "en"
 * @primary: (out): the language in large type
 * @secondary: (out): the one below it
 *
 * Which language of the slides is in large type. A Vietnamese interface
 * puts Vietnamese first; Korean and English ones put Korean first.
 */
void
vt_slide_languages_resolve (const char  *setting,
                            const char  *interface_language,
                            const char **primary,
                            const char **secondary)
{
  const char *first;

  if (g_strcmp0 (setting, "ko,vi") == 0)
    first = "ko";
  else if (g_strcmp0 (setting, "vi,ko") == 0)
    first = "vi";
  else
    first = g_strcmp0 (interface_language, "vi") == 0 ? "vi" : "ko";

  *primary = first;
  *secondary = vt_presentation_other_language (first);
}

/**
 * vt_slide_languages_setting:
 * @primary: the language chosen for large type
 *
 * Returns: the "slide-languages" setting that keeps @primary first
 */
const char *
vt_slide_languages_setting (const char *primary)
{
  return g_strcmp0 (primary, "vi") == 0 ? "vi,ko" : "ko,vi";
}

/**
 * vt_slide_handout_file_name:
 * @round_name: the name of the round presented
 *
 * Returns: the file name offered for the round's handout, without the
 *   characters file systems refuse
 */
char *
vt_slide_handout_file_name (const char *round_name)
{
  /* Translators: the handout's file name; %s is the round's name */
  char *name = g_strdup_printf (_("%s handout.pdf"), round_name);

  return g_strdelimit (name, "/\\:*?\"<>|", '-');
}
