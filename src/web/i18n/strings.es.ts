import core from './es.json';

/** Every Spanish string, core and modules (locales/<module>.es.json), as one module: see strings.en.ts. */
const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.es.json', { eager: true });

export default Object.assign({}, core, ...Object.values(modules).map((m) => m.default)) as Record<string, unknown>;
