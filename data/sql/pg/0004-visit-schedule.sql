-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4 on PostgreSQL (replaces ../0004-visit-schedule.sql,
-- whose random UUIDs are written with SQLite's functions). The columns
-- and their meaning are the same; see that file.

ALTER TABLE visits ADD COLUMN uuid TEXT CHECK (uuid IS NULL OR length (uuid) = 36);
ALTER TABLE visits ADD COLUMN ical_uid TEXT;
ALTER TABLE visits ADD COLUMN status_reason TEXT;

UPDATE visits SET uuid = gen_random_uuid ()::text;

CREATE UNIQUE INDEX visits_uuid ON visits (uuid);
CREATE UNIQUE INDEX visits_ical_uid ON visits (ical_uid);

ALTER TABLE visit_participants ADD COLUMN role TEXT NOT NULL DEFAULT 'staff'
  CHECK (role IN ('staff', 'consultant', 'interpreter', 'official', 'other'));
