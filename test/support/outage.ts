/**
 * A TCP relay in front of the emulator that can cut storage off the way a
 * crashed emulator does: open connections are reset and new ones refused.
 * Unlike killing the emulator, the documents committed before the cut
 * survive, so a test can count exactly what was stored.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Outage {
  host: string;
  /** Resets every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageRelay(upstreamHost: string): Promise<Outage> {
  const [upstreamAddress = '', upstreamPort = ''] = upstreamHost.split(':');
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(upstreamPort), upstreamAddress);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.resetAndDestroy();
    });
  return { host: `127.0.0.1:${port}`, cut: stop, restore: () => listen(port), close: stop };
}
