/**
 * `npm start`: the whole loop on one machine. Starts the Firestore emulator
 * (or uses the one FIRESTORE_EMULATOR_HOST names), the service with the
 * development identity, and the add-on preview beside it, then prints what
 * to try. Development only; Cloud Run starts dist/server.js directly, and
 * the preview is a separate process on its own port that it never serves.
 */
import { randomBytes } from 'node:crypto';
import { startPreview } from '../../addon/preview/start';
import { startService } from '../src/service';
import { findEmulatorJar, INSTALL_HINT, startEmulator } from './emulator';

const PORT = process.env.PORT ?? '8080';
const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 8081);
// A demo- project can never reach a real one, whatever the environment says.
const PROJECT = /^demo-/.test(process.env.GOOGLE_CLOUD_PROJECT ?? '')
  ? (process.env.GOOGLE_CLOUD_PROJECT as string)
  : 'demo-mailping';

/** The running emulator's `host:port`, and whether it was started here. */
async function emulatorHost(): Promise<{ host: string; ours: boolean }> {
  const given = process.env.FIRESTORE_EMULATOR_HOST;
  if (given) return { host: given, ours: false };
  const jar = findEmulatorJar(process.env.FIRESTORE_EMULATOR_JAR);
  if (!jar) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const emulator = await startEmulator({ jar });
  process.on('exit', () => emulator.process.kill());
  return { host: emulator.host, ours: true };
}

async function start() {
  const { host, ours } = await emulatorHost();

  // Set before any Google client exists: local storage, a demo project that
  // can never touch a real one, and no probing for a cloud metadata server.
  const env = {
    FIRESTORE_EMULATOR_HOST: host,
    GOOGLE_CLOUD_PROJECT: PROJECT,
    METADATA_SERVER_DETECTION: 'none',
    DEV_IDENTITY: 'on',
    HOST: '127.0.0.1',
    PORT,
    // The preview plays the proxy in front of the service: it says which
    // address each simulated mail client fetches from.
    TRUSTED_PROXY_HOPS: '1',
    TOKEN_KEYS: process.env.TOKEN_KEYS ?? `dev:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  Object.assign(process.env, env);
  const base = `http://127.0.0.1:${PORT}`;
  await startService(process.env);
  const preview = await startPreview({ serviceUrl: base, port: PREVIEW_PORT });
  process.on('exit', () => preview.stop());
  const storage = ours ? 'data is gone when you stop' : 'your emulator; its data stays';
  console.log(instructions(base, `${host}   (project ${PROJECT}; ${storage})`, preview.url));
}

function instructions(base: string, emulator: string, previewUrl: string): string {
  return `
MailPing is running locally.
  add-on preview     ${previewUrl}/   (open it in a browser and click through)
  service            ${base}   (development identity: send "Authorization: Bearer dev")
  Firestore emulator ${emulator}

In the preview: Create tracking pixel, Insert into message, Send, play a
recipient's client (Gmail, Apple Mail, Outlook, a scanner), then Open your
sent message and Open timeline.

Or try the API by hand (README.md walks through it):
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
