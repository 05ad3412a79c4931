import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions, traceField } from '../../pixel-service/src/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino(loggerOptions('debug'), stream), lines };
}

describe('service logs', () => {
  it('write Cloud Logging severities and the message key it reads', () => {
    const { logger, lines } = capture();
    logger.warn({ linkCount: 3 }, 'storage slow');
    logger.error('storage down');
    expect(lines[0]).toMatchObject({ severity: 'WARNING', message: 'storage slow', linkCount: 3 });
    expect(lines[1]).toMatchObject({ severity: 'ERROR', message: 'storage down' });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('redact addresses, tokens and emails at the top level and one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        ip: '198.51.100.23',
        email: 'sender@example.com',
        request: { token: 'k1.secret', authorization: 'Bearer abc' },
        recipients: ['reader@example.org'],
      },
      'request done',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['198.51.100.23', 'sender@example.com', 'k1.secret', 'Bearer abc']) {
      expect(line).not.toContain(secret);
    }
    expect(line).not.toContain('reader@example.org');
    expect(line).toContain('[redacted]');
  });

  it('turn X-Cloud-Trace-Context into the trace field, and ignore junk', () => {
    const header = '105445aa7843bc8bf206b12000100000/1;o=1';
    expect(traceField(header, 'demo-p')).toEqual({
      'logging.googleapis.com/trace': 'projects/demo-p/traces/105445aa7843bc8bf206b12000100000',
    });
    expect(traceField('not-a-trace', 'demo-p')).toEqual({});
    expect(traceField(undefined, 'demo-p')).toEqual({});
  });
});
