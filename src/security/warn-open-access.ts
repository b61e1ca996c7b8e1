import type { Logger } from '../observability/logger.js'

/** Says, loudly and on stderr as well as in the log, that the gateway runs without API keys. */
export function warnOpenAccess(logger: Logger, nodeEnv: string): void {
  const lines = [
    'OPEN ACCESS: no API keys are configured. Anyone who can reach this port can',
    'read the whole customer graph. Fine for local development only.',
    'Set API_KEYS (npm run keys -- new --name <client> --scopes read) to require',
    'keys; NODE_ENV=production refuses to start like this unless ALLOW_OPEN_ACCESS=true.'
  ]
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const rule = '#'.repeat(width + 2)
  const banner = ['', rule, ...lines.map((l) => `#  ${l.padEnd(width - 2)}#`), rule, ''].join('\n')
  process.stderr.write(`${banner}\n`)
  logger.warn('open access: no API keys configured; every request is served with all scopes', { nodeEnv })
}
