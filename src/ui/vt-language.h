/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;         /* "" for the system language */
  const char *native_name;  /* shown untranslated: people look for their own */
  const char *locale;       /* the glibc locale that formats dates and numbers */
} VtLanguage;

const VtLanguage *vt_language_get_all     (guint      *n_languages);
const VtLanguage *vt_language_lookup      (const char *code);
void              vt_language_setup       (const char *code,
                                           const char *localedir);

G_END_DECLS
