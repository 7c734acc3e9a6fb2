import { isTransientDatabaseError, transientDatabaseFailure } from './database-errors';

describe('transientDatabaseFailure', () => {
  it('recognises an unreachable database, also wrapped by TypeORM', () => {
    expect(transientDatabaseFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('unavailable');
    expect(transientDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(transientDatabaseFailure({ message: 'query failed', driverError: { code: '57P01', message: 'terminating connection' } })).toBe('unavailable');
    expect(transientDatabaseFailure({ message: 'connection failure', code: '08006' })).toBe('unavailable');
    expect(transientDatabaseFailure({ message: 'too many connections', code: '53300' })).toBe('unavailable');
  });

  it('tells contention (serialization failures, deadlocks, lock time-outs) apart from an outage', () => {
    expect(transientDatabaseFailure({ message: 'could not serialize', code: '40001' })).toBe('contention');
    expect(transientDatabaseFailure({ message: 'query failed', driverError: { code: '40P01', message: 'deadlock detected' } })).toBe('contention');
    expect(transientDatabaseFailure({ message: 'canceling statement due to lock timeout', code: '55P03' })).toBe('contention');
  });

  it('leaves errors about the message or the handler to the retry count', () => {
    expect(transientDatabaseFailure(new Error('company not found'))).toBeUndefined();
    expect(transientDatabaseFailure({ message: 'duplicate key value', code: '23505' })).toBeUndefined();
    expect(transientDatabaseFailure({ message: 'value too long', driverError: { code: '22001' } })).toBeUndefined();
    expect(transientDatabaseFailure(undefined)).toBeUndefined();
    expect(isTransientDatabaseError({ code: '40001' })).toBe(true);
    expect(isTransientDatabaseError({ code: '23505' })).toBe(false);
  });
});
