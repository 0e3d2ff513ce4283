// The one contract imported by core, preload and renderer. No Node, DOM or Electron imports here.
import type { z } from 'zod';
import type { CommandSpec } from './command';
import { stationCommands } from './station.contract';
import { showCommands } from './show.contract';
import { obsCommands } from './obs.contract';
import { commentCommands } from './comments.contract';
import { cueCommands } from './cues.contract';
import { offerCommands } from './offers.contract';
import { preflightCommands } from './preflight.contract';
import { overlayCommands } from './overlay.contract';
import { showdayCommands } from './showday.contract';
import { peopleCommands } from './people.contract';
import { hqCommands } from './hq.contract';
import { onAirCommands } from './onair.contract';

export const commands = {
  ...stationCommands,
  ...showCommands,
  ...obsCommands,
  ...commentCommands,
  ...cueCommands,
  ...offerCommands,
  ...preflightCommands,
  ...overlayCommands,
  ...showdayCommands,
  ...peopleCommands,
  ...hqCommands,
  ...onAirCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type ArgsOf<N extends CommandName> = z.input<Commands[N]['args']>;
export type ParsedArgsOf<N extends CommandName> = z.output<Commands[N]['args']>;
export type ResultOf<N extends CommandName> = Commands[N] extends CommandSpec<z.ZodType, infer R> ? R : never;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

export * from './roles';
export * from './errors';
export * from './command';
export * from './state';
export * from './messages';
export * from './station.contract';
export * from './show.contract';
export * from './hq.contract';
export * from './obs.contract';
export * from './comments.contract';
export * from './cues.contract';
export * from './offers.contract';
export * from './preflight.contract';
export * from './overlay.contract';
export * from './showday.contract';
export * from './people.contract';
export * from './onair.contract';
export * from './role-policy';
export * from './bridge';
export * from './client-message.schema';
export * from './blank-state';
