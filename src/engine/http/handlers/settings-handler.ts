import type { Reply } from '../envelope.js'

/** GET /sdk/settings and /settings: what a self-hosted server without OAuth reports. */
export function settingsHandler(): Reply {
  return {
    data: { selfHosted: true, dashboardUrl: '', googleOAuthEnabled: false, githubOAuthEnabled: false, customDb: false }
  }
}
