/**
 * Deployment configuration, kept in the script's properties so one bundle can
 * serve staging and production. Users never see or change these.
 */
export interface AddonConfig {
  /** The service's origin, without a trailing slash. */
  serviceUrl: string;
  /** How long the service keeps a link's data; null when not configured. */
  retentionDays: number | null;
  privacyUrl: string;
}

export class ConfigError extends Error {}

export function readConfig(): AddonConfig {
  const props = PropertiesService.getScriptProperties();
  return parseConfig({
    serviceUrl: props.getProperty('SERVICE_URL'),
    retentionDays: props.getProperty('RETENTION_DAYS'),
    privacyUrl: props.getProperty('PRIVACY_POLICY_URL'),
  });
}

export function parseConfig(raw: {
  serviceUrl: string | null;
  retentionDays: string | null;
  privacyUrl: string | null;
}): AddonConfig {
  const serviceUrl = (raw.serviceUrl ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(serviceUrl)) {
    throw new ConfigError('MailPing is not set up yet: the service address is missing.');
  }
  const days = Number(raw.retentionDays);
  return {
    serviceUrl,
    retentionDays: raw.retentionDays && Number.isInteger(days) && days > 0 ? days : null,
    privacyUrl: raw.privacyUrl?.trim() || `${serviceUrl}/privacy`,
  };
}
