/**
 * A patient's initials for the therapist's calendar ("Jolanda Verbeek" → "J.V.", "Jan de Vries"
 * → "J.d.V."): enough to recognise the appointment, little if the calendar is seen by others.
 */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((w) => w.replace(/^[^\p{L}]+/u, ''))
    .filter(Boolean)
    .map((w) => `${w[0]}.`)
    .join('');
}
