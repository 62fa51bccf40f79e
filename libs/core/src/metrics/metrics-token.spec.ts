import { bearerMatches } from './metrics-token';

describe('bearerMatches', () => {
  it.each([
    ['Bearer s3cret-token', true],
    ['bearer s3cret-token', true],
    ['Bearer  s3cret-token ', true],
    ['Bearer s3cret-tokeN', false],
    ['Bearer s3cret-token-longer', false],
    ['Bearer s3cret', false],
    ['s3cret-token', false],
    ['Basic s3cret-token', false],
    ['Bearer ', false],
    [undefined, false],
  ])('%j → %s', (header, expected) => {
    expect(bearerMatches(header, 's3cret-token')).toBe(expected);
  });

  it('never matches an empty token, even sent empty', () => {
    expect(bearerMatches('Bearer ', '')).toBe(false);
    expect(bearerMatches(undefined, '')).toBe(false);
  });
});
