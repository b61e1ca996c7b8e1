/** Prints the functions with the most self time in a V8 .cpuprofile (from `node --cpu-prof`). */
import { readFileSync } from 'node:fs'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { nodes: ProfileNode[]; samples: number[] }
const total = profile.samples.length
const self = new Map<string, number>()
for (const node of profile.nodes) {
  const f = node.callFrame
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')
  const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0))
}
const byFile = new Map<string, number>()
for (const [key, hits] of self) {
  const file = key.split(' ')[1]?.split(':')[0] || '(native)'
  const pkg = file.startsWith('src/') || file.startsWith('bench/') ? file : file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/')
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + hits)
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n')
console.log(`samples: ${total}\n\nby package or file:\n${top(byFile, 25)}\n\nby function (self time):\n${top(self, 40)}`)
