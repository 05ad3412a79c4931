/**
 * Deployment configuration, kept in the script's properties so one bundle can
 * serve staging and production. Users never see or change these.
 */
export interface AddonConfig {
  /** The service's origin, without a trailing slash. */
  serviceUrl: string;
  privacyUrl: string;
}

export class ConfigError extends Error {}

export function readConfig(): AddonConfig {
  const props = PropertiesService.getScriptProperties();
  return parseConfig({
    serviceUrl: props.getProperty('SERVICE_URL'),
    privacyUrl: props.getProperty('PRIVACY_POLICY_URL'),
  });
}

export function parseConfig(raw: {
  serviceUrl: string | null;
  privacyUrl: string | null;
}): AddonConfig {
  const serviceUrl = (raw.serviceUrl ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(serviceUrl)) {
    throw new ConfigError('MailPing is not set up yet: the service address is missing.');
  }
  return {
    serviceUrl,
    privacyUrl: raw.privacyUrl?.trim() || `${serviceUrl}/privacy`,
  };
}
