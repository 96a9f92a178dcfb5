import { describe, expect, it } from 'vitest';

import { isTransientDbError, retryTransient } from './transient';

describe('isTransientDbError', () => {
  const cases: [string, unknown, boolean][] = [
    [
      'adapter: server unreachable',
      { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } } },
      true,
    ],
    [
      'adapter: connection closed',
      { meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } },
      true,
    ],
    ['Prisma P1001', { code: 'P1001', message: "Can't reach database server" }, true],
    [
      'Prisma P2028 transaction not started',
      { code: 'P2028', message: 'Unable to start a transaction' },
      true,
    ],
    ['SQLSTATE 57P01 admin shutdown', { code: '57P01', message: 'terminating connection' }, true],
    ['SQLSTATE 57P03 starting up', { code: '57P03', message: 'the database system is starting up' }, true],
    ['SQLSTATE 08006 connection failure', { code: '08006', message: 'connection failure' }, true],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly'), true],
    [
      'pg: client not queryable',
      new Error('Client has encountered a connection error and is not queryable'),
      true,
    ],
    ['wrapped in a cause', new Error('query failed', { cause: { code: 'ECONNREFUSED' } }), true],
    ['Prisma P2002 unique violation', { code: 'P2002', message: 'Unique constraint failed' }, false],
    ['SQLSTATE 23505 unique violation', { code: '23505', message: 'duplicate key value' }, false],
    [
      'adapter: unique violation',
      { meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } },
      false,
    ],
    ['plain error', new Error('boom'), false],
    ['not an error', 'Connection terminated', false],
  ];

  it.each(cases)('%s', (_name, error, expected) => {
    expect(isTransientDbError(error)).toBe(expected);
  });
});

describe('retryTransient', () => {
  it('retries until success', async () => {
    let calls = 0;
    const result = await retryTransient(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(new Error('Connection terminated')) : Promise.resolve('ok');
      },
      { maxElapsedMs: 5_000 },
    );

    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('rethrows other errors at once', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('invalid input'));
    };

    await expect(retryTransient(failing, { maxElapsedMs: 5_000 })).rejects.toThrow('invalid input');
    expect(calls).toBe(1);
  });

  it('gives up after the limit', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('Connection terminated'));
    };

    // Waits of 100 and 200 ms fit in 500 ms; a third wait of 400 ms would end after 700 ms.
    await expect(retryTransient(failing, { maxElapsedMs: 500 })).rejects.toThrow('Connection terminated');
    expect(calls).toBe(3);
  });
});
