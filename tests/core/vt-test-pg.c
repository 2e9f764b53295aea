/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-pg.c: a real PostgreSQL server for the tests (vt-test-pg.h). */

#define G_LOG_DOMAIN "vt-test"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "vt-test-pg.h"

#define ADMIN "vitask_admin"

struct _VtTestPg
{
  char  *bindir;
  char  *dir;
  char  *data;
  char  *log;
  int    port;
  uid_t  uid;                 /* whom the server runs as, when we are root */
  gid_t  gid;
  guint  n_databases;
  int    watchdog_fd;         /* its closing tells the watchdog to clean up */
  pid_t  watchdog;
};

/* The newest server Debian's postgresql package installed, else PATH's. */
static char *
find_bindir (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  g_autofree char *on_path = g_find_program_in_path ("initdb");
  const char *name;
  gint64 best = -1;
  char *found = NULL;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      gint64 version = g_ascii_strtoll (name, NULL, 10);
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);

      if (version > best && g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        {
          best = version;
          g_free (found);
          found = g_path_get_dirname (initdb);
        }
    }
  if (found == NULL && on_path != NULL)
    found = g_path_get_dirname (on_path);
  return found;
}

static void
drop_privileges (gpointer data)
{
  VtTestPg *pg = data;

  if (pg->uid == 0)
    return;
  if (setgroups (0, NULL) != 0 || setgid (pg->gid) != 0 || setuid (pg->uid) != 0)
    _exit (126);
}

static gboolean
spawn (VtTestPg     *pg,
       const char  **argv,
       GError      **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (pg->dir, (char **) argv, NULL, G_SPAWN_DEFAULT, drop_privileges, pg,
                     &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s%s: ", argv[0], out, err);
      return FALSE;
    }
  return TRUE;
}

static int
free_port (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t length = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  int port = 0;

  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd >= 0 && bind (fd, (struct sockaddr *) &addr, sizeof addr) == 0
      && getsockname (fd, (struct sockaddr *) &addr, &length) == 0)
    port = ntohs (addr.sin_port);
  if (fd >= 0)
    close (fd);
  return port;
}

gboolean
vt_test_pg_start_server (VtTestPg  *pg,
                         GError   **error)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);
  g_autofree char *options = g_strdup_printf (
    "-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off "
    "-c full_page_writes=off -c shared_buffers=16MB -c max_connections=60", pg->port, pg->dir);
  const char *argv[] = { pg_ctl, "start", "-w", "-t", "60", "-D", pg->data, "-l", pg->log, "-o", options, NULL };

  return spawn (pg, argv, error);
}

gboolean
vt_test_pg_stop_server (VtTestPg  *pg,
                        GError   **error)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);
  const char *argv[] = { pg_ctl, "stop", "-w", "-m", "fast", "-D", pg->data, NULL };

  return spawn (pg, argv, error);
}

static void remove_tree (const char *path);

/* A process that outlives the test program: when the program ends in any
 * way (a failed assertion aborts it, the test runner kills it), the
 * pipe's last write end closes, and the watchdog stops the server and
 * removes its folder, so that no server is left running. */
static void
start_watchdog (VtTestPg *pg)
{
  int fds[2];
  pid_t pid;

  if (pipe2 (fds, O_CLOEXEC) != 0)
    return;
  pid = fork ();
  if (pid < 0)
    {
      close (fds[0]);
      close (fds[1]);
      return;
    }
  if (pid == 0)
    {
      int null = open ("/dev/null", O_RDWR);
      char byte;

      /* Not in the test's process group, which a timeout kills; not
       * holding the runner's output open. */
      setsid ();
      dup2 (null, 0);
      dup2 (null, 1);
      dup2 (null, 2);
      close (fds[1]);
      while (read (fds[0], &byte, 1) < 0 && errno == EINTR)
        ;
      if (g_file_test (pg->data, G_FILE_TEST_IS_DIR))
        vt_test_pg_stop_server (pg, NULL);
      remove_tree (pg->dir);
      _exit (0);
    }
  close (fds[0]);
  pg->watchdog_fd = fds[1];
  pg->watchdog = pid;
}

/**
 * vt_test_pg_start:
 * @skip_reason: (out): set, with %NULL returned, when there is no server
 *   to run (the postgresql package is not installed)
 *
 * Returns: the running server, or %NULL with @skip_reason or @error set
 */
VtTestPg *
vt_test_pg_start (char    **skip_reason,
                  GError  **error)
{
  g_autoptr(VtTestPg) pg = g_new0 (VtTestPg, 1);
  g_autofree char *initdb = NULL;

  pg->watchdog_fd = -1;

  pg->bindir = find_bindir ();
  if (pg->bindir == NULL)
    {
      *skip_reason = g_strdup ("PostgreSQL's server programs (initdb, pg_ctl) are not installed: "
                               "install Debian's postgresql package to run these tests");
      return NULL;
    }

  /* A short path: the socket's full name must fit in 107 bytes. */
  pg->dir = g_dir_make_tmp ("vt-pg-XXXXXX", error);
  if (pg->dir == NULL)
    return NULL;
  pg->data = g_build_filename (pg->dir, "data", NULL);
  pg->log = g_build_filename (pg->dir, "server.log", NULL);
  pg->port = free_port ();

  if (geteuid () == 0)
    {
      struct passwd *user = getpwnam ("postgres");

      if (user == NULL)
        user = getpwnam ("nobody");
      if (user == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "Running as root, and there is no postgres or nobody user to run the server as");
          return NULL;
        }
      pg->uid = user->pw_uid;
      pg->gid = user->pw_gid;
      if (chown (pg->dir, pg->uid, pg->gid) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot hand %s to the server's user", pg->dir);
          return NULL;
        }
    }

  initdb = g_build_filename (pg->bindir, "initdb", NULL);
  {
    const char *argv[] = { initdb, "-D", pg->data, "-U", ADMIN, "--auth=trust", "-E", "UTF8",
                           "--no-locale", "--no-sync", NULL };

    if (!spawn (pg, argv, error))
      return NULL;
  }
  if (!vt_test_pg_start_server (pg, error))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (pg->log, &log, NULL, NULL);
      g_prefix_error (error, "%s\n", log ? log : "");
      return NULL;
    }
  start_watchdog (pg);
  return g_steal_pointer (&pg);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

void
vt_test_pg_free (VtTestPg *pg)
{
  if (pg == NULL)
    return;
  if (pg->data != NULL && g_file_test (pg->data, G_FILE_TEST_IS_DIR))
    vt_test_pg_stop_server (pg, NULL);
  if (pg->dir != NULL)
    remove_tree (pg->dir);
  if (pg->watchdog_fd >= 0)
    {
      close (pg->watchdog_fd);
      waitpid (pg->watchdog, NULL, 0);
    }
  g_free (pg->bindir);
  g_free (pg->dir);
  g_free (pg->data);
  g_free (pg->log);
  g_free (pg);
}

char *
vt_test_pg_conninfo (VtTestPg   *pg,
                     const char *dbname,
                     const char *user)
{
  return g_strdup_printf ("host=127.0.0.1 port=%d dbname=%s user=%s connect_timeout=10",
                          pg->port, dbname, user ? user : ADMIN);
}

gboolean
vt_test_pg_admin_exec (VtTestPg    *pg,
                       const char  *dbname,
                       const char  *sql,
                       GError     **error)
{
  g_autofree char *conninfo = vt_test_pg_conninfo (pg, dbname ? dbname : "postgres", NULL);
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *res = NULL;
  gboolean ok = PQstatus (conn) == CONNECTION_OK;

  if (ok)
    {
      res = PQexec (conn, sql);
      ok = PQresultStatus (res) == PGRES_COMMAND_OK || PQresultStatus (res) == PGRES_TUPLES_OK;
    }
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql,
                 res ? PQresultErrorMessage (res) : PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
  return ok;
}

/**
 * vt_test_pg_new_database:
 * @user: (nullable): who owns it; the administrator when %NULL
 * @dbname: (out) (optional): its name
 *
 * Returns: (transfer full): the connection string of a new, empty database
 */
char *
vt_test_pg_new_database (VtTestPg    *pg,
                         const char  *user,
                         char       **dbname)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test_%u", ++pg->n_databases);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s%s%s", name,
                                          user ? " OWNER " : "", user ? user : "");

  vt_test_pg_admin_exec (pg, NULL, sql, &error);
  g_assert_no_error (error);
  if (dbname)
    *dbname = g_strdup (name);
  return vt_test_pg_conninfo (pg, name, user);
}
/**
 * vt_test_pg_require_password:
 * @user: a role to set up
 * @password: its password
 *
 * Creates @user (a login role with @password, member of vitask_editor
 * when that exists) and makes the server ask it for its password over
 * TCP, while every other role still comes in without one.
 */
gboolean
vt_test_pg_require_password (VtTestPg    *pg,
                             const char  *user,
                             const char  *password,
                             GError     **error)
{
  g_autofree char *hba = g_build_filename (pg->data, "pg_hba.conf", NULL);
  g_autofree char *old = NULL;
  g_autofree char *line = g_strdup_printf ("host all %s 127.0.0.1/32 scram-sha-256\n", user);
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = g_strsplit (password, "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", parts);
  g_autofree char *sql = g_strdup_printf (
    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN "
    "CREATE ROLE %s LOGIN; END IF; END $$; "
    "SET password_encryption = 'scram-sha-256'; ALTER ROLE %s PASSWORD '%s'",
    user, user, user, quoted);

  if (!vt_test_pg_admin_exec (pg, NULL, sql, error)
      || !g_file_get_contents (hba, &old, NULL, error))
    return FALSE;
  if (strstr (old, line) == NULL)
    {
      contents = g_strconcat (line, old, NULL);
      if (!g_file_set_contents (hba, contents, -1, error))
        return FALSE;
      if (pg->uid != 0 && chown (hba, pg->uid, pg->gid) != 0)
        return FALSE;
    }
  return vt_test_pg_admin_exec (pg, NULL, "SELECT pg_reload_conf ()", error);
}

/**
 * vt_test_pg_get_port:
 *
 * Returns: the TCP port the server listens on, on 127.0.0.1
 */
int
vt_test_pg_get_port (VtTestPg *pg)
{
  return pg->port;
}
