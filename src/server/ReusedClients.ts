import { ConnectorFactory, type ConnectorClient, type UserTokenClient } from 'botframework-connector';

/** Distinct clients kept at most; serviceUrls come from requests, so the set must stay bounded. */
const MAX_CLIENTS = 64;

/**
 * The Bot Framework clients for outbound calls, made once per bot app id, service URL and
 * audience and then reused. botbuilder's CloudAdapter builds a new ConnectorClient and
 * UserTokenClient, each with its own Azure HTTP pipeline, for every incoming activity, even
 * when the turn never calls out; that was a quarter of a bare echo bot's CPU per turn. The
 * clients hold no conversation state: their credentials fetch and renew tokens themselves,
 * and the Azure SDK advises one long-lived client per endpoint.
 */
export class ReusedClients {
  private readonly clients = new Map<string, Promise<ConnectorClient | UserTokenClient>>();

  /** A ConnectorFactory that hands out the reused client of `inner`'s app id for each service URL. */
  connectorFactory(appId: string, inner: ConnectorFactory): ConnectorFactory {
    return new ReusingConnectorFactory(this, appId, inner);
  }

  /** The app id's UserTokenClient, made by `make` the first time. */
  userTokenClient(appId: string, make: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.reuse(`token\u0000${appId}`, make);
  }

  /** The client under `key`, made by `make` the first time; a failed make is not kept. */
  reuse<T extends ConnectorClient | UserTokenClient>(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.clients.get(key);
    if (known) return known as Promise<T>;
    if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    const made = make();
    this.clients.set(key, made);
    made.catch(() => {
      if (this.clients.get(key) === made) this.clients.delete(key);
    });
    return made;
  }

  /** How many clients are kept (for tests). */
  get size(): number {
    return this.clients.size;
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly cache: ReusedClients, private readonly appId: string, private readonly inner: ConnectorFactory) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.reuse(`connector\u0000${this.appId}\u0000${audience ?? ''}\u0000${serviceUrl}`, () => this.inner.create(serviceUrl, audience));
  }
}
