import {
  daysLeft,
  deadlineFor,
  DeadlineRules,
  DEFAULT_DEADLINE_RULES,
  InvalidDeadlineRulesError,
  isOverdue,
  NoDeadlineRuleError,
  parseDeadlineRules,
  type DeadlineRule,
  type DeadlineRuleKey,
} from './rules';

const row = (overrides: Partial<DeadlineRule>): DeadlineRule => ({
  id: 'x',
  direction: 'request-out',
  purpose: '*',
  legalBasis: '*',
  state: '*',
  period: 20,
  unit: 'working-days',
  counting: 'beginning-with-start-day',
  calendar: 'england-and-wales',
  source: 'test',
  ...overrides,
});

describe('deadlineFor on the shipped table', () => {
  const cases: [string, DeadlineRuleKey, string, string, string][] = [
    ['DE request, criminal proceedings, TCA', { direction: 'request-in', purpose: 'criminal-proceedings', legalBasis: 'tca', state: 'DE' }, '2026-04-02T09:00:00Z', 'request-in/tca', '2026-05-01'],
    ['own-record request, TCA: still 20', { direction: 'request-in', purpose: 'own-record', legalBasis: 'tca' }, '2025-12-24T10:00:00Z', 'request-in/tca', '2026-01-23'],
    ['FD criminal: 10 working days after receipt', { direction: 'request-in', purpose: 'criminal-proceedings', legalBasis: 'framework-decision' }, '2026-04-02', 'request-in/fd', '2026-04-20'],
    ['FD own record: 20 working days after receipt', { direction: 'request-in', purpose: 'own-record', legalBasis: 'framework-decision' }, '2026-04-02', 'request-in/fd/own-record', '2026-05-05'],
    ['request out, TCA', { direction: 'request-out', purpose: 'work-with-children', legalBasis: 'tca', state: 'IT' }, '2024-02-12', 'request-out/tca', '2024-03-08'],
    ['notification: 28 days beginning with recording (D+27)', { direction: 'notification-out', legalBasis: 'tca' }, '2026-12-20', 'notification-out', '2027-01-16'],
    ['notification over a leap day', { direction: 'notification-out', legalBasis: 'tca' }, '2028-02-10', 'notification-out', '2028-03-08'],
  ];
  it.each(cases)('%s', (_name, key, received, ruleId, due) => {
    const deadline = deadlineFor(key, received);
    expect(deadline.rule.id).toBe(ruleId);
    expect(deadline.dueDate).toBe(due);
  });

  it('counts days left in the rule unit and says when it is overdue', () => {
    const deadline = deadlineFor({ direction: 'request-in', purpose: 'criminal-proceedings', legalBasis: 'tca' }, '2026-04-02');
    expect(daysLeft(deadline, '2026-04-02')).toBe(19);
    expect(daysLeft(deadline, '2026-04-30')).toBe(1);
    expect(daysLeft(deadline, '2026-05-01')).toBe(0);
    expect(daysLeft(deadline, '2026-05-05')).toBe(-1); // 4 May is a bank holiday
    expect(isOverdue(deadline, '2026-05-01')).toBe(false);
    expect(isOverdue(deadline, '2026-05-02')).toBe(true);
    const notification = deadlineFor({ direction: 'notification-out', legalBasis: 'tca' }, '2026-12-20');
    expect(daysLeft(notification, '2027-01-10')).toBe(6);
  });
});

describe('DeadlineRules', () => {
  it('prefers the most specific row: state over purpose over legal basis', () => {
    const rules = DEFAULT_DEADLINE_RULES.withOverrides([
      row({ id: 'out/children', purpose: 'work-with-children', period: 15 }),
      row({ id: 'out/FR', state: 'FR', period: 25 }),
    ]);
    const key = { direction: 'request-out', purpose: 'work-with-children', legalBasis: 'tca' } as const;
    expect(rules.ruleFor(key).id).toBe('out/children');
    expect(rules.ruleFor({ ...key, state: 'FR' }).id).toBe('out/FR');
    expect(rules.ruleFor({ ...key, purpose: 'criminal-proceedings' }).id).toBe('request-out/tca');
    expect(rules.ruleFor({ ...key, purpose: 'criminal-proceedings', state: 'DE' }).id).toBe('request-out/tca');
  });

  it('lets an override with the same pattern replace a shipped row', () => {
    const rules = DEFAULT_DEADLINE_RULES.withOverrides([row({ id: 'mine', legalBasis: 'tca', period: 30 })]);
    expect(rules.ruleFor({ direction: 'request-out', legalBasis: 'tca' }).id).toBe('mine');
    expect(rules.rules.some((r) => r.id === 'request-out/tca')).toBe(false);
  });

  it('throws when no row matches', () => {
    const rules = new DeadlineRules([row({ id: 'only-out' })]);
    expect(() => rules.ruleFor({ direction: 'request-in', legalBasis: 'tca' })).toThrow(NoDeadlineRuleError);
  });
});

describe('parseDeadlineRules', () => {
  it.each([
    ['not an array', { rules: [] }, /must be an array/],
    ['unknown direction', [row({ direction: 'sideways' as never })], /unknown direction/],
    ['unknown purpose', [row({ purpose: 'curiosity' as never })], /unknown purpose/],
    ['bad state', [row({ state: 'Germany' })], /state must be/],
    ['zero period', [row({ period: 0 })], /period must be/],
    ['no source', [row({ source: '' })], /source/],
    ['unknown calendar', [row({ calendar: 'wales' as never })], /unknown calendar/],
    ['same pattern twice', [row({ id: 'a' }), row({ id: 'b' })], /match exactly the same/],
    ['same id twice', [row({ id: 'a' }), row({ id: 'a', state: 'FR' })], /unique/],
  ])('refuses %s', (_name, rows, problem) => {
    expect(() => parseDeadlineRules(rows)).toThrow(InvalidDeadlineRulesError);
    expect(() => parseDeadlineRules(rows)).toThrow(problem);
  });
});
