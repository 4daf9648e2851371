/**
 * Builds an iCalendar (.ics) event; times in UTC so every calendar shows local time right. A
 * moved appointment keeps its UID with a higher SEQUENCE, so a calendar that has the old one
 * replaces it instead of adding a second.
 */
export function calendarEvent(e: { uid: string; start: Date; end: Date; summary: string; location: string; description: string; now: Date; sequence?: number }): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//fysio-assistent//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT', `UID:${e.uid}`, `SEQUENCE:${e.sequence ?? 0}`, `DTSTAMP:${stamp(e.now)}`, `DTSTART:${stamp(e.start)}`, `DTEND:${stamp(e.end)}`,
    `SUMMARY:${escape(e.summary)}`, `LOCATION:${escape(e.location)}`, `DESCRIPTION:${escape(e.description)}`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
