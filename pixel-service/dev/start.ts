/**
 * `npm start`: the whole loop on one machine. Starts the Firestore emulator,
 * then the service with the development identity, and prints what to try.
 * Development only; Cloud Run starts dist/server.js directly.
 */
import { randomBytes } from 'node:crypto';
import { startService } from '../src/service';
import { findEmulatorJar, INSTALL_HINT, startEmulator } from './emulator';

const PORT = process.env.PORT ?? '8080';
const PROJECT = 'demo-mailping';

async function start() {
  const jar = findEmulatorJar(process.env.FIRESTORE_EMULATOR_JAR);
  if (!jar) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const emulator = await startEmulator({ jar });
  process.on('exit', () => emulator.process.kill());

  // Set before any Google client exists: local storage, a demo project that
  // can never touch a real one, and no probing for a cloud metadata server.
  const env = {
    FIRESTORE_EMULATOR_HOST: emulator.host,
    GOOGLE_CLOUD_PROJECT: PROJECT,
    METADATA_SERVER_DETECTION: 'none',
    DEV_IDENTITY: 'on',
    HOST: '127.0.0.1',
    PORT,
    TOKEN_KEYS: process.env.TOKEN_KEYS ?? `dev:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  Object.assign(process.env, env);
  await startService(process.env);
  console.log(instructions(`http://127.0.0.1:${PORT}`, emulator.host));
}

function instructions(base: string, emulatorHost: string): string {
  return `
MailPing is running locally.
  service            ${base}   (development identity: send "Authorization: Bearer dev")
  Firestore emulator ${emulatorHost}   (project ${PROJECT}; data is gone when you stop)

Try the loop (README.md walks through it):
  curl -s -X POST ${base}/v1/links -H 'Authorization: Bearer dev' \\
    -H 'Content-Type: application/json' -d '{"label":"My first tracked message"}'
  curl -s -o /dev/null -w '%{http_code} %{content_type}\\n' \\
    -A 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' \\
    <pixelUrl from the first answer>
  curl -s ${base}/v1/links/<id> -H 'Authorization: Bearer dev'

Stop with Ctrl-C.`;
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
