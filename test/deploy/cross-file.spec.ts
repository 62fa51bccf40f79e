import { DockerfileParser } from 'dockerfile-ast';
import { posix } from 'node:path';
import { loadConfig } from '@app/core';
import { environmentVariables } from './app-config-keys';
import { asArgv, loadCompose, loadEnvExample, loadPackageScripts, loadWorkflow, readRepoFile, serviceEnvironment } from './deploy-files';
import { find, loadNginxConfig, type NginxDirective, proxyHeaders } from './nginx-config';

const compose = loadCompose();

/** Variables docker-compose.yml interpolates (`${NAME}`, `${NAME:-default}`). */
function composeVariables(): string[] {
  return [...new Set([...readRepoFile('docker-compose.yml').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]))];
}

describe('environment variables', () => {
  const appVariables = [...environmentVariables().keys()];

  it('reads the variables from the EnvironmentVariables class', () => {
    expect(appVariables).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL']));
  });

  it('every variable the app reads is in .env.example', () => {
    const example = Object.keys(loadEnvExample());
    expect(appVariables.filter((name) => !example.includes(name))).toEqual([]);
  });

  it('every variable docker-compose.yml interpolates is in .env.example', () => {
    const example = Object.keys(loadEnvExample());
    expect(composeVariables().length).toBeGreaterThan(0);
    expect(composeVariables().filter((name) => !example.includes(name))).toEqual([]);
  });

  it('.env.example names nothing that neither the app nor compose reads', () => {
    const known = new Set([...appVariables, ...composeVariables()]);
    expect(Object.keys(loadEnvExample()).filter((name) => !known.has(name))).toEqual([]);
  });

  it('.env.example, copied to .env as it is, is a configuration the app accepts', () => {
    expect(() => loadConfig(loadEnvExample())).not.toThrow();
  });

  it('every variable the app reads is documented in the README', () => {
    const readme = readRepoFile('README.md');
    expect(appVariables.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('npm scripts and entry points', () => {
  const scripts = loadPackageScripts();

  /** `npm run X`, `npm test`, `npm start` in a command line, as script names. */
  function scriptsCalledIn(text: string): string[] {
    return [...text.matchAll(/\bnpm\s+(?:run(?:-script)?\s+(?:--?\S+\s+)*([\w:.-]+)|(test|start|stop|restart)\b)/g)].map(
      (match) => match[1] ?? match[2],
    );
  }

  it('every npm script that compose, the Dockerfile, the workflow and the entry point call exists', () => {
    const texts = [
      ...Object.values(compose.services).map((service) => asArgv(service.command).join(' ')),
      ...DockerfileParser.parse(readRepoFile('Dockerfile'))
        .getInstructions()
        .map((instruction) => instruction.getArgumentsContent() ?? ''),
      ...Object.values(loadWorkflow().jobs).flatMap((job) => job.steps.map((step) => step.run ?? '')),
      readRepoFile('deploy/docker-entrypoint.sh'),
    ];
    const called = [...new Set(texts.flatMap(scriptsCalledIn))];
    expect(called).toEqual(expect.arrayContaining(['build', 'test', 'typecheck', 'lint']));
    expect(called.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('the entry point starts the same files as the cli, start:api and start:worker scripts', () => {
    const fromScripts = ['cli', 'start:api', 'start:worker'].map((name) => /^node (\S+)$/.exec(scripts[name])?.[1]);
    const fromEntrypoint = [...readRepoFile('deploy/docker-entrypoint.sh').matchAll(/\bnode (dist\/\S+\.js)/g)].map((match) => match[1]);
    expect(new Set(fromEntrypoint)).toEqual(new Set(fromScripts));
  });

  it('those files are where nest build writes each app (outDir of its tsconfig plus its entryFile)', () => {
    const nest = JSON.parse(readRepoFile('nest-cli.json')) as {
      projects: Record<string, { type: string; root: string; entryFile: string }>;
    };
    const built = Object.values(nest.projects)
      .filter((project) => project.type === 'application')
      .map((project) => {
        const tsconfig = JSON.parse(readRepoFile(`${project.root}/tsconfig.app.json`)) as { compilerOptions: { outDir: string } };
        return posix.join(posix.normalize(posix.join(project.root, tsconfig.compilerOptions.outDir)), `${project.entryFile}.js`);
      });
    expect(built.sort()).toEqual(['cli', 'start:api', 'start:worker'].map((name) => scripts[name].replace(/^node /, '')).sort());
  });
});

describe('ports', () => {
  it('agree between the app default, .env.example, the image, compose, the health check and nginx', () => {
    const upstream = find(find(loadNginxConfig(), 'upstream', 'api')[0]?.children ?? [], 'server')[0]?.args[0] ?? '';
    const ports = {
      appDefault: String(environmentVariables().get('PORT')),
      envExample: loadEnvExample().PORT,
      dockerfileExpose: DockerfileParser.parse(readRepoFile('Dockerfile'))
        .getInstructions()
        .find((instruction) => instruction.getKeyword() === 'EXPOSE')
        ?.getArgumentsContent(),
      composeApi: serviceEnvironment(compose.services.api).PORT,
      healthcheckDefault: /process\.env\.PORT \|\| '(\d+)'/.exec(readRepoFile('deploy/healthcheck.js'))?.[1],
      nginxUpstream: upstream.split(':')[1],
    };
    expect(ports).toEqual(Object.fromEntries(Object.keys(ports).map((key) => [key, '8000'])));
    expect(upstream.split(':')[0]).toBe('api');
    expect(Object.keys(compose.services)).toContain(upstream.split(':')[0]);
  });

  it('nginx listens on the container port compose publishes', () => {
    const nginxServer = find(loadNginxConfig(), 'server')[0];
    const containerPorts = (compose.services.nginx.ports ?? []).map((mapping) => mapping.split(':').pop());
    expect(find(nginxServer.children, 'listen').map((listen) => listen.args[0])).toEqual(containerPorts);
  });
});

describe('nginx in front of the api', () => {
  const config = loadNginxConfig();
  const server = find(config, 'server')[0];
  const root = find(server.children, 'location', '/')[0];

  it('proxies every path to the api upstream, over kept-alive connections', () => {
    expect(find(root.children, 'proxy_pass').map((pass) => pass.args[0])).toEqual(['http://api']);
    expect(find(config, 'upstream', 'api')).toHaveLength(1);
    expect(proxyHeaders(root).connection).toBe('');
  });

  it('resolves the api on any container engine: at start, with no resolver (Docker-only 127.0.0.11 answered 499 on podman)', () => {
    const everywhere = (directives: NginxDirective[]): NginxDirective[] =>
      directives.flatMap((directive) => [directive, ...everywhere(directive.children)]);
    expect(everywhere(config).filter((directive) => directive.name === 'resolver')).toEqual([]);
    // a variable in proxy_pass makes nginx resolve at run time, which needs a resolver
    expect(everywhere(config).filter((directive) => directive.name === 'proxy_pass' && directive.args[0].includes('$'))).toEqual([]);
    const servers = find(find(config, 'upstream', 'api')[0].children, 'server').map((server) => server.args[0].split(':')[0]);
    expect(servers.length).toBeGreaterThan(0);
    for (const host of servers) expect(Object.keys(compose.services)).toContain(host);
    // nginx keeps the address it looked up: compose restarts it when it restarts the api
    expect(compose.services.nginx.depends_on).toMatchObject({ api: { condition: 'service_healthy', restart: true } });
  });

  it("forwards the client's X-Request-Id, or nginx's own $request_id when the client sent none", () => {
    const header = proxyHeaders(root)['x-request-id'];
    expect(header).toMatch(/^\$\w+$/);
    const [map] = find(config, 'map', '$http_x_request_id', header);
    expect(map).toBeDefined();
    const values = Object.fromEntries(map.children.map((entry) => [entry.name, entry.args[0]]));
    expect(values).toEqual({ default: '$http_x_request_id', '': '$request_id' });
  });

  it('forwards the client address and scheme, and the Host the browser sent, port included (the staff pages compare it with Origin)', () => {
    expect(proxyHeaders(root)).toMatchObject({
      'x-forwarded-for': '$proxy_add_x_forwarded_for',
      'x-real-ip': '$remote_addr',
      'x-forwarded-proto': '$scheme',
      host: '$http_host',
    });
  });

  it("lets bodies up to the API's own 1 MB limit through, so the API answers 413 in its own shape", () => {
    const [limit] = find(server.children, 'client_max_body_size').map((directive) => directive.args[0]);
    expect(limit).toMatch(/^\d+m$/);
    expect(Number.parseInt(limit, 10)).toBeGreaterThan(1);
  });

  it('answers the path its compose health check asks', () => {
    const url = asArgv(compose.services.nginx.healthcheck?.test).find((arg) => arg.startsWith('http://'));
    expect(url).toBeDefined();
    expect(find(server.children, 'location', '=', new URL(url!).pathname)).toHaveLength(1);
  });
});
