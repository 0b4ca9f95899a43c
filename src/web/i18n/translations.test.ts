import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
const moduleStrings = (language: string): Tree[] =>
  fs
    .readdirSync(localesDir)
    .filter((f) => f.endsWith(`.${language}.json`))
    .map((f) => JSON.parse(fs.readFileSync(path.join(localesDir, f), 'utf8')) as Tree);

describe('translations', () => {
  // Loaded the way the app loads them: the core file and every module's file, merged.
  const english = flatten(Object.assign({}, en, ...moduleStrings('en')) as Tree);
  const spanish = flatten(Object.assign({}, es, ...moduleStrings('es')) as Tree);

  it('gives each module its own top-level key, so no file overwrites another', () => {
    for (const language of ['en', 'es']) {
      const keys = [en, ...moduleStrings(language)].flatMap((t) => Object.keys(t));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('has every English string in Spanish, and nothing Spanish that English lacks', () => {
    expect([...spanish.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !spanish.has(k))).toEqual([]);
  });

  it('uses the same {{variables}} in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => variables(text).join() !== variables(spanish.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty strings', () => {
    expect([...english, ...spanish].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
