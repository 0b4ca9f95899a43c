import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { rolesHave } from '../../../platform/policy';
import { html, type Html } from '../../../platform/http/html';
import { signedInFrame, type FirstPaint } from '../../../platform/http/first-paint';
import { groupDigits, translator, type Translate } from '../../../platform/http/web-strings';
import { systemCategories } from '../../../../shared/api/systems';
import { statusGroups, summarizeStatuses, type BoardSystem, type StatusGroup } from '../../../../shared/api/system-views';
import { filterSystems, hasFilter, readBoardParams, urgencyOrder, type BoardParams } from '../../../../shared/system-board';
import { groupColours, groupIcon } from '../../../../shared/status-icons';
import { readBoard } from './board';
import { hrefWith, icon, table, type BoardView } from './board-first-paint-table';

/** The summary tiles always shown, as the app's StatusSummary has them. */
const alwaysShown: readonly StatusGroup[] = ['down', 'impacted', 'degraded', 'operational'];

/**
 * The systems board as the server draws it first (platform/http/first-paint.ts): the same rows, in
 * the same order, for the same URL as the app's board (shared/system-board.ts), in the account's
 * language, with links and a search form that work before the app's code has loaded. Only the
 * board view: the dependency graph needs the app.
 */
export function boardFirstPaint(db: Db): FirstPaint {
  return (req, actor) => {
    if (!rolesHave(actor.roles, 'systems.read')) return undefined;
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    const params = readBoardParams(query);
    if (params.view !== 'board') return undefined;
    const t = translator(actor.language);
    return {
      language: actor.language,
      title: `${t('systems.title')} · ${t('app.name')}`,
      draw: () => drawBoard(db, actor, t, params, query),
    };
  };
}

async function drawBoard(db: Db, actor: Actor, t: Translate, params: BoardParams, query: URLSearchParams): Promise<Html> {
  const [systems, district] = await Promise.all([
    readBoard(db, actor.districtId),
    db.query<{ name: string }>('SELECT name FROM districts WHERE id = $1', [actor.districtId]),
  ]);
  const districtName = district.rows[0]!.name;
  const view: BoardView = {
    t,
    manage: rolesHave(actor.roles, 'systems.manage'),
    params,
    query,
  };
  const main = html`<div class="fp-page-header">
      <div class="fp-titles">
        <h1 tabindex="-1">${t('systems.title')}</h1>
        <p class="fp-dimmed">${t('systems.description')}</p>
      </div>
      ${view.manage && actions(t)}
    </div>
    ${boardBody(systems, view)}`;
  return signedInFrame({ t, actor, districtName, path: '/systems', main });
}

/** The page's buttons: export is a plain download; adding and importing open the app's forms, so they wait for it. */
function actions(t: Translate): Html {
  return html`<div class="fp-actions">
    <button type="button" class="fp-button fp-filled" disabled>${t('systems.new')}</button>
    <button type="button" class="fp-button" disabled>${t('systems.import.open')}</button>
    <a class="fp-button" href="/api/systems/export" download="systems.yaml">${t('systems.export')}</a>
  </div>`;
}

function boardBody(all: BoardSystem[], v: BoardView): Html {
  const { t, params } = v;
  // Read as the page was drawn: "just now" (the app names the time, in the reader's own time zone).
  const updatedLine = html`<p class="fp-small fp-dimmed">${t('systems.updatedJustNow')}</p>`;
  if (all.length === 0) {
    return html`<div class="fp-stack">
      ${summary(all, v)}${updatedLine}
      <p class="fp-alert">${v.manage ? t('systems.noneManage') : t('systems.none')}</p>
    </div>`;
  }
  const label = (s: BoardSystem) => t(`systems.categories.${s.category}`);
  const shown = filterSystems(all, params.filter, label).sort(urgencyOrder());
  const names = new Map(all.map((s) => [s.id, s.name]));
  return html`<div class="fp-stack">
    ${summary(all, v)} ${updatedLine} ${filters(v)}
    <div class="fp-tabs">
      <a href="${hrefWith(v.query, { view: undefined })}" aria-current="page">${t('systems.tabs.board')}</a
      ><a href="${hrefWith(v.query, { view: 'graph', page: undefined })}">${t('systems.tabs.graph')}</a>
    </div>
    ${shown.length === 0 ? html`<p class="fp-alert">${t('systems.noMatch')}</p>` : table(shown, names, v)}
  </div>`;
}

function summary(all: BoardSystem[], v: BoardView): Html {
  const { t } = v;
  const { counts } = summarizeStatuses(all);
  const shown = statusGroups.filter((g) => alwaysShown.includes(g) || counts[g] > 0);
  const tiles = shown.map((g) => {
    const active = v.params.filter.group === g;
    return html`<a
      class="fp-tile fp-b-${groupColours[g]}"
      href="${hrefWith(v.query, { status: active ? undefined : g, page: undefined })}"
      ${active ? html` aria-current="true"` : ''}
    >
      <span class="fp-tile-count">${icon(groupIcon(g), 22, groupColours[g])}<span>${groupDigits(counts[g])}</span></span>
      <span class="fp-tile-label">${t(`systems.groups.${g}`)}</span>
      <span class="fp-tile-help fp-dimmed">${t(`systems.groupHelp.${g}`)}</span>
    </a>`;
  });
  return html`<section aria-label="${t('systems.summary.label')}">
    <div class="fp-tiles" style="--fp-tiles: ${shown.length}">${tiles}</div>
  </section>`;
}

function select(
  name: string,
  label: string,
  any: string,
  options: readonly { value: string; label: string }[],
  value: string | undefined,
  cls: string,
): Html {
  return html`<label class="fp-field ${cls}"
    ><span class="fp-label">${label}</span
    ><select name="${name}" class="fp-input">
      <option value="">${any}</option>
      ${options.map((o) => (o.value === value ? html`<option value="${o.value}" selected>${o.label}</option>` : html`<option value="${o.value}">${o.label}</option>`))}
    </select></label
  >`;
}

/** The filters as a form: without the app's code, Enter in the search field applies them all. */
function filters(v: BoardView): Html {
  const { t } = v;
  const f = v.params.filter;
  return html`<form class="fp-filters" method="get" action="/systems" role="search">
    <label class="fp-field fp-w280"
      ><span class="fp-label">${t('systems.filters.search')}</span
      ><span class="fp-description fp-dimmed">${t('systems.filters.searchHelp')}</span
      ><input type="search" name="q" class="fp-input" value="${f.q}"
    /></label>
    ${select(
      'status',
      t('systems.filters.status'),
      t('systems.filters.allStatuses'),
      statusGroups.map((g) => ({ value: g, label: t(`systems.groups.${g}`) })),
      f.group,
      'fp-w180',
    )}
    ${select(
      'tier',
      t('systems.filters.tier'),
      t('systems.filters.allTiers'),
      (['1', '2', '3'] as const).map((tier) => ({ value: tier, label: t(`systems.tiers.${tier}`) })),
      f.tier,
      'fp-w220',
    )}
    ${select(
      'category',
      t('systems.filters.category'),
      t('systems.filters.allCategories'),
      systemCategories.map((c) => ({ value: c, label: t(`systems.categories.${c}`) })),
      f.category,
      'fp-w220',
    )}
    ${hasFilter(f) && html`<a class="fp-button fp-subtle" href="/systems">${t('systems.clearFilters')}</a>`}
  </form>`;
}
