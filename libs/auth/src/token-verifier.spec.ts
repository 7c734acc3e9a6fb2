import { signDevToken, TokenVerifier } from './token-verifier';

const SECRET = 'a-test-key-of-at-least-thirty-two-characters';
const verifier = () => new TokenVerifier({ mode: 'dev', devSecret: SECRET, issuer: '', audience: '', jwksUrl: '' });

describe('TokenVerifier (development key)', () => {
  afterEach(() => jest.useRealTimers());

  it('maps a development token to its principal', async () => {
    const token = await signDevToken({ role: 'company', companyId: 'c-1', subject: 'anna' }, SECRET);
    await expect(verifier().verify(token)).resolves.toEqual({ subject: 'anna', roles: ['company'], companyId: 'c-1' });
  });

  it('does not accept a remembered token after it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = await signDevToken({ role: 'staff', expiresIn: '2m' }, SECRET);
    const v = verifier();
    await expect(v.verify(token)).resolves.toMatchObject({ roles: ['staff'] });
    await expect(v.verify(token)).resolves.toMatchObject({ roles: ['staff'] }); // now from memory
    jest.setSystemTime(new Date('2026-11-26T10:02:01Z'));
    await expect(v.verify(token)).rejects.toThrow(/exp/);
  });

  it('remembers a verified token until it expires, and says until when (what a connection may reuse)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = await signDevToken({ role: 'staff', subject: 'anna', expiresIn: '2m' }, SECRET);
    const v = verifier();
    expect(v.rememberedToken(token)).toBeUndefined(); // never verified
    await v.verify(token);
    // The token's expiry (a JWT's exp is in whole seconds), within the memory's five-minute limit.
    expect(v.rememberedToken(token)).toEqual({ principal: { subject: 'anna', roles: ['staff'] }, until: Date.parse('2026-11-26T10:02:00Z') });
    jest.setSystemTime(new Date('2026-11-26T10:02:00Z'));
    expect(v.rememberedToken(token)).toBeUndefined();
    expect(v.remembered(token)).toBeUndefined();
  });

  it('does not take a token signed with another key, even one that differs only in its signature', async () => {
    const good = await signDevToken({ role: 'staff' }, SECRET);
    const v = verifier();
    await v.verify(good);
    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    await expect(v.verify(forged)).rejects.toThrow();
  });
});
