import { isTransientDatabaseError } from './database-errors';

describe('isTransientDatabaseError', () => {
  it('recognises an unreachable or busy database, also wrapped by TypeORM', () => {
    expect(isTransientDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError({ message: 'query failed', driverError: { code: '57P01', message: 'terminating connection' } })).toBe(true);
    expect(isTransientDatabaseError({ message: 'could not serialize', code: '40001' })).toBe(true);
    expect(isTransientDatabaseError({ message: 'connection failure', code: '08006' })).toBe(true);
  });

  it('leaves errors about the message or the handler to the retry count', () => {
    expect(isTransientDatabaseError(new Error('company not found'))).toBe(false);
    expect(isTransientDatabaseError({ message: 'duplicate key value', code: '23505' })).toBe(false);
    expect(isTransientDatabaseError({ message: 'value too long', driverError: { code: '22001' } })).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
