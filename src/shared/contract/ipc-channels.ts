// The three IPC channels between the Electron main process and a window. Nothing else crosses.
export const IPC = {
  /** renderer → main, invoke(name, args) → DispatchResult */
  command: 'baton:command',
  /** main → renderer, a ServerMessage (hello, snapshot, patch, event) */
  message: 'baton:message',
  /** renderer → main: "send me hello + a fresh snapshot" */
  ready: 'baton:ready',
} as const;
