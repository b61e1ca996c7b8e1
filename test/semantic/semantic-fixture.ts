import type { RushDB } from '@rushdb/javascript-sdk'

/** Support tickets with bodies on four topics, under customers of two plans, plus a few events. */
export async function loadSemanticFixture(db: RushDB): Promise<void> {
  await db.records.createMany({
    label: 'CUSTOMER',
    data: [
      {
        customerId: 'c-pro', plan: 'pro',
        SUPPORT_TICKET: [
          { ticketId: 'bill-1', status: 'open', sentiment: 'negative', body: 'We were charged twice for the same billing period, please refund the duplicate invoice.' },
          { ticketId: 'login-1', status: 'open', sentiment: 'negative', body: 'Several users cannot log in since this morning; the password reset email never arrives.' },
          { ticketId: 'export-1', status: 'closed', sentiment: 'neutral', body: 'The CSV export downloads an empty file with no columns.' }
        ],
        EVENT: [
          { eventId: 'e-1', type: 'error', description: 'Payment declined while renewing the subscription invoice' },
          { eventId: 'e-2', type: 'page_view', description: 'Opened the reporting dashboard' }
        ]
      },
      {
        customerId: 'c-starter', plan: 'starter',
        SUPPORT_TICKET: [
          { ticketId: 'bill-2', status: 'open', sentiment: 'neutral', body: 'Our invoice amount looks wrong after we reduced seats; were we charged for the old plan?' },
          { ticketId: 'perf-1', status: 'pending', sentiment: 'negative', body: 'Dashboards are very slow and reports time out before they finish loading.' },
          { ticketId: 'no-body', status: 'open', sentiment: 'neutral', subject: 'A ticket without body text' }
        ]
      }
    ],
    options: { suggestTypes: true }
  } as never)
}
