import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';

type Value = string | number | undefined;

/**
 * Changes some of the page's URL query values in place (no history entry per keystroke), for pages
 * whose search, filters, sort and page live in the URL so that Back, reload and shared links keep
 * them. A value that is empty, undefined or its default is removed, so the URL stays short; a
 * change to anything but `page` goes back to page 1. `defaults` must be a constant.
 *
 * Built on the URL as it is now, plus a change asked for and not yet applied, never on the render's
 * params: react-router hands a functional update the params of the last render, so two changes in
 * quick succession (a status filter, then a search) kept only the second.
 */
export function useQueryUpdate<K extends string>(defaults: Partial<Record<K, string | number>>) {
  const [, setParams] = useSearchParams();
  const { search } = useLocation();
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = null; // the URL has caught up
  }, [search]);
  return useCallback(
    (changes: Partial<Record<K, Value>>) => {
      const next = new URLSearchParams(pending.current ?? window.location.search);
      for (const [key, value] of Object.entries(changes) as [K, Value][]) {
        if (value === undefined || value === '' || String(value) === String(defaults[key])) next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      pending.current = next.toString();
      setParams(next, { replace: true });
    },
    [setParams, defaults],
  );
}
