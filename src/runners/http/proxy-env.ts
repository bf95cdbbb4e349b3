/**
 * The variables undici's EnvHttpProxyAgent reads to pick a proxy (NO_PROXY only narrows them;
 * it reads no ALL_PROXY). Any of them set: requests go through undici (README, HTTP mode).
 */
const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'] as const;

/** Whether a proxy variable is set (an empty one is not). */
export function proxyIsSet(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}
