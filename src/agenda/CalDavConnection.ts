import { getBasicAuthHeaders, getOauthHeaders, type DAVCredentials } from 'tsdav';
import type { CalDavConfig } from '../config/AppConfig';

/**
 * How every request reaches the practice's CalDAV server: the sign-in headers (Basic, or an
 * OAuth access token that tsdav refreshes from the refresh token, as Google requires) and a
 * time limit, after which the server counts as unreachable.
 */
export class CalDavConnection {
  private readonly oauth?: DAVCredentials;

  /**
   * @param onProblem told of every failed request (calendar path and what went wrong, no
   *   patient data), so operators learn that the agenda is unreachable before patients call.
   */
  constructor(
    private readonly config: CalDavConfig,
    readonly onProblem: (problem: { calendar: string; what: string; error: string }) => void = () => undefined,
  ) {
    if (config.auth.kind === 'oauth') {
      const a = config.auth;
      this.oauth = { clientId: a.clientId, clientSecret: a.clientSecret, refreshToken: a.refreshToken, tokenUrl: a.tokenUrl, username: a.username };
    }
  }

  /** A calendar's absolute URL: practice.yaml may give a path on CALDAV_URL. */
  resolve(calendar: string): string {
    const absolute = /^https?:\/\//.test(calendar) ? calendar : new URL(calendar, this.config.url).href;
    return absolute.endsWith('/') ? absolute : `${absolute}/`;
  }

  /** Sign-in headers for the next request (an OAuth token is fetched again once it expires). */
  async headers(): Promise<Record<string, string>> {
    const a = this.config.auth;
    if (a.kind === 'basic') return getBasicAuthHeaders({ username: a.username, password: a.password });
    if (this.oauth) {
      const { headers } = await getOauthHeaders(this.oauth, this.fetchOptions());
      if (!headers.authorization) throw new Error('the OAuth token endpoint gave no access token');
      return headers;
    }
    return {};
  }

  /** Options for one request: it is abandoned after CALDAV_TIMEOUT_SECONDS. */
  fetchOptions(): RequestInit {
    return { signal: AbortSignal.timeout(this.config.timeoutMs) };
  }
}
