/**
 * GraphQL for the fake: GitHub's real schema (client introspection JSON) executed over the fixtures,
 * with GitHub's cost rule and per-alias NOT_FOUND errors.
 */
import { schema as githubSchema, validate as validateGitHub } from '@octokit/graphql-schema';
import type {
  GraphQLError} from 'graphql';
import {
  buildClientSchema,
  execute,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fullName } from './rest-bodies.js';
import type { FakeRelease, FakeRepo, FakeTag } from './fixtures.js';

let schemaCache: GraphQLSchema | undefined;
const schema = (): GraphQLSchema => (schemaCache ??= buildClientSchema(githubSchema.json as never));

/** GitHub's error shape: `type` next to `message` and `path`. */
class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphqlContext {
  findRepo(owner: string, name: string): FakeRepo | undefined;
  databaseId(repo: FakeRepo): number;
  search(query: string): { repo: FakeRepo; score: number }[];
  rateLimit: { cost: number; remaining: number; resetAt: string; limit: number; used: number };
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
  nodes: () => T[];
  edges: () => { cursor: string; node: T }[];
}

const cursor = (i: number): string => Buffer.from(`cursor:v2:${i}`).toString('base64');
const cursorIndex = (c: string): number => Number(Buffer.from(c, 'base64').toString().split(':')[2]);

function connection<T>(field: string, all: T[], args: { first?: number; last?: number; after?: string }): Connection<T> {
  const limit = args.first ?? args.last;
  if (limit !== undefined && limit > 100) {
    throw new TypedError('EXCESSIVE_PAGINATION', `Requesting ${limit} records on the \`${field}\` connection exceeds the \`first\` limit of 100 records.`);
  }
  const start = args.after ? cursorIndex(args.after) + 1 : 0;
  const end = Math.min(all.length, start + (limit ?? 0));
  const page = all.slice(start, end);
  const requireLimit = () => {
    if (limit === undefined) {
      throw new TypedError('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`);
    }
  };
  return {
    totalCount: all.length,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: page.length > 0 ? cursor(start) : null,
      endCursor: page.length > 0 ? cursor(end - 1) : null,
    },
    nodes: () => (requireLimit(), page),
    edges: () => (requireLimit(), page.map((node, i) => ({ cursor: cursor(start + i), node }))),
  };
}

function releaseNode(r: FakeRelease) {
  return { __typename: 'Release', tagName: r.tag, name: r.name, isDraft: r.isDraft, isPrerelease: r.isPrerelease, publishedAt: r.publishedAt, createdAt: r.createdAt };
}

function refNode(t: FakeTag) {
  const commit = { __typename: 'Commit', oid: t.sha, committedDate: t.commitDate };
  const target = t.annotated ? { __typename: 'Tag', name: t.name, tagger: { date: t.annotated.taggerDate, name: 'Release Manager' }, target: commit } : commit;
  return { __typename: 'Ref', name: t.name, prefix: 'refs/tags/', target };
}

const byDateDesc = <T>(date: (x: T) => string) => (a: T, b: T) => Date.parse(date(b)) - Date.parse(date(a));

function repositoryNode(repo: FakeRepo, databaseId: number) {
  return {
    __typename: 'Repository',
    databaseId,
    isDisabled: repo.disabled ?? false,
    defaultBranchRef: { __typename: 'Ref', name: 'main', prefix: 'refs/heads/', target: { __typename: 'Commit', committedDate: repo.lastCommitAt ?? repo.pushedAt } },
    name: repo.name,
    nameWithOwner: fullName(repo),
    owner: { __typename: 'Organization', login: repo.owner },
    description: repo.description,
    stargazerCount: repo.stars,
    forkCount: repo.forks,
    isArchived: repo.archived,
    pushedAt: repo.pushedAt,
    homepageUrl: repo.homepageUrl,
    primaryLanguage: repo.primaryLanguage ? { __typename: 'Language', name: repo.primaryLanguage } : null,
    licenseInfo: repo.license ? { __typename: 'License', spdxId: repo.license, name: repo.license, key: repo.license.toLowerCase() } : null,
    watchers: (args: { first?: number }) => connection('watchers', new Array(repo.watchers).fill(null), args),
    issues: (args: { first?: number; states?: string[] }) => {
      const open = args.states === undefined || args.states.includes('OPEN');
      return connection('issues', new Array(open ? repo.openIssues : 0).fill(null), args);
    },
    releases: (args: { first?: number; after?: string; orderBy?: { field: string; direction: string } }) => {
      const sorted = [...repo.releases].sort(byDateDesc((r) => r.createdAt));
      if (args.orderBy?.direction === 'ASC') sorted.reverse();
      return connection('releases', sorted.map(releaseNode), args);
    },
    refs: (args: { refPrefix: string; first?: number; after?: string; orderBy?: { field: string; direction: string } }) => {
      const tags = args.refPrefix === 'refs/tags/' ? [...repo.tags] : [];
      if (args.orderBy?.field === 'TAG_COMMIT_DATE') tags.sort(byDateDesc((t) => t.commitDate)).reverse();
      else tags.sort((a, b) => a.name.localeCompare(b.name));
      if (args.orderBy?.direction === 'DESC') tags.reverse();
      return connection('refs', tags.map(refNode), args);
    },
  };
}

function rootValue(ctx: GraphqlContext) {
  return {
    rateLimit: () => ({ __typename: 'RateLimit', ...ctx.rateLimit, nodeCount: 0 }),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = ctx.findRepo(owner, name);
      if (!repo) throw new TypedError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryNode(repo, ctx.databaseId(repo));
    },
    search: (args: { type: string; query: string; first?: number; after?: string }) => {
      const hits = args.type === 'REPOSITORY' ? ctx.search(args.query).map((h) => repositoryNode(h.repo, ctx.databaseId(h.repo))) : [];
      return { ...connection('search', hits, args), repositoryCount: hits.length };
    },
  };
}

/** GitHub's rule: every connection is one request per parent node; sum, divide by 100, round, at least 1. */
export function queryCost(document: DocumentNode, variables: Record<string, unknown>): number {
  const s = schema();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let requests = 0;
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, multiplier: number): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        const on = frag && s.getType(frag.typeCondition.name.value);
        if (frag && on && isCompositeType(on)) walk(frag.selectionSet, on, multiplier);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? s.getType(sel.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) walk(sel.selectionSet, on, multiplier);
      } else if (sel.selectionSet && (isObjectType(type) || isInterfaceType(type))) {
        const field = type.getFields()[sel.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        let child = multiplier;
        if (named.name.endsWith('Connection')) {
          requests += multiplier;
          const arg = (n: string) => sel.arguments?.find((a) => a.name.value === n);
          const limit = arg('first') ?? arg('last');
          child = multiplier * (limit ? Number(valueFromASTUntyped(limit.value, variables)) : 1);
        }
        if (isCompositeType(named)) walk(sel.selectionSet, named, child);
      }
    }
  };
  const query = s.getQueryType();
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && query) walk(def.selectionSet, query, 1);
  }
  return Math.max(1, Math.round(requests / 100));
}

/** Validates with @octokit/graphql-schema; returns the document and its cost, or the validation errors. */
export function prepare(query: string, variables: Record<string, unknown>): { document: DocumentNode; cost: number; aliases: number } | { errors: string[] } {
  const errors = validateGitHub(query);
  if (errors.length > 0) return { errors: errors.map((e) => e.message) };
  const document = parse(query);
  let aliases = 0;
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) aliases += def.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.alias).length;
  }
  return { document, cost: queryCost(document, variables), aliases };
}

export async function run(document: DocumentNode, variables: Record<string, unknown>, ctx: GraphqlContext) {
  const result = await execute({ schema: schema(), document, rootValue: rootValue(ctx), variableValues: variables });
  const errors = result.errors?.map((e: GraphQLError) => ({
    ...(e.originalError instanceof TypedError ? { type: e.originalError.type } : {}),
    path: e.path,
    locations: e.locations,
    message: e.message,
  }));
  return { data: result.data ?? null, ...(errors ? { errors } : {}) };
}
