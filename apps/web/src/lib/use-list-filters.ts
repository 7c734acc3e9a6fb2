import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page, kept in the address (a filtered list can be bookmarked, shared and
 * gone back to): `params` to read them, `update` to set one. An empty value removes its parameter,
 * except for the `keepEmpty` ones, whose absence means a default (the events list's `startsFrom`:
 * absent is today, empty is any day). Any change but the page's goes back to the first page.
 */
export function useListFilters(keepEmpty: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value || keepEmpty.includes(key)) next.set(key, value);
      else next.delete(key);
      if (key !== 'page') next.delete('page');
      return next;
    });
  return { params, update };
}
