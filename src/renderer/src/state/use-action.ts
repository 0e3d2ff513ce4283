// Sends a command and reports a refusal in a toast, so every button shows the station's reason.
import { useCallback } from 'react';
import type { ArgsOf, CommandName, ResultOf } from '../../../shared/contract/index';
import { useSend } from './station.store';
import { useToast } from '../ui/toasts';

export function useAction(): <N extends CommandName>(name: N, args: ArgsOf<N>) => Promise<ResultOf<N> | undefined> {
  const send = useSend();
  const toast = useToast();
  return useCallback(
    async (name, args) => {
      try {
        return await send(name, args);
      } catch (error) {
        toast.error(error);
        return undefined;
      }
    },
    [send, toast],
  );
}
