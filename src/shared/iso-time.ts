/**
 * `new Date(ms).toISOString()`, without its first-call cost: V8 loads the time zone (ICU reads
 * /etc/localtime) the first time any Date is formatted, even as UTC, 0.3 ms of every run that
 * stamps its events (README "Performance"). The UTC getters need no time zone. Years outside
 * 0-9999 (written with a sign and six digits) and invalid dates are left to toISOString.
 */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}T${time}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
