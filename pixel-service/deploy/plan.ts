/**
 * The deploy as a list of gcloud commands, decided from the configuration
 * alone, so a dry run prints exactly what a real run would do.
 */
import type { DeployConfig } from './deploy-config';
import { indexSteps } from './index-commands';

export interface Step {
  title: string;
  /** Arguments to `gcloud`; `{url}` is the service's URL, known after it is deployed. */
  args: string[];
  /** Skip the step when this gcloud command succeeds (the thing exists already). */
  skipIf?: string[];
  /** A failure whose output contains this is success (created by an earlier deploy). */
  tolerate?: string;
  /** This step's output is the service's URL. */
  capturesUrl?: boolean;
  /** What to tell the operator when this step fails. */
  onFailure?: string;
}

const APIS = [
  'run.googleapis.com',
  'firestore.googleapis.com',
  'cloudbuild.googleapis.com',
  'artifactregistry.googleapis.com',
  'secretmanager.googleapis.com',
  'cloudscheduler.googleapis.com',
];

export const SWEEP_JOB_SUFFIX = '-sweep';

function envVars(config: DeployConfig): string {
  const env: Record<string, string> = {
    GOOGLE_CLOUD_PROJECT: config.project,
    OAUTH_CLIENT_IDS: config.oauthClientIds.join(','),
    RETENTION_DAYS: String(config.retentionDays),
    OPERATOR_NAME: config.operatorName,
    OPERATOR_CONTACT: config.operatorContact,
    ...(config.publicUrl ? { PUBLIC_URL: config.publicUrl } : {}),
  };
  // Client ids are comma-separated, so the list uses gcloud's alternate delimiter.
  return `^@^${Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('@')}`;
}

/** Cloud Run's own request log entries for one service. */
export function requestLogFilter(service: string): string {
  return (
    'resource.type="cloud_run_revision" AND ' +
    `resource.labels.service_name="${service}" AND log_id("run.googleapis.com/requests")`
  );
}

export function deployPlan(
  config: DeployConfig,
  options: { tag: string; indexes: Parameters<typeof indexSteps>[0] },
): Step[] {
  const { project, region } = config;
  const p = `--project=${project}`;
  const account = `${config.serviceAccount}@${project}.iam.gserviceaccount.com`;
  const exclusion = `name=${config.service}-requests,filter=${requestLogFilter(config.service)}`;
  const member = `--member=serviceAccount:${account}`;
  const registry = `${region}-docker.pkg.dev/${project}/${config.repository}`;
  const image = `${registry}/pixel-service:${options.tag}`;
  const job = `${config.service}${SWEEP_JOB_SUFFIX}`;
  const secret = `--set-secrets=TOKEN_KEYS=${config.tokenKeysSecret}:latest`;
  return [
    { title: 'Enable the APIs MailPing uses', args: ['services', 'enable', ...APIS, p] },
    {
      title: 'Create the image repository',
      args: [
        'artifacts',
        'repositories',
        'create',
        config.repository,
        '--repository-format=docker',
        `--location=${region}`,
        p,
      ],
      skipIf: [
        'artifacts',
        'repositories',
        'describe',
        config.repository,
        `--location=${region}`,
        p,
      ],
    },
    {
      title: 'Create the service account',
      args: [
        'iam',
        'service-accounts',
        'create',
        config.serviceAccount,
        '--display-name=MailPing pixel service',
        p,
      ],
      skipIf: ['iam', 'service-accounts', 'describe', account, p],
    },
    {
      title: 'Let it use Firestore, and nothing else',
      args: [
        'projects',
        'add-iam-policy-binding',
        project,
        member,
        '--role=roles/datastore.user',
        '--condition=None',
      ],
    },
    {
      title: 'Check the token keys secret exists',
      args: ['secrets', 'describe', config.tokenKeysSecret, p],
      onFailure:
        `create it first: head -c 32 /dev/urandom | base64 | sed 's/^/k1:/' | ` +
        `gcloud secrets create ${config.tokenKeysSecret} --data-file=- ${p}`,
    },
    {
      title: 'Let the service account read it',
      args: [
        'secrets',
        'add-iam-policy-binding',
        config.tokenKeysSecret,
        member,
        '--role=roles/secretmanager.secretAccessor',
        p,
      ],
    },
    // Indexes take minutes to build: start them before the service needs them.
    ...indexSteps(options.indexes, project),
    {
      title: 'Build the image',
      args: [
        'builds',
        'submit',
        '--config=pixel-service/cloudbuild.yaml',
        `--substitutions=_IMAGE=${image}`,
        p,
        '.',
      ],
    },
    {
      // Cloud Run logs every request on its own, with the client's full
      // address and the URL, which carries the pixel's token: keep those out.
      title: "Keep Cloud Run's request logs (full addresses, pixel URLs) out of storage",
      args: ['logging', 'sinks', 'update', '_Default', `--add-exclusion=${exclusion}`, p],
      tolerate: 'already exists',
    },
    {
      // Adding an exclusion that exists changes nothing; this applies the
      // current filter on a re-deploy.
      title: 'Apply the current filter to that exclusion',
      args: ['logging', 'sinks', 'update', '_Default', `--update-exclusion=${exclusion}`, p],
    },
    {
      title: 'Deploy the service to Cloud Run',
      args: [
        'run',
        'deploy',
        config.service,
        `--image=${image}`,
        `--region=${region}`,
        p,
        '--allow-unauthenticated',
        `--service-account=${account}`,
        `--concurrency=${config.run.concurrency}`,
        `--memory=${config.run.memory}`,
        `--cpu=${config.run.cpu}`,
        `--min-instances=${config.run.minInstances}`,
        `--max-instances=${config.run.maxInstances}`,
        // Update, not set: setting would drop the PUBLIC_URL a first deploy
        // gave the service, and until the step below restored it, the new
        // revision would mint pixel URLs on its own loopback address.
        `--update-env-vars=${envVars(config)}`,
        secret,
      ],
    },
    {
      title: 'Read the service URL',
      args: [
        'run',
        'services',
        'describe',
        config.service,
        `--region=${region}`,
        p,
        '--format=value(status.url)',
      ],
      capturesUrl: true,
    },
    ...(config.publicUrl
      ? []
      : [
          {
            title: 'Tell the service its own URL (no PUBLIC_URL configured)',
            args: [
              'run',
              'services',
              'update',
              config.service,
              `--region=${region}`,
              p,
              '--update-env-vars=PUBLIC_URL={url}',
            ],
          },
        ]),
    {
      title: 'Deploy the daily sweep job (settles retention, removes opted-out fetches)',
      args: [
        'run',
        'jobs',
        'deploy',
        job,
        `--image=${image}`,
        `--region=${region}`,
        p,
        '--args=sweep.js',
        `--service-account=${account}`,
        '--memory=512Mi',
        '--task-timeout=1800s',
        '--max-retries=1',
        `--set-env-vars=${envVars(config)}`,
        secret,
      ],
    },
    {
      title: 'Let the scheduler start the sweep job',
      args: [
        'run',
        'jobs',
        'add-iam-policy-binding',
        job,
        `--region=${region}`,
        member,
        '--role=roles/run.invoker',
        p,
      ],
    },
    {
      title: 'Create the daily sweep schedule',
      args: ['scheduler', 'jobs', 'create', 'http', job, ...sweepSchedule(config, job, account)],
      skipIf: ['scheduler', 'jobs', 'describe', job, `--location=${region}`, p],
    },
    {
      // Creating skips a schedule that exists, so a changed time or target
      // would otherwise never reach it.
      title: 'Apply the current settings to the sweep schedule',
      args: ['scheduler', 'jobs', 'update', 'http', job, ...sweepSchedule(config, job, account)],
    },
  ];
}

/** The flags `scheduler jobs create http` and `update http` share for the sweep. */
function sweepSchedule(config: DeployConfig, job: string, account: string): string[] {
  const { project, region } = config;
  return [
    `--location=${region}`,
    `--schedule=${config.sweep.schedule}`,
    `--time-zone=${config.sweep.timeZone}`,
    `--uri=https://run.googleapis.com/v2/projects/${project}/locations/${region}` +
      `/jobs/${job}:run`,
    '--http-method=POST',
    `--oauth-service-account-email=${account}`,
    `--project=${project}`,
  ];
}
