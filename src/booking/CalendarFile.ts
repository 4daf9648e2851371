import ical, { ICalCalendarMethod } from 'ical-generator';

/**
 * The patient's iCalendar (.ics) file of an appointment, written by ical-generator; times in UTC
 * so every calendar shows them in its own local time. A moved appointment keeps its UID with a
 * higher SEQUENCE, so a calendar that has the old one replaces it instead of adding a second.
 */
export function calendarEvent(e: { uid: string; start: Date; end: Date; summary: string; location: string; description: string; now: Date; sequence?: number }): string {
  const calendar = ical({ prodId: { company: 'fysio-assistent', product: 'appointment', language: 'NL' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({ id: e.uid, sequence: e.sequence ?? 0, start: e.start, end: e.end, stamp: e.now, summary: e.summary, location: e.location, description: e.description });
  return calendar.toString();
}
