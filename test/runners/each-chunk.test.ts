import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eachChunk, STOP } from '../../src/runners/each-chunk.js';

const chunksOf = (...texts: string[]) => texts.map((text) => Buffer.from(text));
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A stream that gives its chunks one per turn of the event loop, then ends. */
function slowly(chunks: Buffer[]): Readable {
  let next = 0;
  return new Readable({
    read() {
      setImmediate(() => this.push(next < chunks.length ? chunks[next++] : null));
    },
  });
}

describe('eachChunk, the loop over a stream without its async iterator', () => {
  it('gives every chunk in order and resolves at the end, as for await does', async () => {
    const chunks = chunksOf('a', 'bb', 'ccc', '');
    const seen: string[] = [];
    await eachChunk(slowly(chunks), (chunk) => void seen.push(chunk.toString()));
    const looped: string[] = [];
    for await (const chunk of slowly(chunks)) looped.push(String(chunk));
    expect(seen).toEqual(looped);
    expect(seen.join('')).toBe('abbccc');
  });

  it('waits for each chunk to be handled before the next, even with more buffered', async () => {
    const stream = Readable.from(chunksOf('1', '2', '3', '4'), { objectMode: false });
    const log: string[] = [];
    let busy = false;
    await eachChunk(stream, async (chunk) => {
      expect(busy).toBe(false);
      busy = true;
      log.push(`start ${chunk}`);
      await tick();
      await tick();
      log.push(`end ${chunk}`);
      busy = false;
    });
    expect(log).toEqual(['1', '2', '3', '4'].flatMap((n) => [`start ${n}`, `end ${n}`]));
  });

  it("rejects with the stream's own error", async () => {
    const failure = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const stream = new Readable({ read() {} });
    stream.push('part');
    setImmediate(() => stream.destroy(failure));
    await expect(eachChunk(stream, () => undefined)).rejects.toBe(failure);
  });

  it('rejects with a premature-close error when the stream is destroyed before its end', async () => {
    const stream = new Readable({ read() {} });
    stream.push('part');
    setImmediate(() => stream.destroy());
    await expect(eachChunk(stream, () => undefined)).rejects.toMatchObject({
      code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
  });

  it('stops at STOP and destroys the rest, as leaving the loop does', async () => {
    let pulled = 0;
    const stream = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    const seen: number[] = [];
    await eachChunk(stream, (chunk) => (seen.push(chunk.length) >= 3 ? STOP : undefined));
    expect(seen).toHaveLength(3);
    expect(stream.destroyed).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('destroys the stream and rejects with the error of a failed chunk, sync or async', async () => {
    for (const fail of [
      () => {
        throw new Error('write failed');
      },
      () => Promise.reject(new Error('write failed')),
    ]) {
      const stream = slowly(chunksOf('a', 'b', 'c'));
      await expect(eachChunk(stream, fail)).rejects.toThrow('write failed');
      expect(stream.destroyed).toBe(true);
    }
  });

  it('resolves for a stream already at its end, and rejects for one already destroyed', async () => {
    const ended = Readable.from([]);
    ended.resume();
    await new Promise((resolve) => ended.once('end', resolve));
    await expect(eachChunk(ended, () => undefined)).resolves.toBeUndefined();

    const failure = new Error('gone');
    const destroyed = new Readable({ read() {} });
    destroyed.on('error', () => {});
    destroyed.destroy(failure);
    await tick();
    await expect(eachChunk(destroyed, () => undefined)).rejects.toBe(failure);
  });

  it('keeps an error after the end from crashing the process', async () => {
    const stream = slowly(chunksOf('a'));
    await eachChunk(stream, () => undefined);
    expect(() => stream.emit('error', new Error('late'))).not.toThrow();
  });
});
