import { clipLongLines } from './clip-long-lines';

describe('clipLongLines', () => {
  it('cuts each line over the limit and says how much it left out, keeping short lines and line breaks', () => {
    const statement = `insert into order_list values ${"('P-1', 'Water', 1), ".repeat(200)}- refused`;
    const clipped = clipLongLines(`DriverException: ${statement}\n    at flush (unit-of-work.js:10:5)`, 100);
    const [first, second] = clipped.split('\n');
    expect(first).toBe(
      `DriverException: ${statement}`.slice(0, 100) + ` … (${`DriverException: ${statement}`.length - 100} more characters)`,
    );
    expect(second).toBe('    at flush (unit-of-work.js:10:5)');
  });

  it('leaves text within the limit as it is', () => {
    expect(clipLongLines('short\nlines', 100)).toBe('short\nlines');
  });
});
