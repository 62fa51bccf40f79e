import Ajv, { type ValidateFunction } from 'ajv';
import draft7MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { readRepoFile, loadCompose, loadWorkflow } from './deploy-files';

// The two vendored schemas are draft-07 (test/deploy/schemas/README.md says where each comes
// from), so the default Ajv class, which implements draft-07, is the matching validator.
function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // unknown keywords and formats are errors; Ajv's stricter style lints are not about validity
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  // The compose schema names the draft-07 meta-schema by its https address without the `#`.
  ajv.addMetaSchema(draft7MetaSchema, 'https://json-schema.org/draft-07/schema');
  // SchemaStore's editor hint; an annotation, no validation meaning.
  ajv.addKeyword('deprecationMessage');
  return ajv;
}

type VendoredSchema = 'compose-spec' | 'github-workflow';

function readVendored(name: VendoredSchema): { $schema: string } {
  return JSON.parse(readRepoFile(`test/deploy/schemas/${name}.json`)) as { $schema: string };
}

function compileVendored(name: VendoredSchema): ValidateFunction {
  return createAjv().compile(readVendored(name));
}

function problems(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}

describe('the vendored schemas', () => {
  it.each<VendoredSchema>(['compose-spec', 'github-workflow'])('%s declares draft-07, the draft Ajv() implements', (name) => {
    expect(readVendored(name).$schema).toMatch(/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/);
  });
});

describe('docker-compose.yml against the Compose Specification schema', () => {
  const validate = compileVendored('compose-spec');

  it('is a valid Compose file', () => {
    const valid = validate(loadCompose());
    expect(problems(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key, so the check is not vacuous', () => {
    const compose = loadCompose() as unknown as { services: Record<string, Record<string, unknown>> };
    compose.services.api.healtcheck = compose.services.api.healthcheck;
    expect(validate(compose)).toBe(false);
    expect(problems(validate).join('\n')).toContain('healtcheck');
  });

  it('rejects a depends_on condition Compose does not know', () => {
    const compose = loadCompose() as unknown as { services: Record<string, { depends_on: Record<string, { condition: string }> }> };
    compose.services.api.depends_on.mysql.condition = 'service_ready';
    expect(validate(compose)).toBe(false);
  });
});

describe('.github/workflows/ci.yml against the GitHub Actions workflow schema', () => {
  const validate = compileVendored('github-workflow');

  it('is a valid workflow', () => {
    const valid = validate(loadWorkflow());
    expect(problems(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a job without runs-on, so the check is not vacuous', () => {
    const workflow = loadWorkflow() as unknown as { jobs: Record<string, Record<string, unknown>> };
    delete workflow.jobs.lint['runs-on'];
    expect(validate(workflow)).toBe(false);
  });

  it('rejects a step that has both uses and run', () => {
    const workflow = loadWorkflow();
    workflow.jobs.lint.steps[0].run = 'echo both';
    expect(validate(workflow)).toBe(false);
  });
});
