import { useLayoutEffect } from 'react';

/**
 * The page the server drew into the HTML (server/platform/http/first-paint.ts), if it drew one: on
 * screen while the app loads, beside the app's root, which starts hidden. The app renders there
 * unseen and swaps itself in once it shows the same page: the board calls `useFirstPaintDone`
 * when its rows are drawn, and anything else ends it too (another page, an error, a slow load).
 */
const paint = typeof document === 'undefined' ? null : document.getElementById('first-paint');

/** The path the server drew, if it drew one. */
const firstPaintPath = paint?.dataset.path;

/** However the app fares, the visitor never waits on a hidden app longer than this. */
const GIVE_UP_MS = 15_000;

/** Shows the app in place of the server's page, in one frame: what had focus there gets it here. */
export function endFirstPaint() {
  if (!paint?.isConnected) return;
  const root = document.getElementById('root')!;
  const focused = document.activeElement;
  const href = focused instanceof HTMLAnchorElement && paint.contains(focused) ? focused.getAttribute('href') : null;
  const { scrollX, scrollY } = window;
  paint.remove();
  root.hidden = false;
  window.scrollTo(scrollX, scrollY);
  if (href) root.querySelector<HTMLElement>(`a[href="${CSS.escape(href)}"]`)?.focus();
}

/** Called by the page the server drew first: `drawn` once the app shows that page in full. */
export function useFirstPaintDone(drawn: boolean) {
  useLayoutEffect(() => {
    if (drawn) endFirstPaint();
  }, [drawn]);
}

/** The safety nets: the app went elsewhere (sign-in, another page) or is taking too long. */
export function watchFirstPaint(subscribe: (listener: (pathname: string) => void) => void) {
  if (!paint) return;
  subscribe((pathname) => {
    if (pathname !== firstPaintPath) endFirstPaint();
  });
  setTimeout(endFirstPaint, GIVE_UP_MS);
}
