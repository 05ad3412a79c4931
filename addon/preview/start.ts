/** Starts the preview in a child process and waits until it listens. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const START_TIMEOUT_MS = 30_000;

export interface Preview {
  url: string;
  stop(): void;
}

export function startPreview(options: { serviceUrl: string; port: number }): Promise<Preview> {
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', loader, join(__dirname, 'main.ts')], {
    env: {
      ...process.env,
      SERVICE_URL: options.serviceUrl,
      PREVIEW_PORT: String(options.port),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the preview did not start'));
    }, START_TIMEOUT_MS);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ url: message.url, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the preview exited with ${code}`));
    });
  });
}
