import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

/** Most distinct operation names kept as label values; later ones are counted as `other`. */
const MAX_OPERATION_LABELS = 200

/** The gateway's Prometheus metrics, in a registry of its own (one per gateway instance). */
export class GatewayMetrics {
  readonly registry = new Registry()
  private readonly requests: Counter<'operation' | 'type' | 'status'>
  private readonly duration: Histogram<'operation' | 'type'>
  private readonly rushdbCalls: Histogram<'operation'>
  private readonly errors: Counter<'code'>
  private readonly operations = new Set<string>()
  private readonly gather?: (local: Registry) => Promise<string>

  /**
   * `gather` replaces the exposition with one built from more than this registry (the sum over a
   * cluster's workers); without it `/metrics` shows this process alone.
   */
  constructor(options: { processMetrics?: boolean; gather?: (local: Registry) => Promise<string> } = {}) {
    this.gather = options.gather
    const registers = [this.registry]
    this.requests = new Counter({ name: 'graphql_requests_total', help: 'GraphQL requests by operation name, operation type and HTTP status', labelNames: ['operation', 'type', 'status'], registers })
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request latency by operation, from the request arriving to the response being ready',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    })
    this.rushdbCalls = new Histogram({ name: 'graphql_rushdb_calls_per_request', help: 'RushDB calls made by one GraphQL request', labelNames: ['operation'], buckets: [0, 1, 2, 3, 5, 10, 20, 50], registers })
    this.errors = new Counter({ name: 'graphql_errors_total', help: 'Errors returned to clients, by extensions.code', labelNames: ['code'], registers })
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry })
  }

  private operationLabel(name: string | undefined): string {
    const label = name || 'anonymous'
    if (this.operations.has(label)) return label
    // Operation names come from clients: cap their number so a flood of names cannot grow memory.
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other'
    this.operations.add(label)
    return label
  }

  /** Records one finished GraphQL request. */
  observe(entry: { operation?: string; type?: string; status: number; seconds: number; rushdbCalls: number; errorCodes: readonly string[] }): void {
    const operation = this.operationLabel(entry.operation)
    const type = entry.type ?? 'none'
    this.requests.inc({ operation, type, status: String(entry.status) })
    this.duration.observe({ operation, type }, entry.seconds)
    this.rushdbCalls.observe({ operation }, entry.rushdbCalls)
    for (const code of entry.errorCodes) this.errors.inc({ code })
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<string> {
    return this.gather ? this.gather(this.registry) : this.registry.metrics()
  }

  /** The Content-Type of `text()` (Prometheus text exposition format). */
  get contentType(): string {
    return this.registry.contentType
  }
}
