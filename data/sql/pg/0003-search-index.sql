-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3 on PostgreSQL (replaces ../0003-search-index.sql).
--
-- SQLite needs its own trigram table; PostgreSQL's pg_trgm indexes the
-- folded search key itself, so "search_fold LIKE '%term%'" finds
-- candidates through the index and nothing has to be kept in step.
-- pg_trgm is a trusted extension: the database owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX suppliers_search_trgm ON suppliers USING gin (search_fold gin_trgm_ops);
CREATE INDEX suppliers_initials_trgm ON suppliers USING gin (name_ko_initials gin_trgm_ops);
