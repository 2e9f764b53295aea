/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-proxy.c: a loopback TCP proxy that a test controls
 * (vt-test-proxy.h). One thread polls every socket. */

#define G_LOG_DOMAIN "vt-test"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>

#include "vt-test-proxy.h"

#define MAX_PAIRS 16

typedef struct
{
  int client;
  int server;
} Pair;

struct _VtTestProxy
{
  int       listener;
  int       server_port;
  int       port;
  int       wake[2];          /* a byte here ends the thread */
  GThread  *thread;

  GMutex    lock;
  char     *cut_on;           /* guarded by lock */
  guint     cuts;             /* guarded by lock */

  Pair      pairs[MAX_PAIRS]; /* the thread's own */
  guint     n_pairs;
};

static int
connect_server (int port)
{
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons (port);
  if (fd >= 0 && connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      fd = -1;
    }
  return fd;
}

static void
drop_pair (VtTestProxy *proxy,
           guint        i)
{
  close (proxy->pairs[i].client);
  close (proxy->pairs[i].server);
  proxy->pairs[i] = proxy->pairs[--proxy->n_pairs];
}

/* Whether the bytes from the app hold the text the test cuts on; if so
 * the text is forgotten, so that one cut happens per request. */
static gboolean
should_cut (VtTestProxy *proxy,
            const char  *data,
            gsize        length)
{
  gboolean cut = FALSE;

  g_mutex_lock (&proxy->lock);
  if (proxy->cut_on != NULL && memmem (data, length, proxy->cut_on, strlen (proxy->cut_on)) != NULL)
    {
      g_clear_pointer (&proxy->cut_on, g_free);
      proxy->cuts++;
      cut = TRUE;
    }
  g_mutex_unlock (&proxy->lock);
  return cut;
}

static gpointer
proxy_thread (gpointer data)
{
  VtTestProxy *proxy = data;

  for (;;)
    {
      struct pollfd fds[2 + 2 * MAX_PAIRS];
      guint n = 0;

      fds[n++] = (struct pollfd) { proxy->wake[0], POLLIN, 0 };
      fds[n++] = (struct pollfd) { proxy->listener, POLLIN, 0 };
      for (guint i = 0; i < proxy->n_pairs; i++)
        {
          fds[n++] = (struct pollfd) { proxy->pairs[i].client, POLLIN, 0 };
          fds[n++] = (struct pollfd) { proxy->pairs[i].server, POLLIN, 0 };
        }
      if (poll (fds, n, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      if (fds[0].revents)
        break;

      /* Pairs first, from the last, so that dropping one does not move
       * another that is still to be looked at. */
      for (guint i = proxy->n_pairs; i-- > 0;)
        {
          struct pollfd *from_client = &fds[2 + 2 * i];
          struct pollfd *from_server = &fds[3 + 2 * i];
          char buffer[16384];
          gboolean drop = FALSE;

          if (from_client->revents)
            {
              ssize_t got = read (proxy->pairs[i].client, buffer, sizeof buffer);

              drop = got <= 0 || should_cut (proxy, buffer, got)
                     || write (proxy->pairs[i].server, buffer, got) != got;
            }
          if (!drop && from_server->revents)
            {
              ssize_t got = read (proxy->pairs[i].server, buffer, sizeof buffer);

              drop = got <= 0 || write (proxy->pairs[i].client, buffer, got) != got;
            }
          if (drop)
            drop_pair (proxy, i);
        }

      if (fds[1].revents & POLLIN)
        {
          int client = accept4 (proxy->listener, NULL, NULL, SOCK_CLOEXEC);
          int server = client >= 0 ? connect_server (proxy->server_port) : -1;

          if (client >= 0 && server >= 0 && proxy->n_pairs < MAX_PAIRS)
            proxy->pairs[proxy->n_pairs++] = (Pair) { client, server };
          else
            {
              if (client >= 0)
                close (client);
              if (server >= 0)
                close (server);
            }
        }
    }

  while (proxy->n_pairs > 0)
    drop_pair (proxy, 0);
  return NULL;
}

/**
 * vt_test_proxy_new:
 * @server_port: the server's port on 127.0.0.1
 *
 * Returns: a proxy listening on a free port of 127.0.0.1
 */
VtTestProxy *
vt_test_proxy_new (int      server_port,
                   GError **error)
{
  VtTestProxy *proxy = g_new0 (VtTestProxy, 1);
  struct sockaddr_in addr = { 0 };
  socklen_t length = sizeof addr;

  g_mutex_init (&proxy->lock);
  proxy->server_port = server_port;
  proxy->listener = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (proxy->listener < 0
      || bind (proxy->listener, (struct sockaddr *) &addr, sizeof addr) != 0
      || listen (proxy->listener, 8) != 0
      || getsockname (proxy->listener, (struct sockaddr *) &addr, &length) != 0
      || !g_unix_open_pipe (proxy->wake, FD_CLOEXEC, error))
    {
      if (error && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "proxy: %s", g_strerror (errno));
      if (proxy->listener >= 0)
        close (proxy->listener);
      g_mutex_clear (&proxy->lock);
      g_free (proxy);
      return NULL;
    }
  proxy->port = ntohs (addr.sin_port);
  proxy->thread = g_thread_new ("vt-test-proxy", proxy_thread, proxy);
  return proxy;
}

int
vt_test_proxy_get_port (VtTestProxy *proxy)
{
  return proxy->port;
}

/**
 * vt_test_proxy_cut_on:
 * @text: (nullable): what the app sends that makes the proxy cut
 *
 * The next time the app sends @text, the proxy closes that connection
 * (and its side towards the server) instead of passing it on. New
 * connections go through as before.
 */
void
vt_test_proxy_cut_on (VtTestProxy *proxy,
                      const char  *text)
{
  g_mutex_lock (&proxy->lock);
  g_free (proxy->cut_on);
  proxy->cut_on = g_strdup (text);
  g_mutex_unlock (&proxy->lock);
}

/**
 * vt_test_proxy_get_cuts:
 *
 * Returns: how many connections the proxy has cut
 */
guint
vt_test_proxy_get_cuts (VtTestProxy *proxy)
{
  guint cuts;

  g_mutex_lock (&proxy->lock);
  cuts = proxy->cuts;
  g_mutex_unlock (&proxy->lock);
  return cuts;
}

void
vt_test_proxy_free (VtTestProxy *proxy)
{
  if (proxy == NULL)
    return;
  if (write (proxy->wake[1], "x", 1) != 1)
    g_warning ("Could not stop the proxy");
  g_thread_join (proxy->thread);
  close (proxy->wake[0]);
  close (proxy->wake[1]);
  close (proxy->listener);
  g_free (proxy->cut_on);
  g_mutex_clear (&proxy->lock);
  g_free (proxy);
}
