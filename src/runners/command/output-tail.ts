/** How much of each stream is kept for matching (README, What gets retried). */
export const TAIL_BYTES = 64 * 1024;

/**
 * The last `capacity` bytes written to it, in a fixed ring buffer: memory stays flat however
 * much goes through.
 */
export class OutputTail {
  readonly #ring: Buffer;
  /** Where the next byte goes. */
  #end = 0;
  #filled = 0;

  constructor(capacity = TAIL_BYTES) {
    this.#ring = Buffer.alloc(capacity);
  }

  push(chunk: Uint8Array): void {
    const capacity = this.#ring.length;
    if (capacity === 0) return;
    if (chunk.length >= capacity) {
      this.#ring.set(chunk.subarray(chunk.length - capacity));
      this.#end = 0;
      this.#filled = capacity;
      return;
    }
    const first = Math.min(chunk.length, capacity - this.#end);
    this.#ring.set(chunk.subarray(0, first), this.#end);
    this.#ring.set(chunk.subarray(first), 0);
    this.#end = (this.#end + chunk.length) % capacity;
    this.#filled = Math.min(capacity, this.#filled + chunk.length);
  }

  /** The kept bytes, oldest first (a copy). */
  bytes(): Buffer {
    if (this.#filled < this.#ring.length) {
      return Buffer.from(this.#ring.subarray(this.#end - this.#filled, this.#end));
    }
    return Buffer.concat([this.#ring.subarray(this.#end), this.#ring.subarray(0, this.#end)]);
  }

  /** The kept bytes as text; a character cut at the start decodes as U+FFFD. */
  text(): string {
    return this.bytes().toString('utf8');
  }
}
