import type { AccountData, CustomerPayload, DemoBatch, InvoiceData, SupportTicketData, TouchpointData } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import type { searchRecorder } from './plain-rushdb.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

/** The demo graph as plain data, straight from the generator: what tests compute expectations from. */
export interface DemoModel {
  now: string
  customers: CustomerPayload[]
  /** Every ticket of a customer: nested ones and those from the helpdesk export (CREATED). */
  ticketsOf: Map<string, SupportTicketData[]>
  invoicesOf: Map<string, InvoiceData[]>
  accountOf: Map<string, AccountData>
  customersOf: Map<string, CustomerPayload[]>
  touchpointsOf: Map<string, TouchpointData[]>
  subscriptionOwner: Map<string, string>
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value])

/** The generator's raw output for `customers` customers, indexed by natural key. */
export function demoModel(customers: number): DemoModel {
  const graph = generateCustomerGraph({ customers })
  const batches: DemoBatch[] = [...graph.customerBatches(customers)]
  const model: DemoModel = {
    now: graph.options.now,
    customers: [],
    ticketsOf: new Map(),
    invoicesOf: new Map(),
    accountOf: new Map(),
    customersOf: new Map(),
    touchpointsOf: new Map(),
    subscriptionOwner: new Map()
  }
  const accounts = new Map<string, AccountData>()
  const touchpoints = new Map<string, TouchpointData>()
  const helpdesk = new Map<string, SupportTicketData>()
  const invoices = new Map<string, InvoiceData>()
  for (const b of batches) {
    for (const a of b.accounts) accounts.set(a.accountId, a)
    for (const tp of b.touchpoints) touchpoints.set(tp.touchpointId, tp)
    for (const t of b.helpdeskTickets) helpdesk.set(t.ticketId, t)
    for (const i of b.invoices) invoices.set(i.invoiceId, i)
    for (const c of b.customers) {
      model.customers.push(c)
      model.ticketsOf.set(c.customerId, [...c.SUPPORT_TICKET])
      for (const s of c.SUBSCRIPTION) model.subscriptionOwner.set(s.subscriptionId, c.customerId)
    }
  }
  const byId = new Map(model.customers.map((c) => [c.customerId, c]))
  for (const l of batches.flatMap((b) => b.links)) {
    if (l.type === 'CREATED') push(model.ticketsOf, l.from, helpdesk.get(l.to)!)
    if (l.type === 'HAS_INVOICE') push(model.invoicesOf, l.from, invoices.get(l.to)!)
    if (l.type === 'HAS_TOUCHPOINT') push(model.touchpointsOf, l.from, touchpoints.get(l.to)!)
    if (l.type === 'BELONGS_TO') {
      model.accountOf.set(l.from, accounts.get(l.to)!)
      push(model.customersOf, l.to, byId.get(l.from)!)
    }
  }
  return model
}

/** Loads the same demo graph into the test gateway's engine. */
export async function loadDemo(t: TestGateway, customers: number): Promise<DemoModel> {
  await loadDemoGraph(t.backend.sdk, { customers, batchSize: 200 })
  return demoModel(customers)
}

/** The demo graph of `customers` behind two gateways on one engine: embedded, and the remote profile with its searches recorded. */
export async function demoGateways(customers: number, recorder: ReturnType<typeof searchRecorder>): Promise<{ t: TestGateway; remote: TestGateway; model: DemoModel }> {
  const t = createTestGateway()
  const model = await loadDemo(t, customers)
  const remote = createTestGateway({ BACKEND_PROFILE: 'remote' }, { engine: t.backend.engine, wrapTransport: recorder.wrap })
  return { t, remote, model }
}
