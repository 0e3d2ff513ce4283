// Every command × every role, generated from the contract, over HTTP against a real station: a
// role the contract does not list is refused 403 `forbidden` before its arguments are looked at
// (so a moderator cannot learn the shape of a producer command); a listed role gets past the role
// check (bogus arguments then answer 400). A new command is covered the day it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/shared/contract/index';
import { ROLES } from '../../../src/shared/contract/roles';
import { startHostileStation, type HostileStation } from './hostile-station';

let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation({ args: ['--rate', '100000'] });
});
afterAll(async () => {
  await s.stop();
});

const BOGUS = { 'not-an-argument': ['\ud800', 1e308, null] };

describe('command × role table', () => {
  const rows = Object.entries(commands).flatMap(([name, spec]) => ROLES.map((role) => ({ name, role, allowed: spec.roles.includes(role) })));

  it('covers every command of the contract for every role', () => {
    expect(rows.length).toBe(Object.keys(commands).length * ROLES.length);
  });

  it.each(rows.filter((r) => !r.allowed))('$role may not call $name: 403 forbidden, before validation', async ({ name, role }) => {
    const r = await s.api(name, BOGUS, role);
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('forbidden');
    expect(JSON.stringify(r.body)).not.toMatch(/issues|expected|not-an-argument/);
  });

  it.each(rows.filter((r) => r.allowed))('$role may call $name: bogus arguments answer 400, not 403', async ({ name, role }) => {
    const r = await s.api(name, BOGUS, role);
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('invalid_args');
  });

  it('leaves the station up', () => {
    expect(s.alive()).toBe(true);
  });
});
