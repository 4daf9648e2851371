/** Dutch month names and their usual abbreviations, for dates written out ("3 maart 1961"). */
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu;
/** 14-03-1961, 14/3/61, 14.03.1961, 1961-03-14. */
const NUMERIC_DATE = /\b(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\b/g;
/** 14 maart 1961, 14 mrt. '61, 14 maart, maart 1961. */
const WRITTEN_DATE = new RegExp(`\\b(\\d{1,2}(e|ste|de)?\\s+(${MONTHS})\\.?(\\s+'?\\d{2,4})?|(${MONTHS})\\.?\\s+\\d{4})\\b`, 'giu');
/** A year someone may be born in: 1900–2099 standing alone. */
const YEAR = /\b(19|20)\d{2}\b/g;
/** Phone numbers: +31 6 12345678, 0032 470 12 34 56, 06-12345678, (020) 123 45 67; six or more digits with separators. */
const PHONE = /(\+|\b00)?\(?\d[\d\s().-]{4,}\d/g;

/**
 * Removes what could identify a patient from a free text before it is kept for content
 * curation: e-mail addresses, dates (numeric and written out, and years of birth) and phone
 * numbers or other runs of six or more digits. What is left is the question's wording, which is
 * what curation needs. Names are not recognisable this way; the text is kept without any id
 * and only for the configured number of days.
 */
export function stripPersonalDetails(text: string): string {
  return text
    .replace(EMAIL, '[e-mail]')
    .replace(NUMERIC_DATE, '[datum]')
    .replace(WRITTEN_DATE, '[datum]')
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 6 ? '[nummer]' : m))
    .replace(YEAR, '[jaar]');
}
