/** A support topic: the subjects and sentences a ticket about it is written from. */
export interface TicketTopic {
  topic: string
  subjects: readonly string[]
  openings: readonly string[]
  details: readonly string[]
}

/** The known support topics; `topic` is stored on each ticket so text search can be checked against it. */
export const TICKET_TOPICS: readonly TicketTopic[] = [
  {
    topic: 'billing',
    subjects: ['Charged twice this month', 'Invoice amount looks wrong', 'Question about my bill'],
    openings: ['Our latest invoice shows a higher amount than our plan price.', 'We were charged twice for the same billing period.', 'The credit card on file was billed after we reduced seats.'],
    details: ['Please explain the extra line items on the invoice.', 'Finance needs a corrected invoice before they can pay it.', 'We expected the proration to be applied automatically.']
  },
  {
    topic: 'login',
    subjects: ['Cannot log in', 'Password reset email never arrives', 'Locked out after SSO change'],
    openings: ['Several users cannot sign in since this morning.', 'The password reset link does not arrive in our inbox.', 'After switching identity provider our team is locked out.'],
    details: ['The login page just reloads without an error message.', 'We already checked the spam folder and the allow list.', 'Two-factor codes are rejected as invalid.']
  },
  {
    topic: 'performance',
    subjects: ['Dashboards are very slow', 'Timeouts when loading reports', 'App feels sluggish'],
    openings: ['Dashboards take more than a minute to load.', 'Large reports time out before they finish.', 'The whole application has been slow for our EU team.'],
    details: ['It started after the last release.', 'Smaller workspaces seem unaffected.', 'Our users have started to complain about the delays.']
  },
  {
    topic: 'export',
    subjects: ['CSV export is empty', 'Export misses columns', 'Scheduled export failed'],
    openings: ['The CSV export downloads an empty file.', 'Exported files are missing the custom fields.', 'Our nightly scheduled export failed again.'],
    details: ['We rely on this export for our weekly board report.', 'Exporting a smaller date range works fine.', 'The export job shows as completed but no file is attached.']
  },
  {
    topic: 'integration',
    subjects: ['Salesforce sync stopped', 'Webhook deliveries failing', 'Slack integration disconnected'],
    openings: ['The Salesforce sync stopped updating contacts.', 'Webhook deliveries to our endpoint return errors.', 'The Slack integration keeps disconnecting.'],
    details: ['Reconnecting the integration did not help.', 'Our endpoint logs show no incoming requests.', 'We need the sync back before the end of the quarter.']
  },
  {
    topic: 'permissions',
    subjects: ['User cannot see shared workspace', 'Role change not applied', 'Admin rights missing'],
    openings: ['A new team member cannot see the shared workspace.', 'Changing a user role has no effect.', 'Our admin lost the rights to manage billing.'],
    details: ['We invited the user with the editor role.', 'Logging out and in again did not change anything.', 'This blocks onboarding of the new hires.']
  },
  {
    topic: 'data-import',
    subjects: ['Import stuck at 50%', 'Duplicate records after import', 'Date format rejected on import'],
    openings: ['Our data import has been stuck halfway for hours.', 'Importing the same file created duplicate records.', 'The importer rejects our date format.'],
    details: ['The file has about forty thousand rows.', 'We used the template from the documentation.', 'We need a way to merge the duplicates safely.']
  },
  {
    topic: 'notifications',
    subjects: ['Too many notification emails', 'Alerts not delivered', 'Digest arrives late'],
    openings: ['Our team receives dozens of notification emails per hour.', 'Threshold alerts are not delivered anymore.', 'The daily digest arrives in the afternoon instead of the morning.'],
    details: ['We could not find a setting to reduce the volume.', 'The alert rules are still enabled.', 'Our time zone is set correctly in the profile.']
  },
  {
    topic: 'api',
    subjects: ['API returns 429 errors', 'API token rejected', 'Pagination returns duplicates'],
    openings: ['Our integration hits rate limit errors at low traffic.', 'A freshly created API token is rejected.', 'Paginating through the API returns duplicate items.'],
    details: ['We stay well below the documented limits.', 'The same request works from the API explorer.', 'Our nightly sync job depends on this endpoint.']
  },
  {
    topic: 'onboarding',
    subjects: ['Help setting up our workspace', 'Request for a training session', 'Where to start with templates'],
    openings: ['We just signed up and need help setting up the workspace.', 'Our team would like a training session.', 'We are not sure which templates fit our use case.'],
    details: ['We have about twenty people to onboard next week.', 'A short call would be enough.', 'The getting started guide did not cover our case.']
  }
]

/** Closing sentences by sentiment, so the text carries the same signal as the `sentiment` property. */
export const SENTIMENT_CLOSERS: Readonly<Record<'negative' | 'neutral' | 'positive', readonly string[]>> = {
  negative: ['This is blocking our team and we are considering other tools.', 'Honestly this is very frustrating and we expected better.', 'If this is not fixed soon we will not renew.'],
  neutral: ['Let us know if you need more details.', 'Please advise on the next steps.', 'Happy to share logs if that helps.'],
  positive: ['Thanks for the quick help so far.', 'We love the product otherwise, thank you!', 'Your team has been great to work with.']
}
