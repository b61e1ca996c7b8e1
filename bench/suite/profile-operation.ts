/**
 * Runs one reference operation through the gateway in-process (`gateway.fetch`, the production
 * plugins on, no HTTP server) to profile where a request's time goes:
 * `NODE_ENV=production node --cpu-prof --cpu-prof-dir=bench/.data/profiles --import tsx bench/suite/profile-operation.ts three-levels 10k 2000 [naive]`
 * then `npx tsx bench/suite/summarize-profile.ts bench/.data/profiles/<file>.cpuprofile`.
 */
import { loadConfig } from '../../src/config.js'
import { createGateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { schema } from '../../src/schema/index.js'
import { createNaiveSchema } from '../naive/naive-schema.js'
import { dataSizes } from './data-sizes.js'
import { referenceOperations } from './reference-operations.js'

const [name = 'three-levels', sizeName = '10k', count = '2000', mode = 'ours'] = process.argv.slice(2)
const size = dataSizes(sizeName)[0]
const config = loadConfig({ ENGINE_PATH: size.path, DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', ALLOW_OPEN_ACCESS: 'true', ...(mode === 'naive' ? { FOLD_RELATIONS: 'false' } : {}) })
const backend = createBackend(config.backend)
await backend.sdk.waitForInitialization()
const gateway = createGateway(config, backend, {}, mode === 'naive' ? createNaiveSchema() : schema)
const op = (await referenceOperations(backend.sdk)).find((o) => o.name === name)
if (!op) throw new Error(`no operation ${name}`)
const body = JSON.stringify({ query: op.query, variables: op.variables })
const once = async () => {
  const res = await gateway.fetch('http://bench.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const text = await res.text()
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(text)
}
for (let i = 0; i < 50; i++) await once()
const started = performance.now()
const cpu = process.cpuUsage()
for (let i = 0; i < Number(count); i++) await once()
const perRequest = (performance.now() - started) / Number(count)
const used = process.cpuUsage(cpu)
const cpuPerRequest = (used.user + used.system) / 1000 / Number(count)
// On a shared machine wall time includes waiting for a core; CPU time is this process's own work.
console.log(`${name} on ${size.name} (${mode}): ${perRequest.toFixed(3)} ms wall, ${cpuPerRequest.toFixed(3)} ms CPU per request in-process, ${count} requests`)
await backend.close()
