/**
 * The API answers a page of the web app reads before it can show anything. The server names them
 * in the page's HTML answer (`Link: rel=preload`, platform/http/page-hints.ts), so the browser
 * fetches them while the app's script is still arriving; the route table (web/app/router.tsx)
 * starts the same read as the page's code loads, for navigations inside the app. Only pages worth
 * it are listed: the ones people open first.
 */
export interface PagePreload {
  /** The page's path, exactly. */
  path: string;
  /** GET paths the page reads first, exactly as the web app asks for them. */
  data: string[];
}

export const pagePreloads: readonly PagePreload[] = [{ path: '/systems', data: ['/api/status'] }];

/** Pages anyone may open without signing in: nothing of an account's is preloaded for them. */
export const publicPagePaths: readonly string[] = ['/sign-in', '/forgot-password', '/reset-password', '/status'];

/** The API reads the page at `path` starts with, if it is listed. */
export function pageReads(path: string): readonly string[] {
  return pagePreloads.find((p) => p.path === path)?.data ?? [];
}

/** The first API read of the page at `path` (see router.tsx), if it has one. */
export function pageData(path: string): string | undefined {
  return pageReads(path)[0];
}
