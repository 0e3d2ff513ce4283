import { describe, expect, it } from 'vitest';
import { checkLaunchSwitches, refusedNodeOptions, refusedSwitches, switchName } from './launch-switches';

const fakeCommandLine = (present: string[]) => {
  const switches = new Set(present);
  return { switches, hasSwitch: (n: string) => switches.has(n), removeSwitch: (n: string) => void switches.delete(n) };
};

describe('launch switches', () => {
  it('reads a switch name in every spelling Chromium and Node accept', () => {
    expect(switchName('--inspect', 'linux')).toBe('inspect');
    expect(switchName('--inspect-brk=0.0.0.0:9229', 'linux')).toBe('inspect-brk');
    expect(switchName('-no-sandbox', 'linux')).toBe('no-sandbox');
    expect(switchName('--Remote-Debugging-Port=9222', 'linux')).toBe('remote-debugging-port');
    expect(switchName('--remote_debugging_port=9222', 'linux')).toBe('remote-debugging-port');
    expect(switchName('/no-sandbox', 'win32')).toBe('no-sandbox');
    expect(switchName('/home/ana/show.json', 'linux')).toBeNull();
    expect(switchName('show.json', 'linux')).toBeNull();
  });

  it('refuses debugging and sandbox switches and lets the station options and Electron paths through', () => {
    const argv = ['/opt/Baton/baton', '--port', '4821', '--lan', '--data', '/srv/baton', '--inspect=9229', '--no-sandbox', '--remote-debugging-port=9222', '--', '--disable-web-security'];
    expect(refusedSwitches(argv, 'linux').sort()).toEqual(['disable-web-security', 'inspect', 'no-sandbox', 'remote-debugging-port']);
    expect(refusedSwitches(['/opt/Baton/baton', '--show', 'show.json', '--headless', '--password-store=gnome-libsecret'], 'linux')).toEqual([]);
  });

  it('refuses a debugger asked for through NODE_OPTIONS', () => {
    expect(refusedNodeOptions('--max-old-space-size=4096 --inspect-brk')).toEqual(['inspect-brk']);
    expect(refusedNodeOptions(undefined)).toEqual([]);
  });

  it('strips refused switches from the command line Chromium hands to child processes, and says why it stops', () => {
    const commandLine = fakeCommandLine(['no-sandbox', 'remote-debugging-port', 'lang']);
    const check = checkLaunchSwitches({ argv: ['baton', '--no-sandbox', '--remote-debugging-port=9222'], env: {}, platform: 'linux', commandLine });
    expect([...commandLine.switches]).toEqual(['lang']);
    expect(check.refused.sort()).toEqual(['no-sandbox', 'remote-debugging-port']);
    expect(check.message).toMatch(/does not start with --no-sandbox, --remote-debugging-port/);
    expect(check.message).toMatch(/npm start -- --headless/);
  });

  it('starts normally without them', () => {
    expect(checkLaunchSwitches({ argv: ['baton', '--port', '4820'], env: { NODE_OPTIONS: '--max-old-space-size=2048' }, platform: 'darwin', commandLine: fakeCommandLine([]) })).toEqual({ refused: [], message: null });
  });
});
