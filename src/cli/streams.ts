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
