import type { ToolEntry, ToolExit, ToolMessage, ToolTable } from './types.js';

/**
 * The built-in known-tool table (README "Known tools"). Every pattern cites its source: a
 * transcript of the real tool captured on loopback (`scripts/capture-tool-transcripts.js`
 * writes test/fixtures/tools/transcripts/<tool>.json, and the tests replay them), or the line
 * in the tool's source or documentation that prints it. Nothing here is guessed.
 */
const T = (tool: string) => `test/fixtures/tools/transcripts/${tool}.json`;

const exit = (cls: ToolExit['class'], meaning: string, source: string): ToolExit => ({
  class: cls,
  meaning,
  source,
});
const message = (
  match: string,
  cls: ToolMessage['class'],
  source: string,
  extra: Pick<ToolMessage, 'status' | 'says'> = {},
): ToolMessage => ({ match, class: cls, source, ...extra });

/**
 * The basenames of argv[0] that the built-in tools are known by, written out so that a run
 * whose command is none of them can tell so without building the table (about 0.7 ms of a
 * fresh process, README "Performance"). test/tools/transcripts.test.ts checks it against the
 * table's own `commands`.
 */
export const BUILTIN_COMMANDS: ReadonlySet<string> = new Set([
  'curl',
  'wget',
  'git',
  'npm',
  'npx',
  'yarn',
  'pnpm',
  'kubectl',
  'oc',
  'helm',
  'aws',
  'gcloud',
  'gsutil',
  'az',
  'docker',
  'podman',
  'buildah',
  'skopeo',
  'gh',
  'ssh',
  'scp',
  'sftp',
  'rsync',
  'pip',
  'pip3',
  'apt-get',
  'apt',
  'terraform',
  'tofu',
]);

let table: Readonly<ToolTable> | undefined;

/**
 * Every tool retry-run knows by default, by name (README, Known tools), built when first
 * asked for; the library exports it as `KNOWN_TOOLS` (src/index.ts).
 */
export function builtinTools(): Readonly<ToolTable> {
  return (table ??= buildTable());
}

function buildTable(): ToolTable {
  const CURL_MAN = 'curl(1) EXIT CODES';
  const curl: ToolEntry = {
    commands: ['curl'],
    scriptPrefixes: ['curl: ('],
    exitLine: '^curl: \\((\\d+)\\) ',
    exits: {
      6: exit('connection', 'could not resolve host', CURL_MAN),
      7: exit('connection', 'failed to connect', T('curl')),
      22: exit('status', 'HTTP error status', T('curl')),
      28: exit('timeout', 'operation timed out', CURL_MAN),
      35: exit('connection', 'TLS handshake failed', CURL_MAN),
      52: exit('connection', 'empty reply from server', CURL_MAN),
      55: exit('connection', 'failed sending data', CURL_MAN),
      56: exit('connection', 'failed receiving data', CURL_MAN),
    },
    messages: [message('The requested URL returned error: (\\d{3})\\b', 'status', T('curl'))],
    readsRetryAfter: true,
  };

  const WGET_MAN = 'wget(1) EXIT STATUS';
  const wget: ToolEntry = {
    commands: ['wget'],
    exits: {
      2: exit('usage', 'parse error', WGET_MAN),
      4: exit('connection', 'network failure', T('wget')),
      6: exit('auth', 'username/password authentication failure', T('wget')),
      8: exit('status', 'server issued an error response', T('wget')),
    },
    messages: [message('\\bERROR (\\d{3}): ', 'status', T('wget'))],
  };

  const git: ToolEntry = {
    commands: ['git'],
    messages: [
      message(
        "^fatal: unable to access '[^']*': The requested URL returned error: (\\d{3})$",
        'status',
        T('git'),
      ),
      message("^fatal: repository '[^']*' not found$", 'not-found', T('git'), {
        says: 'repository not found',
      }),
      message(
        "^fatal: could not read Username for '[^']*': terminal prompts disabled$",
        'auth',
        T('git'),
        {
          says: 'could not read Username (terminal prompts disabled)',
        },
      ),
      message(
        "^fatal: Authentication failed for '",
        'auth',
        'git http.c: "Authentication failed for \'%s\'"',
        {
          says: 'Authentication failed',
        },
      ),
      message(
        'Permission denied \\(publickey',
        'auth',
        'openssh sshconnect2.c: "%s@%s: Permission denied (%s)."',
        {
          says: 'Permission denied (publickey)',
        },
      ),
    ],
  };

  const NPM_SOURCE = `${T('npm')}; npm <= 9 printed the same lines as 'npm ERR!' (npm/cli lib/utils/display.js)`;
  const npm: ToolEntry = {
    commands: ['npm', 'npx'],
    scriptPrefixes: ['npm error ', 'npm ERR! '],
    messages: [
      message('^npm (?:error|ERR!) code E(\\d{3})$', 'status', NPM_SOURCE),
      message('^npm (?:error|ERR!) code ECONNREFUSED$', 'connection', NPM_SOURCE),
      message('^npm (?:error|ERR!) code E401$', 'auth', NPM_SOURCE, { status: 401, says: 'E401' }),
    ],
  };

  const yarn: ToolEntry = {
    commands: ['yarn'],
    messages: [
      message(
        'Request failed \\\\?"(\\d{3}) ',
        'status',
        'yarnpkg/yarn src/reporters/lang/en.js: requestFailed "Request failed $0" with the status line',
      ),
    ],
  };

  const pnpm: ToolEntry = {
    commands: ['pnpm'],
    scriptPrefixes: ['ERR_PNPM_'],
    messages: [
      message(
        '\\bERR_PNPM_FETCH_(\\d{3})\\b',
        'status',
        'pnpm/pnpm network/fetch: FetchError code `FETCH_${response.status}`, printed as ERR_PNPM_FETCH_<status>',
      ),
    ],
  };

  const KUBECTL_SOURCE = T('kubectl');
  const kubectlMessages: ToolMessage[] = [
    message('^Error from server \\(ServiceUnavailable\\)', 'status', KUBECTL_SOURCE, {
      status: 503,
      says: 'ServiceUnavailable',
    }),
    message('^Error from server \\(NotFound\\)', 'status', KUBECTL_SOURCE, {
      status: 404,
      says: 'NotFound',
    }),
    message('^Error from server \\(Forbidden\\)', 'status', KUBECTL_SOURCE, {
      status: 403,
      says: 'Forbidden',
    }),
    message('^error: You must be logged in to the server', 'status', KUBECTL_SOURCE, {
      status: 401,
      says: 'You must be logged in to the server',
    }),
    message('^Error from server \\(TooManyRequests\\)', 'rate-limit', KUBECTL_SOURCE, {
      status: 429,
      says: 'TooManyRequests',
    }),
    message('^error: client rate limiter Wait returned an error', 'rate-limit', KUBECTL_SOURCE, {
      status: 429,
      says: 'client rate limiter gave up',
    }),
    message('^The connection to the server \\S+ was refused', 'connection', KUBECTL_SOURCE),
    message(
      '^Unable to connect to the server: ',
      'connection',
      'kubernetes/kubectl pkg/cmd/util/helpers.go: "Unable to connect to the server: %v"',
    ),
  ];
  const kubectl: ToolEntry = {
    commands: ['kubectl', 'oc'],
    scriptPrefixes: ['Error from server (', 'The connection to the server '],
    messages: kubectlMessages,
  };
  const helm: ToolEntry = {
    commands: ['helm'],
    messages: [
      message(
        '\\bfailed to fetch \\S+ : (\\d{3}) ',
        'status',
        'helm/helm pkg/getter/httpgetter.go: "failed to fetch %s : %s" with resp.Status',
      ),
      ...kubectlMessages.filter((entry) => entry.class !== 'rate-limit'),
    ],
  };

  const AWS_RETRY = 'botocore/data/_retry.json: throttling error codes';
  const AWS_CODES = 'docs.aws.amazon.com/cli/latest/topic/return-codes.html';
  const aws: ToolEntry = {
    commands: ['aws'],
    scriptPrefixes: ['An error occurred ('],
    exits: {
      252: exit('usage', 'command syntax invalid', AWS_CODES),
      253: exit('usage', 'configuration invalid', AWS_CODES),
    },
    messages: [
      message('^An error occurred \\((\\d{3})\\) when calling ', 'status', T('aws')),
      message(
        '^An error occurred \\((Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|SlowDown|RequestThrottled)\\)',
        'rate-limit',
        AWS_RETRY,
        { status: 429 },
      ),
      message(
        '^An error occurred \\((AccessDenied|AccessDeniedException|UnauthorizedOperation|InvalidClientTokenId|ExpiredToken|SignatureDoesNotMatch)\\)',
        'auth',
        'AWS API error codes (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html, S3 ErrorResponses)',
      ),
      message(
        '^An error occurred \\((NoSuchBucket|NoSuchKey|ResourceNotFoundException)\\)',
        'not-found',
        'AWS API error codes (S3 ErrorResponses, DynamoDB/Lambda ResourceNotFoundException)',
      ),
      message('^Could not connect to the endpoint URL: ', 'connection', T('aws')),
      message(
        '^Unable to locate credentials',
        'auth',
        'botocore/exceptions.py: NoCredentialsError',
        {
          says: 'Unable to locate credentials',
        },
      ),
    ],
  };

  const gcloud: ToolEntry = {
    commands: ['gcloud', 'gsutil'],
    scriptPrefixes: ['ERROR: (gcloud.'],
    messages: [
      message(
        '^ERROR: \\(gcloud\\.[\\w.-]+\\) You do not currently have an active account selected',
        'auth',
        T('gcloud'),
        {
          says: 'no active account',
        },
      ),
      message(
        '^ERROR: \\(gcloud\\.[\\w.-]+\\) HTTPError (\\d{3}): ',
        'status',
        'googlecloudsdk/api_lib/util/exceptions.py: HttpException default format "HTTPError {status_code}: {message}"',
      ),
    ],
  };

  const AZURE_ERRORS =
    'learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors';
  const az: ToolEntry = {
    commands: ['az'],
    messages: [
      message(
        "^ERROR: Please run 'az login' to setup account",
        'auth',
        'Azure/azure-cli src/azure-cli-core/azure/cli/core/_profile.py',
        {
          says: "Please run 'az login'",
        },
      ),
      message('\\((AuthorizationFailed|InvalidAuthenticationToken)\\)', 'auth', AZURE_ERRORS),
      message('\\((ResourceNotFound|ResourceGroupNotFound)\\)', 'not-found', AZURE_ERRORS),
      message(
        '\\((TooManyRequests)\\)',
        'rate-limit',
        'learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling',
        { status: 429 },
      ),
    ],
  };

  const DISTRIBUTION = 'distribution/distribution docs/spec/api.md: error codes';
  const registryMessages: ToolMessage[] = [
    message(
      '\\btoomanyrequests: ',
      'rate-limit',
      'docs.docker.com/docker-hub/usage/pulls: "toomanyrequests: You have reached your pull rate limit"',
      { status: 429 },
    ),
    message('\\bunauthorized: ', 'auth', DISTRIBUTION, { says: 'unauthorized' }),
    message('\\bdenied: ', 'auth', DISTRIBUTION, { says: 'denied' }),
    message('\\bmanifest unknown\\b', 'not-found', DISTRIBUTION, { says: 'manifest unknown' }),
  ];
  const docker: ToolEntry = {
    commands: ['docker'],
    scriptPrefixes: ['Error response from daemon: ', 'Cannot connect to the Docker daemon'],
    messages: [
      message('^Cannot connect to the Docker daemon at ', 'connection', T('docker')),
      ...registryMessages,
    ],
  };
  const podman: ToolEntry = {
    commands: ['podman', 'buildah', 'skopeo'],
    messages: registryMessages,
  };

  const gh: ToolEntry = {
    commands: ['gh'],
    messages: [
      message(
        '\\bHTTP (\\d{3}): ',
        'status',
        'cli/cli api/client.go: HTTPError.Error() "HTTP %d: %s (%s)"',
      ),
    ],
  };

  const SSH_SOURCE = 'openssh-portable sshconnect2.c: "%s@%s: Permission denied (%s)."';
  const sshMessages: ToolMessage[] = [
    message('Permission denied \\(', 'auth', SSH_SOURCE, { says: 'Permission denied' }),
    message(
      '^Host key verification failed\\.',
      'auth',
      'openssh-portable sshconnect.c: "Host key verification failed."',
      {
        says: 'Host key verification failed',
      },
    ),
    message('^ssh: connect to host \\S+ port \\S+: ', 'connection', T('ssh')),
    message(
      '^ssh: Could not resolve hostname ',
      'connection',
      'openssh-portable ssh.c: "Could not resolve hostname %.100s: %s"',
    ),
  ];
  const ssh: ToolEntry = {
    commands: ['ssh', 'scp', 'sftp'],
    scriptPrefixes: ['ssh: '],
    messages: sshMessages,
  };

  const RSYNC_MAN = 'rsync(1) EXIT VALUES';
  const rsync: ToolEntry = {
    commands: ['rsync'],
    scriptPrefixes: ['rsync error: '],
    exits: {
      1: exit('usage', 'syntax or usage error', RSYNC_MAN),
      10: exit('connection', 'error in socket I/O', RSYNC_MAN),
      12: exit('connection', 'error in rsync protocol data stream', RSYNC_MAN),
      30: exit('timeout', 'timeout in data send/receive', RSYNC_MAN),
      35: exit('timeout', 'timeout waiting for daemon connection', RSYNC_MAN),
    },
    messages: sshMessages,
  };

  const PIP_SOURCE =
    'pypa/pip src/pip/_internal/network/utils.py raise_for_status: "{code} Client Error: {reason} for url" (tests/unit/test_network_utils.py)';
  const pip: ToolEntry = {
    commands: ['pip', 'pip3'],
    messages: [message('\\b(\\d{3}) (?:Client|Server) Error: ', 'status', PIP_SOURCE)],
  };

  const APT_SOURCE = 'apt po/apt-all.pot';
  const apt: ToolEntry = {
    commands: ['apt-get', 'apt'],
    messages: [
      message(
        '^E: Failed to fetch \\S+ +(\\d{3}) ',
        'status',
        `${APT_SOURCE}: "Failed to fetch %s  %s"`,
      ),
      message(
        "Temporary failure resolving '",
        'connection',
        `${APT_SOURCE}: "Temporary failure resolving '%s'"`,
      ),
      message(
        '^E: Unable to locate package ',
        'not-found',
        `${APT_SOURCE}: "Unable to locate package %s"`,
        {
          says: 'Unable to locate package',
        },
      ),
    ],
  };

  const terraform: ToolEntry = {
    commands: ['terraform', 'tofu'],
    messages: [message(': bad response code: (\\d{3})$', 'status', T('terraform'))],
  };

  return {
    curl,
    wget,
    git,
    npm,
    yarn,
    pnpm,
    kubectl,
    helm,
    aws,
    gcloud,
    az,
    docker,
    podman,
    gh,
    ssh,
    rsync,
    pip,
    'apt-get': apt,
    terraform,
  };
}
