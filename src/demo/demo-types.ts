/** Plans an ACCOUNT (a company) can be on. */
export type AccountPlan = 'starter' | 'pro' | 'enterprise'

/** Plans a CUSTOMER (a user) or a SUBSCRIPTION can be on. */
export type CustomerPlan = 'free' | AccountPlan

/** Sales regions. */
export type Region = 'EU' | 'NA' | 'APAC' | 'LATAM'

/** ACCOUNT record properties. */
export interface AccountData {
  accountId: string
  name: string
  plan: AccountPlan
  region: Region
  industry: string
  mrr: number
  createdAt: string
  updatedAt: string
}

/** TOUCHPOINT record properties (a sales or marketing interaction with an account). */
export interface TouchpointData {
  touchpointId: string
  channel: 'email' | 'call' | 'demo' | 'webinar'
  outcome: string
  notes: string
  occurredAt: string
}

/** SUBSCRIPTION record properties; `previousPlan` is present only after a downgrade. */
export interface SubscriptionData {
  subscriptionId: string
  plan: CustomerPlan
  previousPlan?: CustomerPlan
  status: 'active' | 'cancelled' | 'past_due' | 'trialing'
  startedAt: string
  renewsAt: string
  seats: number
  mrr: number
  updatedAt: string
}

/** INVOICE record properties (monthly, imported separately from the customers). */
export interface InvoiceData {
  invoiceId: string
  month: string
  amount: number
  status: 'paid' | 'open' | 'overdue'
  issuedAt: string
  dueAt: string
  paidAt: string | null
}

/** ORDER record properties. */
export interface OrderData {
  orderId: string
  product: string
  quantity: number
  totalUsd: number
  status: 'completed' | 'pending' | 'refunded' | 'cancelled'
  orderedAt: string
}

/** SUPPORT_TICKET record properties. */
export interface SupportTicketData {
  ticketId: string
  topic: string
  subject: string
  body: string
  status: 'open' | 'pending' | 'closed'
  sentiment: 'negative' | 'neutral' | 'positive'
  priority: 'low' | 'medium' | 'high' | 'urgent'
  channel: 'email' | 'chat' | 'phone' | 'web'
  createdAt: string
  updatedAt: string
}

/** EVENT record properties (product analytics). */
export interface EventData {
  eventId: string
  type: 'login' | 'page_view' | 'feature_used' | 'export' | 'invite_sent' | 'api_call' | 'report_created'
  description: string
  source: 'web' | 'mobile' | 'api' | 'segment'
  occurredAt: string
}

/** FEATURE_USAGE record properties (a monthly usage counter). */
export interface FeatureUsageData {
  feature: string
  count: number
  periodStart: string
  lastUsedAt: string
}

/** A CUSTOMER as imported: its own properties plus nested child arrays, which the import links to it. */
export interface CustomerPayload {
  customerId: string
  name: string
  email: string
  plan: CustomerPlan
  region: Region
  createdAt: string
  lastActiveAt: string
  updatedAt: string
  SUBSCRIPTION: SubscriptionData[]
  ORDER: OrderData[]
  SUPPORT_TICKET: SupportTicketData[]
  EVENT: EventData[]
  FEATURE_USAGE: FeatureUsageData[]
}

/** The explicit (non-nested) relationship types of the demo graph. */
export type DemoRelationType = 'BELONGS_TO' | 'HAS_SUBSCRIPTION' | 'HAS_INVOICE' | 'HAS_TOUCHPOINT' | 'CREATED'

/** A typed relationship `(from)-[:type]->(to)` between two records named by their natural keys. */
export interface DemoLink {
  type: DemoRelationType
  from: string
  to: string
}

/** One slice of the graph, small enough to write in a few SDK calls. */
export interface DemoBatch {
  /** Accounts whose first customer is in this batch (created before the customers that belong to them). */
  accounts: AccountData[]
  /** Touchpoints of `accounts`, imported flat and attached with HAS_TOUCHPOINT. */
  touchpoints: TouchpointData[]
  /** Customers with nested SUBSCRIPTION, ORDER, SUPPORT_TICKET, EVENT and FEATURE_USAGE arrays. */
  customers: CustomerPayload[]
  /** Tickets from the helpdesk export: imported flat, attached with CUSTOMER -[CREATED]-> SUPPORT_TICKET. */
  helpdeskTickets: SupportTicketData[]
  /** Invoices of this batch's subscriptions: imported flat, attached with HAS_INVOICE. */
  invoices: InvoiceData[]
  /** Every typed relationship whose records are in this batch (BELONGS_TO may point to an earlier batch's account). */
  links: DemoLink[]
  /** customerIds the generator deliberately made churn risks (see CHURN_RISK_QUERY). */
  plantedChurnCustomerIds: string[]
}

/** Options of `generateCustomerGraph`. */
export interface DemoGraphOptions {
  /** PRNG seed; the same options always give byte-identical output. Default 42. */
  seed?: number
  /** Number of CUSTOMER records. */
  customers: number
  /** Accounts per customer on average; default 0.25 (one account per four customers). */
  accountsPerCustomer?: number
  /** The fixed "now" every datetime is relative to. Default '2026-06-01T00:00:00Z'. */
  now?: string
}

/** `DemoGraphOptions` with every default applied. */
export interface ResolvedDemoGraphOptions {
  seed: number
  customers: number
  accountsPerCustomer: number
  now: string
}

/** A deterministic customer graph that is produced lazily, batch by batch. */
export interface DemoGraph {
  /** The options the graph was generated with, defaults applied. */
  readonly options: ResolvedDemoGraphOptions
  /** Yields the whole graph in order, `batchSize` customers at a time (the last batch may be smaller). */
  customerBatches(batchSize: number): Generator<DemoBatch>
}
