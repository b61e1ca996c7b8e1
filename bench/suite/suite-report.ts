import type { OperationFigures, SizeFigures } from './measure-size.js'

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1))
const int = (x: number) => Math.round(x).toLocaleString('en-US')
const ratio = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1)) + '×'

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Per operation: calls, translation, load figures of ours and the naive baseline, and the SQL floor. */
export function sizeTables(s: SizeFigures, connections: number): string {
  const calls = table(
    ['operation', 'RushDB calls (ours / naive)', 'translation median / p95', `ours at ${connections} conn: req/s, p50 / p95 / p99`, `naive at ${connections} conn: req/s, p50 / p95 / p99`, 'ours ÷ naive req/s'],
    s.operations.map((o) => [
      o.title,
      `${o.ours.calls} / ${o.naive.calls}`,
      `${ms(o.translation.median)} / ${ms(o.translation.p95)} ms`,
      `${int(o.ours.loaded.rps)}, ${ms(o.ours.loaded.p50)} / ${ms(o.ours.loaded.p95)} / ${ms(o.ours.loaded.p99)} ms`,
      `${int(o.naive.loaded.rps)}, ${ms(o.naive.loaded.p50)} / ${ms(o.naive.loaded.p95)} / ${ms(o.naive.loaded.p99)} ms`,
      ratio(o.ours.loaded.rps / o.naive.loaded.rps)
    ])
  )
  const floor = table(
    ['operation', 'ours alone (1 conn): p50 / p95', 'naive alone: p50', 'SQL floor: median / p95', 'ours ÷ floor', 'same answer (floor, naive)'],
    s.operations.map((o) => [
      o.title,
      `${ms(o.ours.sequential.p50)} / ${ms(o.ours.sequential.p95)} ms`,
      `${ms(o.naive.sequential.p50)} ms`,
      `${ms(o.floor.median)} / ${ms(o.floor.p95)} ms`,
      ratio(o.ours.sequential.p50 / o.floor.median),
      `${o.floor.sameAnswer ? 'yes' : 'NO'}, ${o.naiveSameAnswer ? 'yes' : 'NO'}`
    ])
  )
  const failed = s.operations.reduce((n, o) => n + o.ours.loaded.failed + o.naive.loaded.failed + o.ours.sequential.failed + o.naive.sequential.failed, 0)
  const memory = `peak RSS under load (VmHWM): ours ${s.peakRssMiB.ours.toFixed(0)} MiB, naive ${s.peakRssMiB.naive.toFixed(0)} MiB; failed requests: ${failed}`
  return [calls, '', floor, '', memory].join('\n')
}

/** One target line: what, the figure, met or not. */
export interface TargetCheck {
  target: string
  figure: string
  met: boolean
}

/** Checks the suite's targets on one size's figures. */
export function checkTargets(s: SizeFigures): TargetCheck[] {
  const op = (name: string) => s.operations.find((o) => o.name === name) as OperationFigures
  const three = op('three-levels')
  const first = op('first-page')
  const deep = op('deep-page')
  const worstTranslation = s.operations.reduce((a, o) => (o.translation.median > a.translation.median ? o : a))
  const floorRatios = s.operations.map((o) => ({ o, r: o.ours.sequential.p50 / o.floor.median }))
  return [
    { target: '≤ 1 RushDB call per root field, three levels', figure: `${three.ours.calls} (naive ${three.naive.calls})`, met: three.ours.calls <= 1 },
    { target: 'translation ≤ 0.5 ms median, every operation', figure: `worst ${ms(worstTranslation.translation.median)} ms (${worstTranslation.name})`, met: worstTranslation.translation.median <= 0.5 },
    { target: 'three levels ≥ 1,000 req/s at 16 connections', figure: `${int(three.ours.loaded.rps)} req/s`, met: three.ours.loaded.rps >= 1000 },
    { target: 'three levels p95 ≤ 25 ms at 16 connections', figure: `${ms(three.ours.loaded.p95)} ms`, met: three.ours.loaded.p95 <= 25 },
    { target: 'three levels ≥ 10× the naive baseline', figure: ratio(three.ours.loaded.rps / three.naive.loaded.rps), met: three.ours.loaded.rps >= 10 * three.naive.loaded.rps },
    ...floorRatios.map(({ o, r }) => ({ target: `within 3× of the SQL floor: ${o.name}`, figure: `${ratio(r)} (${ms(o.ours.sequential.p50)} vs ${ms(o.floor.median)} ms)`, met: r <= 3 })),
    { target: 'deep page within 2× of the first page', figure: `${ratio(deep.ours.sequential.p50 / first.ours.sequential.p50)} alone, ${ratio(first.ours.loaded.rps / deep.ours.loaded.rps)} in req/s`, met: deep.ours.sequential.p50 <= 2 * first.ours.sequential.p50 }
  ]
}

/** The targets as a table. */
export function targetTable(checks: TargetCheck[]): string {
  return table(['target', 'figure', 'met'], checks.map((c) => [c.target, c.figure, c.met ? 'yes' : 'NO']))
}
