import { createHash, randomBytes } from 'node:crypto'

/** What a key may do: read the graph (and introspect), write it, administer the gateway. */
export type Scope = 'read' | 'write' | 'admin'

/** Every scope, in the order messages list them. */
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin']

/** One configured key: a name for logs and metrics, its scopes, and the SHA-256 of the secret. */
export interface ApiKeyEntry {
  name: string
  scopes: Scope[]
  sha256: string
}

/** The SHA-256 (hex) of a key, as stored in API_KEYS. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** A new random key (256 bits, URL-safe), prefixed so it is recognisable in secret scanners. */
export function generateApiKey(): string {
  return `cgk_${randomBytes(32).toString('base64url')}`
}

/** The API_KEYS line for a key: `name:scope+scope:sha256`. */
export function formatApiKeyEntry(entry: ApiKeyEntry): string {
  return `${entry.name}:${entry.scopes.join('+')}:${entry.sha256}`
}

/** Parses scopes written as `read+write` or `read,write`; throws naming an unknown one. */
export function parseScopes(text: string): Scope[] {
  const scopes = text.split(/[+,]/).map((s) => s.trim()).filter(Boolean)
  if (scopes.length === 0) throw new Error('a key needs at least one scope (read, write, admin)')
  for (const s of scopes) if (!SCOPES.includes(s as Scope)) throw new Error(`unknown scope "${s}": use read, write or admin`)
  return [...new Set(scopes as Scope[])]
}

/**
 * Parses API_KEYS / API_KEYS_FILE text: entries `name:scopes:sha256hex`, one per line or separated
 * by `;`; blank lines and `#` comments are skipped. Only hashes are configured, never keys.
 */
export function parseApiKeys(text: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = []
  const names = new Set<string>()
  for (const raw of text.split(/[\n;]/)) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const parts = line.split(':')
    if (parts.length !== 3) throw new Error(`API key entry "${line.slice(0, 40)}" must be name:scopes:sha256 (make one with npm run keys -- hash <key>)`)
    const [name, scopes, sha256] = parts.map((p) => p.trim())
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new Error(`API key name "${name}" must be 1-64 letters, digits, '.', '_' or '-'`)
    if (names.has(name)) throw new Error(`API key name "${name}" is configured twice`)
    if (!/^[0-9a-f]{64}$/i.test(sha256)) throw new Error(`API key "${name}": the third part must be the key's SHA-256 in hex (64 characters), not the key itself`)
    names.add(name)
    entries.push({ name, scopes: parseScopes(scopes), sha256: sha256.toLowerCase() })
  }
  return entries
}

/** Who made a request: a configured key, or anyone in open local-development mode. */
export interface Identity {
  /** The key's name, or `anonymous` in open mode. */
  name: string
  scopes: ReadonlySet<Scope>
  open: boolean
}

/** Result of reading a request's credentials. */
export type Authentication = { ok: true; identity: Identity } | { ok: false; reason: 'missing' | 'invalid' }

/** Looks up presented keys by hash; with no keys configured every request is the open-mode identity. */
export class ApiKeyStore {
  private readonly byHash: Map<string, ApiKeyEntry>

  constructor(entries: readonly ApiKeyEntry[]) {
    this.byHash = new Map(entries.map((e) => [e.sha256, e]))
  }

  /** True when no key is configured (local development). */
  get open(): boolean {
    return this.byHash.size === 0
  }

  /** Reads `Authorization: Bearer <key>` or `x-api-key: <key>` and finds the key. */
  authenticate(headers: Headers): Authentication {
    if (this.open) return { ok: true, identity: { name: 'anonymous', scopes: new Set(SCOPES), open: true } }
    const auth = headers.get('authorization')
    const bearer = auth && /^bearer\s+(.+)$/i.exec(auth.trim())?.[1]
    const key = bearer || headers.get('x-api-key')?.trim()
    if (!key) return { ok: false, reason: 'missing' }
    const entry = this.byHash.get(hashApiKey(key))
    if (!entry) return { ok: false, reason: 'invalid' }
    return { ok: true, identity: { name: entry.name, scopes: new Set(entry.scopes), open: false } }
  }
}
