/**
 * Storage for tests: the real Firestore client against the emulator that
 * global-setup started, one project per test file so files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { resetEmulator } from '../../pixel-service/dev/emulator';
import { Store } from '../../pixel-service/src/store';
import type { RetentionDays } from '../../shared/contract';

export const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST ?? '';

/** `describe` when the emulator runs, `describe.skip` (announced by global-setup) when not. */
export const describeWithFirestore = emulatorHost ? describe : describe.skip;

export function newProjectId(): string {
  return `demo-mailping-${randomBytes(4).toString('hex')}`;
}

/**
 * A raw client, for tests that inspect stored documents directly. The client
 * lets FIRESTORE_EMULATOR_HOST override its `host` setting, so a test that
 * routes through the operation counter swaps it for the constructor only.
 */
export function rawFirestore(projectId: string, host = emulatorHost): Firestore {
  const saved = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = host;
  try {
    return new Firestore({ projectId, ignoreUndefinedProperties: true });
  } finally {
    process.env.FIRESTORE_EMULATOR_HOST = saved;
  }
}

export function testStore(
  projectId: string,
  options: { host?: string; retentionDays?: RetentionDays } = {},
) {
  return new Store(rawFirestore(projectId, options.host), {
    retentionDays: options.retentionDays ?? 90,
  });
}

export function resetProject(projectId: string): Promise<void> {
  return resetEmulator(emulatorHost, projectId);
}
