import {
  CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity,
  type ConnectorFactory, type UserTokenClient,
} from 'botframework-connector';
import type { AppConfig } from '../config/AppConfig';
import { ReusedClients } from './ReusedClients';

/** jsonwebtoken's error names: a token that is forged, expired, not yet valid or of the wrong algorithm. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The botbuilder options for our credentials. When only the OpenID metadata URL is overridden,
 * botbuilder switches to "fully parameterised" mode and leaves the token issuer, login URL and
 * OAuth scope empty, after which no token is ever accepted; so the public-cloud values are
 * passed along with the override.
 */
export function channelAuthenticationOptions(auth: AppConfig['auth']): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: auth.appId ?? '',
    MicrosoftAppPassword: auth.appPassword ?? '',
    MicrosoftAppType: auth.appType ?? (auth.appId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: auth.tenantId ?? '',
  };
  if (!auth.openIdMetadata) return options;
  return {
    ...options,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadata,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Bot Framework authentication for `/api/messages`. botbuilder lets a token with a bad
 * signature or a disallowed algorithm escape as a plain error, which the CloudAdapter answers
 * with 500 and the error text; here every rejected token becomes a 401, so a forged request is
 * told "unauthorised" and never looks like a server fault. The outbound clients it makes are
 * reused across turns ({@link ReusedClients}).
 */
export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly clients = new ReusedClients();

  constructor(auth: AppConfig['auth']) {
    super(channelAuthenticationOptions(auth));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await unauthorisedOnBadToken(() => super.authenticateRequest(activity, authHeader)));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await unauthorisedOnBadToken(() => super.authenticateStreamingRequest(authHeader, channelIdHeader)));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactory(appIdOf(claimsIdentity), super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (result.connectorFactory) result.connectorFactory = this.clients.connectorFactory(appIdOf(result.claimsIdentity), result.connectorFactory);
    return result;
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return unauthorisedOnBadToken(() => super.authenticateChannelRequest(authHeader));
  }
}

/**
 * The app id botbuilder makes a turn's clients for, read as botbuilder reads it: the audience
 * claim (the bot, for a channel's request), else the app id claim (the emulator); '' when
 * anonymous.
 */
function appIdOf(identity: ClaimsIdentity | undefined): string {
  return identity?.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity?.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

async function unauthorisedOnBadToken<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error && TOKEN_ERRORS.has(err.name)) {
      throw new AuthenticationError('Unauthorized. Invalid token.', StatusCodes.UNAUTHORIZED);
    }
    throw err;
  }
}
