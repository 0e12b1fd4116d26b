import DataLoader from 'dataloader';

/**
 * The request's DataLoaders, created on first use and keyed by name plus arguments, so that
 * `children(first: 5)` and `children(first: 10)` batch separately. A new set per request
 * keeps caches from leaking across callers.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>, cacheKeyFn?: (key: K) => unknown): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, unknown>(batch, cacheKeyFn ? { cacheKeyFn } : {});
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders batch results to match the keys; a missing key gets `fallback`. */
export function byKey<K, V, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V, fallback: V): V[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), valueOf(row));
  return keys.map((key) => (map.has(key) ? (map.get(key) as V) : fallback));
}

/** Groups batch results by key, one (possibly empty) list per key, in key order. */
export function groupByKey<K, R, V = R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V = (row) => row as unknown as V): V[][] {
  const map = new Map<K, V[]>();
  for (const key of keys) map.set(key, []);
  for (const row of rows) map.get(keyOf(row))?.push(valueOf(row));
  return keys.map((key) => map.get(key) ?? []);
}
