/**
 * Value helpers that reproduce how AWS's Java implementation writes and compares JSON: Double.toString number
 * text, compact JSON, deep equality, java.util.Random for seeded draws, UTF-8 Base64. Used by the intrinsic
 * functions and the JSONata evaluator. Pure: no I/O, no host access.
 */

const INT_MAX = 2147483647;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON values (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Java's Double.toString for non-integers (1.5E10, 1.0E-4); integers print without a fraction. */
export function javaNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) return String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : mantissa + '.0'}E${Number(exponent)}`;
}

/** Compact JSON as AWS writes it (JsonToString, Hash of non-strings). */
export function compactJson(v: unknown): string {
  if (typeof v === 'number') return javaNumber(v);
  if (Array.isArray(v)) return '[' + v.map(compactJson).join(',') + ']';
  if (isObject(v)) {
    return (
      '{' +
      Object.entries(v)
        .map(([k, x]) => JSON.stringify(k) + ':' + compactJson(x))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v) ?? 'null';
}

/** Base64 of the UTF-8 bytes of a string. */
export function toBase64(s: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(s)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Decodes Base64 (already validated) into a UTF-8 string. */
export function fromBase64(s: string): string {
  const binary = atob(s);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** java.util.Random: the same seed gives the same sequence, as AWS's seeded States.MathRandom and $random do. */
export function javaRandom(seed: number): { nextInt(bound: number): number; nextDouble(): number } {
  const mask = (1n << 48n) - 1n;
  let s = (BigInt.asIntN(64, BigInt(Math.trunc(seed))) ^ 0x5deece66dn) & mask;
  const next = (bits: number): number => {
    s = (s * 0x5deece66dn + 0xbn) & mask;
    return Number(s >> BigInt(48 - bits));
  };
  return {
    nextInt(bound: number): number {
      let r = next(31);
      const m = bound - 1;
      if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
      for (let u = r; u - (r = u % bound) + m > INT_MAX; u = next(31));
      return r;
    },
    nextDouble(): number {
      return (next(26) * 2 ** 27 + next(27)) / 2 ** 53;
    },
  };
}
