/** Where an import stands. */
export interface ProgressState {
  payloads: number
  failed: number
  bytesRead: number
  totalBytes: number
  elapsedMs: number
}

/** Draws progress: a bar redrawn in place on a terminal, plain lines otherwise. */
export interface ProgressReporter {
  update(state: ProgressState): void
  done(state: ProgressState): void
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

const int = new Intl.NumberFormat('en-US')

/** The figures every progress line shows: payloads, share of the file, rate and time left. */
export function progressText(state: ProgressState): string {
  const share = state.totalBytes > 0 ? Math.min(1, state.bytesRead / state.totalBytes) : 1
  const seconds = state.elapsedMs / 1000
  const rate = seconds > 0 ? state.payloads / seconds : 0
  const eta = share > 0 && share < 1 ? formatDuration((state.elapsedMs / share) * (1 - share)) : '0:00'
  const failed = state.failed > 0 ? ` · ${int.format(state.failed)} failed` : ''
  return `${int.format(state.payloads)} payloads · ${(share * 100).toFixed(0)}% · ${int.format(Math.round(rate))}/s · ETA ${eta}${failed}`
}

/** A bar for a TTY: `[#######-----] 58% …`, redrawn at most every 100 ms. */
function ttyReporter(out: NodeJS.WriteStream): ProgressReporter {
  let last = 0
  const draw = (state: ProgressState) => {
    const share = state.totalBytes > 0 ? Math.min(1, state.bytesRead / state.totalBytes) : 1
    const width = 24
    const filled = Math.round(share * width)
    out.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progressText(state)}`)
  }
  return {
    update(state) {
      if (state.elapsedMs - last < 100) return
      last = state.elapsedMs
      draw(state)
    },
    done(state) {
      draw(state)
      out.write('\n')
    }
  }
}

/** Plain lines for logs and pipes: one every `intervalMs`, and a last one. */
function lineReporter(out: NodeJS.WritableStream, intervalMs: number): ProgressReporter {
  let last = 0
  return {
    update(state) {
      if (state.elapsedMs - last < intervalMs) return
      last = state.elapsedMs
      out.write(`progress: ${progressText(state)}\n`)
    },
    done(state) {
      out.write(`progress: ${progressText(state)} · took ${formatDuration(state.elapsedMs)}\n`)
    }
  }
}

/** The reporter for `stream`: a bar on a terminal, lines every 2 s otherwise. */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, intervalMs = 2000): ProgressReporter {
  return stream.isTTY ? ttyReporter(stream) : lineReporter(stream, intervalMs)
}
