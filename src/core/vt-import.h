/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import.h: turning a supplier list (CSV or XLSX) into suppliers.
 *
 * The steps, each testable on its own: read the file into a table
 * (vt_import_table_read(): format, encoding and delimiter detected, or
 * chosen), map its columns to fields (vt_import_guess_mapping()), check
 * every row and build the suppliers (vt_import_batch_new()), then hand the
 * batch to the store (vt_store_import_suppliers_async()), which writes it
 * in one transaction and returns a VtImportSummary.
 */
#pragma once

#include <gio/gio.h>

#include "vt-boxed.h"
#include "vt-encoding.h"

G_BEGIN_DECLS

typedef enum
{
  VT_IMPORT_FIELD_NONE,
  VT_IMPORT_FIELD_CODE,
  VT_IMPORT_FIELD_NAME_VI,
  VT_IMPORT_FIELD_NAME_EN,
  VT_IMPORT_FIELD_NAME_KO,
  VT_IMPORT_FIELD_TAX_CODE,
  VT_IMPORT_FIELD_SECTOR,
  VT_IMPORT_FIELD_PRODUCTS,
  VT_IMPORT_FIELD_PROVINCE,
  VT_IMPORT_FIELD_INDUSTRIAL_ZONE,
  VT_IMPORT_FIELD_ADDRESS,
  VT_IMPORT_FIELD_FOUNDED_YEAR,
  VT_IMPORT_FIELD_EMPLOYEES,
  VT_IMPORT_FIELD_REVENUE,
  VT_IMPORT_FIELD_OWNERSHIP,
  VT_IMPORT_FIELD_NOTES,
} VtImportField;

#define VT_N_IMPORT_FIELDS (VT_IMPORT_FIELD_NOTES + 1)

typedef enum
{
  VT_IMPORT_FORMAT_CSV,
  VT_IMPORT_FORMAT_XLSX,
} VtImportFormat;

/**
 * VtDuplicatePolicy:
 * @VT_DUPLICATE_SKIP: keep the supplier already in the database
 * @VT_DUPLICATE_UPDATE: fill the existing supplier with the file's values
 * @VT_DUPLICATE_NEW: import the row as another supplier
 *
 * What to do with a row whose tax code, or folded Vietnamese name, is
 * already in the database (or earlier in the file).
 */
typedef enum
{
  VT_DUPLICATE_SKIP,
  VT_DUPLICATE_UPDATE,
  VT_DUPLICATE_NEW,
} VtDuplicatePolicy;

typedef enum
{
  VT_IMPORT_RESULT_IMPORTED,
  VT_IMPORT_RESULT_UPDATED,
  VT_IMPORT_RESULT_SKIPPED,
  VT_IMPORT_RESULT_REJECTED,
} VtImportResult;

typedef struct _VtImportTable VtImportTable;
typedef struct _VtImportBatch VtImportBatch;
typedef struct _VtImportSummary VtImportSummary;
typedef struct _VtImportIssue VtImportIssue;

/**
 * VtImportMatches:
 * @by_tax_code: rows whose tax code a supplier already has
 * @by_name: other rows whose folded Vietnamese name a supplier without a
 *   tax code (or, for a row without one, any supplier) already has
 *
 * What the duplicate policy would apply to: suppliers in the database
 * and rows earlier in the same file both count.
 */
typedef struct
{
  guint by_tax_code;
  guint by_name;
} VtImportMatches;

/**
 * VtImportTable:
 * @format: CSV or XLSX
 * @encodings: (element-type VtEncodingCandidate): the readings detected,
 *   best first (CSV only)
 * @encoding: the reading used
 * @delimiter: the delimiter used (CSV only)
 * @sheets: (nullable): the workbook's sheets (XLSX only)
 * @sheet: (nullable): the sheet read
 * @header: (element-type utf8): the first non-empty row
 * @rows: (element-type GStrv): the rows after the header
 * @lines: (element-type guint): the line (CSV) or row (XLSX) of each row
 *   in the file, 1-based, for messages
 * @truncated: whether the reading stopped at the row limit
 * @problems: (element-type utf8): for each row, why it cannot be
 *   imported as read (%NULL when it can): a row wider or a cell longer
 *   than a supplier list has, which was cut when read
 */
struct _VtImportTable
{
  VtImportFormat  format;
  GArray         *encodings;
  VtEncoding      encoding;
  char            delimiter;
  char          **sheets;
  char           *sheet;
  GPtrArray      *header;
  GPtrArray      *rows;
  GArray         *lines;
  gboolean        truncated;
  GPtrArray      *problems;
};

struct _VtImportIssue
{
  guint           line;
  char           *name;
  VtImportResult  result;
  char           *reason;
};

/**
 * VtImportBatch:
 * @suppliers: (element-type VtSupplier): the rows that passed the checks
 * @lines: (element-type guint): the file line of each supplier
 * @present: (element-type guint32): for each supplier, a bit
 *   (1 << VtImportField) for each field the file gave a value; an update
 *   changes only these
 * @rejected: (element-type VtImportIssue): the rows that did not, with why
 *
 * While the store imports a batch it counts the suppliers it has gone
 * through (vt_import_batch_get_progress()).
 */
typedef void (*VtImportProgressFunc) (VtImportBatch *batch,
                                      guint          done,
                                      gpointer       user_data);

struct _VtImportBatch
{
  GPtrArray *suppliers;
  GArray    *lines;
  GArray    *present;
  GPtrArray *rejected;

  /*< private >*/
  guint                progress;
  VtImportProgressFunc progress_func;
  gpointer             progress_data;
};

/**
 * VtImportSummary:
 * @issues: (element-type VtImportIssue): every row not imported as new,
 *   with the result and the reason, in file order
 */
struct _VtImportSummary
{
  guint      imported;
  guint      updated;
  guint      skipped;
  guint      rejected;
  GPtrArray *issues;
};

/* Bounds on what a row may hold: no supplier list comes near them, and
 * they keep a hostile file's cost in proportion to its size. */
#define VT_IMPORT_MAX_COLUMNS 1000
#define VT_IMPORT_MAX_CELL_BYTES (64 * 1024)

VT_DECLARE_RC_BOXED (VtImportTable, vt_import_table)
VT_DECLARE_RC_BOXED (VtImportBatch, vt_import_batch)
VT_DECLARE_RC_BOXED (VtImportSummary, vt_import_summary)

const char      *vt_import_field_to_string   (VtImportField        field);
gboolean         vt_import_field_from_string (const char          *id,
                                              VtImportField       *field);
const char      *vt_import_field_get_label   (VtImportField        field);
VtImportField    vt_import_field_guess       (const char          *header);

const char      *vt_duplicate_policy_to_string   (VtDuplicatePolicy  policy);
gboolean         vt_duplicate_policy_from_string (const char        *id,
                                                  VtDuplicatePolicy *policy);

VtImportTable   *vt_import_table_read        (GBytes              *bytes,
                                              int                  encoding,
                                              char                 delimiter,
                                              const char          *sheet,
                                              guint                max_rows,
                                              GError             **error);
GArray          *vt_import_guess_mapping     (VtImportTable       *table);
char            *vt_import_header_signature  (GPtrArray           *header);
char            *vt_import_mapping_to_string (GArray              *mapping);
GArray          *vt_import_mapping_from_string (const char        *text,
                                                guint              n_columns);

VtImportBatch   *vt_import_batch_new         (VtImportTable       *table,
                                              GArray              *mapping,
                                              GPtrArray           *provinces);
guint            vt_import_batch_get_progress (VtImportBatch      *batch);
void             vt_import_batch_set_progress (VtImportBatch      *batch,
                                               guint               done);
void             vt_import_batch_set_progress_func (VtImportBatch        *batch,
                                                    VtImportProgressFunc  func,
                                                    gpointer              user_data);
VtImportIssue   *vt_import_issue_new         (guint                line,
                                              const char          *name,
                                              VtImportResult       result,
                                              const char          *reason);
void             vt_import_issue_free        (VtImportIssue       *issue);

VtImportSummary *vt_import_summary_new       (void);
char            *vt_import_summary_to_csv    (VtImportSummary     *summary,
                                              gsize               *length);
const char      *vt_import_result_get_label  (VtImportResult       result);

gboolean         vt_import_parse_number      (const char          *text,
                                              gint64              *value);
gboolean         vt_import_parse_year        (const char          *text,
                                              int                 *year);
char            *vt_import_normalize_tax_code (const char         *text);
gboolean         vt_import_find_province     (GPtrArray           *provinces,
                                              const char          *text,
                                              const char         **list_id,
                                              const char         **code);

G_END_DECLS
