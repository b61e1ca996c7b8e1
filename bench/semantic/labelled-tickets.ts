import { createRng } from '../../src/demo/prng.js'

/** A support topic: phrases tickets about it are written from, and how people search for it. */
interface Topic {
  topic: string
  phrases: readonly string[]
  /** Queries worded unlike the tickets (other word forms, fewer shared words), as searchers write them. */
  queries: readonly string[]
}

const TOPICS: readonly Topic[] = [
  {
    topic: 'billing',
    phrases: ['We were charged twice for the same period.', 'The invoice total is higher than our plan price.', 'Please refund the duplicate payment.', 'Our card was billed after we reduced seats.', 'Finance needs a corrected invoice.', 'The proration was not applied to our subscription fee.', 'There are extra line items on the bill.', 'We were invoiced for users we removed.'],
    queries: ['double charge refund', 'overcharged on invoices', 'billing error with payments', 'wrong amount billed', 'refunds for duplicate charges', 'invoice prorated incorrectly']
  },
  {
    topic: 'login',
    phrases: ['Several users cannot sign in since this morning.', 'The password reset link never arrives.', 'After switching identity provider the team is locked out.', 'The login page reloads without an error.', 'Two-factor codes are rejected as invalid.', 'SSO redirects back to the sign-in screen.', 'Our session expires right after logging in.', 'The account is locked after one wrong password.'],
    queries: ['cannot log in', 'password resets not received', 'signing in fails with sso', 'locked out of accounts', '2fa code invalid', 'logins keep expiring']
  },
  {
    topic: 'performance',
    phrases: ['Dashboards take more than a minute to load.', 'Large reports time out before they finish.', 'The application has been slow for our EU team.', 'Pages freeze when we open big projects.', 'Search results take ages to appear.', 'Everything is sluggish since the last release.', 'Charts render very slowly on the overview.', 'Loading the timeline spins forever.'],
    queries: ['app is slow', 'slowness loading dashboards', 'reports timing out', 'latency on pages', 'freezing and lag', 'performance degraded after update']
  },
  {
    topic: 'export',
    phrases: ['The CSV export downloads an empty file.', 'Exported files are missing the custom fields.', 'Our nightly scheduled export failed again.', 'The export job completes but no file is attached.', 'Excel shows broken characters in the exported sheet.', 'Exporting a large date range never finishes.', 'Columns are in the wrong order in the download.', 'The PDF export cuts off the last page.'],
    queries: ['csv exports empty', 'exporting data fails', 'download missing columns', 'scheduled exports not delivered', 'spreadsheet encoding broken', 'pdf exported truncated']
  },
  {
    topic: 'integration',
    phrases: ['The Salesforce sync stopped updating contacts.', 'Webhook deliveries to our endpoint return errors.', 'The Slack integration keeps disconnecting.', 'Reconnecting the integration did not help.', 'Our endpoint logs show no incoming requests.', 'The API returns 401 for our service token.', 'Zapier triggers stopped firing yesterday.', 'HubSpot fields are not mapped after the sync.'],
    queries: ['salesforce syncing broken', 'webhooks failing', 'slack disconnected', 'api token unauthorized', 'zapier trigger not working', 'crm integrations out of sync']
  },
  {
    topic: 'permissions',
    phrases: ['A new team member cannot see the shared workspace.', 'Changing a user role has no effect.', 'Our admin lost the rights to manage settings.', 'Guests can edit documents they should only view.', 'The editor role cannot create projects.', 'Access to the billing page is denied for owners.', 'Invited users land in the wrong workspace.', 'Read-only users can delete records.'],
    queries: ['user cannot access workspace', 'roles not applied', 'admin rights missing', 'viewer has edit access', 'permission denied for owner', 'access control wrong']
  },
  {
    topic: 'data-import',
    phrases: ['Our data import has been stuck halfway for hours.', 'Importing the same file created duplicate records.', 'The importer rejects our date format.', 'Uploaded rows are mapped to the wrong fields.', 'The import wizard crashes on large spreadsheets.', 'Special characters are lost after uploading the file.', 'The import finished but half of the rows are missing.', 'Our bulk upload fails with a validation error.'],
    queries: ['import stuck', 'duplicates after importing', 'date format rejected by importer', 'uploading spreadsheet crashes', 'rows missing from imported file', 'bulk uploads failing validation']
  },
  {
    topic: 'notifications',
    phrases: ['Email notifications stopped arriving.', 'We get every alert three times.', 'Mobile push messages are delayed by hours.', 'Digest emails go to people who unsubscribed.', 'Reminders fire at the wrong time zone.', 'Mentions do not trigger any notification.', 'The daily summary email is empty.', 'Alerts for overdue tasks are never sent.'],
    queries: ['not receiving notification emails', 'duplicate alerts', 'push notifications late', 'unsubscribe ignored', 'reminder timezone wrong', 'no alert when mentioned']
  }
]

// Sentences any ticket may carry; a few name another topic's words in passing, as real tickets do.
const FILLERS: readonly string[] = [
  'Please help as soon as possible.', 'This is blocking our team.', 'We are on the pro plan.', 'It worked fine last week.',
  'Our manager is asking for an update.', 'Thanks in advance.', 'We already cleared the browser cache.', 'It happens for every user in the account.',
  'This is unrelated to the invoice we discussed earlier.', 'We tried to export a report to check, without luck.', 'Nothing changed on our side since the last login.',
  'Our integration partner confirmed nothing changed on their side.', 'We imported new users last month.', 'We received an email about it.'
]

/** A ticket text and the topic it was written from. */
export interface LabelledTicket {
  ticketId: string
  topic: string
  body: string
}

/** A search and the topic of the tickets it should find. */
export interface LabelledQuery {
  query: string
  topic: string
}

/**
 * A deterministic labelled set: `perTopic` tickets for each of 8 topics, each two topic phrases
 * and one or two fillers in random order, and 6 queries per topic worded unlike its tickets.
 */
export function labelledTickets(perTopic: number, seed = 7): { tickets: LabelledTicket[]; queries: LabelledQuery[] } {
  const rng = createRng(seed)
  const tickets: LabelledTicket[] = []
  for (const topic of TOPICS) {
    for (let i = 0; i < perTopic; i++) {
      const first = rng.int(0, topic.phrases.length - 1)
      const second = (first + rng.int(1, topic.phrases.length - 1)) % topic.phrases.length
      const sentences = [topic.phrases[first], topic.phrases[second], rng.pick(FILLERS)]
      if (rng.chance(0.5)) sentences.push(rng.pick(FILLERS))
      for (let j = sentences.length - 1; j > 0; j--) {
        const k = rng.int(0, j)
        ;[sentences[j], sentences[k]] = [sentences[k], sentences[j]]
      }
      tickets.push({ ticketId: `${topic.topic}-${i}`, topic: topic.topic, body: sentences.join(' ') })
    }
  }
  const queries = TOPICS.flatMap((t) => t.queries.map((query) => ({ query, topic: t.topic })))
  return { tickets, queries }
}
