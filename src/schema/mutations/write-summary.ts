import { builder } from '../../builder.js'
import type { WriteSummary } from '../../writes/write-graph.js'

/** `WriteSummary`: what a write changed, per root payload and in total. */
export const WriteSummaryType = builder.objectRef<WriteSummary>('WriteSummary')

WriteSummaryType.implement({
  description: 'What a write changed. The first four count the payloads sent (roots); the rest count every record and relationship written, nested ones included.',
  fields: (t) => ({
    created: t.exposeInt('created', { nullable: false, description: 'Payloads whose record did not exist and was created.' }),
    updated: t.exposeInt('updated', { nullable: false, description: 'Payloads whose record existed and changed (itself, a nested record or a relationship).' }),
    unchanged: t.exposeInt('unchanged', { nullable: false, description: 'Payloads that matched what is stored: nothing was written.' }),
    skipped: t.exposeInt('skipped', { nullable: false, description: 'Appended records (events) that already existed: left as they were.' }),
    recordsCreated: t.exposeInt('recordsCreated', { nullable: false }),
    recordsUpdated: t.exposeInt('recordsUpdated', { nullable: false }),
    relationshipsCreated: t.exposeInt('relationshipsCreated', { nullable: false }),
    relationshipsRemoved: t.exposeInt('relationshipsRemoved', { nullable: false, description: 'Old links dropped because a record moved (a customer to another account).' })
  })
})
