/**
 * Starts one Firestore emulator for the whole run and points every test
 * worker at it. Where the emulator is missing, storage tests are skipped and
 * this says so loudly; they are never run against a fake.
 */
import { findEmulatorJar, INSTALL_HINT, startEmulator } from '../../pixel-service/dev/emulator';
import { CHROMIUM_HINT, hasChromium } from './chromium';

function shout(text: string) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${text}\n${bar}\n`);
}

export default async function globalSetup() {
  if (!hasChromium) shout(`BROWSER TESTS SKIPPED: ${CHROMIUM_HINT}`);
  process.env.METADATA_SERVER_DETECTION = 'none';
  process.env.GOOGLE_CLOUD_PROJECT = 'demo-mailping-test';
  const jar = findEmulatorJar(process.env.FIRESTORE_EMULATOR_JAR);
  if (!jar) {
    process.env.MAILPING_EMULATOR = 'missing';
    shout(`STORAGE TESTS SKIPPED: ${INSTALL_HINT}`);
    return;
  }
  const emulator = await startEmulator({ jar });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.FIRESTORE_EMULATOR_JAR = jar;
  (globalThis as { emulatorStop?: () => Promise<void> }).emulatorStop = emulator.stop;
}
