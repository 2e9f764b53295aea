-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: what visit schedules need beyond the first schema.
--
-- * visits.uuid: a stable id, so that a visit exported to people's own
--   calendars keeps its iCalendar UID across exports and edits (re-exporting
--   updates the event rather than adding a copy). Existing visits get a
--   random version-4 UUID here.
-- * visits.ical_uid: the UID a visit imported from an .ics file had in the
--   calendar it came from, so that importing the same file again updates it
--   and exporting it back matches the original event. NULL for our own.
-- * visits.status_reason: why a visit was postponed or cancelled.
-- * visit_participants.role: in which role a person goes on a visit
--   (staff, consultant, interpreter, provincial official).

ALTER TABLE visits ADD COLUMN uuid TEXT CHECK (uuid IS NULL OR length (uuid) = 36);
ALTER TABLE visits ADD COLUMN ical_uid TEXT;
ALTER TABLE visits ADD COLUMN status_reason TEXT;

UPDATE visits SET uuid =
  lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4'
  || substr (lower (hex (randomblob (2))), 2) || '-'
  || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2) || '-'
  || lower (hex (randomblob (6)));

CREATE UNIQUE INDEX visits_uuid ON visits (uuid);
CREATE UNIQUE INDEX visits_ical_uid ON visits (ical_uid);

ALTER TABLE visit_participants ADD COLUMN role TEXT NOT NULL DEFAULT 'staff'
  CHECK (role IN ('staff', 'consultant', 'interpreter', 'official', 'other'));
