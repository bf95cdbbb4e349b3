// The part of undici that retry-run's HTTP runner uses, bundled as dist/vendor/undici.cjs.
// undici's own index also loads fetch, WebSocket, EventSource, mocks and caches, and touches
// Node's lazy web globals, which together cost more than Node's whole start-up.
// Redirects are followed by the runner itself (src/runners/http-redirect.ts).
const Dispatcher = require('undici/lib/dispatcher/dispatcher');

// As undici's index.js does: request() and friends on every dispatcher.
Object.assign(Dispatcher.prototype, require('undici/lib/api'));

module.exports = {
  EnvHttpProxyAgent: require('undici/lib/dispatcher/env-http-proxy-agent'),
};
