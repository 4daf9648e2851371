/** Generic texts for error statuses: nothing about paths, parsers, exceptions or versions. */
const MESSAGES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  409: 'conflict',
  411: 'length required',
  413: 'request too large',
  415: 'unsupported media type',
  429: 'too many requests',
  500: 'internal error',
  503: 'service unavailable',
};

/** The generic message for an HTTP error status; "request failed" for statuses without one. */
export function genericErrorMessage(status: number): string {
  return MESSAGES[status] ?? 'request failed';
}
