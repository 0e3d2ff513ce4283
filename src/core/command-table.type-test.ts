// Checked by `tsc` (npm run typecheck), never run: the command table covers the contract, and a
// contract that grows by one command without a handler is rejected by the compiler.
import type { z } from 'zod';
import type { CommandSpec, Commands } from '../shared/contract/index';
import type { HandlerMap, HandlerMapOf } from './dispatch/handler';
import type { CommandTable } from './command-table';

declare const table: CommandTable;

/** Today's table is the complete map the dispatcher takes. */
export const complete: HandlerMap = table;

type Grown = Commands & { 'station.newThing': CommandSpec<z.ZodObject<Record<string, never>>, { done: true }> };
// @ts-expect-error 'station.newThing' is in the contract but has no handler
export const grown: HandlerMapOf<Grown> = table;

type Retyped = Omit<Commands, 'alert.ack'> & { 'alert.ack': CommandSpec<z.ZodObject<{ id: z.ZodNumber }>, { id: number }> };
// @ts-expect-error a handler whose arguments or result no longer match its spec is rejected too
export const retyped: HandlerMapOf<Retyped> = table;
