import fc from 'fast-check';

/** The parts of an OpenAPI document the bad-input sweep reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  example?: unknown;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** One generated request: the path values, query, headers and body (JSON, or raw text with its type). */
export interface BadRequest {
  path: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | undefined>;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };
}

export const HUGE_STRING = 'x'.repeat(100_000);
/** URLs stay under Node's 16 KB header limit: past it Node answers 431 itself, before the app sees anything. */
const LONG_URL_PART = 'y'.repeat(4_000);

const badNumbers = fc.constantFrom(-1, 0, -0.5, 1.5, -2_147_483_649, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 1e21);
const badStrings = fc.constantFrom(
  '',
  ' ',
  'abc',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '2026-02-30',
  '2026-13-01',
  '20261345',
  '20260230',
  '24:61',
  '9999-99-99T99:99:99Z',
  "' OR 1=1 --",
  '</script><script>alert(1)</script>',
  '\u0000',
  '😀',
  '__proto__',
);

/** A wrong value for any field: wrong types, huge strings, out-of-range numbers, invalid dates, nesting. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badStrings,
  badNumbers,
  fc.constant(HUGE_STRING),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Values that pass many fields' validation, so some requests reach the code behind it. */
const plausibleValue: fc.Arbitrary<unknown> = fc.constantFrom(
  1,
  2,
  10,
  'seoul',
  'yoga',
  'post',
  'Title',
  '2030-01-15',
  '20300115',
  '10:00',
  '11:00',
  '2030-01-15T10:00:00Z',
  'a@example.com',
  'https://example.com/a.png',
  true,
  false,
  ['a@example.com'],
  ['one', 'two'],
  [1],
);

/** A field's value: mostly wrong, sometimes plausible. */
const fieldValue = fc.oneof({ arbitrary: badValue, weight: 3 }, { arbitrary: plausibleValue, weight: 2 });

/** Usually nothing, sometimes one thing: an extra field or parameter makes the whole request a 400. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary, weight: 1 });

/** A wrong value for a path parameter or a query string: non-numeric, negative, enormous, unknown. */
export const badUrlValue: fc.Arbitrary<string> = fc.oneof(
  badStrings.filter((value) => value !== ''),
  fc.constantFrom('2147483647', '2147483648', '99999999999999999999', '1.5', '0x10', '1e3', '%', LONG_URL_PART),
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.string({ minLength: 1, maxLength: 30 }),
  // forged cursors: base64url JSON keys of any types and values
  fc
    .array(fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 12 }), fc.constantFrom(1e308, -1, '2026-99-99', '25:00', '')), {
      maxLength: 4,
    })
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
);

const malformedJson = fc.constantFrom('{', '{"a":}', '[1,2', "{'single':'quotes'}", 'undefined', '{"a":1}}', '\u0000', '{"a": NaN}');

function resolve(schema: OpenApiSchema | undefined, doc: OpenApiDocument): OpenApiSchema {
  if (!schema?.$ref) return schema ?? {};
  return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {};
}

/** Objects with the schema's fields, each missing or wrong, sometimes with an extra field. */
function badObject(schema: OpenApiSchema, doc: OpenApiDocument): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(resolve(schema, doc).properties ?? {});
  const fields = fc.record(Object.fromEntries(names.map((name) => [name, fieldValue])), { requiredKeys: [] });
  return fc
    .tuple(fields, sometimes(fc.tuple(fc.constantFrom('unexpectedField', 'id', 'isStaff', 'constructor'), badValue)))
    .map(([object, extra]) => (extra ? { ...object, [extra[0]]: extra[1] } : object));
}

/** A valid-looking value for a schema: its example, else its first enum value, else one of its type. */
export function exampleOf(schema: OpenApiSchema | undefined, doc: OpenApiDocument, depth = 0): unknown {
  const resolved = resolve(schema, doc);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.type === 'array') return depth > 3 ? [] : [exampleOf(resolved.items, doc, depth + 1)];
  if (resolved.type === 'integer' || resolved.type === 'number') return 1;
  if (resolved.type === 'boolean') return true;
  if (resolved.type === 'string') return 'abc';
  if (depth > 3) return {};
  return Object.fromEntries(
    Object.entries(resolved.properties ?? {}).map(([name, property]) => [name, exampleOf(property, doc, depth + 1)]),
  );
}

/** The schema's example with one field wrong or missing: these get past the other fields' validation. */
function oneFieldWrong(schema: OpenApiSchema, doc: OpenApiDocument): fc.Arbitrary<Record<string, unknown>> {
  const example = exampleOf(schema, doc) as Record<string, unknown>;
  const names = Object.keys(example);
  if (names.length === 0) return fc.constant(example);
  return fc.tuple(fc.constantFrom(...names), fc.option(badValue, { nil: undefined })).map(([name, value]) => {
    const copy = { ...example };
    if (value === undefined) delete copy[name];
    else copy[name] = value;
    return copy;
  });
}

/** A bad JSON body for the schema: wrong fields, an array for an object (or the reverse), any JSON at all. */
function badJsonBody(schema: OpenApiSchema, doc: OpenApiDocument): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, doc);
  const element = resolved.type === 'array' ? resolve(resolved.items, doc) : resolved;
  const object = badObject(element, doc);
  const nearlyValid = oneFieldWrong(element, doc);
  return fc.oneof(
    nearlyValid,
    resolved.type === 'array' ? fc.array(nearlyValid, { minLength: 1, maxLength: 3 }) : nearlyValid,
    object,
    fc.array(object, { minLength: 1, maxLength: 3 }),
    fc.constant({}),
    fc.constant([]),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(badValue, { maxLength: 3 }),
  );
}

/** Everything wrong that can be sent to one operation. */
export function badRequest(operation: OpenApiOperation, doc: OpenApiDocument): fc.Arbitrary<BadRequest> {
  const params = operation.parameters ?? [];
  const named = (where: OpenApiParameter['in']) => params.filter((param) => param.in === where).map((param) => param.name);
  const path = fc.record(Object.fromEntries(named('path').map((name) => [name, badUrlValue])));
  const plausibleUrlValue = plausibleValue.filter((value) => typeof value !== 'object').map(String);
  const queryValue = fc.oneof(badUrlValue, plausibleUrlValue, fc.array(badUrlValue, { minLength: 2, maxLength: 3 }));
  const queryParams = params.filter((param) => param.in === 'query');
  const wild = fc
    .tuple(fc.record(Object.fromEntries(queryParams.map((param) => [param.name, queryValue])), { requiredKeys: [] }), sometimes(queryValue))
    .map(([known, extra]) => (extra === null ? known : { ...known, unknownParam: extra }));
  // every parameter at its example but one, so the wrong one is what the route sees
  const valid = Object.fromEntries(queryParams.map((param) => [param.name, String(param.example ?? exampleOf(param.schema, doc))]));
  const oneWrong =
    queryParams.length === 0
      ? fc.constant(valid)
      : fc
          .tuple(fc.constantFrom(...queryParams.map((param) => param.name)), queryValue)
          .map(([name, value]) => ({ ...valid, [name]: value }));
  const query: fc.Arbitrary<BadRequest['query']> = fc.oneof(wild, oneWrong);
  const headerValue = fc.oneof(fc.constantFrom('', 'k'.repeat(256), 'ok-key'), fc.string({ maxLength: 30 }));
  const headers = fc.record(Object.fromEntries(named('header').map((name) => [name, headerValue])), { requiredKeys: [] });
  const schema = operation.requestBody?.content['application/json']?.schema;
  const raw = fc.oneof(
    malformedJson.map((text) => ({ kind: 'raw' as const, contentType: 'application/json', text })),
    fc.string({ maxLength: 40 }).map((text) => ({ kind: 'raw' as const, contentType: 'text/plain', text })),
  );
  const json = (schema ? badJsonBody(schema, doc) : fc.oneof(fc.jsonValue({ maxDepth: 2 }), badObject({}, doc))).map((value) => ({
    kind: 'json' as const,
    value,
  }));
  const body = fc.oneof(fc.constant({ kind: 'none' as const }), json, raw);
  return fc.record({ path, query, headers, body });
}
