/**
 * `npm run bench:writes`: the bulk import (customer payloads per minute, the import command's code
 * path) and event append (events per second through the GraphQL mutation, batches of 1,000), each
 * beside the same work done straight through the SDK (the floor), with the time spent below the
 * SDK (transport + engine) to show where the rest goes; event append also against the engine
 * served over loopback HTTP, as against a RushDB server. BENCH_WRITE_CUSTOMERS sizes the import
 * (default 10000), BENCH_EVENT_BATCHES the event run (default 20), on a fresh engine file each.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { machineLines } from '../engine/report.js'
import { customerBatches, gatewayImport, reportRun, sdkNestedImport, writeNdjson, type BulkRun } from './bulk-import.js'
import { eventBench, type EventRun } from './event-append.js'
import { eventHttpBench } from './event-append-http.js'
import { TransportTimer } from './timed-transport.js'

const DATA_DIR = join(import.meta.dirname, '..', '.data')
const customers = Number(process.env.BENCH_WRITE_CUSTOMERS ?? 10_000)
const eventBatchCount = Number(process.env.BENCH_EVENT_BATCHES ?? 20)
const eventCustomers = Math.min(customers, 2000)
const log = (line: string) => console.error(line)
const int = new Intl.NumberFormat('en-US')

function bulkRow(name: string, run: BulkRun, note = ''): string {
  return `| ${name} | ${int.format(run.payloads)} | ${int.format(run.records)} | ${(run.ms / 1000).toFixed(1)} s | **${int.format(Math.round(run.perMinute))}/min** | ${note} |`
}

function eventRow(name: string, run: EventRun): string {
  const below = (run.transportMs / run.ms) * 100
  return `| ${name} | ${int.format(run.events)} | ${(run.ms / 1000).toFixed(2)} s | **${int.format(Math.round(run.perSecond))}/s** | ${below.toFixed(0)}% |`
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true })
  const timer = new TransportTimer()
  const file = join(DATA_DIR, `writes-${customers}.ndjson`)
  const batches = customerBatches(customers, 7, 500)
  writeNdjson(file, batches)
  log(`wrote ${int.format(customers)} customer payloads to ${file}`)

  log('bulk import: import command code path (fresh file, then the same file again)')
  const gw = await gatewayImport(join(DATA_DIR, 'writes-import.db'), file, timer)
  log('bulk import: SDK nested createMany floors')
  const create = await sdkNestedImport(join(DATA_DIR, 'writes-floor.db'), batches, false)
  const upsert = await sdkNestedImport(join(DATA_DIR, 'writes-floor.db'), batches, true)
  const first = reportRun(gw.first)
  const second = reportRun(gw.second)

  log(`event append: ${eventBatchCount} batches of 1,000 on ${eventCustomers} customers`)
  const eventFile = join(DATA_DIR, `writes-${eventCustomers}.ndjson`)
  writeNdjson(eventFile, customerBatches(eventCustomers, 7, 500))
  const events = await eventBench(join(DATA_DIR, 'writes-events.db'), eventFile, eventBatchCount, timer)
  log('event append over HTTP (engine on loopback, as a RushDB server)')
  const overHttp = await eventHttpBench(join(DATA_DIR, 'writes-events-http.db'), eventFile, eventBatchCount, timer)

  const lines = [
    ...machineLines(`BENCH_WRITE_CUSTOMERS=${customers} BENCH_EVENT_BATCHES=${eventBatchCount} npm run bench:writes`),
    '',
    '| bulk import (customer payloads, nested children) | payloads | records written | time | rate | notes |',
    '| --- | --- | --- | --- | --- | --- |',
    bulkRow('import command path, fresh engine file', first, `target ≥ 10,000/min: ${first.perMinute >= 10_000 ? 'met' : 'NOT met'}; ${((gw.transportMs[0] / gw.first.ms) * 100).toFixed(0)}% of the time below the SDK`),
    bulkRow('import command path, same file again', second, `all unchanged; ${((gw.transportMs[1] / gw.second.ms) * 100).toFixed(0)}% below the SDK`),
    bulkRow('floor: SDK nested createMany, create only', create, 'no lookups, no upsert: a second run would duplicate'),
    bulkRow('floor: SDK nested createMany, mergeBy upsert', upsert, 'engine-side upsert'),
    '',
    '| event append (batches of 1,000, uniform over customers) | events | time | rate | below the SDK |',
    '| --- | --- | --- | --- | --- |',
    eventRow('GraphQL appendEvents through gateway.fetch', events.graphql),
    eventRow('GraphQL, each batch for 50 customers (clustered)', events.clustered),
    eventRow('GraphQL, RushDB over HTTP (engine on loopback)', overHttp),
    eventRow('the same batch again (all duplicates)', events.repeat),
    eventRow('write path without GraphQL (appendEvents function)', events.writePath),
    eventRow('floor: hand-written SDK calls (one create-many key join)', events.sdk),
    eventRow('floor: hand-written SDK calls, one attach per customer', events.sdkAttach),
    '',
    `event target ≥ 20,000/s through GraphQL: ${events.graphql.perSecond >= 20_000 ? 'met' : 'NOT met'}`,
    '',
    'where the time goes below the SDK (first import):',
    ...gw.routes[0],
    'where the time goes below the SDK (GraphQL event append):',
    ...events.graphql.routes
  ]
  console.log(lines.join('\n'))
}

await main()
