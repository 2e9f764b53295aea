/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-store.c: the store, its worker thread and its job queue.
 *
 * The store owns one worker thread, which opens the backend and is the
 * only thread that ever uses it (one connection per thread; the shared
 * GTask thread pool would hand the connection from thread to thread).
 * Jobs are queued in order; each returns its result through a GTask to
 * the caller's main context, or wakes a caller blocked in a _sync call.
 */

#define G_LOG_DOMAIN "vt-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "vt-backup.h"
#include "vt-pg-backend.h"
#include "vt-sample-data.h"
#include "vt-sqlite-backend.h"
#include "vt-store.h"

/* The arguments of a job, copied at the call so that the caller may free
 * its own at once. Each job uses the fields it needs. */
typedef struct
{
  char            *s1;
  char            *s2;
  gint64           i1;
  gint64           i2;
  int              n1;
  GDateTime       *t1;
  GDateTime       *t2;
  VtSupplierQuery *query;
  gpointer         rec;
  GDestroyNotify   rec_free;
} Args;

static Args *
args_new (void)
{
  return g_new0 (Args, 1);
}

static void
args_free (Args *a)
{
  g_free (a->s1);
  g_free (a->s2);
  g_clear_pointer (&a->t1, g_date_time_unref);
  g_clear_pointer (&a->t2, g_date_time_unref);
  g_clear_pointer (&a->query, vt_supplier_query_free);
  if (a->rec && a->rec_free)
    a->rec_free (a->rec);
  g_free (a);
}

typedef gpointer (*JobFunc) (VtBackend     *backend,
                             Args          *args,
                             GCancellable  *cancellable,
                             GError       **error);

/* A blocked _sync caller waits on this. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  gpointer  result;
  GError   *error;
} Waiter;

typedef struct
{
  JobFunc         func;
  Args           *args;
  char           *actor;
  GCancellable   *cancellable;
  GTask          *task;           /* an asynchronous call, or */
  Waiter         *waiter;         /* a synchronous one, or neither: quit */
  GDestroyNotify  result_free;
  /* Opening is the one job without a backend yet. */
  char           *open_path;
  VtStoreOpenFlags open_flags;
  gboolean        open_server;    /* open_path is a connection string */
} Job;

/* What the worker thread owns. The store and the thread each hold a
 * reference, so that the last one out frees it on any thread. */
typedef struct
{
  GAsyncQueue *queue;
  VtBackend   *backend;           /* used on the worker thread only */
} Worker;

struct _VtStore
{
  GObject     parent_instance;

  Worker     *worker;
  GThread    *thread;
  char       *path;
  const char *journal_mode;
  int         schema_version;
  gboolean    read_only;
  gboolean    is_server;

  GMutex      actor_lock;
  char       *actor;
};

G_DEFINE_FINAL_TYPE (VtStore, vt_store, G_TYPE_OBJECT)

static void
worker_clear (Worker *worker)
{
  g_clear_object (&worker->backend);
  g_async_queue_unref (worker->queue);
}

static void
worker_unref (Worker *worker)
{
  g_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->args, args_free);
  g_free (job->actor);
  g_free (job->open_path);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_free (job);
}

static VtBackend *
open_server (const char        *conninfo,
             VtStoreOpenFlags   flags,
             GError           **error)
{
#if HAVE_LIBPQ
  return (VtBackend *) vt_pg_backend_open (conninfo, flags, error);
#else
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                       _("This build of VITASK Suppliers cannot use a database server."));
  return NULL;
#endif
}

static gpointer
run_open (Worker  *worker,
          Job     *job,
          GError **error)
{
  VtSqliteBackend *backend = NULL;

  if (job->open_server)
    worker->backend = open_server (job->open_path, job->open_flags, error);
  else if ((backend = vt_sqlite_backend_open (job->open_path, job->open_flags, error)) != NULL)
    worker->backend = VT_BACKEND (backend);
  if (worker->backend == NULL)
    return NULL;

  /* What the main thread reads later is copied into the store here,
   * before the result is delivered (which orders the writes). */
  {
    VtStore *self = job->args->rec;

    self->read_only = vt_backend_is_read_only (worker->backend);
    self->schema_version = vt_backend_get_schema_version (worker->backend);
    self->journal_mode = backend ? vt_sqlite_backend_get_journal_mode (backend) : "server";
    return g_object_ref (self);
  }
}

/* A result on its way to the caller's main context. */
typedef struct
{
  GTask          *task;
  gpointer        result;
  GDestroyNotify  result_free;
  GError         *error;
} Delivery;

static gboolean
deliver_in_context (gpointer data)
{
  Delivery *d = data;

  if (d->result != NULL)
    g_task_return_pointer (d->task, d->result, d->result_free);
  else
    g_task_return_error (d->task, d->error);
  g_object_unref (d->task);
  g_free (d);
  return G_SOURCE_REMOVE;
}

/* The task (and with it the store) is handed to the caller's context
 * rather than returned from here, so that the worker never holds the last
 * reference: the store is always finalized on its owner's thread. */
static void
deliver (Job      *job,
         gpointer  result,
         GError   *error)
{
  Delivery *d = g_new0 (Delivery, 1);
  GSource *source = g_idle_source_new ();

  d->task = g_steal_pointer (&job->task);
  d->result = result;
  d->result_free = job->result_free;
  d->error = error;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_in_context, d, NULL);
  g_source_set_static_name (source, "[vt-store] deliver");
  g_source_attach (source, g_task_get_context (d->task));
  g_source_unref (source);
}

static gboolean
jobs_waiting (gpointer data)
{
  return g_async_queue_length (data) > 0;
}

/* How long the worker waits after a job before it does its idle work, so
 * that a burst of jobs (a person typing) is not slowed down by it. */
#define IDLE_DELAY_US (50 * 1000)

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  gboolean idle_done = TRUE;
  Job *job;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gpointer result = NULL;

      if (idle_done)
        job = g_async_queue_pop (worker->queue);
      else if ((job = g_async_queue_timeout_pop (worker->queue, IDLE_DELAY_US)) == NULL)
        {
          /* Given up when a job comes, and tried again after it. */
          if (VT_IS_SQLITE_BACKEND (worker->backend))
            vt_sqlite_backend_idle (VT_SQLITE_BACKEND (worker->backend), jobs_waiting, worker->queue);
          idle_done = TRUE;
          continue;
        }
      idle_done = FALSE;

      if (job->task == NULL && job->waiter == NULL)
        {
          /* The store is gone: close the connection on this thread. */
          job_free (job);
          break;
        }

      if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
        ;
      else if (job->open_path != NULL)
        result = run_open (worker, job, &error);
      else if (worker->backend == NULL)
        g_set_error_literal (&error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                             _("The database is not open."));
      else
        {
          vt_backend_set_actor (worker->backend, job->actor);
          result = job->func (worker->backend, job->args, job->cancellable, &error);
        }

      g_assert (result != NULL || error != NULL);

      if (job->task != NULL)
        deliver (job, result, g_steal_pointer (&error));
      else
        {
          Waiter *w = job->waiter;

          g_mutex_lock (&w->mutex);
          w->result = result;
          w->error = g_steal_pointer (&error);
          w->done = TRUE;
          g_cond_signal (&w->cond);
          g_mutex_unlock (&w->mutex);
        }
      job_free (job);
    }

  worker_unref (worker);
  return NULL;
}

static Job *
job_new (VtStore      *self,
         JobFunc       func,
         Args         *args,
         GCancellable *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->args = args;
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->actor = vt_store_dup_actor (self);
  return job;
}

static void
queue_job (VtStore             *self,
           gpointer             source_tag,
           JobFunc              func,
           Args                *args,
           GDestroyNotify       result_free,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (VT_IS_STORE (self));

  job = job_new (self, func, args, cancellable);
  job->result_free = result_free;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  g_async_queue_push (self->worker->queue, job);
}

static gpointer
finish_job (VtStore       *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
wait_for_job (VtStore  *self,
              Job      *job,
              GError  **error)
{
  Waiter waiter = { 0 };
  gpointer result;

  /* The worker would wait for itself. */
  g_return_val_if_fail (g_thread_self () != self->thread, NULL);

  g_mutex_init (&waiter.mutex);
  g_cond_init (&waiter.cond);
  job->waiter = &waiter;
  g_async_queue_push (self->worker->queue, job);

  g_mutex_lock (&waiter.mutex);
  while (!waiter.done)
    g_cond_wait (&waiter.cond, &waiter.mutex);
  g_mutex_unlock (&waiter.mutex);

  g_mutex_clear (&waiter.mutex);
  g_cond_clear (&waiter.cond);
  result = waiter.result;
  if (waiter.error)
    g_propagate_error (error, waiter.error);
  return result;
}

static gpointer
run_job (VtStore       *self,
         JobFunc        func,
         Args          *args,
         GCancellable  *cancellable,
         GError       **error)
{
  g_return_val_if_fail (VT_IS_STORE (self), NULL);

  return wait_for_job (self, job_new (self, func, args, cancellable), error);
}

static void
vt_store_dispose (GObject *object)
{
  VtStore *self = (VtStore *) object;

  if (self->thread != NULL)
    {
      /* An empty job tells the worker to close the backend and end.
       * Results are delivered so that the worker never drops the last
       * reference, but should it ever, it must not wait for itself. */
      g_async_queue_push (self->worker->queue, g_new0 (Job, 1));
      if (g_thread_self () == self->thread)
        g_thread_unref (self->thread);
      else
        g_thread_join (self->thread);
      self->thread = NULL;
    }

  G_OBJECT_CLASS (vt_store_parent_class)->dispose (object);
}

static void
vt_store_finalize (GObject *object)
{
  VtStore *self = (VtStore *) object;

  g_clear_pointer (&self->worker, worker_unref);
  g_free (self->path);
  g_free (self->actor);
  g_mutex_clear (&self->actor_lock);

  G_OBJECT_CLASS (vt_store_parent_class)->finalize (object);
}

static void
vt_store_class_init (VtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_store_dispose;
  object_class->finalize = vt_store_finalize;
}

static void
vt_store_init (VtStore *self)
{
  g_mutex_init (&self->actor_lock);
  self->journal_mode = "none";
  self->worker = g_rc_box_new0 (Worker);
  self->worker->queue = g_async_queue_new ();
  self->thread = g_thread_new ("vt-store", worker_thread, g_rc_box_acquire (self->worker));
}

/**
 * vt_store_default_path:
 *
 * Returns: (transfer full): where the database lives unless the user
 *   chose another: $XDG_DATA_HOME/vitask-suppliers/suppliers.db
 */
char *
vt_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "suppliers.db", NULL);
}

static Job *
open_job_new (VtStore          *self,
              const char       *path,
              VtStoreOpenFlags  flags,
              gboolean          server,
              GCancellable     *cancellable)
{
  Job *job = job_new (self, NULL, args_new (), cancellable);
  g_autofree char *dir = server ? NULL : g_path_get_dirname (path);

  self->path = g_strdup (path);
  self->is_server = server;
  job->open_path = g_strdup (path);
  job->open_flags = flags;
  job->open_server = server;
  /* The store is kept alive by the caller (sync) or the task (async). */
  job->args->rec = self;
  job->result_free = g_object_unref;
  /* A new database's folder may not exist yet (first run). */
  if (dir && (flags & VT_STORE_OPEN_CREATE) && !(flags & VT_STORE_OPEN_READ_ONLY))
    g_mkdir_with_parents (dir, 0700);
  return job;
}

/**
 * vt_store_open_async:
 * @path: the database file, e.g. from vt_store_default_path()
 * @flags: %VT_STORE_OPEN_CREATE to create it when missing,
 *   %VT_STORE_OPEN_READ_ONLY never to write
 *
 * Opens, checks and if needed upgrades the database on a new worker
 * thread. Errors are %VT_STORE_ERROR with messages fit to show as they
 * are: %VT_STORE_ERROR_NEWER_VERSION, %VT_STORE_ERROR_NOT_A_DATABASE,
 * %VT_STORE_ERROR_CORRUPT, %VT_STORE_ERROR_LOCKED,
 * %VT_STORE_ERROR_UNTRUSTED and so on. A file that cannot be written opens
 * read-only (see vt_store_is_read_only()).
 */
static void
open_async (const char          *path,
            VtStoreOpenFlags     flags,
            gboolean             server,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(VtStore) self = g_object_new (VT_TYPE_STORE, NULL);
  Job *job = open_job_new (self, path, flags, server, cancellable);

  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  g_async_queue_push (self->worker->queue, job);
}

void
vt_store_open_async (const char          *path,
                     VtStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  open_async (path, flags, FALSE, vt_store_open_async, cancellable, callback, user_data);
}

/**
 * vt_store_open_finish:
 *
 * Returns: (transfer full): the open store, or %NULL with @error set
 */
VtStore *
vt_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_store_open_async
                        || g_task_get_source_tag (G_TASK (result)) == vt_store_open_server_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vt_store_open_sync:
 *
 * Like vt_store_open_async(), blocking: for the command line and tests.
 */
VtStore *
vt_store_open_sync (const char        *path,
                    VtStoreOpenFlags   flags,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(VtStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (VT_TYPE_STORE, NULL);
  return wait_for_job (self, open_job_new (self, path, flags, FALSE, cancellable), error);
}

/**
 * vt_store_open_server_async:
 * @conninfo: a PostgreSQL connection string ("host=… dbname=… user=…")
 *   or URI, without the password (libpq finds it in PGPASSWORD or
 *   ~/.pgpass; the app passes it from the keyring)
 * @flags: %VT_STORE_OPEN_CREATE to give an empty database the schema,
 *   %VT_STORE_OPEN_READ_ONLY never to write
 *
 * Like vt_store_open_async(), on a shared server: connects, brings the
 * schema up to date when the account may, and opens read-only when the
 * account may only read. Finish with vt_store_open_finish().
 */
void
vt_store_open_server_async (const char          *conninfo,
                            VtStoreOpenFlags     flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (conninfo != NULL);

  open_async (conninfo, flags, TRUE, vt_store_open_server_async, cancellable, callback, user_data);
}

/**
 * vt_store_open_server_sync:
 *
 * Like vt_store_open_server_async(), blocking: for the command line and
 * tests.
 */
VtStore *
vt_store_open_server_sync (const char        *conninfo,
                           VtStoreOpenFlags   flags,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(VtStore) self = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (VT_TYPE_STORE, NULL);
  return wait_for_job (self, open_job_new (self, conninfo, flags, TRUE, cancellable), error);
}

/**
 * vt_store_is_server:
 *
 * Returns: whether the store is a database on a server, whose
 *   vt_store_get_path() is its connection string
 */
gboolean
vt_store_is_server (VtStore *self)
{
  g_return_val_if_fail (VT_IS_STORE (self), FALSE);
  return self->is_server;
}

gboolean
vt_store_is_read_only (VtStore *self)
{
  g_return_val_if_fail (VT_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
vt_store_get_path (VtStore *self)
{
  g_return_val_if_fail (VT_IS_STORE (self), NULL);
  return self->path;
}

int
vt_store_get_schema_version (VtStore *self)
{
  g_return_val_if_fail (VT_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * vt_store_get_journal_mode:
 *
 * Returns: "wal" on a local disk, "delete" on a network file system,
 *   "read-only" for a file opened read-only
 */
const char *
vt_store_get_journal_mode (VtStore *self)
{
  g_return_val_if_fail (VT_IS_STORE (self), NULL);
  return self->journal_mode;
}

/**
 * vt_store_set_actor:
 * @actor: (nullable): the name written into the audit log and the stage
 *   history; %NULL for the login name (g_get_user_name())
 */
void
vt_store_set_actor (VtStore    *self,
                    const char *actor)
{
  g_return_if_fail (VT_IS_STORE (self));

  g_mutex_lock (&self->actor_lock);
  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_mutex_unlock (&self->actor_lock);
}

char *
vt_store_dup_actor (VtStore *self)
{
  char *actor;

  g_return_val_if_fail (VT_IS_STORE (self), NULL);

  g_mutex_lock (&self->actor_lock);
  actor = g_strdup (self->actor ? self->actor : g_get_user_name ());
  g_mutex_unlock (&self->actor_lock);
  return actor;
}

static gpointer
job_set_busy_timeout (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  if (VT_IS_SQLITE_BACKEND (backend))
    vt_sqlite_backend_set_busy_timeout (VT_SQLITE_BACKEND (backend), (int) a->i1);
  return GINT_TO_POINTER (TRUE);
}

/**
 * vt_store_set_busy_timeout:
 *
 * How long the worker waits for another program's write lock before
 * failing with %VT_STORE_ERROR_LOCKED (5 s unless set). It is queued like
 * any call, so it applies to the calls made after it.
 */
void
vt_store_set_busy_timeout (VtStore *self,
                           int      milliseconds)
{
  Args *a = args_new ();

  a->i1 = milliseconds;
  queue_job (self, vt_store_set_busy_timeout, job_set_busy_timeout, a, NULL, NULL, NULL, NULL);
}

/* Check: two results, the report and whether it found problems. */
typedef struct
{
  char     *report;
  gboolean  healthy;
} CheckResult;

static void
check_result_free (CheckResult *r)
{
  g_free (r->report);
  g_free (r);
}

static gpointer
job_check (VtBackend     *backend,
           Args          *a,
           GCancellable  *cancellable,
           GError       **error)
{
  CheckResult *r = g_new0 (CheckResult, 1);

  if (!vt_backend_check (backend, &r->healthy, &r->report, error))
    {
      check_result_free (r);
      return NULL;
    }
  return r;
}

static char *
take_check_result (CheckResult *r,
                   gboolean    *healthy)
{
  char *report;

  if (r == NULL)
    return NULL;
  if (healthy)
    *healthy = r->healthy;
  report = g_steal_pointer (&r->report);
  check_result_free (r);
  return report;
}

/**
 * vt_store_check_async:
 *
 * Runs a full integrity check (slow on big files) and checks that the
 * references and the cached stages are consistent.
 */
void
vt_store_check_async (VtStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  queue_job (self, vt_store_check_async, job_check, args_new (),
             (GDestroyNotify) check_result_free, cancellable, callback, user_data);
}

/**
 * vt_store_check_finish:
 * @healthy: (out) (optional): whether no problem was found
 *
 * Returns: (transfer full): a report to show as it is
 */
char *
vt_store_check_finish (VtStore       *self,
                       GAsyncResult  *result,
                       gboolean      *healthy,
                       GError       **error)
{
  return take_check_result (finish_job (self, result, vt_store_check_async, error), healthy);
}

char *
vt_store_check_sync (VtStore       *self,
                     gboolean      *healthy,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return take_check_result (run_job (self, job_check, args_new (), cancellable, error), healthy);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (vt_sqlite_verify_file (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vt_store_verify_async:
 *
 * Reads the whole database file looking for damaged pages, on a thread
 * and a connection of its own, so that the store's work goes on
 * meanwhile. Opening a big file stays fast because this is not done then;
 * the window runs it right after.
 */
void
vt_store_verify_async (VtStore             *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_store_verify_async);
  /* A server keeps its own files whole. */
  if (self->is_server)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * vt_store_verify_finish:
 *
 * Returns: %FALSE with %VT_STORE_ERROR_CORRUPT if the file is damaged
 */
gboolean
vt_store_verify_finish (VtStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_store_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
vt_store_verify_sync (VtStore       *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (VT_IS_STORE (self), FALSE);

  if (self->is_server)
    return TRUE;
  return vt_sqlite_verify_file (self->path, cancellable, error);
}

/* The operations below share one pattern: copy the arguments, queue a
 * job that calls the backend, hand back its result. */

static gpointer
job_count (VtBackend     *backend,
           Args          *a,
           GCancellable  *cancellable,
           GError       **error)
{
  return vt_backend_count (backend, error);
}

static gpointer
job_count_stages (VtBackend     *backend,
                  Args          *a,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return vt_backend_count_stages (backend, a->i1, a->n1, error);
}

static gpointer
job_get_round_stats (VtBackend     *backend,
                     Args          *a,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return vt_round_stats_load (backend, a->i1, error);
}

static gpointer
job_get_supplier_stats (VtBackend     *backend,
                        Args          *a,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return vt_supplier_stats_load (backend, a->s1, error);
}

static gpointer
job_list_provinces (VtBackend     *backend,
                    Args          *a,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return vt_backend_list_provinces (backend, error);
}

static gpointer
job_list_certifications (VtBackend     *backend,
                         Args          *a,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return vt_backend_list_certifications (backend, error);
}

static gpointer
job_query_suppliers (VtBackend     *backend,
                     Args          *a,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return vt_backend_query_suppliers (backend, a->query, error);
}

static gpointer
job_get_supplier (VtBackend     *backend,
                  Args          *a,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return vt_backend_get_supplier (backend, a->s1, error);
}

static gpointer
job_save_supplier (VtBackend     *backend,
                   Args          *a,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return vt_backend_save_supplier (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_delete_supplier (VtBackend     *backend,
                     Args          *a,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return vt_backend_delete_supplier (backend, a->s1, a->i1, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_move_stage (VtBackend     *backend,
                Args          *a,
                GCancellable  *cancellable,
                GError       **error)
{
  return vt_backend_move_stage (backend, a->s1, a->i1, (VtStage) a->n1, a->s2, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_move_stages (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_move_stages (backend, a->rec, a->i1, (VtStage) a->n1, a->s2, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_stage_history (VtBackend     *backend,
                        Args          *a,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return vt_backend_list_stage_history (backend, a->s1, error);
}

static gpointer
job_list_rounds (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_list_rounds (backend, error);
}

static gpointer
job_save_round (VtBackend     *backend,
                Args          *a,
                GCancellable  *cancellable,
                GError       **error)
{
  return vt_backend_save_round (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_close_round (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_close_round (backend, a->i1, a->i2, a->s1, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_set_current_round (VtBackend     *backend,
                       Args          *a,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return vt_backend_set_current_round (backend, a->i1, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_people (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_list_people (backend, error);
}

static gpointer
job_save_person (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_save_person (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_visits (VtBackend     *backend,
                 Args          *a,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vt_backend_list_visits (backend, a->s1, a->t1, a->t2, error);
}

static gpointer
job_get_visit (VtBackend     *backend,
               Args          *a,
               GCancellable  *cancellable,
               GError       **error)
{
  return vt_backend_get_visit (backend, a->i1, error);
}

static gpointer
job_save_visit (VtBackend     *backend,
                Args          *a,
                GCancellable  *cancellable,
                GError       **error)
{
  return vt_backend_save_visit (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_get_visit_by_uid (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_backend_get_visit_by_uid (backend, a->s1, error);
}

static gpointer
job_import_visits (VtBackend     *backend,
                   Args          *a,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return vt_backend_import_visits (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_criterion_sets (VtBackend     *backend,
                         Args          *a,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return vt_backend_list_criterion_sets (backend, error);
}

static gpointer
job_get_criterion_set (VtBackend     *backend,
                       Args          *a,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return vt_backend_get_criterion_set (backend, a->i1, error);
}

static gpointer
job_save_criterion_set (VtBackend     *backend,
                        Args          *a,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return vt_backend_save_criterion_set (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_set_default_criterion_set (VtBackend     *backend,
                               Args          *a,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return vt_backend_set_default_criterion_set (backend, a->i1, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_assessments (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_backend_list_assessments (backend, a->s1, error);
}

static gpointer
job_get_assessment (VtBackend     *backend,
                    Args          *a,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return vt_backend_get_assessment (backend, a->i1, error);
}

static gpointer
job_save_assessment (VtBackend     *backend,
                     Args          *a,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return vt_backend_save_assessment (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_improvement_actions (VtBackend     *backend,
                              Args          *a,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return vt_backend_list_improvement_actions (backend, a->s1, error);
}

static gpointer
job_list_attachments (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_backend_list_attachments (backend, a->s1, error);
}

static gpointer
job_get_attachment (VtBackend     *backend,
                    Args          *a,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return vt_backend_get_attachment (backend, a->i1, error);
}

static gpointer
job_add_attachment (VtBackend     *backend,
                    Args          *a,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return vt_backend_add_attachment (backend, a->rec, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_delete (VtBackend     *backend,
            Args          *a,
            GCancellable  *cancellable,
            GError       **error)
{
  return vt_backend_delete_record (backend, (VtRecordKind) a->n1, a->i1, a->i2, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_list_audit (VtBackend     *backend,
                Args          *a,
                GCancellable  *cancellable,
                GError       **error)
{
  return vt_backend_list_audit (backend, a->s1, a->s2, error);
}

static gpointer
job_backup (VtBackend     *backend,
            Args          *a,
            GCancellable  *cancellable,
            GError       **error)
{
  return vt_backend_backup (backend, a->s1, cancellable, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
job_restore (VtBackend     *backend,
             Args          *a,
             GCancellable  *cancellable,
             GError       **error)
{
  if (a->s2 != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (a->s2);

      g_mkdir_with_parents (dir, 0700);
    }
  return vt_backend_restore (backend, a->s1, a->s2, cancellable, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Returns the new backup's path, or "" when today's is already there. */
static gpointer
job_back_up_daily (VtBackend     *backend,
                   Args          *a,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) backups = vt_backup_list (a->s1);
  g_autoptr(GDateTime) now = a->t1 ? g_date_time_to_local (a->t1) : g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  g_autoptr(GError) rotate_error = NULL;

  if (!vt_backup_is_due (backups, now))
    return g_strdup ("");

  if (g_mkdir_with_parents (a->s1, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO,
                   _("The backups folder “%s” cannot be made: %s."), a->s1, g_strerror (saved_errno));
      return NULL;
    }
  path = vt_backup_new_path (a->s1, VT_BACKUP_DAILY, now);
  if (!vt_backend_backup (backend, path, cancellable, error))
    return NULL;

  /* An old backup that cannot be deleted is no reason to fail a new one. */
  vt_backup_rotate (a->s1, (guint) a->n1, &rotate_error);
  if (rotate_error != NULL)
    g_warning ("%s", rotate_error->message);
  return g_steal_pointer (&path);
}

static gpointer
job_load_sample_data (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_sample_data_load (backend, cancellable, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * vt_store_count_async:
 *
 * Counts suppliers, rounds, visits, assessments and people.
 */
void
vt_store_count_async (VtStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_count_async, job_count, a, (GDestroyNotify) vt_store_counts_free, cancellable, callback, user_data);
}

VtStoreCounts *
vt_store_count_finish (VtStore      *self,
                       GAsyncResult *result,
                       GError       **error)
{
  return finish_job (self, result, vt_store_count_async, error);
}

VtStoreCounts *
vt_store_count_sync (VtStore      *self,
                     GCancellable *cancellable,
                     GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_count, a, cancellable, error);
}

/**
 * vt_store_count_stages_async:
 *
 * Per stage (a #GArray of guint64 indexed by #VtStage): suppliers there
 * now, or with @reached those that ever reached it in @round_id (0: all
 * rounds).
 */
void
vt_store_count_stages_async (VtStore             *self,
                             gint64              round_id,
                             gboolean            reached,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  Args *a = args_new ();

  a->i1 = round_id;
  a->n1 = (int) reached;
  queue_job (self, vt_store_count_stages_async, job_count_stages, a, (GDestroyNotify) g_array_unref, cancellable, callback, user_data);
}

GArray *
vt_store_count_stages_finish (VtStore      *self,
                              GAsyncResult *result,
                              GError       **error)
{
  return finish_job (self, result, vt_store_count_stages_async, error);
}

GArray *
vt_store_count_stages_sync (VtStore      *self,
                            gint64       round_id,
                            gboolean     reached,
                            GCancellable *cancellable,
                            GError       **error)
{
  Args *a = args_new ();

  a->i1 = round_id;
  a->n1 = (int) reached;
  return run_job (self, job_count_stages, a, cancellable, error);
}

/**
 * vt_store_get_round_stats_async:
 *
 * Reads the numbers behind a round's charts (#VtRoundStats) in one go.
 */
void
vt_store_get_round_stats_async (VtStore             *self,
                                gint64               round_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *a = args_new ();

  a->i1 = round_id;
  queue_job (self, vt_store_get_round_stats_async, job_get_round_stats, a, (GDestroyNotify) vt_round_stats_unref,
             cancellable, callback, user_data);
}

VtRoundStats *
vt_store_get_round_stats_finish (VtStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_job (self, result, vt_store_get_round_stats_async, error);
}

VtRoundStats *
vt_store_get_round_stats_sync (VtStore       *self,
                               gint64         round_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  Args *a = args_new ();

  a->i1 = round_id;
  return run_job (self, job_get_round_stats, a, cancellable, error);
}

/**
 * vt_store_get_supplier_stats_async:
 *
 * Reads a supplier's assessments with their bands and its round's median
 * scores (#VtSupplierStats), for its radar and progress charts.
 */
void
vt_store_get_supplier_stats_async (VtStore             *self,
                                   const char          *uuid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  queue_job (self, vt_store_get_supplier_stats_async, job_get_supplier_stats, a,
             (GDestroyNotify) vt_supplier_stats_unref, cancellable, callback, user_data);
}

VtSupplierStats *
vt_store_get_supplier_stats_finish (VtStore       *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_job (self, result, vt_store_get_supplier_stats_async, error);
}

VtSupplierStats *
vt_store_get_supplier_stats_sync (VtStore       *self,
                                  const char    *uuid,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  return run_job (self, job_get_supplier_stats, a, cancellable, error);
}

/**
 * vt_store_list_provinces_async:
 *
 * The 34 current units and the 63 before 1 July 2025 (#VtProvince).
 */
void
vt_store_list_provinces_async (VtStore             *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_list_provinces_async, job_list_provinces, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_provinces_finish (VtStore      *self,
                                GAsyncResult *result,
                                GError       **error)
{
  return finish_job (self, result, vt_store_list_provinces_async, error);
}

GPtrArray *
vt_store_list_provinces_sync (VtStore      *self,
                              GCancellable *cancellable,
                              GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_list_provinces, a, cancellable, error);
}

/**
 * vt_store_list_certifications_async:
 *
 * The standards that suppliers in the store hold certificates for, each
 * once, in alphabetical order (a #GStrv).
 */
void
vt_store_list_certifications_async (VtStore             *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_list_certifications_async, job_list_certifications, a,
             (GDestroyNotify) g_strfreev, cancellable, callback, user_data);
}

GStrv
vt_store_list_certifications_finish (VtStore       *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_job (self, result, vt_store_list_certifications_async, error);
}

GStrv
vt_store_list_certifications_sync (VtStore       *self,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_list_certifications, a, cancellable, error);
}

/**
 * vt_store_query_suppliers_async:
 *
 * One page of the supplier list; pass the page's cursor in the next query
 * for the next page.
 */
void
vt_store_query_suppliers_async (VtStore               *self,
                                const VtSupplierQuery *query,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  Args *a = args_new ();

  a->query = vt_supplier_query_copy (query);
  queue_job (self, vt_store_query_suppliers_async, job_query_suppliers, a, (GDestroyNotify) vt_supplier_page_unref, cancellable, callback, user_data);
}

VtSupplierPage *
vt_store_query_suppliers_finish (VtStore      *self,
                                 GAsyncResult *result,
                                 GError       **error)
{
  return finish_job (self, result, vt_store_query_suppliers_async, error);
}

VtSupplierPage *
vt_store_query_suppliers_sync (VtStore               *self,
                               const VtSupplierQuery *query,
                               GCancellable          *cancellable,
                               GError                **error)
{
  Args *a = args_new ();

  a->query = vt_supplier_query_copy (query);
  return run_job (self, job_query_suppliers, a, cancellable, error);
}

/**
 * vt_store_get_supplier_async:
 *
 * The full supplier with its certifications, customers and contacts.
 */
void
vt_store_get_supplier_async (VtStore             *self,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  queue_job (self, vt_store_get_supplier_async, job_get_supplier, a, (GDestroyNotify) vt_supplier_unref, cancellable, callback, user_data);
}

VtSupplier *
vt_store_get_supplier_finish (VtStore      *self,
                              GAsyncResult *result,
                              GError       **error)
{
  return finish_job (self, result, vt_store_get_supplier_async, error);
}

VtSupplier *
vt_store_get_supplier_sync (VtStore      *self,
                            const char   *uuid,
                            GCancellable *cancellable,
                            GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  return run_job (self, job_get_supplier, a, cancellable, error);
}

/**
 * vt_store_save_supplier_async:
 *
 * Creates (version 0) or updates the supplier. On success the record gets
 * its UUID, new version and timestamps; do not change it before the
 * callback. A stale version fails with %VT_STORE_ERROR_CONFLICT.
 */
void
vt_store_save_supplier_async (VtStore             *self,
                              VtSupplier          *supplier,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_supplier_ref (supplier);
  a->rec_free = (GDestroyNotify) vt_supplier_unref;
  queue_job (self, vt_store_save_supplier_async, job_save_supplier, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_supplier_finish (VtStore      *self,
                               GAsyncResult *result,
                               GError       **error)
{
  return finish_job (self, result, vt_store_save_supplier_async, error) != NULL;
}

gboolean
vt_store_save_supplier_sync (VtStore      *self,
                             VtSupplier   *supplier,
                             GCancellable *cancellable,
                             GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_supplier_ref (supplier);
  a->rec_free = (GDestroyNotify) vt_supplier_unref;
  return run_job (self, job_save_supplier, a, cancellable, error) != NULL;
}

/**
 * vt_store_delete_supplier_async:
 *
 * Deletes a supplier and everything recorded about it.
 */
void
vt_store_delete_supplier_async (VtStore             *self,
                                const char          *uuid,
                                gint64              version,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  a->i1 = version;
  queue_job (self, vt_store_delete_supplier_async, job_delete_supplier, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_delete_supplier_finish (VtStore      *self,
                                 GAsyncResult *result,
                                 GError       **error)
{
  return finish_job (self, result, vt_store_delete_supplier_async, error) != NULL;
}

gboolean
vt_store_delete_supplier_sync (VtStore      *self,
                               const char   *uuid,
                               gint64       version,
                               GCancellable *cancellable,
                               GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  a->i1 = version;
  return run_job (self, job_delete_supplier, a, cancellable, error) != NULL;
}

/**
 * vt_store_move_stage_async:
 *
 * Moves a supplier to @stage in @round_id (0: keep its round), writing a
 * history row. A move the pipeline does not allow fails with
 * %VT_STORE_ERROR_TRANSITION and a message saying why.
 */
void
vt_store_move_stage_async (VtStore             *self,
                           const char          *uuid,
                           gint64              round_id,
                           VtStage             stage,
                           const char          *reason,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  a->i1 = round_id;
  a->n1 = (int) stage;
  a->s2 = g_strdup (reason);
  queue_job (self, vt_store_move_stage_async, job_move_stage, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_move_stage_finish (VtStore      *self,
                            GAsyncResult *result,
                            GError       **error)
{
  return finish_job (self, result, vt_store_move_stage_async, error) != NULL;
}

gboolean
vt_store_move_stage_sync (VtStore      *self,
                          const char   *uuid,
                          gint64       round_id,
                          VtStage      stage,
                          const char   *reason,
                          GCancellable *cancellable,
                          GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  a->i1 = round_id;
  a->n1 = (int) stage;
  a->s2 = g_strdup (reason);
  return run_job (self, job_move_stage, a, cancellable, error) != NULL;
}

static Args *
move_stages_args (const char * const *uuids,
                  gint64              round_id,
                  VtStage             stage,
                  const char         *reason)
{
  Args *a = args_new ();

  a->rec = g_strdupv ((char **) uuids);
  a->rec_free = (GDestroyNotify) g_strfreev;
  a->i1 = round_id;
  a->n1 = (int) stage;
  a->s2 = g_strdup (reason);
  return a;
}

/**
 * vt_store_move_stages_async:
 * @uuids: (array zero-terminated=1): the suppliers to move
 *
 * Moves several suppliers to @stage in @round_id (0: keep each one's
 * round) in one transaction, with the same reason: all of them move, or,
 * when the pipeline refuses one move (%VT_STORE_ERROR_TRANSITION, the
 * message starting with that supplier's name), none does.
 */
void
vt_store_move_stages_async (VtStore             *self,
                            const char * const  *uuids,
                            gint64               round_id,
                            VtStage              stage,
                            const char          *reason,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (uuids != NULL);

  queue_job (self, vt_store_move_stages_async, job_move_stages,
             move_stages_args (uuids, round_id, stage, reason),
             NULL, cancellable, callback, user_data);
}

gboolean
vt_store_move_stages_finish (VtStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_move_stages_async, error) != NULL;
}

gboolean
vt_store_move_stages_sync (VtStore             *self,
                           const char * const  *uuids,
                           gint64               round_id,
                           VtStage              stage,
                           const char          *reason,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_return_val_if_fail (uuids != NULL, FALSE);

  return run_job (self, job_move_stages, move_stages_args (uuids, round_id, stage, reason),
                  cancellable, error) != NULL;
}

/**
 * vt_store_list_stage_history_async:
 *
 * The supplier's stage history (#VtStageChange), oldest first.
 */
void
vt_store_list_stage_history_async (VtStore             *self,
                                   const char          *uuid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  queue_job (self, vt_store_list_stage_history_async, job_list_stage_history, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_stage_history_finish (VtStore      *self,
                                    GAsyncResult *result,
                                    GError       **error)
{
  return finish_job (self, result, vt_store_list_stage_history_async, error);
}

GPtrArray *
vt_store_list_stage_history_sync (VtStore      *self,
                                  const char   *uuid,
                                  GCancellable *cancellable,
                                  GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uuid);
  return run_job (self, job_list_stage_history, a, cancellable, error);
}

/**
 * vt_store_list_rounds_async:
 *
 * All rounds (#VtRound), newest first.
 */
void
vt_store_list_rounds_async (VtStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_list_rounds_async, job_list_rounds, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_rounds_finish (VtStore      *self,
                             GAsyncResult *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_list_rounds_async, error);
}

GPtrArray *
vt_store_list_rounds_sync (VtStore      *self,
                           GCancellable *cancellable,
                           GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_list_rounds, a, cancellable, error);
}

/**
 * vt_store_save_round_async:
 *
 * Creates or updates a round and its targets; changed targets are audited.
 */
void
vt_store_save_round_async (VtStore             *self,
                           VtRound             *round,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_round_ref (round);
  a->rec_free = (GDestroyNotify) vt_round_unref;
  queue_job (self, vt_store_save_round_async, job_save_round, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_round_finish (VtStore      *self,
                            GAsyncResult *result,
                            GError       **error)
{
  return finish_job (self, result, vt_store_save_round_async, error) != NULL;
}

gboolean
vt_store_save_round_sync (VtStore      *self,
                          VtRound      *round,
                          GCancellable *cancellable,
                          GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_round_ref (round);
  a->rec_free = (GDestroyNotify) vt_round_unref;
  return run_job (self, job_save_round, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_people_async:
 *
 * All people (#VtPerson).
 */
void
vt_store_list_people_async (VtStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_list_people_async, job_list_people, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_people_finish (VtStore      *self,
                             GAsyncResult *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_list_people_async, error);
}

GPtrArray *
vt_store_list_people_sync (VtStore      *self,
                           GCancellable *cancellable,
                           GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_list_people, a, cancellable, error);
}

/**
 * vt_store_save_person_async:
 *
 * Creates or updates a person.
 */
void
vt_store_save_person_async (VtStore             *self,
                            VtPerson            *person,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_person_ref (person);
  a->rec_free = (GDestroyNotify) vt_person_unref;
  queue_job (self, vt_store_save_person_async, job_save_person, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_person_finish (VtStore      *self,
                             GAsyncResult *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_save_person_async, error) != NULL;
}

gboolean
vt_store_save_person_sync (VtStore      *self,
                           VtPerson     *person,
                           GCancellable *cancellable,
                           GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_person_ref (person);
  a->rec_free = (GDestroyNotify) vt_person_unref;
  return run_job (self, job_save_person, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_visits_async:
 *
 * Visits (#VtVisit) of one supplier (or all, with %NULL) overlapping
 * [@from, @to) (either may be %NULL), by start time.
 */
void
vt_store_list_visits_async (VtStore             *self,
                            const char          *supplier_uuid,
                            GDateTime           *from,
                            GDateTime           *to,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  a->t1 = from ? g_date_time_ref (from) : NULL;
  a->t2 = to ? g_date_time_ref (to) : NULL;
  queue_job (self, vt_store_list_visits_async, job_list_visits, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_visits_finish (VtStore      *self,
                             GAsyncResult *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_list_visits_async, error);
}

GPtrArray *
vt_store_list_visits_sync (VtStore      *self,
                           const char   *supplier_uuid,
                           GDateTime    *from,
                           GDateTime    *to,
                           GCancellable *cancellable,
                           GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  a->t1 = from ? g_date_time_ref (from) : NULL;
  a->t2 = to ? g_date_time_ref (to) : NULL;
  return run_job (self, job_list_visits, a, cancellable, error);
}

/**
 * vt_store_get_visit_async:
 *
 * One visit with its participants.
 */
void
vt_store_get_visit_async (VtStore             *self,
                          gint64              id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  Args *a = args_new ();

  a->i1 = id;
  queue_job (self, vt_store_get_visit_async, job_get_visit, a, (GDestroyNotify) vt_visit_unref, cancellable, callback, user_data);
}

VtVisit *
vt_store_get_visit_finish (VtStore      *self,
                           GAsyncResult *result,
                           GError       **error)
{
  return finish_job (self, result, vt_store_get_visit_async, error);
}

VtVisit *
vt_store_get_visit_sync (VtStore      *self,
                         gint64       id,
                         GCancellable *cancellable,
                         GError       **error)
{
  Args *a = args_new ();

  a->i1 = id;
  return run_job (self, job_get_visit, a, cancellable, error);
}

/**
 * vt_store_save_visit_async:
 *
 * Creates or updates a visit and its participants.
 */
void
vt_store_save_visit_async (VtStore             *self,
                           VtVisit             *visit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_visit_ref (visit);
  a->rec_free = (GDestroyNotify) vt_visit_unref;
  queue_job (self, vt_store_save_visit_async, job_save_visit, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_visit_finish (VtStore      *self,
                            GAsyncResult *result,
                            GError       **error)
{
  return finish_job (self, result, vt_store_save_visit_async, error) != NULL;
}

gboolean
vt_store_save_visit_sync (VtStore      *self,
                          VtVisit      *visit,
                          GCancellable *cancellable,
                          GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_visit_ref (visit);
  a->rec_free = (GDestroyNotify) vt_visit_unref;
  return run_job (self, job_save_visit, a, cancellable, error) != NULL;
}

/**
 * vt_store_get_visit_by_uid_async:
 * @uid: a visit's uuid, or the iCalendar UID it was imported with
 *
 * Fails with %VT_STORE_ERROR_NOT_FOUND when no visit has that uid.
 */
void
vt_store_get_visit_by_uid_async (VtStore             *self,
                                 const char          *uid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uid);
  queue_job (self, vt_store_get_visit_by_uid_async, job_get_visit_by_uid, a, (GDestroyNotify) vt_visit_unref,
             cancellable, callback, user_data);
}

VtVisit *
vt_store_get_visit_by_uid_finish (VtStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_get_visit_by_uid_async, error);
}

VtVisit *
vt_store_get_visit_by_uid_sync (VtStore       *self,
                                const char    *uid,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (uid);
  return run_job (self, job_get_visit_by_uid, a, cancellable, error);
}

/**
 * vt_store_import_visits_async:
 * @visits: (element-type VtVisit): visits read from a file
 *
 * Saves all of @visits in one transaction, or none: a visit whose uuid or
 * ical_uid is stored already updates that one. Each visit gets its id,
 * version and uuid.
 */
void
vt_store_import_visits_async (VtStore             *self,
                              GPtrArray           *visits,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *a = args_new ();

  a->rec = g_ptr_array_ref (visits);
  a->rec_free = (GDestroyNotify) g_ptr_array_unref;
  queue_job (self, vt_store_import_visits_async, job_import_visits, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_import_visits_finish (VtStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_job (self, result, vt_store_import_visits_async, error) != NULL;
}

gboolean
vt_store_import_visits_sync (VtStore       *self,
                             GPtrArray     *visits,
                             GCancellable  *cancellable,
                             GError       **error)
{
  Args *a = args_new ();

  a->rec = g_ptr_array_ref (visits);
  a->rec_free = (GDestroyNotify) g_ptr_array_unref;
  return run_job (self, job_import_visits, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_criterion_sets_async:
 *
 * Every version of every criterion set (#VtCriterionSet).
 */
void
vt_store_list_criterion_sets_async (VtStore             *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_list_criterion_sets_async, job_list_criterion_sets, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_criterion_sets_finish (VtStore      *self,
                                     GAsyncResult *result,
                                     GError       **error)
{
  return finish_job (self, result, vt_store_list_criterion_sets_async, error);
}

GPtrArray *
vt_store_list_criterion_sets_sync (VtStore      *self,
                                   GCancellable *cancellable,
                                   GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_list_criterion_sets, a, cancellable, error);
}

/**
 * vt_store_get_criterion_set_async:
 *
 * One criterion set version; @id 0 gives the default set.
 */
void
vt_store_get_criterion_set_async (VtStore             *self,
                                  gint64              id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  Args *a = args_new ();

  a->i1 = id;
  queue_job (self, vt_store_get_criterion_set_async, job_get_criterion_set, a, (GDestroyNotify) vt_criterion_set_unref, cancellable, callback, user_data);
}

VtCriterionSet *
vt_store_get_criterion_set_finish (VtStore      *self,
                                   GAsyncResult *result,
                                   GError       **error)
{
  return finish_job (self, result, vt_store_get_criterion_set_async, error);
}

VtCriterionSet *
vt_store_get_criterion_set_sync (VtStore      *self,
                                 gint64       id,
                                 GCancellable *cancellable,
                                 GError       **error)
{
  Args *a = args_new ();

  a->i1 = id;
  return run_job (self, job_get_criterion_set, a, cancellable, error);
}

/**
 * vt_store_save_criterion_set_async:
 *
 * Saves the set as a new version (new id); weights must sum to 100.
 */
void
vt_store_save_criterion_set_async (VtStore             *self,
                                   VtCriterionSet      *set,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_criterion_set_ref (set);
  a->rec_free = (GDestroyNotify) vt_criterion_set_unref;
  queue_job (self, vt_store_save_criterion_set_async, job_save_criterion_set, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_criterion_set_finish (VtStore      *self,
                                    GAsyncResult *result,
                                    GError       **error)
{
  return finish_job (self, result, vt_store_save_criterion_set_async, error) != NULL;
}

gboolean
vt_store_save_criterion_set_sync (VtStore        *self,
                                  VtCriterionSet *set,
                                  GCancellable   *cancellable,
                                  GError         **error)
{
  Args *a = args_new ();

  a->rec = vt_criterion_set_ref (set);
  a->rec_free = (GDestroyNotify) vt_criterion_set_unref;
  return run_job (self, job_save_criterion_set, a, cancellable, error) != NULL;
}

/**
 * vt_store_set_default_criterion_set_async:
 *
 * Makes the criterion set version @id the one new assessments use,
 * without changing the version itself.
 */
void
vt_store_set_default_criterion_set_async (VtStore             *self,
                                          gint64               id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Args *a = args_new ();

  a->i1 = id;
  queue_job (self, vt_store_set_default_criterion_set_async, job_set_default_criterion_set, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_set_default_criterion_set_finish (VtStore       *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_job (self, result, vt_store_set_default_criterion_set_async, error) != NULL;
}

gboolean
vt_store_set_default_criterion_set_sync (VtStore       *self,
                                         gint64         id,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  Args *a = args_new ();

  a->i1 = id;
  return run_job (self, job_set_default_criterion_set, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_assessments_async:
 *
 * Assessments (#VtAssessment) of a supplier (or all, with %NULL), oldest
 * first.
 */
void
vt_store_list_assessments_async (VtStore             *self,
                                 const char          *supplier_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  queue_job (self, vt_store_list_assessments_async, job_list_assessments, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_assessments_finish (VtStore      *self,
                                  GAsyncResult *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_list_assessments_async, error);
}

GPtrArray *
vt_store_list_assessments_sync (VtStore      *self,
                                const char   *supplier_uuid,
                                GCancellable *cancellable,
                                GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  return run_job (self, job_list_assessments, a, cancellable, error);
}

/**
 * vt_store_list_improvement_actions_async:
 *
 * The improvement actions (#VtImprovementAction) agreed at a supplier's
 * assessments, oldest first, with whether a later assessment found them
 * done.
 */
void
vt_store_list_improvement_actions_async (VtStore             *self,
                                         const char          *supplier_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  queue_job (self, vt_store_list_improvement_actions_async, job_list_improvement_actions, a,
             (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_improvement_actions_finish (VtStore       *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_job (self, result, vt_store_list_improvement_actions_async, error);
}

GPtrArray *
vt_store_list_improvement_actions_sync (VtStore       *self,
                                        const char    *supplier_uuid,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  return run_job (self, job_list_improvement_actions, a, cancellable, error);
}

/**
 * vt_store_get_assessment_async:
 *
 * One assessment with its scores.
 */
void
vt_store_get_assessment_async (VtStore             *self,
                               gint64              id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  Args *a = args_new ();

  a->i1 = id;
  queue_job (self, vt_store_get_assessment_async, job_get_assessment, a, (GDestroyNotify) vt_assessment_unref, cancellable, callback, user_data);
}

VtAssessment *
vt_store_get_assessment_finish (VtStore      *self,
                                GAsyncResult *result,
                                GError       **error)
{
  return finish_job (self, result, vt_store_get_assessment_async, error);
}

VtAssessment *
vt_store_get_assessment_sync (VtStore      *self,
                              gint64       id,
                              GCancellable *cancellable,
                              GError       **error)
{
  Args *a = args_new ();

  a->i1 = id;
  return run_job (self, job_get_assessment, a, cancellable, error);
}

/**
 * vt_store_save_assessment_async:
 *
 * Creates or updates an assessment; the readiness index is computed from
 * the scores.
 */
void
vt_store_save_assessment_async (VtStore             *self,
                                VtAssessment        *assessment,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_assessment_ref (assessment);
  a->rec_free = (GDestroyNotify) vt_assessment_unref;
  queue_job (self, vt_store_save_assessment_async, job_save_assessment, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_save_assessment_finish (VtStore      *self,
                                 GAsyncResult *result,
                                 GError       **error)
{
  return finish_job (self, result, vt_store_save_assessment_async, error) != NULL;
}

gboolean
vt_store_save_assessment_sync (VtStore      *self,
                               VtAssessment *assessment,
                               GCancellable *cancellable,
                               GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_assessment_ref (assessment);
  a->rec_free = (GDestroyNotify) vt_assessment_unref;
  return run_job (self, job_save_assessment, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_attachments_async:
 *
 * A supplier's attachments (#VtAttachment) without their content.
 */
void
vt_store_list_attachments_async (VtStore             *self,
                                 const char          *supplier_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  queue_job (self, vt_store_list_attachments_async, job_list_attachments, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_attachments_finish (VtStore      *self,
                                  GAsyncResult *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_list_attachments_async, error);
}

GPtrArray *
vt_store_list_attachments_sync (VtStore      *self,
                                const char   *supplier_uuid,
                                GCancellable *cancellable,
                                GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (supplier_uuid);
  return run_job (self, job_list_attachments, a, cancellable, error);
}

/**
 * vt_store_get_attachment_async:
 *
 * One attachment with its content.
 */
void
vt_store_get_attachment_async (VtStore             *self,
                               gint64              id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  Args *a = args_new ();

  a->i1 = id;
  queue_job (self, vt_store_get_attachment_async, job_get_attachment, a, (GDestroyNotify) vt_attachment_unref, cancellable, callback, user_data);
}

VtAttachment *
vt_store_get_attachment_finish (VtStore      *self,
                                GAsyncResult *result,
                                GError       **error)
{
  return finish_job (self, result, vt_store_get_attachment_async, error);
}

VtAttachment *
vt_store_get_attachment_sync (VtStore      *self,
                              gint64       id,
                              GCancellable *cancellable,
                              GError       **error)
{
  Args *a = args_new ();

  a->i1 = id;
  return run_job (self, job_get_attachment, a, cancellable, error);
}

/**
 * vt_store_add_attachment_async:
 *
 * Stores a file or photo with a supplier.
 */
void
vt_store_add_attachment_async (VtStore             *self,
                               VtAttachment        *attachment,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  Args *a = args_new ();

  a->rec = vt_attachment_ref (attachment);
  a->rec_free = (GDestroyNotify) vt_attachment_unref;
  queue_job (self, vt_store_add_attachment_async, job_add_attachment, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_add_attachment_finish (VtStore      *self,
                                GAsyncResult *result,
                                GError       **error)
{
  return finish_job (self, result, vt_store_add_attachment_async, error) != NULL;
}

gboolean
vt_store_add_attachment_sync (VtStore      *self,
                              VtAttachment *attachment,
                              GCancellable *cancellable,
                              GError       **error)
{
  Args *a = args_new ();

  a->rec = vt_attachment_ref (attachment);
  a->rec_free = (GDestroyNotify) vt_attachment_unref;
  return run_job (self, job_add_attachment, a, cancellable, error) != NULL;
}

/**
 * vt_store_delete_async:
 *
 * Deletes a round, person, visit, criterion set, assessment or attachment
 * (@version is ignored for attachments).
 */
void
vt_store_delete_async (VtStore             *self,
                       VtRecordKind        kind,
                       gint64              id,
                       gint64              version,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  Args *a = args_new ();

  a->n1 = (int) kind;
  a->i1 = id;
  a->i2 = version;
  queue_job (self, vt_store_delete_async, job_delete, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_delete_finish (VtStore      *self,
                        GAsyncResult *result,
                        GError       **error)
{
  return finish_job (self, result, vt_store_delete_async, error) != NULL;
}

gboolean
vt_store_delete_sync (VtStore      *self,
                      VtRecordKind kind,
                      gint64       id,
                      gint64       version,
                      GCancellable *cancellable,
                      GError       **error)
{
  Args *a = args_new ();

  a->n1 = (int) kind;
  a->i1 = id;
  a->i2 = version;
  return run_job (self, job_delete, a, cancellable, error) != NULL;
}

/**
 * vt_store_list_audit_async:
 *
 * Audit rows (#VtAuditEntry) for one record, one kind of entity, or
 * everything (%NULL), oldest first.
 */
void
vt_store_list_audit_async (VtStore             *self,
                           const char          *entity,
                           const char          *entity_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (entity);
  a->s2 = g_strdup (entity_id);
  queue_job (self, vt_store_list_audit_async, job_list_audit, a, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vt_store_list_audit_finish (VtStore      *self,
                            GAsyncResult *result,
                            GError       **error)
{
  return finish_job (self, result, vt_store_list_audit_async, error);
}

GPtrArray *
vt_store_list_audit_sync (VtStore      *self,
                          const char   *entity,
                          const char   *entity_id,
                          GCancellable *cancellable,
                          GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (entity);
  a->s2 = g_strdup (entity_id);
  return run_job (self, job_list_audit, a, cancellable, error);
}

/**
 * vt_store_backup_async:
 *
 * Copies the database to @path (online, with sqlite3_backup); the file
 * appears only when complete.
 */
void
vt_store_backup_async (VtStore             *self,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (path);
  queue_job (self, vt_store_backup_async, job_backup, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_backup_finish (VtStore      *self,
                        GAsyncResult *result,
                        GError       **error)
{
  return finish_job (self, result, vt_store_backup_async, error) != NULL;
}

gboolean
vt_store_backup_sync (VtStore      *self,
                      const char   *path,
                      GCancellable *cancellable,
                      GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (path);
  return run_job (self, job_backup, a, cancellable, error) != NULL;
}

/**
 * vt_store_load_sample_data_async:
 *
 * Fills the database with the fictitious sample round (see vt-sample-
 * data.h).
 */
void
vt_store_load_sample_data_async (VtStore             *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Args *a = args_new ();

  queue_job (self, vt_store_load_sample_data_async, job_load_sample_data, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_load_sample_data_finish (VtStore      *self,
                                  GAsyncResult *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_load_sample_data_async, error) != NULL;
}

gboolean
vt_store_load_sample_data_sync (VtStore      *self,
                                GCancellable *cancellable,
                                GError       **error)
{
  Args *a = args_new ();

  return run_job (self, job_load_sample_data, a, cancellable, error) != NULL;
}

/* Import and export ----------------------------------------------------- */

static gpointer
job_import_suppliers (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_backend_import_suppliers (backend, a->rec, (VtDuplicatePolicy) a->n1, a->i1 != 0,
                                      cancellable, error);
}

static Args *
import_args (VtImportBatch     *batch,
             VtDuplicatePolicy  policy,
             gboolean           all_or_nothing)
{
  Args *a = args_new ();

  a->rec = vt_import_batch_ref (batch);
  a->rec_free = (GDestroyNotify) vt_import_batch_unref;
  a->n1 = (int) policy;
  a->i1 = all_or_nothing;
  return a;
}

/**
 * vt_store_import_suppliers_async:
 * @batch: from vt_import_batch_new(); the store writes the suppliers' new
 *   uuids and versions into it, on its own thread: do not touch the batch
 *   until the call is finished
 * @policy: what to do with a duplicate
 * @all_or_nothing: whether any rejected row cancels the whole import
 *
 * Imports a batch of suppliers in one transaction: on any error nothing is
 * written. See vt_backend_import_suppliers().
 */
void
vt_store_import_suppliers_async (VtStore             *self,
                                 VtImportBatch       *batch,
                                 VtDuplicatePolicy    policy,
                                 gboolean             all_or_nothing,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (batch != NULL);

  queue_job (self, vt_store_import_suppliers_async, job_import_suppliers,
             import_args (batch, policy, all_or_nothing),
             (GDestroyNotify) vt_import_summary_unref, cancellable, callback, user_data);
}

static gpointer
job_count_import_matches (VtBackend     *backend,
                          Args          *a,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return vt_backend_count_import_matches (backend, a->rec, cancellable, error);
}

/**
 * vt_store_count_import_matches_async:
 * @batch: from vt_import_batch_new(); not changed
 *
 * Counts the rows an import of @batch would find already there. See
 * vt_backend_count_import_matches().
 */
void
vt_store_count_import_matches_async (VtStore             *self,
                                     VtImportBatch       *batch,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (batch != NULL);

  queue_job (self, vt_store_count_import_matches_async, job_count_import_matches,
             import_args (batch, VT_DUPLICATE_SKIP, FALSE), g_free, cancellable, callback, user_data);
}

/**
 * vt_store_count_import_matches_finish:
 *
 * Returns: (transfer full) (nullable): the counts; free with g_free()
 */
VtImportMatches *
vt_store_count_import_matches_finish (VtStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_job (self, result, vt_store_count_import_matches_async, error);
}

VtImportMatches *
vt_store_count_import_matches_sync (VtStore        *self,
                                    VtImportBatch  *batch,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_return_val_if_fail (batch != NULL, NULL);

  return run_job (self, job_count_import_matches, import_args (batch, VT_DUPLICATE_SKIP, FALSE),
                  cancellable, error);
}

/**
 * vt_store_import_suppliers_finish:
 *
 * Returns: (transfer full) (nullable): what happened to each row
 */
VtImportSummary *
vt_store_import_suppliers_finish (VtStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_import_suppliers_async, error);
}

VtImportSummary *
vt_store_import_suppliers_sync (VtStore            *self,
                                VtImportBatch      *batch,
                                VtDuplicatePolicy   policy,
                                gboolean            all_or_nothing,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_return_val_if_fail (batch != NULL, NULL);

  return run_job (self, job_import_suppliers, import_args (batch, policy, all_or_nothing),
                  cancellable, error);
}

static gpointer
job_export_suppliers (VtBackend     *backend,
                      Args          *a,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vt_backend_export_suppliers (backend, a->query, cancellable, error);
}

static Args *
export_args (const VtSupplierQuery *query)
{
  Args *a = args_new ();

  a->query = vt_supplier_query_copy (query);
  return a;
}

/**
 * vt_store_export_suppliers_async:
 * @query: the filtered list to export; paging is ignored
 *
 * Reads every supplier the query matches, complete, for writing to a file
 * (vt_export_write()).
 */
void
vt_store_export_suppliers_async (VtStore               *self,
                                 const VtSupplierQuery *query,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_return_if_fail (query != NULL);

  queue_job (self, vt_store_export_suppliers_async, job_export_suppliers, export_args (query),
             (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * vt_store_export_suppliers_finish:
 *
 * Returns: (transfer full) (element-type VtSupplier) (nullable): the
 *   suppliers
 */
GPtrArray *
vt_store_export_suppliers_finish (VtStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_job (self, result, vt_store_export_suppliers_async, error);
}

GPtrArray *
vt_store_export_suppliers_sync (VtStore               *self,
                                const VtSupplierQuery *query,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_return_val_if_fail (query != NULL, NULL);

  return run_job (self, job_export_suppliers, export_args (query), cancellable, error);
}

static Args *
close_round_args (gint64      id,
                  gint64      version,
                  const char *reason)
{
  Args *a = args_new ();

  a->i1 = id;
  a->i2 = version;
  a->s1 = g_strdup (reason);
  return a;
}

/**
 * vt_store_close_round_async:
 * @version: the version of the round read, for optimistic locking
 * @reason: why the round is closed; required, kept in the audit log
 *
 * Closes a round: its dossiers no longer move and its targets no longer
 * change (%VT_STORE_ERROR_READ_ONLY from then on).
 */
void
vt_store_close_round_async (VtStore             *self,
                            gint64               id,
                            gint64               version,
                            const char          *reason,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  queue_job (self, vt_store_close_round_async, job_close_round,
             close_round_args (id, version, reason), NULL, cancellable, callback, user_data);
}

gboolean
vt_store_close_round_finish (VtStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (self, result, vt_store_close_round_async, error) != NULL;
}

gboolean
vt_store_close_round_sync (VtStore       *self,
                           gint64         id,
                           gint64         version,
                           const char    *reason,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return run_job (self, job_close_round, close_round_args (id, version, reason),
                  cancellable, error) != NULL;
}

static Args *
id_args (gint64 id)
{
  Args *a = args_new ();

  a->i1 = id;
  return a;
}

/**
 * vt_store_set_current_round_async:
 *
 * Makes the round the current one, for everyone using the database. A
 * closed round cannot be current.
 */
void
vt_store_set_current_round_async (VtStore             *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  queue_job (self, vt_store_set_current_round_async, job_set_current_round,
             id_args (id), NULL, cancellable, callback, user_data);
}

gboolean
vt_store_set_current_round_finish (VtStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_job (self, result, vt_store_set_current_round_async, error) != NULL;
}

gboolean
vt_store_set_current_round_sync (VtStore       *self,
                                 gint64         id,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return run_job (self, job_set_current_round, id_args (id), cancellable, error) != NULL;
}

/**
 * vt_store_restore_async:
 * @path: the backup to restore
 * @safety_path: (nullable): where to back up the current data first, so
 *   that the restore can be undone (its folder is made if missing)
 *
 * Checks that @path is an undamaged VITASK Suppliers database of a
 * version this app can open, backs up the current data to @safety_path,
 * then replaces every record with the backup's in one transaction. When
 * anything fails, the current data is untouched.
 */
void
vt_store_restore_async (VtStore             *self,
                        const char          *path,
                        const char          *safety_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Args *a = args_new ();

  a->s1 = g_strdup (path);
  a->s2 = g_strdup (safety_path);
  queue_job (self, vt_store_restore_async, job_restore, a, NULL, cancellable, callback, user_data);
}

gboolean
vt_store_restore_finish (VtStore       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_job (self, result, vt_store_restore_async, error) != NULL;
}

gboolean
vt_store_restore_sync (VtStore       *self,
                       const char    *path,
                       const char    *safety_path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Args *a = args_new ();

  a->s1 = g_strdup (path);
  a->s2 = g_strdup (safety_path);
  return run_job (self, job_restore, a, cancellable, error) != NULL;
}

static Args *
daily_args (const char *dir,
            guint       keep,
            GDateTime  *now)
{
  Args *a = args_new ();

  a->s1 = g_strdup (dir);
  a->n1 = (int) MIN (keep, G_MAXINT);
  a->t1 = now ? g_date_time_ref (now) : NULL;
  return a;
}

/**
 * vt_store_back_up_daily_async:
 * @dir: the backups folder (vt_backup_dir_for_database())
 * @keep: how many daily backups to keep
 * @now: (nullable): the time now, for tests; %NULL for the clock
 *
 * Makes today's backup in @dir unless there is one already, then deletes
 * all but the newest @keep. Runs on the store's worker like any other
 * call, so the window never waits for it.
 */
void
vt_store_back_up_daily_async (VtStore             *self,
                              const char          *dir,
                              guint                keep,
                              GDateTime           *now,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  queue_job (self, vt_store_back_up_daily_async, job_back_up_daily, daily_args (dir, keep, now),
             g_free, cancellable, callback, user_data);
}

/**
 * vt_store_back_up_daily_finish:
 *
 * Returns: (transfer full): the new backup's path, "" when today's was
 *   already made, or %NULL with @error set
 */
char *
vt_store_back_up_daily_finish (VtStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_job (self, result, vt_store_back_up_daily_async, error);
}

char *
vt_store_back_up_daily_sync (VtStore       *self,
                             const char    *dir,
                             guint          keep,
                             GDateTime     *now,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return run_job (self, job_back_up_daily, daily_args (dir, keep, now), cancellable, error);
}
