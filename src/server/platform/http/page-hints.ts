import { pageReads, publicPagePaths } from '../../../shared/page-preloads';

export interface HintRequest {
  path: string;
  /** Whether the request carries a session cookie: only then are a signed-in page's reads worth starting. */
  signedIn: boolean;
  /** The server drew the page into its HTML (first-paint.ts): its own reads wait for the app. */
  painted?: boolean;
}

const fetchHint = (url: string) => `<${url}>; rel=preload; as=fetch; crossorigin`;

/**
 * The `Link` header for a page of the web app: the API reads it starts with (who is signed in, and
 * the page's own first read, src/shared/page-preloads.ts), so the browser asks for them as soon as
 * the HTML arrives, while the app's script downloads and runs, instead of once the script has run.
 * `crossorigin` makes the preload a same-origin CORS request with cookies, as the app's own fetch
 * is, so the browser hands that fetch the preloaded answer instead of asking twice.
 *
 * Only data, never code: over HTTP/1.1 a browser opens six connections to a server, and a page's
 * chunks hinted here would queue the app's main script behind them (measured: the board came
 * later). A visitor without a session gets no hints: they are about to be sent to sign in.
 */
export function pageHints(req: HintRequest): string | undefined {
  if (!req.signedIn || publicPagePaths.includes(req.path)) return undefined;
  return ['/api/me', ...(req.painted ? [] : pageReads(req.path))].map(fetchHint).join(', ');
}
