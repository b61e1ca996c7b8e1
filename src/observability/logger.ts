import type { LogLevel } from '../production-config.js'

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/** Structured fields of a log line. */
export type LogFields = Record<string, unknown>

/** Writes JSON lines: `{"time","level","msg",...fields}`. */
export interface Logger {
  level: LogLevel
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

/** A JSON-lines logger at `level`; `write` defaults to stdout (tests pass their own to read the lines). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>) => (msg: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }, errorReplacer))
  }
  return { level, debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') }
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack }
  return value
}

/** `logger` with `fields` added to every line (a cluster worker stamps its id on each). */
export function withFields(logger: Logger, fields: LogFields): Logger {
  const wrap = (emit: Logger['info']) => (msg: string, more: LogFields = {}) => emit(msg, { ...fields, ...more })
  return { level: logger.level, debug: wrap(logger.debug), info: wrap(logger.info), warn: wrap(logger.warn), error: wrap(logger.error) }
}
