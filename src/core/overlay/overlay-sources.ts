// Native OBS overlay sources for setups without the browser source: Baton creates a scene it names
// with a text source and an image source (the paused badge), sets the text with SetInputSettings and
// shows/hides each with scene item visibility. Its own obs-websocket session, serial and self-healing.
import type { ObsPorts } from '../obs/obs.ports';

type ObsConnector = ObsPorts['connect'];
type ObsSession = Awaited<ReturnType<ObsConnector>>;

export const TEXT_INPUT = 'Baton Offer Text';
export const BADGE_INPUT = 'Baton Paused Badge';
/** Text source kinds by preference: FreeType 2 (Linux, macOS), GDI+ (Windows). */
const TEXT_KINDS = ['text_ft2_source_v2', 'text_gdiplus_v3', 'text_gdiplus_v2', 'text_ft2_source', 'text_gdiplus'];
const RETRY_MS = 2_000;

export interface NativeOverlay {
  text: string;
  textVisible: boolean;
  badgeVisible: boolean;
}

export interface OverlaySourcesDeps {
  connect: ObsConnector;
  timing: { connectTimeoutMs: number; requestTimeoutMs: number };
  /** Where OBS is (the OBS link's URL and password); null: not configured. */
  target(): { url: string; password: string | null } | null;
  scene: string;
  /** A PNG on the machine OBS runs on, shown while the offer is paused. */
  badgeFile: string;
  onStatus(status: 'connecting' | 'ready' | 'error', error: string | null): void;
  /** After OBS acknowledged an update (the bench and the audit use the time). */
  onApplied?(applied: NativeOverlay, at: number): void;
  now(): number;
}

export interface OverlaySources {
  /** The latest wish wins; older unapplied ones are skipped. */
  apply(desired: NativeOverlay): void;
  close(): Promise<void>;
}

interface Ready {
  session: ObsSession;
  textItem: number;
  badgeItem: number;
  applied: NativeOverlay | null;
}

export function createOverlaySources(deps: OverlaySourcesDeps): OverlaySources {
  let desired: NativeOverlay | null = null;
  let ready: Ready | null = null;
  let running = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const setup = async (): Promise<Ready> => {
    const target = deps.target();
    if (!target) throw new Error('OBS is not configured: connect the OBS link first.');
    deps.onStatus('connecting', null);
    const session = await deps.connect({
      url: target.url,
      password: target.password,
      timeoutMs: deps.timing.connectTimeoutMs,
      requestTimeoutMs: deps.timing.requestTimeoutMs,
    });
    try {
      const scene = deps.scene;
      const scenes = await session.call('GetSceneList');
      if (!scenes.scenes.some((s) => s.sceneName === scene)) await session.call('CreateScene', { sceneName: scene });
      const kinds = (await session.call('GetInputKindList', { unversioned: false })).inputKinds;
      const textKind = TEXT_KINDS.find((k) => kinds.includes(k));
      if (!textKind) throw new Error('This OBS has no text source plugin (FreeType 2 or GDI+).');
      const inputs = (await session.call('GetInputList')).inputs.map((i) => (typeof i.inputName === 'string' ? i.inputName : ''));
      const textItem = await ensureItem(session, scene, TEXT_INPUT, inputs, textKind, {
        text: '',
        font: { face: 'Sans Serif', size: 64, style: 'Bold', flags: 1 },
      });
      const badgeItem = await ensureItem(session, scene, BADGE_INPUT, inputs, 'image_source', { file: deps.badgeFile });
      await session.call('SetInputSettings', { inputName: BADGE_INPUT, inputSettings: { file: deps.badgeFile } });
      session.onClose(() => {
        if (ready?.session === session) ready = null;
        if (!closed) kick();
      });
      deps.onStatus('ready', null);
      return { session, textItem, badgeItem, applied: null };
    } catch (error) {
      await session.close().catch(() => undefined);
      throw error;
    }
  };

  const push = async (r: Ready, want: NativeOverlay) => {
    const scene = deps.scene;
    const was = r.applied;
    if (!was || was.text !== want.text)
      await r.session.call('SetInputSettings', { inputName: TEXT_INPUT, inputSettings: { text: want.text } });
    if (!was || was.textVisible !== want.textVisible)
      await r.session.call('SetSceneItemEnabled', {
        sceneName: scene,
        sceneItemId: r.textItem,
        sceneItemEnabled: want.textVisible,
      });
    if (!was || was.badgeVisible !== want.badgeVisible)
      await r.session.call('SetSceneItemEnabled', {
        sceneName: scene,
        sceneItemId: r.badgeItem,
        sceneItemEnabled: want.badgeVisible,
      });
    r.applied = want;
    deps.onApplied?.(want, deps.now());
  };

  const run = async () => {
    if (running || closed) return;
    running = true;
    try {
      while (!closed && desired && (!ready || ready.applied !== desired)) {
        const want: NativeOverlay = desired;
        ready ??= await setup();
        await push(ready, want);
      }
    } catch (error) {
      const r = ready;
      ready = null;
      await r?.session.close().catch(() => undefined);
      deps.onStatus('error', error instanceof Error ? error.message : String(error));
      if (!closed && !retry) {
        retry = setTimeout(() => {
          retry = null;
          kick();
        }, RETRY_MS);
      }
    } finally {
      running = false;
    }
  };
  const kick = () => {
    void run();
  };

  return {
    apply(next) {
      if (
        desired &&
        desired.text === next.text &&
        desired.textVisible === next.textVisible &&
        desired.badgeVisible === next.badgeVisible
      )
        return;
      desired = next;
      kick();
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const r = ready;
      ready = null;
      await r?.session.close().catch(() => undefined);
    },
  };
}

async function ensureItem(
  session: ObsSession,
  scene: string,
  input: string,
  existing: readonly string[],
  kind: string,
  settings: Record<string, unknown>,
): Promise<number> {
  if (!existing.includes(input)) {
    const made = await session.call('CreateInput', {
      sceneName: scene,
      inputName: input,
      inputKind: kind,
      inputSettings: settings as never,
      sceneItemEnabled: false,
    });
    return made.sceneItemId;
  }
  try {
    return (await session.call('GetSceneItemId', { sceneName: scene, sourceName: input })).sceneItemId;
  } catch {
    return (await session.call('CreateSceneItem', { sceneName: scene, sourceName: input, sceneItemEnabled: false })).sceneItemId;
  }
}
