import { RushDB } from '@rushdb/javascript-sdk'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'

/** An engine on `path` and the official SDK talking to it in-process. */
export interface SdkOverEngine {
  engine: Engine
  db: RushDB
}

/** Opens the engine on a file (or ':memory:') and an SDK client over the in-process transport. */
export async function openSdk(path: string): Promise<SdkOverEngine> {
  const engine = createEngine({ path })
  const db = new RushDB('bench', { httpClient: createInProcessClient(engine), url: 'http://embedded.local' })
  await db.waitForInitialization()
  return { engine, db }
}
