import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import { describeWithFirestore, newProjectId, testStore } from '../support/firestore';
import { testConfig } from '../support/service';

describeWithFirestore('health routes', () => {
  const projectId = newProjectId();

  it('is live and ready while Firestore answers', async () => {
    const app = await buildApp(testConfig({ projectId }), {
      store: testStore(projectId),
      verifyIdentity: devIdentity(),
    });
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', storage: 'ok' });
    const networks = ready.json().networks.map((list: { network: string }) => list.network);
    expect(networks).toEqual(expect.arrayContaining(['google', 'microsoft', 'yahoo']));
    for (const list of ready.json().networks) {
      expect(list.stale).toBe(list.ageMs > 7 * 86_400_000);
    }
    await app.close();
  });

  it('reports storage down, within a bound, when Firestore does not answer', async () => {
    const app = await buildApp(testConfig({ projectId }), {
      store: testStore(projectId, { host: '127.0.0.1:9' }),
      verifyIdentity: devIdentity(),
    });
    const started = Date.now();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', storage: 'down' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });
});
