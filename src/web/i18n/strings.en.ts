import core from './en.json';

/**
 * Every English string, core and modules (locales/<module>.en.json), as one module: the first page
 * fetches one file for its language rather than one per module.
 */
const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.en.json', { eager: true });

export default Object.assign({}, core, ...Object.values(modules).map((m) => m.default)) as Record<string, unknown>;
