// Whether the loaded show is a rehearsal: the header then says REHEARSAL once for the whole view,
// and panels drop their own label (a sandbox store or a replay in a real show still gets one).
import { useSlice } from '../state/station.store';

export function useShowIsRehearsal(): boolean {
  return useSlice('show')?.current?.rehearsal === true;
}
