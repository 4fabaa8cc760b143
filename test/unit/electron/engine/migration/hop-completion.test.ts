import { msg } from '../../../../../shared/i18n/message';
import { describe, expect, it } from 'vitest';
import { HopCompletion } from '../../../../../electron/engine/migration/hop-completion';
import type { RunnerHop } from '../../../../../electron/engine/migration/runner-plan';

const hop = (doneWhen: string[]): RunnerHop => ({
  title: msg('planner.hop.title', { from: 'SCCP 8.1(2)', to: 'SIP 8.12', path: 'F3' }),
  requiredFiles: ['P0S3-8-12-00.sb2'],
  configs: [],
  aliases: [{ alias: 'P0S30812.bin', file: 'P0S3-8-12-00.sb2' }],
  expectedRequests: [],
  doneWhen,
  phoneShows: [],
  warnings: [],
  provenance: msg('migrate.provenance', { source: 'doc', section: '2' }),
});

function feed(c: HopCompletion, h: RunnerHop, names: string[]): boolean[] {
  return names.map((n) => c.observe(h, n));
}

describe('HopCompletion', () => {
  it('is done once every doneWhen name follows an image request, and reports it once', () => {
    const c = new HopCompletion();
    const h = hop(['SIPDefault.cnf', 'SIP000E84C060A6.cnf']);
    expect(feed(c, h, ['SIPDefault.cnf', 'SIP000E84C060A6.cnf'])).toEqual([false, false]);
    expect(feed(c, h, ['./p0s3-8-12-00.SB2', 'sipdefault.cnf', 'SIP000E84C060A6.cnf', 'SIPDefault.cnf'])).toEqual([false, false, true, false]);
    expect(c.done).toBe(true);
  });

  it('an image request in between starts the count over, and so does the first doneWhen name again', () => {
    const c = new HopCompletion();
    const h = hop(['A.cnf', 'B.cnf']);
    expect(feed(c, h, ['P0S30812.bin', 'A.cnf', 'P0S3-8-12-00.sb2', 'B.cnf', 'A.cnf', 'B.cnf'])).toEqual([false, false, false, false, false, true]);
    c.reset();
    expect(feed(c, h, ['P0S30812.bin', 'B.cnf', 'A.cnf'])).toEqual([false, false, false]);
    expect(c.done).toBe(false);
  });

  it('with no doneWhen names, an image request is enough', () => {
    const c = new HopCompletion();
    expect(feed(c, hop([]), ['other.txt', 'P0S30812.bin'])).toEqual([false, true]);
  });
});
