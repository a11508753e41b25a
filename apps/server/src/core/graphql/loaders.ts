import DataLoader from 'dataloader';

/**
 * Request-scoped batch loaders for what a list asks per row and is not a relation (counts, sums,
 * derived rows). Relations themselves are batched by MikroORM's dataloader. Each request (or
 * websocket operation) gets an empty map, so caches never leak between viewers.
 */
export type Loaders = Map<string, DataLoader<string, unknown>>;

export function createLoaders(): Loaders {
  return new Map();
}

/** The loader registered under `name`, created on first use in this request. */
export function loader<V>(
  loaders: Loaders,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let existing = loaders.get(name);
  if (!existing) {
    existing = new DataLoader<string, unknown>(batch as (keys: readonly string[]) => Promise<unknown[]>);
    loaders.set(name, existing);
  }
  return existing as DataLoader<string, V>;
}

/** Orders batch results to match the keys, filling gaps with `fallback`. */
export function byKeys<V>(keys: readonly string[], rows: Map<string, V>, fallback: V): V[] {
  return keys.map((key) => rows.get(key) ?? fallback);
}
