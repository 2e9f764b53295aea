-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: what the supplier list, the pipeline board and round
-- management need.
--
-- The list sorts by stage in pipeline order, not by the stage's id: the
-- index is on the same expression the store sorts by, so a sort by stage
-- stays a walk of an index at 100 000 suppliers.
CREATE INDEX suppliers_stage_order ON suppliers (
  (CASE stage WHEN 'received' THEN 0 WHEN 'appraised' THEN 1 WHEN 'shortlisted' THEN 2
              WHEN 'first_visit_done' THEN 3 WHEN 'second_visit_done' THEN 4
              WHEN 'selected' THEN 5 WHEN 'in_support' THEN 6
              WHEN 'connected_to_buyer' THEN 7 WHEN 'rejected' THEN 8
              WHEN 'withdrawn' THEN 9 ELSE 10 END),
  sort_key, uuid);

-- A closed round is read-only: its dossiers no longer move. When and by
-- whom it was closed is shown on its banner.
ALTER TABLE rounds ADD COLUMN closed_at TEXT;
ALTER TABLE rounds ADD COLUMN closed_by TEXT;

-- The round staff work in now, shared by everyone using the database.
-- At most one round is current.
ALTER TABLE rounds ADD COLUMN is_current INTEGER NOT NULL DEFAULT 0
  CHECK (is_current IN (0, 1));
CREATE UNIQUE INDEX rounds_one_current ON rounds (is_current) WHERE is_current = 1;

-- Why a change was made, where the person was asked (a target changed
-- mid-round, a round closed).
ALTER TABLE audit_log ADD COLUMN reason TEXT;
