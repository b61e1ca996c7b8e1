import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const dockerfile = readFileSync('Dockerfile', 'utf8')
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
const stages = instructions.filter((l) => l.startsWith('FROM '))
const runtime = instructions.slice(instructions.indexOf(stages[stages.length - 1]))

describe('Dockerfile structure', () => {
  it('builds in a full node:20 stage and runs in a slim one', () => {
    expect(stages).toEqual(['FROM node:20-bookworm AS build', 'FROM node:20-bookworm-slim AS runtime'])
    // The native module is built and loaded once in the build stage, so a broken build fails there.
    const install = instructions.find((l) => l.startsWith('RUN npm ci'))
    expect(install).toContain('--omit=dev')
    expect(install).toContain("require('better-sqlite3')")
  })

  it('runs as a non-root user with the engine file on a volume', () => {
    expect(runtime).toContain('USER node')
    expect(runtime).toContain('VOLUME ["/data"]')
    expect(runtime.find((l) => l.startsWith('ENV '))).toContain('ENGINE_PATH=/data/customer-graph.db')
    expect(runtime.find((l) => l.startsWith('ENV '))).toContain('NODE_ENV=production')
  })

  it('checks /health and starts node itself so SIGTERM reaches the graceful shutdown', () => {
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toContain('/health')
    expect(runtime[runtime.length - 1]).toBe('CMD ["node", "--import", "tsx", "src/server.ts"]')
    expect(runtime).toContain('EXPOSE 4000')
  })

  it('copies only files that exist, and keeps local state out of the build context', () => {
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from'))) {
      for (const path of line.split(/\s+/).slice(1, -1)) expect(existsSync(path), path).toBe(true)
    }
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n')
    for (const path of ['node_modules', 'data', '.git', 'test-results']) expect(ignored).toContain(path)
    // tsx runs the TypeScript sources, so it must be a production dependency.
    expect(JSON.parse(readFileSync('package.json', 'utf8')).dependencies.tsx).toBeDefined()
  })
})
