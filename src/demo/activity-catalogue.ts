import type { EventData, TouchpointData } from './demo-types.js'

/** Product features counted in FEATURE_USAGE and named in EVENT descriptions. */
export const FEATURES: readonly string[] = [
  'dashboards', 'reports', 'exports', 'api', 'integrations', 'workflows', 'alerts', 'sso', 'audit-log', 'sandbox'
]

/** Pages named in page_view events. */
export const PAGES: readonly string[] = ['/home', '/dashboards', '/reports', '/settings/billing', '/settings/team', '/integrations']

/** How often each event type occurs. */
export const EVENT_TYPE_WEIGHTS: Readonly<Record<EventData['type'], number>> = {
  login: 30, page_view: 30, feature_used: 20, export: 6, invite_sent: 4, api_call: 6, report_created: 4
}

/** Event sources with their weights. */
export const EVENT_SOURCE_WEIGHTS: Readonly<Record<EventData['source'], number>> = {
  web: 55, mobile: 15, api: 15, segment: 15
}

/** Touchpoint channels with their weights. */
export const TOUCHPOINT_CHANNEL_WEIGHTS: Readonly<Record<TouchpointData['channel'], number>> = {
  email: 45, call: 25, demo: 15, webinar: 15
}

/** Touchpoint outcomes with their weights. */
export const TOUCHPOINT_OUTCOME_WEIGHTS: Readonly<Record<string, number>> = {
  no_response: 35, follow_up: 25, interested: 20, converted: 10, declined: 10
}

/** Notes written after a touchpoint, by channel. */
export const TOUCHPOINT_NOTES: Readonly<Record<TouchpointData['channel'], readonly string[]>> = {
  email: ['Sent the quarterly product update.', 'Shared the renewal quote.', 'Followed up on the open support case.'],
  call: ['Discussed expansion to a second team.', 'Reviewed adoption numbers with the champion.', 'Talked through pricing concerns.'],
  demo: ['Demoed the analytics add-on.', 'Showed the new workflow builder.', 'Walked the admins through SSO setup.'],
  webinar: ['Attended the best practices webinar.', 'Joined the security roadmap webinar.', 'Registered but did not attend.']
}
