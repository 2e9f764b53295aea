-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: a trigram full-text index over the folded search keys,
-- so that free-text search stays fast at 100 000 suppliers.
--
-- The application keeps this table in step with suppliers in the same
-- transaction (there are no triggers), and fills it for existing suppliers
-- right after this migration: Hangul in it is decomposed into conjoining
-- jamo, which SQL cannot do, so that one- or two-syllable Korean words are
-- long enough for trigrams. Every match is checked again against
-- suppliers.search_fold, so the index only needs to find candidates.

CREATE VIRTUAL TABLE supplier_fts USING fts5 (
  names, initials, other,
  tokenize = 'trigram'
);
