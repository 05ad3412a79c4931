/**
 * The real service in its own process, for end-to-end tests, with one change
 * from `startService`: the parent can move its clock forward over IPC. A test
 * can then let minutes pass between steps without waiting for them. Every
 * part of the service reads this one clock, so stored times stay consistent.
 */

import { buildApp } from '../../pixel-service/src/app';
import { loadConfig } from '../../pixel-service/src/config';
import { devIdentity } from '../../pixel-service/src/identity';
import { openStore } from '../../pixel-service/src/store';
import { loadNetworkIndex } from '../../shared/networks/snapshots';

export interface ClockMessage {
  advanceMs: number;
}

export interface ClockReply {
  nowMs: number;
}

async function main() {
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const config = loadConfig(process.env);
  const store = openStore({ projectId: config.projectId, retentionDays: config.retentionDays });
  const app = await buildApp(config, {
    store,
    networks: loadNetworkIndex(),
    verifyIdentity: devIdentity(),
    now,
  });
  await app.listen({ port: config.port, host: config.host });
  process.on('message', (message: ClockMessage) => {
    offsetMs += message.advanceMs;
    process.send?.({ nowMs: now() } satisfies ClockReply);
  });
  process.on('disconnect', () => {
    app.close().finally(() => process.exit(0));
  });
  process.send?.({ nowMs: now() } satisfies ClockReply);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
