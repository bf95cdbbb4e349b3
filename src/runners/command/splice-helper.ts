import { spawn, type ChildProcess } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * splice(2) and tee(2) by architecture (Linux's unistd tables): perl's `syscall` needs the
 * numbers, and only these two tables are known here. Elsewhere the helper is not used.
 */
const SYSCALLS: Partial<Record<NodeJS.Architecture, { splice: number; tee: number }>> = {
  x64: { splice: 275, tee: 276 },
  arm64: { splice: 76, tee: 77 },
};

/** Linux's /dev/null: character device 1:3. */
const DEV_NULL = (1 << 8) | 3;

/** Exit statuses of the helper, besides 0 (the stream ended, or went quiet). */
export const HELPER_OUTPUT_CLOSED = 3;

/**
 * The helper (run as `perl -e`): copies a busy stream from the child's pipe (its stdin) to
 * retry-run's own stdout (its stdout) and keeps the newest 64 KiB, which it reports on fd 3
 * when it ends (helperReport reads it).
 *
 * - Into a pipe, no byte is copied to user space: tee(2) shares the pages with our output's
 *   pipe, and splice(2) then moves them into a pipe of its own that holds the tail (older
 *   bytes spliced to /dev/null).
 * - Into a file, /dev/null or a socket it reads and writes as cat does, into page-aligned
 *   buffers (see copy_rest). There, splice(2) was slower: each page it takes out of the
 *   child's pipe is a page the child's next write must allocate anew.
 * - Non-blocking calls (SPLICE_F_NONBLOCK; our stdout's own flags are left alone, other
 *   processes may share them), with select(2) waiting for whichever side holds it up: our
 *   output's reader (backpressure, never "quiet") or the child (no data).
 * - SIGUSR1 (or its fourth argument, 1) says the command has exited: from then on, 500 ms
 *   without data (and not held up by our reader) ends it, as retry-run's own tee does when a
 *   background process keeps the pipe open. A SIGUSR1 that comes before perl has set its
 *   handler kills it before it moved a byte: retry-run then reads on itself.
 * - A pipe holds 256 buffers whatever their size: when a child writes in tiny pieces the tail
 *   pipe runs out of them before it holds 64 KiB; its bytes are then read out into a string.
 * - Our output closed (EPIPE) or failing (a full disk): exit 3. Any other error of tee or
 *   splice: it copies the rest with read and write.
 * - SIGINT, SIGTERM, SIGHUP and SIGQUIT are ignored: the command decides what to do with a
 *   Ctrl-C, and its last words still need copying. The helper ends with the stream.
 */
const HELPER = String.raw`
use strict; use warnings;
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);
my ($SPLICE, $TEE, $MODE, $gone) = @ARGV;
my ($NONBLOCK, $SETPIPE, $KEEP, $QUIET, $MOVE) = (2, 1031, 65536, 0.5, 1 << 20);
# Linux's errno values (the same on x86-64 and arm64): the POSIX module costs 20 ms to load.
my ($EINTR, $EAGAIN, $EPIPE) = (4, 11, 32);
$SIG{$_} = 'IGNORE' for qw(PIPE INT TERM HUP QUIT);
my $exited = $gone;
$SIG{USR1} = sub { $exited = 1 };
fcntl(STDIN, $SETPIPE, $MOVE);
pipe(my $tr, my $tw) or die;
fcntl($tw, $SETPIPE, $MOVE);
fcntl($_, F_SETFL, fcntl($_, F_GETFL, 0) | O_NONBLOCK) for $tr, $tw, \*STDIN;
open(my $null, '>', '/dev/null') or die;
my ($r, $w, $nul) = (fileno($tr), fileno($tw), fileno($null));
# The tail: $old (bytes taken out of the tail pipe) followed by $piped bytes in the tail pipe.
my ($old, $piped, $status) = ('', 0, 0);

sub drain {
  my $b;
  while (1) { my $n = sysread($tr, $b, 1 << 16); last unless $n; $old .= $b }
  $piped = 0;
}
# Back to $KEEP bytes once past twice that (older bytes go to /dev/null).
sub trim {
  my $over = length($old) + $piped - $KEEP;
  return if $over <= $KEEP;
  my $cut = $over < length($old) ? $over : length($old);
  substr($old, 0, $cut, '');
  $over -= $cut;
  while ($over > 0) {
    my $n = syscall($SPLICE, $r, 0, $nul, 0, $over, $NONBLOCK);
    if ($n <= 0) { drain(); return trim() }
    $over -= $n;
    $piped -= $n;
  }
}
# Moves $left bytes of the child's pipe into the tail pipe; returns how many it could not.
sub keep {
  my ($left) = @_;
  while ($left > 0) {
    my $n = syscall($SPLICE, 0, 0, $w, 0, $left, $NONBLOCK);
    if ($n > 0) { $left -= $n; $piped += $n; trim(); next }
    return $left unless $n < 0 && ($! == $EAGAIN || $! == $EINTR);
    drain() if $! == $EAGAIN; # out of buffers: take its bytes out
  }
  return 0;
}
sub wait_for {
  my ($fd, $out, $limit) = @_;
  my $v = '';
  vec($v, $fd, 1) = 1;
  return $out ? select(undef, $v, undef, $limit) : select($v, undef, undef, $limit);
}
sub writable { return wait_for(1, 1, 0) != 0 }
# Waits for the child's pipe; 0 once it has been quiet for $QUIET after the command exited.
sub await_in { return wait_for(0, 0, $exited ? $QUIET : undef) }
sub remember {
  $old .= $_[0];
  substr($old, 0, length($old) - $KEEP, '') if length($old) > 2 * $KEEP;
}
# Reads $left bytes that are already out, into the tail only.
sub skip {
  my ($left) = @_;
  my $b;
  drain(); # the tail pipe's bytes come first
  while ($left > 0) {
    my $n = sysread(STDIN, $b, $left);
    if (!defined $n) { return unless $! == $EAGAIN || $! == $EINTR; next }
    return if $n == 0;
    remember($b);
    $left -= $n;
  }
}
# Into a file, /dev/null or a socket, and wherever tee or splice fail: read and write, as cat
# does, through two buffers of 256 KiB used in turn, each from a page boundary on. Perl's own strings start 16 bytes into a page, and the kernel
# copies into those at half the speed. A buffer is left once less than 64 KiB of it is free,
# so by the time the other is reused the newest alone holds the tail: keeping it copies
# nothing. A write that fails (our output closed, a full disk) ends it as EPIPE does.
my $CAP = 1 << 18;
my @buf = ("\0" x ($CAP + 4096), "\0" x ($CAP + 4096));
my (@at, @len, $cur);
sub copy_rest {
  drain();
  for my $i (0, 1) {
    vec($buf[$i], 0, 8) = 0; # a string of its own, which then stays where it is
    my $address = unpack('J', pack('p', $buf[$i]));
    ($at[$i], $len[$i]) = ((4096 - $address % 4096) % 4096, 0);
  }
  $cur = 0;
  while (1) {
    if ($CAP - $len[$cur] < $KEEP) { $cur = 1 - $cur; ($len[$cur], $old) = (0, '') }
    my $from = $at[$cur] + $len[$cur];
    my $n = sysread(STDIN, $buf[$cur], $CAP - $len[$cur], $from);
    if (!defined $n) {
      return 4 unless $! == $EAGAIN || $! == $EINTR;
      return 0 if $! == $EAGAIN && await_in() == 0;
      next;
    }
    return 0 if $n == 0;
    $len[$cur] += $n;
    for (my $done = 0; $done < $n;) {
      my $m = syswrite(STDOUT, $buf[$cur], $n - $done, $from + $done);
      if (defined $m) { $done += $m; next }
      return $HELPER_CLOSED unless $! == $EAGAIN || $! == $EINTR;
      wait_for(1, 1, undef);
    }
  }
}
sub tail_out {
  my $t = $old;
  if (defined $cur) {
    $t .= substr($buf[1 - $cur], $at[1 - $cur], $len[1 - $cur]) if $len[$cur] < $KEEP;
    $t .= substr($buf[$cur], $at[$cur], $len[$cur]);
  }
  return length($t) > $KEEP ? substr($t, length($t) - $KEEP) : $t;
}

$status = copy_rest() if $MODE eq 'other';
# Into a pipe: tee into it, then move the same bytes into the tail.
while ($MODE eq 'pipe') {
  my $n = syscall($TEE, 0, 1, $MOVE, $NONBLOCK);
  if ($n > 0) {
    my $left = keep($n);
    if ($left) { skip($left); $status = copy_rest(); last }
    next;
  }
  last if $n == 0;
  next if $! == $EINTR;
  if ($! == $EPIPE) { $status = $HELPER_CLOSED; last }
  if ($! != $EAGAIN) { $status = copy_rest(); last }
  if (!writable()) { wait_for(1, 1, undef); next }
  last if await_in() == 0;
}
drain();
my $tail = tail_out();
open(my $res, '>&=', 3) or exit 4;
binmode $res;
print $res pack('CN', $status, length $tail), $tail;
close $res;
exit $status;
`.replace(/\$HELPER_CLOSED/g, String(HELPER_OUTPUT_CLOSED));

/** How the helper ended, and the newest bytes it copied (at most 64 KiB). */
export interface HelperReport {
  /** 0: the stream ended, or went quiet; HELPER_OUTPUT_CLOSED; or a failure (read on). */
  status: number;
  tail: Buffer;
}

/**
 * The helper's report from what it wrote to fd 3: its status (a byte), the tail's length (4
 * bytes, big-endian), the tail; undefined unless it is whole. The report, not how the process
 * ended, says what happened: a SIGUSR1 that comes while perl exits (the command's exit, told
 * late on a loaded machine) kills it with that signal, its copy done and its report written.
 * Taking that for a failure threw the tail away, and an output condition then read an old one.
 */
export function helperReport(written: Buffer): HelperReport | undefined {
  const HEAD = 5;
  if (written.length < HEAD || written.length !== HEAD + written.readUInt32BE(1)) return undefined;
  return { status: written[0]!, tail: written.subarray(HEAD) };
}

/** What the helper needs: the syscall numbers, and how it reaches our output. */
export interface SpliceHelperPlan {
  splice: number;
  tee: number;
  /**
   * `pipe`: tee(2) into our output's pipe, then splice(2) into the tail. `other` (a file,
   * /dev/null, a socket): read and write through page-aligned buffers.
   */
  mode: 'pipe' | 'other';
}

/**
 * How the helper can run here, if it can: Linux on a known architecture, and our output
 * (`outFd`) something splice(2) writes to. A terminal is left to retry-run's own tee.
 */
export function spliceHelperFor(outFd: number): SpliceHelperPlan | undefined {
  if (process.platform !== 'linux') return undefined;
  const numbers = SYSCALLS[process.arch];
  if (!numbers || isatty(outFd)) return undefined;
  try {
    const stats = fstatSync(outFd);
    if (stats.isFIFO()) return { ...numbers, mode: 'pipe' };
    // Of devices, /dev/null only: another (/dev/full) may fail where a write would not.
    const devNull = stats.isCharacterDevice() && stats.rdev === DEV_NULL;
    if (stats.isFile() || stats.isSocket() || devNull) return { ...numbers, mode: 'other' };
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the helper on the pipe `inFd` (read end) and our own `outFd`; undefined when perl
 * cannot be started (the caller keeps teeing itself). Its fd 3 carries the tail at the end.
 */
export function startSpliceHelper(
  inFd: number,
  outFd: number,
  plan: SpliceHelperPlan,
  /** The command has exited already: the quiet limit applies from the start. */
  commandExited: boolean,
): ChildProcess | undefined {
  try {
    const args = ['-e', HELPER, String(plan.splice), String(plan.tee), plan.mode];
    args.push(commandExited ? '1' : '0');
    // PATH alone (it finds perl): PERL5OPT, PERL5LIB or PERL_UNICODE set for the user's own
    // perl would load modules into this one or put layers on its handles.
    const env = process.env.PATH === undefined ? {} : { PATH: process.env.PATH };
    const helper = spawn('perl', args, { stdio: [inFd, outFd, 'ignore', 'pipe'], env });
    if (helper.pid === undefined) {
      helper.on('error', () => undefined);
      return undefined;
    }
    return helper;
  } catch {
    return undefined;
  }
}
