import { createRequire } from 'node:module';
import type * as Re2js from 're2js';

/**
 * re2js, loaded on the first regular expression rather than at start-up: only runs that give
 * one need its 260 KB. Synchronous, because conditions are parsed (and rejected) before
 * anything runs. The CLI bundle replaces this file with a require of its own vendor copy,
 * which goes through the code cache (scripts/build.js).
 */
export function loadRe2js(): typeof Re2js {
  return createRequire(import.meta.url)('re2js') as typeof Re2js;
}
