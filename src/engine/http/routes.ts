import { deleteByQueryHandler } from './handlers/delete-by-query.js'
import { deletePropertyHandler } from './handlers/delete-property.js'
import { exportCsvHandler } from './handlers/export-csv.js'
import { labelsSearchHandler } from './handlers/labels-search.js'
import { propertiesSearchHandler, propertyByIdHandler } from './handlers/properties-handlers.js'
import { propertyValuesHandler } from './handlers/property-values.js'
import {
  batchGetRecords,
  createRecordHandler,
  deleteRecordHandler,
  getRecordHandler,
  importJsonHandler,
  isIdsBody,
  searchRecordsHandler,
  searchRelatedHandler,
  updateRecordHandler
} from './handlers/records-handlers.js'
import { attachHandler, createManyHandler, deleteManyHandler, detachHandler } from './handlers/relationships-handlers.js'
import { relationshipsSearchHandler } from './handlers/relationships-search.js'
import { settingsHandler } from './handlers/settings-handler.js'
import { beginTxHandler, commitTxHandler, getTxHandler, rollbackTxHandler } from './handlers/tx-handlers.js'
import type { Route } from './route-types.js'

/**
 * Every endpoint SDK 1.8.0 calls, with its success status (§1.1), plus RushDB 1.12+'s bulk
 * relationship routes (create-many, delete-many), shared by both transports.
 * Order matters: literal segments come before `:id` patterns, `when` rows before their fallback.
 */
export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/sdk/settings', access: 'public', status: 200, handler: settingsHandler },
  { method: 'GET', pattern: '/settings', access: 'public', status: 200, handler: settingsHandler },

  { method: 'POST', pattern: '/records', access: 'read', status: 200, when: isIdsBody, handler: batchGetRecords },
  { method: 'POST', pattern: '/records', access: 'write', status: 201, handler: createRecordHandler },
  { method: 'POST', pattern: '/records/search', access: 'read', status: 200, handler: searchRecordsHandler },
  { method: 'POST', pattern: '/records/import/json', access: 'write', status: 201, handler: importJsonHandler },
  { method: 'POST', pattern: '/records/delete', access: 'write', status: 201, handler: deleteByQueryHandler },
  { method: 'POST', pattern: '/records/export/csv', access: 'read', status: 200, handler: exportCsvHandler },
  { method: 'POST', pattern: '/records/:id/search', access: 'read', status: 200, handler: searchRelatedHandler },
  { method: 'GET', pattern: '/records/:id', access: 'read', status: 200, handler: getRecordHandler },
  { method: 'PATCH', pattern: '/records/:id', access: 'write', status: 201, handler: updateRecordHandler('merge') },
  { method: 'PUT', pattern: '/records/:id', access: 'write', status: 201, handler: updateRecordHandler('replace') },
  { method: 'DELETE', pattern: '/records/:id', access: 'write', status: 200, handler: deleteRecordHandler },

  { method: 'POST', pattern: '/relationships/search', access: 'read', status: 200, handler: relationshipsSearchHandler },
  { method: 'POST', pattern: '/relationships/create-many', access: 'write', status: 201, handler: createManyHandler },
  { method: 'POST', pattern: '/relationships/delete-many', access: 'write', status: 201, handler: deleteManyHandler },
  { method: 'POST', pattern: '/relationships/:id', access: 'write', status: 201, handler: attachHandler },
  { method: 'PUT', pattern: '/relationships/:id', access: 'write', status: 200, handler: detachHandler },

  { method: 'POST', pattern: '/labels/search', access: 'read', status: 200, handler: labelsSearchHandler },

  { method: 'POST', pattern: '/properties/search', access: 'read', status: 200, handler: propertiesSearchHandler },
  { method: 'GET', pattern: '/properties/:id', access: 'read', status: 200, handler: propertyByIdHandler },
  { method: 'POST', pattern: '/properties/:id/values', access: 'read', status: 200, handler: propertyValuesHandler },
  { method: 'DELETE', pattern: '/properties/:id', access: 'write', status: 200, handler: deletePropertyHandler },

  { method: 'POST', pattern: '/tx', access: 'tx', status: 200, handler: beginTxHandler },
  { method: 'GET', pattern: '/tx/:txId', access: 'tx', status: 200, handler: getTxHandler },
  { method: 'POST', pattern: '/tx/:txId/commit', access: 'tx', status: 200, handler: commitTxHandler },
  { method: 'POST', pattern: '/tx/:txId/rollback', access: 'tx', status: 200, handler: rollbackTxHandler }
]
