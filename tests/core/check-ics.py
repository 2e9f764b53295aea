#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads an .ics file with Python's icalendar package (a parser independent
# of libical) and prints what a calendar program would see of each event,
# one line each:
#   UID|SEQUENCE|start unix time|end unix time|TZID of DTSTART|STATUS|LOCATION|attendee;attendee
# The VTIMEZONEs are listed first as "TZ|<tzid>".

import sys

from icalendar import Calendar

with open(sys.argv[1], 'rb') as f:
    cal = Calendar.from_ical(f.read())

if str(cal.get('VERSION')) != '2.0':
    sys.exit('not an iCalendar 2.0 file')

for tz in cal.walk('VTIMEZONE'):
    print('TZ|%s' % tz['TZID'])

for ev in cal.walk('VEVENT'):
    start = ev['DTSTART']
    end = ev['DTEND']
    attendees = ev.get('ATTENDEE', [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    people = ';'.join('%s=%s' % (a.params.get('CN', ''), str(a)) for a in attendees)
    print('|'.join([
        str(ev['UID']),
        str(int(ev.get('SEQUENCE', 0))),
        str(int(start.dt.timestamp())),
        str(int(end.dt.timestamp())),
        str(start.params.get('TZID', '')),
        str(ev.get('STATUS', '')),
        str(ev.get('LOCATION', '')),
        people,
    ]))
