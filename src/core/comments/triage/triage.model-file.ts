// Loads the shipped triage model (resources/triage/model.bin.gz, written by `npm run triage:model`). A missing or
// damaged file is an answer, not a crash: the rules then decide alone, and the reason is returned for the log.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { deserializeTriageModel, type TriageModel } from './triage.model';

export const SHIPPED_MODEL_PATH = join('resources', 'triage', 'model.bin.gz');

/** `BATON_TRIAGE_MODEL=off` turns the model off; another value is a path to a model file. */
export function shippedModelPath(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string | null {
  const v = env.BATON_TRIAGE_MODEL;
  if (v === 'off') return null;
  return v && v.trim() ? v : join(cwd, SHIPPED_MODEL_PATH);
}

export function loadTriageModelFile(path: string | null): { model: TriageModel | null; problem: string | null } {
  if (!path) return { model: null, problem: 'the learned model is turned off (BATON_TRIAGE_MODEL=off)' };
  if (!existsSync(path)) return { model: null, problem: `no triage model at ${path}: the rules decide alone (npm run triage:model)` };
  try {
    const raw = readFileSync(path);
    const bytes = path.endsWith('.gz') ? gunzipSync(raw, { maxOutputLength: 64 * 1024 * 1024 }) : raw;
    return { model: deserializeTriageModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)), problem: null };
  } catch (error) {
    return { model: null, problem: `triage model at ${path} not loaded (${(error as Error).message}): the rules decide alone` };
  }
}
