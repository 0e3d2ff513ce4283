// The keys each view answers to, for the "?" overlay. Kept beside the views' hotkey maps in
// spirit: a key added to a view belongs here too.
export interface KeyHelp {
  keys: string;
  what: string;
}

export const HOTKEYS: Record<'producer' | 'host' | 'moderator', KeyHelp[]> = {
  producer: [
    { keys: 'Shift+P', what: 'Pause the first offer, with the reason picked on its card' },
    { keys: 'Space / →', what: 'Next cue' },
    { keys: '←', what: 'Previous cue' },
    { keys: '↑ / ↓, Enter', what: 'Pick a cue, jump to it' },
    { keys: 'A, G', what: 'Arm the picked cue, go' },
    { keys: '1–9', what: 'Cut to scene 1–9' },
    { keys: 'T', what: 'Take (studio mode)' },
    { keys: 'Shift+S twice', what: 'Start / stop the stream' },
    { keys: 'Shift+B twice', what: 'Switch ingest' },
    { keys: 'Shift+O / C / Q / L', what: 'Show / hide the offer, countdown, question, lower-third overlay' },
    { keys: 'Esc', what: 'Leave a text field (hotkeys work again); disarm' },
    { keys: '?', what: 'This list' },
  ],
  host: [
    { keys: 'Space / → / PageDown', what: 'Next cue (a presentation clicker works)' },
    { keys: '← / PageUp', what: 'Previous cue' },
    { keys: 'M', what: 'Mirror for teleprompter glass' },
    { keys: 'Enter', what: 'Acknowledge the producer’s talkback message' },
    { keys: '?', what: 'This list' },
  ],
  moderator: [
    { keys: 'j / k', what: 'Next / previous comment' },
    { keys: 'c', what: 'Claim' },
    { keys: 'r', what: 'Reply with a macro (answers the whole group asking the same)' },
    { keys: '1–9 (replying)', what: 'Pick that approved reply; Esc closes the list' },
    { keys: 'Space', what: 'Select the row for a bulk answer, dismiss or escalate' },
    { keys: 'e', what: 'Escalate' },
    { keys: 'x', what: 'Dismiss' },
    { keys: 'p', what: 'Pin for the host' },
    { keys: 'u', what: 'Release' },
    { keys: '1–6', what: 'Switch queue' },
    { keys: 'Esc', what: 'Leave a text field (hotkeys work again)' },
    { keys: '?', what: 'This list' },
  ],
};
