import DataLoader from 'dataloader'

/** Per-request, lazily created DataLoaders, keyed by what their results depend on. */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>()

  /** The loader for `key`, created on first use with `batch`. */
  get<V>(key: string, batch: (ids: readonly string[]) => Promise<Array<V | Error>>): DataLoader<string, V> {
    let loader = this.loaders.get(key)
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch as (ids: readonly string[]) => Promise<unknown[]>, { maxBatchSize: 500 })
      this.loaders.set(key, loader)
    }
    return loader as DataLoader<string, V>
  }
}
