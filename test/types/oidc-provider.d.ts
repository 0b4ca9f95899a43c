// oidc-provider ships no types, and @types/oidc-provider would be one more dependency for a test
// helper; this declares only the part the OIDC tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    token_endpoint_auth_method?: string;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    findAccount?: (ctx: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    cookies?: { keys?: string[] };
    jwks?: { keys: JsonWebKey[] };
    ttl?: Record<string, number>;
    features?: { devInteractions?: { enabled: boolean } };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    /** The Koa request handler, for http.createServer. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }

  export default Provider;
}
