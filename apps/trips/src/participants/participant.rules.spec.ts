import { ApplicationIsDecidedOnce, decisionOutcome, DeclinedApplicationsAreNotWithdrawn } from './participant.rules';

describe('participant rules', () => {
  it('an application is decided once; the same decision again changes nothing, the other is refused', () => {
    expect(decisionOutcome('applied', 'accepted')).toBe('apply');
    expect(decisionOutcome('applied', 'declined')).toBe('apply');
    expect(decisionOutcome('accepted', 'accepted')).toBe('unchanged');
    expect(decisionOutcome('declined', 'declined')).toBe('unchanged');
    expect(decisionOutcome('accepted', 'declined')).toBe('refuse');
    expect(decisionOutcome('withdrawn', 'accepted')).toBe('refuse');
    expect(new ApplicationIsDecidedOnce({ id: 'p', status: 'declined' }, 'accepted').error().getResponse()).toMatchObject({ error: 'PARTICIPANT_NOT_PENDING' });
  });

  it('a declined application has nothing to withdraw', () => {
    expect(new DeclinedApplicationsAreNotWithdrawn({ id: 'p', status: 'declined' }).isBroken()).toBe(true);
    expect(new DeclinedApplicationsAreNotWithdrawn({ id: 'p', status: 'accepted' }).isBroken()).toBe(false);
    expect(new DeclinedApplicationsAreNotWithdrawn({ id: 'p', status: 'applied' }).isBroken()).toBe(false);
  });
});
