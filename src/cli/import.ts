import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { createBackend } from '../rushdb/create-backend.js'
import { schema } from '../schema/index.js'
import { DEFAULT_RELATION } from '../schema/storage-mapping.js'
import { checkRelationType } from '../writes/link-records.js'
import { catalogFromSchema } from '../writes/write-catalog.js'
import { importFile, type ImportReport } from './import-file.js'
import { createProgressReporter, formatDuration } from './progress.js'

const USAGE = `usage: npm run import -- FILE [options]

Imports customer payloads (or records of any label) from a JSON array or NDJSON file through the
gateway's write path: upserts by natural key, one transaction per batch. Running it again is safe.

  --label LABEL             label of the payloads (default CUSTOMER)
  --batch-size N            payloads per transaction (default 500)
  --merge-by KEY[,KEY]      for a label without a typed schema: keys that identify a record
  --link-to LABEL.KEY       link each record to the LABEL record whose KEY equals its own KEY
  --link-type TYPE          relationship type of --link-to (default: RushDB's default)
  --capitalize-labels       upper-case the label and nested labels
  --relationship-type TYPE  relationship type of nested records without a typed schema

Storage: the embedded engine file ENGINE_PATH (default ./data/customer-graph.db), or a RushDB
server with RUSHDB_URL and RUSHDB_API_KEY. WRITE_MAX_RECORDS caps the records of one batch.`

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function parseOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      label: { type: 'string', default: 'CUSTOMER' },
      'batch-size': { type: 'string', default: '500' },
      'merge-by': { type: 'string' },
      'link-to': { type: 'string' },
      'link-type': { type: 'string' },
      'capitalize-labels': { type: 'boolean', default: false },
      'relationship-type': { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const [file] = positionals
  if (!file || positionals.length > 1) fail('give exactly one FILE')
  if (!existsSync(file)) fail(`no such file: ${file}`)
  const batchSize = Number(values['batch-size'])
  if (!Number.isInteger(batchSize) || batchSize < 1) fail(`--batch-size must be a positive integer, got ${values['batch-size']}`)
  const capitalize = values['capitalize-labels']
  const label = capitalize ? values.label.toUpperCase() : values.label
  let linkTo
  if (values['link-to']) {
    const [linkLabel, key, ...rest] = values['link-to'].split('.')
    if (!linkLabel || !key || rest.length > 0) fail(`--link-to must be LABEL.KEY, got ${values['link-to']}`)
    linkTo = { label: linkLabel, key, edge: { type: values['link-type'] ? checkRelationType(values['link-type'], '--link-type') : DEFAULT_RELATION, direction: 'out' as const } }
  }
  const spec = {
    label,
    mergeBy: values['merge-by']?.split(',').map((k) => k.trim()).filter(Boolean),
    capitalizeLabels: capitalize,
    relationshipType: values['relationship-type'] ? checkRelationType(values['relationship-type'], '--relationship-type') : undefined,
    linkTo
  }
  return { file, batchSize, spec }
}

const int = new Intl.NumberFormat('en-US')

function printReport(file: string, label: string, report: ImportReport): void {
  const rate = report.ms > 0 ? Math.round(report.payloads / (report.ms / 1000)) : 0
  const lines = [
    `${file} (${label}): ${int.format(report.payloads)} payloads in ${formatDuration(report.ms)} (${int.format(rate)}/s)`,
    `  created    ${int.format(report.created)}`,
    `  updated    ${int.format(report.updated)}`,
    `  unchanged  ${int.format(report.unchanged)}`,
    ...(report.skipped > 0 ? [`  skipped    ${int.format(report.skipped)}`] : []),
    `  failed     ${int.format(report.failed.length)}`,
    `  records: ${int.format(report.recordsCreated)} created, ${int.format(report.recordsUpdated)} updated; relationships: ${int.format(report.relationshipsCreated)} created, ${int.format(report.relationshipsRemoved)} removed`
  ]
  const failed = [...report.failed].sort((a, b) => a.line - b.line)
  if (failed.length > 0) {
    lines.push('failed payloads:')
    for (const f of failed.slice(0, 50)) lines.push(`  line ${f.line}: ${f.reason}`)
    if (failed.length > 50) lines.push(`  … and ${failed.length - 50} more`)
  }
  if (report.aborted) lines.push(`stopped early: ${report.aborted}`, 'Nothing of the unfinished batch was written; run the same command again to resume (imported payloads are matched, not duplicated).')
  process.stdout.write(`${lines.join('\n')}\n`)
}

async function main(): Promise<void> {
  const { file, batchSize, spec } = parseOptions()
  const config = loadConfig({ ...process.env, DEMO_CUSTOMERS: '0' })
  const backend = createBackend(config.backend)
  try {
    const ready = await backend.readiness()
    if (!ready.ready) fail(`storage is not ready: ${ready.reason}`)
    const progress = createProgressReporter()
    const report = await importFile(backend.sdk, catalogFromSchema(schema), {
      file,
      spec,
      batchSize,
      maxRecords: config.writes.maxRecords,
      onProgress: (state) => progress.update(state)
    })
    progress.done({ payloads: report.payloads, failed: report.failed.length, bytesRead: 1, totalBytes: 1, elapsedMs: report.ms })
    printReport(file, spec.label, report)
    process.exitCode = report.aborted ? 2 : report.failed.length > 0 ? 1 : 0
  } finally {
    await backend.close()
  }
}

await main()
