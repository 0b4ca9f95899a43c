import type { FastifyRequest } from 'fastify';
import type { Language } from '../../../shared/roles';
import { navFor } from '../../../shared/nav-items';
import { permissions, rolesHave } from '../policy';
import type { Actor } from '../actor';
import { html, escapeHtml, type Html } from './html';
import { firstPaintStyle } from './first-paint-style';
import type { Translate } from './web-strings';

/**
 * A page of the web app drawn by the server into its HTML answer, so it is on screen before the
 * app's code has loaded: the systems board, the page a CIO opens first, is the one that has it.
 * Plain markup with real links (it works without the app's code), with its own styles
 * (first-paint-style.ts); the app renders beside it, hidden, and swaps it in once it shows the same
 * page (web/app/first-paint.ts).
 */
export interface FirstPaintPage {
  language: Language;
  /** The page's title, as the app titles it. */
  title: string;
  /** The page itself, frame and content (its data read when the visitor may see it). */
  draw: () => Promise<Html>;
}

/** Whether the server draws this page for this visitor (undefined: the app alone draws it). */
export type FirstPaint = (req: FastifyRequest, actor: Actor) => FirstPaintPage | undefined;

interface FrameOptions {
  t: Translate;
  actor: Actor;
  districtName: string;
  /** The path of the page, to mark its navigation link as current. */
  path: string;
  main: Html;
}

/** The signed-in frame as AppLayout draws it: header, the navigation the account may use, and <main>. */
export function signedInFrame({ t, actor, districtName, path, main }: FrameOptions): Html {
  const held = permissions.filter((p) => rolesHave(actor.roles, p));
  const nav = navFor(held).map(
    (group) =>
      html`<div class="fp-nav-group">
        <h2>${t(group.label)}</h2>
        ${group.items.map((item) =>
          item.to === path
            ? html`<a href="${item.to}" aria-current="page">${t(item.label)}</a>`
            : html`<a href="${item.to}">${t(item.label)}</a>`,
        )}
      </div>`,
  );
  return html`<a href="#main" class="fp-skip">${t('nav.skipToContent')}</a>
    <header class="fp-header">
      <a href="/" class="fp-brand"><span class="fp-app">${t('app.name')}</span><span class="fp-district">${districtName}</span></a>
    </header>
    <nav class="fp-nav" aria-label="${t('nav.label')}">${nav}</nav>
    <main id="main" class="fp-main">${main}</main>`;
}

/**
 * The app's index.html with a first paint in it: the page, with its own styles, before the app's
 * root, which starts hidden (the app renders there unseen until it swaps itself in), in the page's
 * language and title. The app's stylesheet moves from the head to just after the page: a
 * stylesheet holds back the painting of what follows it only, so the page shows as soon as it has
 * arrived rather than once the stylesheet has too (on a busy server, 100–200 ms later).
 */
export function withFirstPaint(index: string, page: FirstPaintPage, body: Html, path: string): string {
  const stylesheets = index.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  let out = index;
  for (const link of stylesheets) out = out.replace(link, '');
  // Replaced by functions: a replacement string reads `$&` and `$'` in what people typed as patterns.
  return out
    .replace('<html lang="en">', () => `<html lang="${page.language}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      '<div id="root">',
      () =>
        `<div id="first-paint" data-path="${escapeHtml(path)}"><style>${firstPaintStyle}</style>${body.value}</div>${stylesheets.join('')}<div id="root" hidden>`,
    );
}
