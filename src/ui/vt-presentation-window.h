/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_PRESENTATION_WINDOW (vt_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (VtPresentationWindow, vt_presentation_window, VT, PRESENTATION_WINDOW, AdwWindow)

VtPresentationWindow *vt_presentation_window_new                (GtkWindow            *parent,
                                                                 VtStore              *store,
                                                                 gint64                round_id);
guint                 vt_presentation_window_get_slide          (VtPresentationWindow *self);
guint                 vt_presentation_window_get_n_slides       (VtPresentationWindow *self);
gboolean              vt_presentation_window_get_hide_sensitive (VtPresentationWindow *self);
const char           *vt_presentation_window_get_language       (VtPresentationWindow *self);
gboolean              vt_presentation_window_press_key          (VtPresentationWindow *self,
                                                                 guint                 keyval,
                                                                 GdkModifierType       state);

G_END_DECLS
