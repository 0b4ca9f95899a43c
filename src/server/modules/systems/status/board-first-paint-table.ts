import { html, type Html } from '../../../platform/http/html';
import { groupDigits, percentText, type Translate } from '../../../platform/http/web-strings';
import { statusColours, statusIconShapes } from '../../../../shared/status-icons';
import type { BoardParams } from '../../../../shared/system-board';
import type { BoardSystem } from '../../../../shared/api/system-views';
import { boardPage, PAGE_SIZE } from '../../../../shared/system-board';

/**
 * The board's table and page links, as the app's SystemsTable draws them, and what the rest of the
 * first paint (board-first-paint.ts) shares with them.
 */

/** What drawing the board needs: the reader's words and formats, and the URL's state. */
export interface BoardView {
  t: Translate;
  manage: boolean;
  params: BoardParams;
  query: URLSearchParams;
}

/** A link to the board with some of its query changed (undefined removes a value). */
export function hrefWith(query: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const s = next.toString();
  return s ? `/systems?${s}` : '/systems';
}

/** A status's icon (shared/status-icons.ts), decorative: the word beside it is what is read. Kept on one line: fifty rows draw it. */
export function icon(status: keyof typeof statusIconShapes, size: number, colour: string): Html {
  const shapes = statusIconShapes[status].map((shape) =>
    'circle' in shape
      ? html`<circle cx="12" cy="12" r="9" />`
      : html`<path d="${shape.d}" ${shape.fill ? html` fill="${shape.fill}"` : ''} />`,
  );
  // prettier-ignore
  return html`<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false" class="fp-c-${colour}">${shapes}</svg>`;
}

function percent(v: BoardView, ratio: number | null): string {
  if (ratio === null) return v.t('systems.noData');
  // As the app's usePercent: never round a bad hour up to a perfect 100 %.
  const shown = ratio < 1 ? Math.min(ratio, 0.9999) : 1;
  return percentText(Math.floor(shown * 10_000) / 10_000);
}

export function table(shown: BoardSystem[], names: ReadonlyMap<string, string>, v: BoardView): Html {
  const { t } = v;
  const { current, pages, rows } = boardPage(shown, v.params.page);
  const link = (id: string) => html`<a href="/systems/${encodeURIComponent(id)}">${names.get(id) ?? id}</a>`;
  const joined = (ids: string[]) => ids.map((id, i) => (i === 0 ? link(id) : html`, ${link(id)}`));
  const caption = `${t('systems.tableCaption', { count: shown.length, formatted: groupDigits(shown.length) })}${
    pages > 1
      ? ` · ${t('systems.showing', {
          from: groupDigits((current - 1) * PAGE_SIZE + 1),
          to: groupDigits(Math.min(current * PAGE_SIZE, shown.length)),
          total: groupDigits(shown.length),
        })}`
      : ''
  }`;
  const body = rows.map(
    (s) =>
      html`<tr>
        <td>
          <span class="fp-status">${icon(s.status, 18, statusColours[s.status])}<span>${t(`systems.status.${s.status}`)}</span></span>
        </td>
        <th scope="row">
          <a class="fp-name" href="/systems/${encodeURIComponent(s.id)}">${s.name}</a>
          <p class="fp-id fp-dimmed">${s.id}</p>
        </th>
        <td>${t('systems.tier', { tier: s.tier })}</td>
        <td>${t(`systems.categories.${s.category}`)}</td>
        <td>${s.ownerName ?? html`<span class="fp-dimmed">${t('systems.noOwner')}</span>`}</td>
        <td>
          ${
            s.impactedBy.length > 0
              ? html`<p class="fp-cause">${t('systems.impactedByLead')} ${joined(s.impactedBy)}</p>`
              : s.degradedBy.length > 0
                ? html`<p class="fp-cause">${t('systems.degradedByLead')} ${joined(s.degradedBy)}</p>`
                : ''
          }
        </td>
        <td class="fp-number">${percent(v, s.uptime.day)}</td>
        <td class="fp-number">${percent(v, s.uptime.month)}</td>
      </tr>`,
  );
  return html`<div class="fp-scroll">
      <table class="fp-table">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('systems.columns.status')}</th>
            <th scope="col">${t('systems.columns.system')}</th>
            <th scope="col">${t('systems.columns.tier')}</th>
            <th scope="col">${t('systems.columns.category')}</th>
            <th scope="col">${t('systems.columns.owner')}</th>
            <th scope="col">${t('systems.columns.cause')}</th>
            <th scope="col" class="fp-number">${t('systems.columns.uptimeDay')}</th>
            <th scope="col" class="fp-number">${t('systems.columns.uptimeMonth')}</th>
          </tr>
        </thead>
        <tbody>
          ${body}
        </tbody>
      </table>
    </div>
    ${pages > 1 && pagination(current, pages, v)}`;
}

/** Page links as Mantine's Pagination lays them out (one sibling, one boundary). */
function pagination(current: number, pages: number, v: BoardView): Html {
  const { t } = v;
  const to = (p: number) => hrefWith(v.query, { page: p === 1 ? undefined : String(p) });
  const items = pageRange(current, pages).map((p) =>
    p === 'dots'
      ? html`<span class="fp-page-dots">…</span>`
      : p === current
        ? html`<a class="fp-page" href="${to(p)}" aria-current="page" aria-label="${t('pagination.page', { page: p })}">${p}</a>`
        : html`<a class="fp-page" href="${to(p)}" aria-label="${t('pagination.page', { page: p })}">${p}</a>`,
  );
  const step = (p: number, key: string, glyph: string) =>
    p < 1 || p > pages
      ? html`<span class="fp-page" aria-hidden="true">${glyph}</span>`
      : html`<a class="fp-page" href="${to(p)}" aria-label="${t(`pagination.${key}`)}">${glyph}</a>`;
  return html`<div class="fp-pagination">${step(current - 1, 'previous', '‹')}${items}${step(current + 1, 'next', '›')}</div>`;
}

export function pageRange(current: number, total: number): (number | 'dots')[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (total <= 7) return range(1, total);
  const left = Math.max(current - 1, 1);
  const right = Math.min(current + 1, total - 1);
  const leftDots = left > 3;
  const rightDots = right < total - 2;
  if (!leftDots && rightDots) return [...range(1, 5), 'dots', total];
  if (leftDots && !rightDots) return [1, 'dots', ...range(total - 4, total)];
  return [1, 'dots', ...range(left, right), 'dots', total];
}
