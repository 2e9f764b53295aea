/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-types.h: forward declarations of the core types.
 *
 * Headers include this rather than each other.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VtAssessment VtAssessment;
typedef struct _VtAttachment VtAttachment;
typedef struct _VtAuditEntry VtAuditEntry;
typedef struct _VtBackend VtBackend;
typedef struct _VtCertification VtCertification;
typedef struct _VtContact VtContact;
typedef struct _VtCriterion VtCriterion;
typedef struct _VtCriterionSet VtCriterionSet;
typedef struct _VtCustomer VtCustomer;
typedef struct _VtImprovementAction VtImprovementAction;
typedef struct _VtPerson VtPerson;
typedef struct _VtProvince VtProvince;
typedef struct _VtRound VtRound;
typedef struct _VtScore VtScore;
typedef struct _VtSqliteBackend VtSqliteBackend;
typedef struct _VtStageChange VtStageChange;
typedef struct _VtStore VtStore;
typedef struct _VtStoreCounts VtStoreCounts;
typedef struct _VtSupplier VtSupplier;
typedef struct _VtSupplierCursor VtSupplierCursor;
typedef struct _VtSupplierPage VtSupplierPage;
typedef struct _VtSupplierQuery VtSupplierQuery;
typedef struct _VtSupplierSummary VtSupplierSummary;
typedef struct _VtVisit VtVisit;

G_END_DECLS
