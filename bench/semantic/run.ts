/**
 * `npm run bench:semantic`: retrieval quality of the built-in embedder (hashed-char-ngram-384,
 * lexical) against a plain keyword baseline (BM25) on a deterministic labelled ticket set, plus
 * what the engine costs: back-fill rate and search latency with and without an exact filter.
 * A hit is relevant when its ticket was written from the query's topic.
 * BENCH_SEMANTIC_PER_TOPIC sizes the set (default 1000 tickets for each of 8 topics).
 */
import { createEngine } from '../../src/engine/engine.js'
import { machineLines } from '../engine/report.js'
import { KeywordBaseline } from './keyword-baseline.js'
import { labelledTickets, type LabelledQuery } from './labelled-tickets.js'

const perTopic = Number(process.env.BENCH_SEMANTIC_PER_TOPIC ?? 1000)
const K = 10

/** recall@10 (relevant among the first 10, over 10: every topic has more than 10 tickets) and reciprocal rank of the first relevant. */
function score(ranked: string[], topic: string, topicOf: Map<string, string>): { recall: number; rr: number } {
  const relevant = ranked.map((id) => topicOf.get(id) === topic)
  const first = relevant.indexOf(true)
  return { recall: relevant.slice(0, K).filter(Boolean).length / K, rr: first === -1 ? 0 : 1 / (first + 1) }
}

function summary(name: string, queries: LabelledQuery[], rank: (q: LabelledQuery) => string[], topicOf: Map<string, string>) {
  let recall = 0
  let rr = 0
  for (const q of queries) {
    const s = score(rank(q), q.topic, topicOf)
    recall += s.recall
    rr += s.rr
  }
  return { name, recall: recall / queries.length, mrr: rr / queries.length }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

async function main(): Promise<void> {
  const { tickets, queries } = labelledTickets(perTopic)
  const topicOf = new Map(tickets.map((t) => [t.ticketId, t.topic]))
  const engine = createEngine({ path: ':memory:', embedBatchSize: 256 })
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await engine.handle({ method, path, headers: {}, body })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    return (res.body as { data: any }).data
  }
  for (let i = 0; i < tickets.length; i += 5000) {
    const data = tickets.slice(i, i + 5000).map((t, j) => ({ ...t, status: (i + j) % 3 === 0 ? 'open' : 'closed' }))
    await call('POST', '/records/import/json', { label: 'SUPPORT_TICKET', data, options: { suggestTypes: true } })
  }
  const started = performance.now()
  await call('POST', '/ai/indexes', { label: 'SUPPORT_TICKET', propertyName: 'body' })
  await engine.idle!()
  const backfillMs = performance.now() - started
  const [index] = await call('GET', '/ai/indexes')

  const semanticRanks = new Map<string, string[]>()
  const latencies: number[] = []
  for (const q of queries) {
    const t0 = performance.now()
    const rows = await call('POST', '/ai/search', { labels: ['SUPPORT_TICKET'], propertyName: 'body', query: q.query, limit: K })
    latencies.push(performance.now() - t0)
    semanticRanks.set(q.query, rows.map((r: { ticketId: string }) => r.ticketId))
  }
  const filtered: number[] = []
  for (const q of queries) {
    const t0 = performance.now()
    await call('POST', '/ai/search', { labels: ['SUPPORT_TICKET'], propertyName: 'body', query: q.query, limit: K, where: { status: 'open' } })
    filtered.push(performance.now() - t0)
  }
  const baseline = new KeywordBaseline(tickets.map((t) => ({ id: t.ticketId, text: t.body })))
  const results = [
    summary(`built-in embedder (${index.modelKey})`, queries, (q) => semanticRanks.get(q.query)!, topicOf),
    summary('keyword baseline (BM25, exact words)', queries, (q) => baseline.search(q.query, K), topicOf)
  ]
  engine.close()

  latencies.sort((a, b) => a - b)
  filtered.sort((a, b) => a - b)
  const lines = [
    ...machineLines('npm run bench:semantic'),
    `set: ${tickets.length} tickets (8 topics × ${perTopic}), ${queries.length} queries (6 per topic), relevant = same topic`,
    '',
    '| ranking | recall@10 | MRR |',
    '| --- | --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.recall.toFixed(3)} | ${r.mrr.toFixed(3)} |`),
    '',
    `back-fill: ${index.indexed} tickets in ${(backfillMs / 1000).toFixed(2)} s (${Math.round(index.indexed / (backfillMs / 1000))}/s)`,
    `search (top 10 of ${tickets.length}): median ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms`,
    `search with where {status: open} (1/3 of tickets): median ${percentile(filtered, 0.5).toFixed(2)} ms, p95 ${percentile(filtered, 0.95).toFixed(2)} ms`
  ]
  console.log(lines.join('\n'))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
