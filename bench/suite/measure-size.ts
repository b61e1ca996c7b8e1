import { isDeepStrictEqual } from 'node:util'
import { loadConfig } from '../../src/config.js'
import { schema } from '../../src/schema/index.js'
import { countGraph } from '../engine/sql-floor.js'
import { openSdk } from '../engine/open-sdk.js'
import type { DataSize } from './data-sizes.js'
import { startEngineServer } from './engine-process.js'
import { startGateway, type GatewayProcess } from './gateway-process.js'
import { runLoad, runSequential, type LoadResult } from './load-run.js'
import { normalizeAnswer } from './normalize-answer.js'
import { referenceOperations, type ReferenceOperation } from './reference-operations.js'
import { openSqlFloorOperations } from './sql-floor-operations.js'
import { timeTranslation, translateOperation } from './translate-operation.js'

/** How long and how hard each operation is loaded. */
export interface LoadPlan {
  connections: number
  /** Seconds of the measured run at `connections`. */
  seconds: number
  /** Seconds of the sequential run (one connection) whose median is compared with the SQL floor. */
  latencySeconds: number
  /** Seconds of unmeasured load before each operation's runs (engine caches, JIT). */
  warmupSeconds: number
  /** How the gateways reach the engine: in their own process, or over HTTP as a RushDB server. */
  transport: 'in-process' | 'http'
}

/** One gateway (ours or the naive baseline) on one operation. */
export interface GatewayFigures {
  calls: number
  sequential: LoadResult
  loaded: LoadResult
}

/** Everything measured for one operation on one data size. */
export interface OperationFigures {
  name: string
  title: string
  translation: { median: number; p95: number }
  floor: { median: number; p95: number; iterations: number; sameAnswer: boolean }
  ours: GatewayFigures
  naive: GatewayFigures
  /** The naive baseline answered with exactly our JSON. */
  naiveSameAnswer: boolean
}

/** What one data size measured. */
export interface SizeFigures {
  size: string
  customers: number
  records: number
  relationships: number
  operations: OperationFigures[]
  /** Peak RSS (VmHWM) of each gateway process over all its runs on this size, MiB. */
  peakRssMiB: { ours: number; naive: number }
}

type Answer = { data: unknown; calls: number }

async function ask(url: string, op: ReferenceOperation): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables }) })
  const body = (await res.json()) as { data?: unknown; errors?: unknown[]; extensions?: { rushdb?: { calls: number } } }
  if (res.status !== 200 || body.errors) throw new Error(`${op.name} failed (${res.status}): ${JSON.stringify(body.errors)}`)
  return { data: body.data, calls: body.extensions?.rushdb?.calls ?? NaN }
}

/**
 * `ask`, retried while the gateway is still working off a load run's backlog: autocannon stops
 * sending at the end of a run but the gateway (and, over HTTP, the engine, which finishes calls
 * whose request already timed out) still works off what it accepted. A gateway that cannot keep
 * up (the naive one on the churn question) may time a request out meanwhile; it is asked again
 * until one answers, so the next run starts on an idle gateway.
 */
async function askPatiently(url: string, op: ReferenceOperation): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask(url, op)
    } catch (error) {
      if (attempt >= 10) throw error
    }
  }
}

async function loadGateway(gateway: GatewayProcess, ops: ReferenceOperation[], plan: LoadPlan, log: (l: string) => void) {
  const out = new Map<string, { answer: Answer; sequential: LoadResult; loaded: LoadResult }>()
  for (const op of ops) {
    const answer = await askPatiently(gateway.url, op)
    const request = { query: op.query, variables: op.variables }
    if (plan.warmupSeconds > 0) {
      await runLoad(gateway.url, request, plan.connections, plan.warmupSeconds)
      await askPatiently(gateway.url, op)
    }
    const sequential = await runSequential(gateway.url, request, plan.latencySeconds)
    const loaded = await runLoad(gateway.url, request, plan.connections, plan.seconds)
    await askPatiently(gateway.url, op)
    log(`    ${op.name}: ${answer.calls} calls, ${loaded.rps.toFixed(0)} req/s, p50 ${loaded.p50.toFixed(1)} p95 ${loaded.p95.toFixed(1)} p99 ${loaded.p99.toFixed(1)} ms at ${plan.connections}; p50 ${sequential.p50.toFixed(2)} ms alone${loaded.failed + sequential.failed ? `; ${loaded.failed + sequential.failed} FAILED` : ''}`)
    out.set(op.name, { answer, sequential, loaded })
  }
  return { results: out, peakRssMiB: gateway.peakRssMiB() }
}

function timeFloor(run: () => unknown, budgetMs = 3_000, maxIterations = 300): { median: number; p95: number; iterations: number } {
  for (let i = 0; i < 3; i++) run()
  const samples: number[] = []
  const started = performance.now()
  while (samples.length < maxIterations && (samples.length < 5 || performance.now() - started < budgetMs)) {
    const t = performance.now()
    run()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)], iterations: samples.length }
}

/** Runs the whole suite on one data size: translation, SQL floor, then ours and the naive baseline under load. */
export async function measureSize(size: DataSize, plan: LoadPlan, log: (line: string) => void): Promise<SizeFigures> {
  const graph = countGraph(size.path)
  const { engine, db } = await openSdk(size.path)
  const ops = await referenceOperations(db)
  engine.close()
  log(`  ${size.name}: ${graph.records} records + ${graph.relationships} relationships; operations: ${ops.map((o) => o.name).join(', ')}`)

  const config = loadConfig({ ENGINE_PATH: size.path, DEMO_CUSTOMERS: '0' })
  const translation = new Map(ops.map((op) => [op.name, timeTranslation(translateOperation(schema, config, op.query, op.variables))]))

  const byMode: Record<'ours' | 'naive', Awaited<ReturnType<typeof loadGateway>>> = {} as never
  for (const mode of ['ours', 'naive'] as const) {
    log(`  ${mode} gateway (engine ${plan.transport})`)
    // Over HTTP each gateway gets its own engine server, so both start from the same cold caches.
    const server = plan.transport === 'http' ? await startEngineServer(size.path) : undefined
    try {
      const gateway = await startGateway(mode, size.path, server?.env)
      try {
        byMode[mode] = await loadGateway(gateway, ops, plan, log)
      } finally {
        await gateway.stop()
      }
    } finally {
      await server?.stop()
    }
  }

  log('  SQL floor')
  const floor = openSqlFloorOperations(size.path)
  const operations: OperationFigures[] = []
  try {
    for (const op of ops) {
      const ours = byMode.ours.results.get(op.name)!
      const naive = byMode.naive.results.get(op.name)!
      const sameAnswer = isDeepStrictEqual(normalizeAnswer(floor.run(op.name, op.variables)), normalizeAnswer(ours.answer.data))
      const floorTiming = timeFloor(() => floor.run(op.name, op.variables))
      operations.push({
        name: op.name,
        title: op.title,
        translation: translation.get(op.name)!,
        floor: { ...floorTiming, sameAnswer },
        ours: { calls: ours.answer.calls, sequential: ours.sequential, loaded: ours.loaded },
        naive: { calls: naive.answer.calls, sequential: naive.sequential, loaded: naive.loaded },
        naiveSameAnswer: JSON.stringify(naive.answer.data) === JSON.stringify(ours.answer.data)
      })
      if (!sameAnswer) log(`    WARNING: the SQL floor's answer to ${op.name} differs from the gateway's`)
      if (!operations.at(-1)!.naiveSameAnswer) log(`    WARNING: the naive gateway's answer to ${op.name} differs from ours`)
    }
  } finally {
    floor.close()
  }
  return { size: size.name, customers: size.customers, ...graph, operations, peakRssMiB: { ours: byMode.ours.peakRssMiB, naive: byMode.naive.peakRssMiB } }
}
