import type { Booking } from './Booking';

/** The columns bookings are stored in, shared by the SQLite and PostgreSQL repositories. */
export interface BookingRow {
  reference: string;
  status: string;
  location_id: string;
  appointment_type_id: string;
  starts_at: number | string;
  ends_at: number | string;
  user_key: string;
  channel: string;
  locale: string;
  details: string | Record<string, unknown>;
  created_at: number | string;
  updated_at: number | string;
  last_event: string;
  therapist_id?: string | null;
  agenda_event?: string | Record<string, unknown> | null;
}

/** Personal and clinical details, stored together as one JSON document. */
type Details = Pick<Booking, 'name' | 'birthDate' | 'phone' | 'email' | 'complaint' | 'hasReferral' | 'screening'>;

export function toRow(b: Booking): BookingRow {
  const details: Details = {
    name: b.name, birthDate: b.birthDate, phone: b.phone, email: b.email, complaint: b.complaint,
    hasReferral: b.hasReferral, screening: b.screening,
  };
  return {
    reference: b.reference, status: b.status, location_id: b.locationId, appointment_type_id: b.appointmentTypeId,
    starts_at: b.start.getTime(), ends_at: b.end.getTime(), user_key: b.userKey, channel: b.channel, locale: b.locale,
    details: JSON.stringify(details), created_at: b.createdAt.getTime(), updated_at: b.updatedAt.getTime(), last_event: b.lastEvent,
    therapist_id: b.therapistId ?? null, agenda_event: b.agendaEvent ? JSON.stringify(b.agendaEvent) : null,
  };
}

/** A cancelled booking's details: emptied, so that only the slot and its history remain. */
const NO_DETAILS: Details = { name: '', birthDate: '', phone: '', complaint: { joint: 'other' }, screening: {} };

export function fromRow(r: BookingRow): Booking {
  const details = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Partial<Details>;
  return {
    ...NO_DETAILS,
    ...details,
    reference: r.reference,
    status: r.status as Booking['status'],
    locationId: r.location_id,
    appointmentTypeId: r.appointment_type_id,
    start: new Date(Number(r.starts_at)),
    end: new Date(Number(r.ends_at)),
    userKey: r.user_key,
    channel: r.channel,
    locale: r.locale as Booking['locale'],
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
    lastEvent: r.last_event as Booking['lastEvent'],
    ...(r.therapist_id ? { therapistId: r.therapist_id } : {}),
    ...(r.agenda_event ? { agendaEvent: (typeof r.agenda_event === 'string' ? JSON.parse(r.agenda_event) : r.agenda_event) as Booking['agendaEvent'] } : {}),
  };
}
