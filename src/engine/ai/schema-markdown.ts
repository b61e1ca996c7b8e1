import type { SchemaItem, SchemaProperty } from './describe-schema.js'

const SHOWN_VALUES = 5
const VALUE_CHARS = 48

/**
 * RushDB's schema description for LLM prompts (§9.1 `buildMdSchema`): a labels table, then per
 * label its properties (type, range or samples, semantic-search indexes) and traversal patterns.
 */
export function schemaMarkdown(items: SchemaItem[]): string {
  const lines = ['# Graph Schema', '', '## Labels', '', '| Label | Count |', '| --- | --- |']
  for (const item of items) lines.push(`| \`${item.label}\` | ${item.count} |`)
  for (const item of items) {
    lines.push('', `## \`${item.label}\` (${item.count} records)`, '', '### Properties', '')
    lines.push('| Property | Type | Values / Range | Semantic Search |', '| --- | --- | --- | --- |')
    for (const p of item.properties) lines.push(`| \`${cell(p.name)}\` | ${p.isArray ? `${p.type}[]` : p.type} | ${valuesCell(p)} | ${semanticCell(p)} |`)
    if (item.relationships.length > 0) {
      lines.push('', '### Relationships', '', '| Traversal | Count | Edge Properties |', '| --- | --- | --- |')
      for (const r of item.relationships) {
        const traversal = r.direction === 'out' ? `(${item.label})-[:${r.type}]->(${r.label})` : `(${item.label})<-[:${r.type}]-(${r.label})`
        lines.push(`| \`${cell(traversal)}\` | ${r.count} | — |`)
      }
    }
  }
  return lines.join('\n') + '\n'
}

function valuesCell(p: SchemaProperty): string {
  if (p.min !== undefined || p.max !== undefined) return `\`${cell(String(p.min))}\`..\`${cell(String(p.max))}\``
  if (!p.values || p.values.length === 0) return '—'
  const shown = p.values.slice(0, SHOWN_VALUES).map((v) => `\`${cell(truncate(String(v)))}\``)
  const more = p.distinct - shown.length
  return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ')
}

function semanticCell(p: SchemaProperty): string {
  if (!p.vectorIndexes?.length) return '—'
  return p.vectorIndexes.map((i) => `\`${i.sourceType}\` ${i.similarityFunction} ${i.dimensions}d [${i.status}]`).join(', ')
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > VALUE_CHARS ? `${flat.slice(0, VALUE_CHARS - 1)}…` : flat
}

/** Markdown table cells cannot hold pipes or backticks unescaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'")
}
