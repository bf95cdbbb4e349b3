import type { BreakerEvent } from './events.js';

/** A breaker's word on one attempt, as the engine reports it. */
export type BreakerNotice = Omit<BreakerEvent, 'event' | 'time'>;

/** Whether an attempt may run, and what the breaker has to say about it. */
export type GateDecision =
  { allowed: true; notice?: BreakerNotice } | { allowed: false; notice: BreakerNotice };

/**
 * Something that may refuse attempts (a circuit breaker) and wants every result. The engine
 * asks before each attempt and reports after it; a notice whose state is `open` after an
 * attempt ends the run.
 */
export interface AttemptGate {
  admit(): Promise<GateDecision>;
  /** `reason` is the attempt's reason token (`exit:1`, `status:503`), for "why it opened". */
  record(success: boolean, reason: string): Promise<BreakerNotice | undefined>;
}
