/* eslint-disable */
import * as types from './graphql.js';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ChurnRisk($limit: Int) {\n  customers(\n    where: {plan: {eq: \"pro\"}, subscriptions: {some: {status: {eq: \"active\"}}}, tickets: {some: {status: {eq: \"open\"}, sentiment: {eq: \"negative\"}}}}\n    orderBy: [{customerId: ASC}]\n    limit: $limit\n  ) {\n    customerId\n    plan\n    subscriptions(where: {status: {eq: \"active\"}}) {\n      status\n    }\n    tickets(where: {status: {eq: \"open\"}}) {\n      status\n      sentiment\n    }\n  }\n}": typeof types.ChurnRiskDocument,
    "query ThreeLevels($limit: Int) {\n  customers(limit: $limit, orderBy: [{customerId: ASC}]) {\n    customerId\n    subscriptions(orderBy: [{startedAt: ASC}]) {\n      subscriptionId\n      invoices(orderBy: [{month: ASC}]) {\n        invoiceId\n        amount\n        status\n      }\n    }\n  }\n}": typeof types.ThreeLevelsDocument,
};
const documents: Documents = {
    "query ChurnRisk($limit: Int) {\n  customers(\n    where: {plan: {eq: \"pro\"}, subscriptions: {some: {status: {eq: \"active\"}}}, tickets: {some: {status: {eq: \"open\"}, sentiment: {eq: \"negative\"}}}}\n    orderBy: [{customerId: ASC}]\n    limit: $limit\n  ) {\n    customerId\n    plan\n    subscriptions(where: {status: {eq: \"active\"}}) {\n      status\n    }\n    tickets(where: {status: {eq: \"open\"}}) {\n      status\n      sentiment\n    }\n  }\n}": types.ChurnRiskDocument,
    "query ThreeLevels($limit: Int) {\n  customers(limit: $limit, orderBy: [{customerId: ASC}]) {\n    customerId\n    subscriptions(orderBy: [{startedAt: ASC}]) {\n      subscriptionId\n      invoices(orderBy: [{month: ASC}]) {\n        invoiceId\n        amount\n        status\n      }\n    }\n  }\n}": types.ThreeLevelsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChurnRisk($limit: Int) {\n  customers(\n    where: {plan: {eq: \"pro\"}, subscriptions: {some: {status: {eq: \"active\"}}}, tickets: {some: {status: {eq: \"open\"}, sentiment: {eq: \"negative\"}}}}\n    orderBy: [{customerId: ASC}]\n    limit: $limit\n  ) {\n    customerId\n    plan\n    subscriptions(where: {status: {eq: \"active\"}}) {\n      status\n    }\n    tickets(where: {status: {eq: \"open\"}}) {\n      status\n      sentiment\n    }\n  }\n}"): (typeof documents)["query ChurnRisk($limit: Int) {\n  customers(\n    where: {plan: {eq: \"pro\"}, subscriptions: {some: {status: {eq: \"active\"}}}, tickets: {some: {status: {eq: \"open\"}, sentiment: {eq: \"negative\"}}}}\n    orderBy: [{customerId: ASC}]\n    limit: $limit\n  ) {\n    customerId\n    plan\n    subscriptions(where: {status: {eq: \"active\"}}) {\n      status\n    }\n    tickets(where: {status: {eq: \"open\"}}) {\n      status\n      sentiment\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThreeLevels($limit: Int) {\n  customers(limit: $limit, orderBy: [{customerId: ASC}]) {\n    customerId\n    subscriptions(orderBy: [{startedAt: ASC}]) {\n      subscriptionId\n      invoices(orderBy: [{month: ASC}]) {\n        invoiceId\n        amount\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query ThreeLevels($limit: Int) {\n  customers(limit: $limit, orderBy: [{customerId: ASC}]) {\n    customerId\n    subscriptions(orderBy: [{startedAt: ASC}]) {\n      subscriptionId\n      invoices(orderBy: [{month: ASC}]) {\n        invoiceId\n        amount\n        status\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;