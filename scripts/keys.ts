import { formatApiKeyEntry, generateApiKey, hashApiKey, parseScopes } from '../src/security/api-keys.js'

/**
 * `npm run keys -- new --name bi-tool --scopes read`: makes a random key and prints it once, with
 * the API_KEYS entry to configure (only the hash is stored).
 * `npm run keys -- hash <key> --name bi-tool --scopes read,write`: the entry for an existing key.
 */
function main(argv: string[]): number {
  const [command, ...rest] = argv
  const option = (name: string, fallback: string) => {
    const i = rest.indexOf(`--${name}`)
    return i >= 0 && rest[i + 1] ? rest[i + 1] : fallback
  }
  const positional = rest.filter((arg, i) => !arg.startsWith('--') && !rest[i - 1]?.startsWith('--'))
  const name = option('name', 'client')
  const scopes = parseScopes(option('scopes', 'read'))
  if (command === 'new') {
    const key = generateApiKey()
    console.log(`key (give it to the client; it is not stored anywhere): ${key}`)
    console.log(`API_KEYS entry: ${formatApiKeyEntry({ name, scopes, sha256: hashApiKey(key) })}`)
    return 0
  }
  if (command === 'hash' && positional[0]) {
    console.log(formatApiKeyEntry({ name, scopes, sha256: hashApiKey(positional[0]) }))
    return 0
  }
  console.error('usage: npm run keys -- new [--name <name>] [--scopes read,write,admin]\n       npm run keys -- hash <key> [--name <name>] [--scopes read]')
  return 2
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 2
}
