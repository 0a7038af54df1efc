import { z } from 'zod';
import { findUnlabelledFields } from './intake-field.ts';
import { localizedTextSchema } from './localized-text.ts';
import { messageProblems } from './messages.ts';
import { type AnyPlugin, placementSpace } from './plugin-manifest.ts';
import { PluginManifestError, type PluginManifestIssue } from './plugin-manifest-error.ts';
import { MIGRATION_NAME, migrationProblems } from './plugin-tables.ts';
import { PROCEDURE_NAME, pluginProceduresSchema } from './procedures.ts';
import { isValidRange, parseSemVer } from './semver.ts';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PERMISSION = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$/;

const kebabId = z.string().regex(KEBAB, 'must be kebab-case (a-z, 0-9, single hyphens)');
const workingDays = z.int('must be a whole number of working days').min(1).max(250);

const requiredDocumentSchema = z.strictObject({
  id: kebabId,
  name: localizedTextSchema,
  optional: z.boolean().optional(),
});

const catalogueEntrySchema = z.strictObject({
  id: kebabId,
  name: localizedTextSchema,
  description: localizedTextSchema,
  requiredDocuments: z
    .array(requiredDocumentSchema)
    .optional()
    .refine(
      (documents) => new Set(documents?.map((document) => document.id)).size === (documents?.length ?? 0),
      {
        message: 'has two documents with one id',
      },
    ),
});

const caseCategorySchema = z.strictObject({ id: kebabId, name: localizedTextSchema });

const permissionSchema = z.strictObject({
  id: z.string().regex(PERMISSION, 'must look like <plugin>.<resource>.<action>'),
  label: localizedTextSchema,
  grantedWith: z
    .string()
    .regex(PERMISSION, 'must name the platform permission that carries it, such as case.handle'),
  dependsOn: z.array(z.string()).optional(),
});

const fn = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'must be a function',
);

const statisticSchema = z
  .strictObject({
    id: kebabId,
    label: localizedTextSchema,
    measure: kebabId.optional(),
    recount: fn.optional(),
  })
  .refine((statistic) => statistic.recount === undefined || statistic.measure !== undefined, {
    message: 'recounts only a statistic with a measure',
    path: ['recount'],
  });

const messagesSchema = z.strictObject({
  pluginId: kebabId,
  'zh-CN': z.record(z.string(), z.string()),
  en: z.record(z.string(), z.string()),
});

const entryPointSchema = z.strictObject({
  id: kebabId,
  slogan: localizedTextSchema,
  position: z.int().min(1),
});

const ACTIVITY_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PATH = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*$/;

const activitySchema = z.strictObject({
  name: z.string().regex(ACTIVITY_NAME, 'must look like <plugin id>.<kebab-case name>'),
  description: localizedTextSchema,
  input: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, 'must be a zod object schema'),
  schedule: z.literal('daily').optional(),
  run: z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function'),
});

const adminRouteSchema = z.strictObject({
  id: kebabId,
  path: z.string().regex(PATH, 'must be kebab-case segments separated by "/"'),
  module: kebabId.optional(),
  label: localizedTextSchema,
  permission: z.string().regex(PERMISSION, 'must name a permission such as case.read'),
  placement: z
    .array(z.enum(['case-service', 'case-tools', 'navigation', 'settings']))
    .min(1, 'needs case-service, case-tools, navigation or settings')
    .refine((list) => new Set(list).size === list.length, 'lists a placement twice'),
});

const hookSchema = fn;

/** The runtime shape of a manifest, field by field. */
const manifestShape = z.strictObject({
  id: kebabId,
  version: z.string().refine((value) => parseSemVer(value) !== null, 'must be a semantic version (1.2.3)'),
  sdkVersion: z.string().refine(isValidRange, 'must be a semver range such as 1.x'),
  kind: z.enum(['core', 'x', 'knowledge']),
  name: localizedTextSchema,
  description: localizedTextSchema,
  // At least one of each for a service, none for a knowledge plugin: checked with the kind below.
  catalogue: z.array(catalogueEntrySchema),
  categories: z.array(caseCategorySchema),
  intakeForm: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, 'must be a zod object schema'),
  deadlines: z.strictObject({
    defaultWorkingDays: workingDays,
    byCategory: z.record(z.string(), workingDays).optional(),
  }),
  permissions: z.array(permissionSchema),
  statistics: z.array(statisticSchema).optional(),
  migrations: z
    .array(
      z.strictObject({
        name: z.string().regex(MIGRATION_NAME, 'must look like 0001_snake_case_name'),
        sql: z.string().trim().min(1, 'is empty'),
      }),
    )
    .optional(),
  hooks: z
    .strictObject({
      onCaseCreated: hookSchema.optional(),
      onReferralClosed: hookSchema.optional(),
      alertOnIntake: hookSchema.optional(),
    })
    .optional(),
  activities: z.array(activitySchema).optional(),
  adminRoutes: z.array(adminRouteSchema).optional(),
  procedures: pluginProceduresSchema.optional(),
  messages: messagesSchema.optional(),
  subsidySources: z
    .array(z.strictObject({ paidIn: fn }))
    .max(1, "has one source at most: the ledger takes a plugin's subsidies under its id")
    .optional(),
  entryPoints: z.array(entryPointSchema).optional(),
  referenceCases: z.strictObject({ search: fn }).optional(),
  demo: fn.optional(),
});

/**
 * A valid manifest: its shape, and the cross-field rules (unique ids, id prefixes, what each kind
 * may declare, deadlines naming known categories, permission dependencies, labelled form fields).
 */
export const pluginManifestSchema = manifestShape.superRefine((manifest, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  if (manifest.kind === 'x' && !manifest.id.startsWith('x-'))
    issue(['id'], 'of an X add-on must start with "x-"');
  if (manifest.kind !== 'x' && manifest.id.startsWith('x-'))
    issue(['id'], `of a ${manifest.kind} plugin must not start with "x-"`);
  if (manifest.kind === 'knowledge') knowledgeIssues(manifest, issue);
  else serviceIssues(manifest, issue);

  const unique = (
    list: 'catalogue' | 'categories' | 'permissions' | 'statistics' | 'adminRoutes' | 'entryPoints',
  ) => {
    const seen = new Set<string>();
    (manifest[list] ?? []).forEach((item, index) => {
      if (seen.has(item.id)) issue([list, index, 'id'], `duplicates "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique('catalogue');
  unique('categories');
  unique('permissions');
  unique('statistics');
  unique('adminRoutes');
  unique('entryPoints');

  const permissionsDeclared = new Set(manifest.permissions.map((permission) => permission.id));
  for (const [name, procedure] of Object.entries(manifest.procedures ?? {})) {
    if (!PROCEDURE_NAME.test(name)) issue(['procedures', name], 'must be a camelCase name (createSession)');
    if (procedure.scope !== 'public' && !permissionsDeclared.has(procedure.permission)) {
      issue(
        ['procedures', name, 'permission'],
        `"${procedure.permission}" is not one of the plugin's permissions`,
      );
    }
  }

  if (manifest.messages) {
    if (manifest.messages.pluginId !== manifest.id)
      issue(['messages', 'pluginId'], `must be "${manifest.id}"`);
    for (const problem of messageProblems(manifest.id, manifest.messages)) issue(['messages'], problem);
  }

  const activityNames = new Set<string>();
  (manifest.activities ?? []).forEach((activity, index) => {
    if (!activity.name.startsWith(`${manifest.id}.`)) {
      issue(['activities', index, 'name'], `must start with "${manifest.id}."`);
    }
    if (activityNames.has(activity.name))
      issue(['activities', index, 'name'], `duplicates "${activity.name}"`);
    activityNames.add(activity.name);
    if (activity.input.shape.tenantId !== undefined) {
      issue(['activities', index, 'input'], 'must not declare tenantId: the platform passes the tenant');
    }
  });

  const routePaths = new Set<string>();
  (manifest.adminRoutes ?? []).forEach((adminRoute, index) => {
    for (const space of new Set(adminRoute.placement.map(placementSpace))) {
      const key = `${space} ${adminRoute.path}`;
      if (routePaths.has(key)) issue(['adminRoutes', index, 'path'], `duplicates "${adminRoute.path}"`);
      routePaths.add(key);
    }
  });

  const categoryIds = new Set(manifest.categories.map((category) => category.id));
  for (const categoryId of Object.keys(manifest.deadlines.byCategory ?? {})) {
    if (!categoryIds.has(categoryId)) {
      issue(['deadlines', 'byCategory', categoryId], "is not one of the plugin's categories");
    }
  }

  const permissionIds = new Set(manifest.permissions.map((permission) => permission.id));
  manifest.permissions.forEach((permission, index) => {
    if (!permission.id.startsWith(`${manifest.id}.`)) {
      issue(['permissions', index, 'id'], `must start with "${manifest.id}."`);
    }
    for (const dependency of permission.dependsOn ?? []) {
      if (dependency === permission.id)
        issue(['permissions', index, 'dependsOn'], 'lists the permission itself');
      else if (!permissionIds.has(dependency)) {
        issue(
          ['permissions', index, 'dependsOn'],
          `names "${dependency}", which this plugin does not declare`,
        );
      }
    }
  });
  (manifest.migrations ?? []).forEach((migration, index) => {
    const earlier = manifest.migrations?.[index - 1];
    if (earlier && earlier.name >= migration.name) {
      issue(['migrations', index, 'name'], `must sort after "${earlier.name}"`);
    }
    for (const problem of migrationProblems(manifest.id, migration.sql)) {
      issue(['migrations', index, 'sql'], problem);
    }
  });

  const cycle = findDependencyCycle(manifest.permissions);
  if (cycle) issue(['permissions'], `have a dependency cycle: ${cycle.join(' → ')}`);

  for (const problem of findUnlabelledFields(manifest.intakeForm)) {
    issue(['intakeForm', ...problem.path], problem.message);
  }
});

type ParsedManifest = z.output<typeof manifestShape>;
type IssueAt = (path: (string | number)[], message: string) => void;

/** A service residents are taken in for: something to take them in for, and no knowledge-only parts. */
function serviceIssues(manifest: ParsedManifest, issue: IssueAt): void {
  if (manifest.catalogue.length === 0) issue(['catalogue'], 'needs at least one entry');
  if (manifest.categories.length === 0) issue(['categories'], 'needs at least one category');
  for (const [name, procedure] of Object.entries(manifest.procedures ?? {})) {
    if (procedure.scope === 'any-case')
      issue(['procedures', name], 'works on any case, which only a knowledge plugin may do');
  }
  (manifest.adminRoutes ?? []).forEach((adminRoute, index) => {
    if (adminRoute.placement.includes('case-tools'))
      issue(['adminRoutes', index, 'placement'], 'lists case-tools, which only a knowledge plugin may');
  });
  if (manifest.referenceCases) issue(['referenceCases'], 'is for knowledge plugins only');
}

/** A knowledge plugin: nobody is taken in for it, so no catalogue, categories, form or time limit of its own. */
function knowledgeIssues(manifest: ParsedManifest, issue: IssueAt): void {
  if (manifest.catalogue.length > 0) issue(['catalogue'], 'must be empty for a knowledge plugin');
  if (manifest.categories.length > 0) issue(['categories'], 'must be empty for a knowledge plugin');
  if (Object.keys(manifest.intakeForm.shape).length > 0)
    issue(['intakeForm'], 'must be z.object({}) for a knowledge plugin');
  if (manifest.deadlines.defaultWorkingDays !== 1 || manifest.deadlines.byCategory !== undefined)
    issue(['deadlines'], 'must be { defaultWorkingDays: 1 } for a knowledge plugin');
  for (const [name, procedure] of Object.entries(manifest.procedures ?? {})) {
    if (procedure.scope === 'case')
      issue(
        ['procedures', name],
        'is a case procedure, but a knowledge plugin has no cases: use anyCaseProcedure',
      );
  }
  (manifest.adminRoutes ?? []).forEach((adminRoute, index) => {
    if (adminRoute.placement.includes('case-service'))
      issue(
        ['adminRoutes', index, 'placement'],
        'lists case-service, but a knowledge plugin has no cases: use case-tools',
      );
  });
  for (const key of ['subsidySources', 'hooks'] as const) {
    if (manifest[key] !== undefined) issue([key], 'is for services, not knowledge plugins');
  }
}

function findDependencyCycle(
  permissions: readonly { id: string; dependsOn?: readonly string[] | undefined }[],
): string[] | null {
  const edges = new Map(permissions.map((permission) => [permission.id, permission.dependsOn ?? []]));
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): string[] | null => {
    if (trail.includes(id)) return [...trail.slice(trail.indexOf(id)), id];
    if (done.has(id)) return null;
    for (const next of edges.get(id) ?? []) {
      if (next === id) continue;
      const cycle = visit(next, [...trail, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return null;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return null;
}

/** Formats a zod issue path as a dotted field name (`permissions.0.id`). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The problems with a manifest, empty when it is valid. */
export function manifestIssues(manifest: unknown): PluginManifestIssue[] {
  const result = pluginManifestSchema.safeParse(manifest);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ field: fieldName(issue.path), message: issue.message }));
}

/** The id to name a manifest by in errors, even when the manifest is broken. */
export function manifestLabel(manifest: unknown): string {
  const id = (manifest as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : '(unknown)';
}

/** Throws a {@link PluginManifestError} naming the plugin and each bad field unless the manifest is valid. */
export function assertValidManifest(manifest: unknown): asserts manifest is AnyPlugin {
  const issues = manifestIssues(manifest);
  if (issues.length > 0) throw new PluginManifestError(manifestLabel(manifest), issues);
}
