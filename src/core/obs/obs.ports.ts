// What the obs module needs from outside the core, injected so tests can substitute fakes.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the module's work
export interface ObsPorts {}
