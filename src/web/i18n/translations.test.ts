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

describe('translations', () => {
  const english = flatten(en);
  const spanish = flatten(es);

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
