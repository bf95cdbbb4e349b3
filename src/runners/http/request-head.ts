/**
 * The headers Node's client sends for a request, in the order given, shaped as undici shapes
 * them, so that both transports send the same request (README, HTTP mode). Node adds nothing
 * to headers given as an array: Host and Content-Length are set here, once each.
 */

/** Methods Node sends without a body unless told otherwise; others it would send chunked. */
const BODILESS_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/**
 * `[name, value, …]` for the request: Host first (the user's own, or the URL's), the given
 * headers, then Content-Length for a body (0 for a method that expects one). A header undici
 * refuses fails the same way here, with undici's code.
 */
export function requestHead(
  url: URL,
  method: string,
  given: readonly string[],
  body: Buffer | null,
): string[] {
  let host: string | undefined;
  let declaredLength: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < given.length; i += 2) {
    const name = given[i]!;
    const value = given[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === 'host') {
      if (host !== undefined) throw invalid('duplicate host header');
      host = value;
    } else if (lower === 'content-length') {
      if (declaredLength !== undefined) throw invalid('duplicate content-length header');
      if (!/^\d+$/.test(value)) throw invalid('invalid content-length header');
      declaredLength = value;
    } else if (lower === 'transfer-encoding' || lower === 'keep-alive' || lower === 'upgrade') {
      throw invalid(`invalid ${lower} header`);
    } else if (lower === 'expect') {
      throw codedError('UND_ERR_NOT_SUPPORTED', 'expect header not supported');
    } else {
      rest.push(name, value);
    }
  }
  const length = body?.length ?? 0;
  if (declaredLength !== undefined && Number(declaredLength) !== length) {
    throw codedError(
      'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
      'Request body length does not match content-length header',
    );
  }
  const sendsLength = length > 0 || !BODILESS_BY_DEFAULT.has(method);
  return [
    'Host',
    host ?? url.host,
    ...rest,
    ...(sendsLength ? ['Content-Length', String(length)] : []),
  ];
}

function invalid(message: string): Error {
  return codedError('UND_ERR_INVALID_ARG', message);
}

/** An error with undici's `code`, which http-failure.ts classifies. */
export function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
