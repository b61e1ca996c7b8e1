import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { connectionPage, type ConnectionArgs, type ConnectionPage } from '../loaders/connection-page.js'
import { listRecords, recordByKey } from '../loaders/root-queries.js'
import type { TypeMapping } from './storage-mapping.js'

const b = builder as any

/** Registers `<Type>Connection`/`<Type>Edge` and the root fields of a record type: by key, list, connection. */
export function defineRootFields(mapping: TypeMapping): void {
  const { name } = mapping
  b.objectType(`${name}Edge`, {
    description: `A ${name} in a page, with the cursor that points at it.`,
    fields: (t: any) => ({
      cursor: t.exposeString('cursor', { nullable: false, description: 'Opaque keyset cursor for after/before.' }),
      node: t.field({ type: name, nullable: false, resolve: (e: { node: unknown }) => e.node })
    })
  })
  b.objectType(`${name}Connection`, {
    description: `A page of ${name} records (Relay connection with keyset cursors).`,
    fields: (t: any) => ({
      edges: t.field({ type: [`${name}Edge`], nullable: false, resolve: (c: ConnectionPage) => c.edges }),
      nodes: t.field({ type: [name], nullable: false, description: 'The records of the page, without cursors.', resolve: (c: ConnectionPage) => c.edges.map((e) => e.node) }),
      pageInfo: t.field({ type: 'PageInfo', nullable: false, resolve: (c: ConnectionPage) => c.pageInfo }),
      totalCount: t.int({ nullable: false, description: 'Records matching the filter, over all pages.', resolve: (c: ConnectionPage) => c.totalCount ?? 0 })
    })
  })
  b.queryFields((t: any) => ({
    [mapping.rootSingular]: t.field({
      type: name,
      description: `One ${name} by id${mapping.naturalKey ? ` or by ${mapping.naturalKey}` : ''}.`,
      args: {
        id: t.arg.id({ description: 'The record id.' }),
        ...(mapping.naturalKey ? { [mapping.naturalKey]: t.arg.string({ description: `The ${mapping.naturalKey}.` }) } : {})
      },
      resolve: (_: unknown, args: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo) => recordByKey(mapping, args, ctx, info)
    }),
    [mapping.rootPlural]: t.field({
      type: [name],
      nullable: false,
      description: `${name} records: filter, sort (default: creation order), limit/offset paging.`,
      args: {
        where: t.arg({ type: `${name}Where` }),
        orderBy: t.arg({ type: [`${name}OrderBy`], description: 'Sort keys in order; ties broken by id.' }),
        limit: t.arg.int({ description: 'Page size (default and maximum are configured; 20 and 100 unless changed).' }),
        offset: t.arg.int({ description: 'Rows to skip.' })
      },
      resolve: (_: unknown, args: any, ctx: GatewayContext, info: GraphQLResolveInfo) => listRecords(mapping, args, ctx, info)
    }),
    [`${mapping.rootPlural}Connection`]: t.field({
      type: `${name}Connection`,
      nullable: false,
      description: `${name} records as a Relay connection with keyset cursors.`,
      args: {
        where: t.arg({ type: `${name}Where` }),
        orderBy: t.arg({ type: [`${name}OrderBy`] }),
        first: t.arg.int(),
        after: t.arg.string(),
        last: t.arg.int(),
        before: t.arg.string()
      },
      resolve: (_: unknown, args: ConnectionArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => connectionPage(mapping, args, ctx, info)
    })
  }))
}
