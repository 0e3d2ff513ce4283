// Plays Bitfocus Companion's side of a connection module: forks the BUILT module package (what
// companion-module-build produced) with the env Companion sets, answers its registration, sends init,
// subscribes feedbacks, executes actions, and records the status, feedback values and variables it
// reports — the same IPC messages Companion's module host exchanges.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const COMPANION_DIR = resolve(import.meta.dirname, '../../../companion');
const PKG_MAIN = join(COMPANION_DIR, 'pkg/main.js');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface IpcMessage {
  direction: 'call' | 'response';
  name?: string;
  payload?: string;
  callbackId?: number;
  success?: boolean;
}

export interface FeedbackValue {
  text?: string;
  bgcolor?: number;
  color?: number;
}

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
}

/** Builds the module with @companion-module/tools when its package is missing or older than its source. */
export function buildModuleIfStale(): void {
  const src = Math.max(
    newest(join(COMPANION_DIR, 'src')),
    newest(join(COMPANION_DIR, 'companion')),
    statSync(join(COMPANION_DIR, 'package.json')).mtimeMs,
  );
  if (existsSync(PKG_MAIN) && statSync(PKG_MAIN).mtimeMs >= src) return;
  const r = spawnSync('npm', ['run', 'package'], { cwd: COMPANION_DIR, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`companion module build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface CompanionHost {
  status(): { status: string; message: string | null } | null;
  feedback(id: string): FeedbackValue | undefined;
  variable(id: string): string | number | boolean | undefined;
  actionIds(): string[];
  feedbackIds(): string[];
  /** Places a feedback on a key (Companion sends updateFeedbacks when a key with it is drawn). */
  addFeedback(id: string, feedbackId: string, options?: Record<string, Json>): Promise<void>;
  /** Presses a key that runs this action; resolves with Companion's verdict. */
  execute(actionId: string, options?: Record<string, Json>): Promise<{ success: boolean; errorMessage?: string }>;
  output(): string;
  stop(): Promise<void>;
}

export async function startCompanionHost(cfg: { host: string; port: number; token: string }): Promise<CompanionHost> {
  const child: ChildProcess = fork(PKG_MAIN, [], {
    cwd: join(COMPANION_DIR, 'pkg'),
    env: {
      ...process.env,
      MODULE_MANIFEST: join(COMPANION_DIR, 'pkg/companion/manifest.json'),
      CONNECTION_ID: 'baton-it',
      VERIFICATION_TOKEN: 'verify-it',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));

  let status: { status: string; message: string | null } | null = null;
  const feedbacks = new Map<string, FeedbackValue>();
  const variables = new Map<string, string | number | boolean>();
  let actions: string[] = [];
  let feedbackDefs: string[] = [];
  let nextId = 1;
  const waiting = new Map<number, (m: IpcMessage) => void>();
  let registered!: () => void;
  const registration = new Promise<void>((r) => (registered = r));

  const send = (m: IpcMessage) => child.send(m);
  const call = (name: string, payload: unknown): Promise<IpcMessage> =>
    new Promise((resolve, reject) => {
      const callbackId = nextId++;
      const timer = setTimeout(() => reject(new Error(`module did not answer ${name}:\n${out}`)), 10_000);
      waiting.set(callbackId, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      send({ direction: 'call', name, payload: JSON.stringify(payload), callbackId });
    });

  child.on('message', (raw) => {
    const m = raw as IpcMessage;
    if (m.direction === 'response' && m.callbackId !== undefined) {
      waiting.get(m.callbackId)?.(m);
      waiting.delete(m.callbackId);
      return;
    }
    const payload = m.payload ? (JSON.parse(m.payload) as Record<string, unknown>) : {};
    switch (m.name) {
      case 'register':
        send({ direction: 'response', callbackId: m.callbackId, success: true, payload: JSON.stringify({}) });
        registered();
        break;
      case 'set-status':
        status = { status: String(payload.status), message: (payload.message as string | null) ?? null };
        break;
      case 'setActionDefinitions':
        actions = (payload.actions as { id: string }[]).map((a) => a.id);
        break;
      case 'setFeedbackDefinitions':
        feedbackDefs = (payload.feedbacks as { id: string }[]).map((f) => f.id);
        break;
      case 'updateFeedbackValues':
        for (const v of payload.values as { id: string; value: FeedbackValue }[]) feedbacks.set(v.id, v.value);
        break;
      case 'setVariableDefinitions':
      case 'setVariableValues':
        for (const v of (payload.newValues as { id: string; value: string | number | boolean }[] | undefined) ?? [])
          variables.set(v.id, v.value);
        break;
      case 'parseVariablesInString':
        send({
          direction: 'response',
          callbackId: m.callbackId,
          success: true,
          payload: JSON.stringify({ text: payload.text, variableIds: [] }),
        });
        break;
      default:
        if (m.callbackId !== undefined)
          send({ direction: 'response', callbackId: m.callbackId, success: true, payload: JSON.stringify({}) });
    }
  });

  await Promise.race([
    registration,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`module never registered:\n${out}`)), 10_000)),
  ]);
  const init = await call('init', {
    label: 'baton',
    isFirstInit: false,
    config: { host: cfg.host, port: cfg.port },
    secrets: { token: cfg.token },
    lastUpgradeIndex: -1,
    feedbacks: {},
    actions: {},
  });
  if (!init.success) throw new Error(`module init failed: ${init.payload}\n${out}`);

  return {
    status: () => status,
    feedback: (id) => feedbacks.get(id),
    variable: (id) => variables.get(id),
    actionIds: () => actions,
    feedbackIds: () => feedbackDefs,
    async addFeedback(id, feedbackId, options = {}) {
      await call('updateFeedbacks', {
        feedbacks: {
          [id]: { id, controlId: `bank:${id}`, feedbackId, options, upgradeIndex: null, disabled: false, isInverted: false },
        },
      });
    },
    async execute(actionId, options = {}) {
      const r = await call('executeAction', {
        action: { id: `act-${nextId}`, controlId: 'bank:press', actionId, options, upgradeIndex: null, disabled: false },
        surfaceId: 'streamdeck:test',
      });
      return JSON.parse(r.payload ?? '{}') as { success: boolean; errorMessage?: string };
    },
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        await call('destroy', {});
      } catch {
        // Already gone.
      }
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
