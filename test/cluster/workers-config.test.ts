import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'

describe('WORKERS', () => {
  it('defaults to one process and takes a count or auto (one per core)', () => {
    expect(loadConfig({}).workers).toBe(1)
    expect(loadConfig({ WORKERS: '3', ENGINE_PATH: '/tmp/x.db' }).workers).toBe(3)
    expect(loadConfig({ WORKERS: 'auto', ENGINE_PATH: '/tmp/x.db' }).workers).toBe(availableParallelism())
    expect(loadConfig({ WORKERS: '4', RUSHDB_URL: 'http://rushdb:3000', RUSHDB_API_KEY: 'k' }).workers).toBe(4)
  })

  it('names the variable when the value is wrong', () => {
    expect(() => loadConfig({ WORKERS: '0' })).toThrow('WORKERS must be an integer ≥ 1, got "0"')
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow('WORKERS must be an integer ≥ 1, got "many"')
  })

  it('refuses several processes over an in-memory store they could not share', () => {
    expect(() => loadConfig({ WORKERS: '2', ENGINE_PATH: ':memory:' })).toThrow(/WORKERS > 1 needs storage the processes can share: set ENGINE_PATH to a file/)
    expect(loadConfig({ WORKERS: '1', ENGINE_PATH: ':memory:' }).workers).toBe(1)
  })
})
