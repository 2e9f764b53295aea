/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-proxy.h: a loopback TCP proxy that a test controls.
 *
 * It passes bytes both ways between the app and a server, and on request
 * cuts every connection at the moment the app sends a given text (for
 * example the COMMIT of a transaction, before the server sees it), as a
 * network that fails mid-transaction would.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtTestProxy VtTestProxy;

VtTestProxy *vt_test_proxy_new          (int          server_port,
                                         GError     **error);
int          vt_test_proxy_get_port     (VtTestProxy *proxy);
void         vt_test_proxy_cut_on       (VtTestProxy *proxy,
                                         const char  *text);
guint        vt_test_proxy_get_cuts     (VtTestProxy *proxy);
void         vt_test_proxy_free         (VtTestProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTestProxy, vt_test_proxy_free)

G_END_DECLS
