/**
 * The catalogue of AWS's 18 intrinsic functions: names, arity, parameter kinds, result, a markdown
 * description and an example (facts from asl-facts §3, worded here). Exposed as INTRINSIC_FUNCTIONS
 * by ./intrinsics. Pure data: depends on nothing but the types of ./intrinsics.
 */
import type { IntrinsicParam, IntrinsicSignature, IntrinsicValueKind } from './intrinsics';

const ANY: IntrinsicValueKind[] = ['any'];
const p = (
  name: string,
  kinds: IntrinsicValueKind[],
  description: string,
  extra: Partial<IntrinsicParam> = {},
): IntrinsicParam => ({
  name,
  kinds,
  description,
  ...extra,
});

export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;

export const INTRINSIC_SIGNATURES: IntrinsicSignature[] = [
  {
    name: 'States.Format',
    minArgs: 1,
    maxArgs: Infinity,
    params: [
      p(
        'template',
        ['string'],
        'Text in which each `{}` is replaced by the next value. Escape literal braces as `\\{` `\\}`.',
      ),
      p(
        'values',
        ['string', 'number', 'boolean', 'null'],
        'One value per `{}`; objects and arrays are not allowed.',
        {
          rest: true,
        },
      ),
    ],
    returns: 'string',
    description:
      'Builds a string from a template: each `{}` is replaced by the next argument, in order. The number of values must equal the number of placeholders.',
    example: "States.Format('Hello, {}!', $.name)",
  },
  {
    name: 'States.StringToJson',
    minArgs: 1,
    maxArgs: 1,
    params: [p('text', ['string'], 'A string holding JSON text.')],
    returns: 'any',
    description: 'Parses a JSON string into a value.',
    example: 'States.StringToJson($.escaped)',
  },
  {
    name: 'States.JsonToString',
    minArgs: 1,
    maxArgs: 1,
    params: [p('value', ANY, 'A path to the value to serialise.', { pathOnly: true })],
    returns: 'string',
    description: 'Serialises the value at a path as compact JSON text. The argument must be a path.',
    example: 'States.JsonToString($.order)',
  },
  {
    name: 'States.Array',
    minArgs: 0,
    maxArgs: Infinity,
    params: [p('values', ANY, 'Values to put in the array, in order.', { rest: true })],
    returns: 'array',
    description: 'Returns a JSON array of its arguments.',
    example: 'States.Array($.first, $.second, 3)',
  },
  {
    name: 'States.ArrayPartition',
    minArgs: 2,
    maxArgs: 2,
    params: [
      p('array', ['array'], 'The array to split.'),
      p('size', ['integer'], 'Chunk size, a positive integer.'),
    ],
    returns: 'array',
    description: 'Splits an array into chunks of the given size; the last chunk may be shorter.',
    example: 'States.ArrayPartition($.items, 4)',
  },
  {
    name: 'States.ArrayContains',
    minArgs: 2,
    maxArgs: 2,
    params: [p('array', ['array'], 'The array to search.'), p('value', ANY, 'The value to look for.')],
    returns: 'boolean',
    description: 'Returns `true` when the array contains the value (deep equality).',
    example: 'States.ArrayContains($.items, $.wanted)',
  },
  {
    name: 'States.ArrayRange',
    minArgs: 3,
    maxArgs: 3,
    params: [
      p('start', ['integer'], 'First value.'),
      p('end', ['integer'], 'Last value (inclusive when reached).'),
      p('step', ['integer'], 'Increment, not zero.'),
    ],
    returns: 'array',
    description: 'Returns the integers from start to end by step (at most 1,000 elements).',
    example: 'States.ArrayRange(1, 9, 2)',
  },
  {
    name: 'States.ArrayGetItem',
    minArgs: 2,
    maxArgs: 2,
    params: [p('array', ['array'], 'The array.'), p('index', ['integer'], 'Zero-based index.')],
    returns: 'any',
    description: 'Returns the element at an index of an array.',
    example: 'States.ArrayGetItem($.items, 0)',
  },
  {
    name: 'States.ArrayLength',
    minArgs: 1,
    maxArgs: 1,
    params: [p('array', ['array'], 'The array.')],
    returns: 'integer',
    description: 'Returns the number of elements of an array.',
    example: 'States.ArrayLength($.items)',
  },
  {
    name: 'States.ArrayUnique',
    minArgs: 1,
    maxArgs: 1,
    params: [p('array', ['array'], 'The array.')],
    returns: 'array',
    description: 'Returns the array without duplicate values (first occurrences kept).',
    example: 'States.ArrayUnique($.items)',
  },
  {
    name: 'States.Base64Encode',
    minArgs: 1,
    maxArgs: 1,
    params: [p('text', ['string'], 'Text to encode (at most 10,000 characters).')],
    returns: 'string',
    description: 'Encodes a string as Base64 (UTF-8 bytes).',
    example: 'States.Base64Encode($.text)',
  },
  {
    name: 'States.Base64Decode',
    minArgs: 1,
    maxArgs: 1,
    params: [p('base64', ['string'], 'Base64 text to decode (at most 10,000 characters).')],
    returns: 'string',
    description: 'Decodes Base64 text into a string.',
    example: 'States.Base64Decode($.encoded)',
  },
  {
    name: 'States.Hash',
    minArgs: 2,
    maxArgs: 2,
    params: [
      p('data', ANY, 'The value to hash (its text form, at most 10,000 characters).'),
      p('algorithm', ['string'], 'One of MD5, SHA-1, SHA-256, SHA-384, SHA-512.', { oneOf: HASH_ALGORITHMS }),
    ],
    returns: 'string',
    description: 'Returns the lowercase hex digest of the data with the given algorithm.',
    example: "States.Hash($.payload, 'SHA-256')",
  },
  {
    name: 'States.JsonMerge',
    minArgs: 3,
    maxArgs: 3,
    params: [
      p('left', ['object'], 'The first object.'),
      p('right', ['object'], 'The second object; its keys win.'),
      p('deep', ['boolean'], 'Must be `false`: AWS supports shallow merges only.'),
    ],
    returns: 'object',
    description: 'Shallow-merges two objects; on a key clash the second object wins.',
    example: 'States.JsonMerge($.defaults, $.overrides, false)',
  },
  {
    name: 'States.MathRandom',
    minArgs: 2,
    maxArgs: 3,
    params: [
      p('start', ['integer'], 'Lowest value.'),
      p('end', ['integer'], 'Highest value.'),
      p('seed', ['integer'], 'Optional seed: the same seed gives the same value.'),
    ],
    returns: 'integer',
    description: 'Returns a random integer between start and end (not cryptographically secure).',
    example: 'States.MathRandom(1, 100)',
  },
  {
    name: 'States.MathAdd',
    minArgs: 2,
    maxArgs: 2,
    params: [p('a', ['number'], 'First addend.'), p('b', ['number'], 'Second addend.')],
    returns: 'integer',
    description: 'Returns the sum of two numbers (integers; fractional inputs are rounded).',
    example: 'States.MathAdd($.count, 1)',
  },
  {
    name: 'States.StringSplit',
    minArgs: 2,
    maxArgs: 2,
    params: [
      p('text', ['string'], 'The string to split.'),
      p('delimiters', ['string'], 'Each character is a separator.'),
    ],
    returns: 'array',
    description: 'Splits a string at any of the delimiter characters; empty parts are dropped.',
    example: "States.StringSplit($.csv, ',')",
  },
  {
    name: 'States.UUID',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: 'string',
    description: 'Returns a random version 4 UUID.',
    example: 'States.UUID()',
  },
];
