/** The capability profiles a backend can have. */
export type ProfileName = 'embedded' | 'remote'

/**
 * What a backend accepts beyond plain RushDB SearchQuery, so the compilers ask one object instead
 * of checking which backend they talk to. `embedded` is the engine with its extensions (see
 * src/engine/README.md); `remote` is only what a RushDB server accepts (1.x through SDK 1.8.0, and
 * 2.x). Every `remote` form also runs on the engine, which is a RushDB superset.
 */
export interface BackendProfile {
  name: ProfileName
  /** `$relation.type` may list several types; otherwise one related block per edge under `$or`. */
  relationTypeLists: boolean
  /** `select` keys `{$collect: {label, relation, …}}`: relation folding and one-query relation loads. */
  relatedCollect: boolean
  /** `$gt/$lt` on plain strings and on `$id`: keyset cursors; otherwise anchored offset cursors. */
  stringRanges: boolean
  /** Top-level `skipTotal: true`: a page without counting. */
  skipTotal: boolean
}

const PROFILES: Record<ProfileName, BackendProfile> = {
  embedded: { name: 'embedded', relationTypeLists: true, relatedCollect: true, stringRanges: true, skipTotal: true },
  remote: { name: 'remote', relationTypeLists: false, relatedCollect: false, stringRanges: false, skipTotal: false }
}

/** The profile called `name`. */
export function backendProfile(name: ProfileName): BackendProfile {
  return PROFILES[name]
}

/** True for a known profile name. */
export function isProfileName(value: string): value is ProfileName {
  return value in PROFILES
}
