-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: the languages a supplier's contact speaks, as they
-- were written ("Tiếng Việt, 한국어, English"), so that staff know whether
-- a visit needs an interpreter.

ALTER TABLE contacts ADD COLUMN languages TEXT;
