/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vt-supplier-summary.h"

G_BEGIN_DECLS

typedef struct
{
  const char *language;       /* "en", "ko" or "vi" */
  GHashTable *catalogue;      /* English msgid → translation, from po/LANG.po */
  GPtrArray  *problems;
  guint       checked_strings;
  GPtrArray  *data;           /* text entered by people, exempt */
  char       *scratch;
} VtTextCheck;

void       vt_text_check_init         (VtTextCheck *check,
                                       const char  *language);
void       vt_text_check_clear        (VtTextCheck *check);
void       vt_text_check_add_data     (VtTextCheck *check,
                                       const char  *data);
void       vt_text_check_string       (VtTextCheck *check,
                                       const char  *where,
                                       const char  *s);
void       vt_text_check_widget_tree  (VtTextCheck *check,
                                       const char  *where,
                                       GtkWidget   *widget);
void       vt_text_check_menu         (VtTextCheck *check,
                                       GMenuModel  *menu);
void       vt_text_check_assert_clean (VtTextCheck *check);
typedef gboolean (*VtWidgetMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

GtkWidget *vt_test_find_matching      (GtkWidget     *root,
                                       VtWidgetMatch  match,
                                       gconstpointer  data);
GtkWidget *vt_test_find_widget        (GtkWidget   *root,
                                       GType        type);
GtkWindow *vt_test_find_window        (GType        type);
void       vt_test_wait_for           (gboolean    (*done) (gpointer),
                                       gpointer      data,
                                       guint         seconds);
VtSupplierSummary *vt_test_list_summary (GListModel *model,
                                         guint       position);
int        vt_ui_test_run_app         (GApplication *app,
                                       GSourceFunc   drive,
                                       GSourceFunc   give_up,
                                       gpointer      data,
                                       guint        *drive_id);
int        vt_ui_test_main            (int          argc,
                                       char        *argv[],
                                       const char  *path,
                                       GTestFunc    func);

G_END_DECLS
