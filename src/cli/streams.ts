/**
 * A reader that stops early (`retry-run --help | head`) closes our pipe: that is not an error
 * of retry-run's, so it must not crash it. Without a listener, any write error on stdout or
 * stderr would be thrown; the code that writes a command's output or an HTTP body listens for
 * its own errors and decides what they mean for the attempt.
 */
export function ignoreClosedPipes(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    stream.on('error', () => {});
    guarded.add(stream);
  }
  return stream;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Our stdout, for what retry-run prints there itself (help, explain, stats, an HTTP body).
 * Only touched when used: creating process.stdout costs start-up time a command run does
 * not need, since its command writes to the inherited descriptor directly.
 */
export function stdout(): NodeJS.WriteStream {
  return ignoreClosedPipes(process.stdout);
}

/**
 * Guards process.stderr (ignoreClosedPipes) from the moment it is first used, without making
 * it now: Node creates the stream on first use, about a millisecond that a quiet run which
 * succeeds never needs (README "Performance"). Its own getter is wrapped once, and put back
 * as soon as the stream exists.
 */
export function guardStderrWhenUsed(): void {
  const nodes = Object.getOwnPropertyDescriptor(process, 'stderr');
  if (!nodes?.get || !nodes.configurable) {
    ignoreClosedPipes(process.stderr);
    return;
  }
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: nodes.enumerable ?? true,
    get() {
      Object.defineProperty(process, 'stderr', nodes);
      return ignoreClosedPipes(process.stderr);
    },
  });
}
