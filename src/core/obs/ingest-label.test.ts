import { describe, expect, it } from 'vitest';
import { ingestLabel } from './ingest-label';

describe('an ingest as text repeats it', () => {
  it('keeps scheme, host and port, and marks that there was more', () => {
    expect(ingestLabel('srt://ingest.example:9000?streamid=live&passphrase=hunter2')).toBe('srt://ingest.example:9000/…');
    expect(ingestLabel('rtmp://a.rtmp.example.com/live2/abcd-efgh-ijkl')).toBe('rtmp://a.rtmp.example.com/…');
    expect(ingestLabel('rtmps://ingest.example:443')).toBe('rtmps://ingest.example:443');
  });

  it('drops a user and password, and names no address it cannot read', () => {
    expect(ingestLabel('rtmp://user:secret@ingest.example/live')).toBe('rtmp://ingest.example/…');
    expect(ingestLabel('not a url with hunter2')).toBe('the stream server');
  });
});
