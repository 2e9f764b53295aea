/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-slide-deck.h: a round presented to a Korean and a Vietnamese
 * delegation at once.
 *
 * The slides are built from a VtRoundStats and drawn with Cairo and Pango
 * by the same chart code as the app: a title slide, the pipeline funnel
 * with its targets, the sectors and provinces, the finalists' ranking, a
 * radar per finalist with its band, the visits per month and a closing
 * slide. Every title, label, legend and band name is written in two
 * languages, a primary line above a secondary one, looked up in our own
 * catalogues (vt-bilingual.h) whatever the process's locale. The same
 * drawing makes the full-screen presentation and the PDF handout.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vt-chart-style.h"
#include "vt-round-stats.h"

G_BEGIN_DECLS

typedef enum
{
  VT_SLIDE_TITLE,
  VT_SLIDE_FUNNEL,
  VT_SLIDE_SECTORS,
  VT_SLIDE_PROVINCES,
  VT_SLIDE_RANKING,
  VT_SLIDE_FINALIST,
  VT_SLIDE_TIMELINE,
  VT_SLIDE_CLOSING,
} VtSlideKind;

typedef struct _VtSlideDeck VtSlideDeck;

VtSlideDeck  *vt_slide_deck_new                (VtRoundStats       *stats,
                                                const char         *primary,
                                                const char         *secondary);
void          vt_slide_deck_free               (VtSlideDeck        *deck);
void          vt_slide_deck_set_languages      (VtSlideDeck        *deck,
                                                const char         *primary,
                                                const char         *secondary);
const char   *vt_slide_deck_get_language       (VtSlideDeck        *deck,
                                                guint               which);
void          vt_slide_deck_set_hide_sensitive (VtSlideDeck        *deck,
                                                gboolean            hide);
gboolean      vt_slide_deck_get_hide_sensitive (VtSlideDeck        *deck);
guint         vt_slide_deck_get_n_slides       (VtSlideDeck        *deck);
VtSlideKind   vt_slide_deck_get_kind           (VtSlideDeck        *deck,
                                                guint               index);
char         *vt_slide_deck_get_title          (VtSlideDeck        *deck,
                                                guint               index,
                                                const char         *language);
guint         vt_slide_deck_draw               (VtSlideDeck        *deck,
                                                guint               index,
                                                cairo_t            *cr,
                                                double              width,
                                                double              height,
                                                const VtChartStyle *style);
VtChartStyle *vt_slide_deck_style_new          (gboolean            paper);
gboolean      vt_slide_deck_write_pdf          (VtSlideDeck        *deck,
                                                GFile              *file,
                                                GError            **error);
void          vt_slide_deck_write_pdf_async    (VtSlideDeck        *deck,
                                                GFile              *file,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean      vt_slide_deck_write_pdf_finish   (GAsyncResult       *result,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSlideDeck, vt_slide_deck_free)

G_END_DECLS
