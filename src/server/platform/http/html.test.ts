import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';
import { groupDigits, percentText, translator } from './web-strings';

describe('html: markup from a template', () => {
  it('escapes every value put in, so text people typed can neither open a tag nor leave an attribute', () => {
    const name = `"><script>alert('x')</script>&`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
    expect(escapeHtml('a < b')).toBe('a &lt; b');
  });

  it('keeps markup made by html as it is, joins lists, and leaves nothing for null, undefined and booleans', () => {
    const items = ['one', '<two>'].map((s) => html`<li>${s}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>`;
    expect(list.value).toBe('<ul><li>one</li><li>&lt;two&gt;</li></ul>');
    expect(html`[${null}${undefined}${false}${true}${0}]`.value).toBe('[0]');
  });
});

describe('the web app’s words on the server', () => {
  it('looks keys up as i18next does: nested, with values and plural forms, in both languages', () => {
    const en = translator('en');
    const es = translator('es');
    expect(en('systems.title')).toBe('Systems');
    expect(es('systems.title')).toBe('Sistemas');
    expect(en('systems.tableCaption', { count: 1, formatted: '1' })).toBe('1 system, most urgent first');
    expect(es('systems.tableCaption', { count: 2, formatted: '2' })).toBe('2 sistemas, los más urgentes primero');
    expect(() => en('systems.noSuchKey')).toThrow(/systems.noSuchKey/);
  });

  it('writes numbers and percentages as the app does in the US variants (Intl), without Intl’s memory', () => {
    const count = new Intl.NumberFormat('en-US');
    for (const n of [0, 7, 999, 1000, 12345, 1234567]) expect(groupDigits(n)).toBe(count.format(n));
    const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 });
    for (const r of [0, 0.0005, 0.05, 0.5, 0.9, 0.999, 0.9995, 0.1234, 1]) expect(percentText(r), String(r)).toBe(percent.format(r));
    expect(new Intl.NumberFormat('es-US', { style: 'percent', maximumFractionDigits: 2 }).format(0.9995)).toBe(percentText(0.9995));
  });
});
