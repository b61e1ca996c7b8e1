import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from './fixture-graph.js'
import { createProductionGateway } from './production-gateway.js'

const CHROMIUM = '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available && process.env.CI === 'true') {
  // `npm test` installs it in CI (scripts/ensure-chromium.sh): a missing browser there is a failure.
  throw new Error(`${CHROMIUM} is missing in CI; the pretest step should have installed Debian's chromium`)
}
if (!available) console.warn(`GraphiQL browser test skipped: ${CHROMIUM} is not installed (sudo apt-get install -y chromium)`)

// The flags that work on these machines: no sandbox as root, and no background network traffic.
declare function pageText(): string

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let server: Server
let browser: Browser
let base: string

describe.skipIf(!available)('GraphiQL in a real headless Chromium', () => {
  beforeAll(async () => {
    const t = await createProductionGateway({ LOG_LEVEL: 'silent' })
    await loadFixtureGraph(t.backend.sdk)
    server = createServer(t.gateway)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('loads offline, runs the churn-risk query and shows the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const elsewhere: string[] = []
    page.on('request', (req) => {
      const url = req.url()
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url)
    })
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    // Monaco renders spaces as non-breaking spaces; read the page as a person would.
    await page.addInitScript(() => {
      ;(globalThis as any).pageText = () => document.body.innerText.replace(/\u00a0/g, ' ')
    })
    const response = await page.goto(`${base}/graphql`, { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    // The editor opens with the churn-risk query as its default.
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 })
    await page.waitForFunction(() => pageText().includes('query ChurnRisk {'), undefined, { timeout: 30_000 })
    const answer = page.waitForResponse((r) => r.url().startsWith(`${base}/graphql`) && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('ChurnRisk'))
    await page.click('.graphiql-execute-button')
    expect((await answer).status()).toBe(200)
    // The result pane shows the one churn-risk customer of the fixture graph.
    await page.waitForFunction(() => pageText().includes('"name": "Ann Lee"') && pageText().includes('"subject": "Export is slow"'), undefined, { timeout: 30_000 })
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/graphiql-churn-risk.png' })
    expect(elsewhere).toEqual([])
    expect(pageErrors).toEqual([])
    await page.close()
  })
})
