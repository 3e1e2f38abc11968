'use client';
// A list kept live with swr: polls its JSON route every few seconds while the tab is visible, revalidates on focus,
// starts from the server-rendered page, and counts rows that appeared since the last look (for a polite announcement).
import { useEffect, useRef, useState } from 'react';
import useSWR from 'swr';
import { callApi } from '@/lib/client/call-api';

export const LIVE_LIST_INTERVAL_MS = 4_000;

async function fetchJson<T>(url: string): Promise<T> {
  const result = await callApi<T>(url);
  // NOTE: throwing keeps the last good data on screen; swr retries on the next interval.
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

export function useLiveList<T, Row extends { id: string }>(
  url: string,
  fallbackData: T,
  rowsOf: (data: T) => Row[],
  counts: (row: Row) => boolean = () => true,
) {
  const swr = useSWR<T>(url, fetchJson, {
    fallbackData,
    refreshInterval: LIVE_LIST_INTERVAL_MS,
    refreshWhenHidden: false,
    refreshWhenOffline: false,
    revalidateOnFocus: true,
  });
  const data = swr.data ?? fallbackData;
  const seen = useRef<{ url: string; ids: Set<string> }>({ url, ids: new Set(rowsOf(fallbackData).map((r) => r.id)) });
  const [fresh, setFresh] = useState(0);
  useEffect(() => {
    const rows = rowsOf(data);
    // NOTE: a new filter or page is a new list, not new rows; only rows arriving within one list are announced.
    if (seen.current.url !== url) {
      seen.current = { url, ids: new Set(rows.map((r) => r.id)) };
      return;
    }
    const added = rows.filter((row) => !seen.current.ids.has(row.id));
    for (const row of added) seen.current.ids.add(row.id);
    const counted = added.filter(counts).length;
    if (counted > 0) setFresh(counted);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, url]);
  return { data, fresh, mutate: swr.mutate, error: swr.error as Error | undefined };
}
