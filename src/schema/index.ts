import { builder } from '../builder.js'
import './filter-inputs.js'
import './page-info.js'
import './account.js'
import './customer.js'
import './subscription.js'
import './invoice.js'
import './order.js'
import './ticket.js'
import './event.js'
import './touchpoint.js'
import './feature-usage.js'
import './mutations/write-summary.js'
import './any-record.js'
import './record.js'
import './relationship.js'

/** The gateway's GraphQL schema, built once from the type files above. */
export const schema = builder.toSchema({ sortSchema: true })
