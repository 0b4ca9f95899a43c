/** Markup that is already safe: what `html` returns, and nothing else should make one. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute's value) as markup: every character that could end it or open a tag escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/**
 * Markup from a template: every value put in is escaped unless it is itself `html` (so a system
 * named `<script>` is text, never a tag); arrays are joined, and null, undefined and booleans
 * leave nothing (for `${cond && html`…`}`). Values go in text or in quoted attributes only.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}
