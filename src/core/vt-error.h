/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-error.h: the errors of the store. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_STORE_ERROR (vt_store_error_quark ())

/**
 * VtStoreError:
 * @VT_STORE_ERROR_FAILED: anything else
 * @VT_STORE_ERROR_NEWER_VERSION: written by a newer version of the app
 * @VT_STORE_ERROR_NOT_A_DATABASE: not a database file at all
 * @VT_STORE_ERROR_CORRUPT: a database, but damaged
 * @VT_STORE_ERROR_LOCKED: another program is writing to it
 * @VT_STORE_ERROR_READ_ONLY: opened read-only, or the file cannot be written
 * @VT_STORE_ERROR_FULL: the disk is full
 * @VT_STORE_ERROR_IO: the disk or network failed
 * @VT_STORE_ERROR_INVALID: the data given breaks a rule
 * @VT_STORE_ERROR_NOT_FOUND: no such record (or file)
 * @VT_STORE_ERROR_CONFLICT: someone else changed the record meanwhile
 * @VT_STORE_ERROR_TRANSITION: a stage move that the pipeline does not allow
 * @VT_STORE_ERROR_UNTRUSTED: the file holds objects that the app did not
 *   create (triggers, views, ...) and was not opened
 * @VT_STORE_ERROR_NEEDS_PASSWORD: the server asks for a password and none
 *   was given
 * @VT_STORE_ERROR_AUTH: the server did not accept the user name or password
 */
typedef enum
{
  VT_STORE_ERROR_FAILED,
  VT_STORE_ERROR_NEWER_VERSION,
  VT_STORE_ERROR_NOT_A_DATABASE,
  VT_STORE_ERROR_CORRUPT,
  VT_STORE_ERROR_LOCKED,
  VT_STORE_ERROR_READ_ONLY,
  VT_STORE_ERROR_FULL,
  VT_STORE_ERROR_IO,
  VT_STORE_ERROR_INVALID,
  VT_STORE_ERROR_NOT_FOUND,
  VT_STORE_ERROR_CONFLICT,
  VT_STORE_ERROR_TRANSITION,
  VT_STORE_ERROR_UNTRUSTED,
  VT_STORE_ERROR_NEEDS_PASSWORD,
  VT_STORE_ERROR_AUTH,
} VtStoreError;

GQuark vt_store_error_quark (void);

G_END_DECLS
