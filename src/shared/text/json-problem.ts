// What is wrong with text that is not JSON, without quoting it: V8's message carries the text's
// first characters ('Unexpected token 'T', "TOKEN=hunt"... is not valid JSON'), and a file path a
// producer link names can be any file on the station's disk — the answer must not read it out.
export function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message)?.[1];
  return at !== undefined ? `not valid JSON (at character ${at})` : 'not valid JSON';
}
