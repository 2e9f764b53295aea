/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-boxed.h: reference-counted boxed records of the core.
 *
 * The models are plain records (the store returns fresh ones on every
 * call, the UI edits them and passes them back to save). They are
 * reference counted with g_rc_box so that lists can share them.
 */
#pragma once

#include <glib-object.h>

#include "vt-types.h"

/* Defines type_name_ref(), type_name_unref() and the boxed GType for a
 * record allocated with g_rc_box_new0() whose members are released by
 * @clear_func. */
#define VT_DEFINE_RC_BOXED(TypeName, type_name, clear_func)              \
  TypeName *                                                            \
  type_name##_ref (TypeName *self)                                      \
  {                                                                     \
    g_return_val_if_fail (self != NULL, NULL);                          \
    return g_rc_box_acquire (self);                                     \
  }                                                                     \
  void                                                                  \
  type_name##_unref (TypeName *self)                                    \
  {                                                                     \
    g_return_if_fail (self != NULL);                                    \
    g_rc_box_release_full (self, (GDestroyNotify) clear_func);          \
  }                                                                     \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref)

/* Declares what VT_DEFINE_RC_BOXED() defines, for a public header. */
#define VT_DECLARE_RC_BOXED(TypeName, type_name)                        \
  GType     type_name##_get_type (void) G_GNUC_CONST;                   \
  TypeName *type_name##_ref      (TypeName *self);                      \
  void      type_name##_unref    (TypeName *self);                      \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_unref)
