/**
 * The deploy configuration: one JSON file (deploy.json, git-ignored; copy
 * deploy.sample.json), checked in full before any command runs so a mistake
 * is named up front rather than halfway through a deploy.
 */
import { readFileSync } from 'node:fs';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Name = (pattern: string, description: string) => Type.String({ pattern, description });
const RESOURCE = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';

const DeployConfigSchema = Type.Object(
  {
    project: Name('^[a-z][-a-z0-9]{4,28}[a-z0-9]$', 'a Google Cloud project id'),
    region: Name('^[a-z]+-[a-z]+[0-9]$', 'a Cloud Run region such as europe-west1'),
    service: Name(RESOURCE, 'the Cloud Run service name'),
    repository: Name(RESOURCE, 'the Artifact Registry repository'),
    serviceAccount: Name('^[a-z][-a-z0-9]{4,28}[a-z0-9]$', 'the service account name'),
    tokenKeysSecret: Name('^[A-Za-z0-9_-]{1,255}$', 'the Secret Manager secret with TOKEN_KEYS'),
    oauthClientIds: Type.Array(Name('^[0-9]+-[a-z0-9]+\\.apps\\.googleusercontent\\.com$', ''), {
      minItems: 1,
    }),
    publicUrl: Type.Optional(Name('^https://[^/\\s]+$', 'an https origin, no path')),
    operatorName: Type.String({ minLength: 1, maxLength: 200 }),
    operatorContact: Type.String({ minLength: 3, maxLength: 200 }),
    retentionDays: Type.Union([Type.Literal(30), Type.Literal(90), Type.Literal(365)]),
    run: Type.Object(
      {
        concurrency: Type.Integer({ minimum: 1, maximum: 1000 }),
        memory: Name('^[0-9]+(Mi|Gi)$', 'such as 512Mi'),
        cpu: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(4)]),
        minInstances: Type.Integer({ minimum: 0, maximum: 100 }),
        maxInstances: Type.Integer({ minimum: 1, maximum: 1000 }),
      },
      { additionalProperties: false },
    ),
    sweep: Type.Object(
      {
        schedule: Name('^\\S+( \\S+){4}$', 'a cron line of five fields'),
        timeZone: Type.String({ minLength: 1 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type DeployConfig = Static<typeof DeployConfigSchema>;

export class DeployConfigError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Every problem with the configuration, one line each; empty when it is good. */
export function configProblems(value: unknown): string[] {
  const problems = [...Value.Errors(DeployConfigSchema, value)].map((error) => {
    const field = error.path.slice(1).replace(/\//g, '.') || 'configuration';
    const hint = (error.schema as { description?: string }).description;
    return `${field}: ${error.message}${hint ? ` (${hint})` : ''}`;
  });
  const run = (value as Partial<DeployConfig>)?.run;
  if (problems.length === 0 && run && run.minInstances > run.maxInstances) {
    problems.push('run.minInstances: must not exceed run.maxInstances');
  }
  return [...new Set(problems)];
}

export function loadDeployConfig(path: string): DeployConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DeployConfigError(path, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
  const problems = configProblems(value);
  if (problems.length > 0) throw new DeployConfigError(path, problems);
  return value as DeployConfig;
}
