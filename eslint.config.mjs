// Lint rules, and above all the boundaries of shared/design/architecture.md §4:
// a domain imports no framework, client, codec or logger; only libs/messaging imports kafkajs;
// services import libs, never each other. Nx tags (each project.json) drive the lib-to-lib rules.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// @nx/enforce-module-boundaries reads the project graph Nx caches in .nx/ and silently skips itself
// when there is none, as on a clean clone. Computing it here (incremental, so cheap when current)
// makes plain `eslint .` enforce the boundaries everywhere, and on an up-to-date graph.
await createProjectGraphAsync({ exitOnError: true });

const servicesDir = path.join(root, 'services');
const TS_FILES = ['**/*.ts'];

/** Which service a path lies in (`services/<name>/...`), or null. */
function serviceOf(absolutePath) {
  const relative = path.relative(servicesDir, absolutePath);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep)[0];
}

/** tsconfig path aliases, so an alias that points into a service is caught like a relative path. */
const aliasTargets = Object.entries(
  JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths ?? {},
).map(([alias, [target]]) => ({ alias, target: path.join(root, target) }));

function resolveImport(fromFile, source) {
  if (source.startsWith('.')) return path.resolve(path.dirname(fromFile), source);
  if (path.isAbsolute(source)) return source;
  // baseUrl is the repo root, so `services/x/...` would resolve too.
  if (source.startsWith('services/')) return path.join(root, source);
  const alias = aliasTargets.find(({ alias }) => source === alias || source.startsWith(`${alias}/`));
  return alias ? alias.target : null;
}

/**
 * Services meet only on topics: a file in services/<a> may not import anything in services/<b>,
 * by relative path, by repo-rooted path or through an alias. Nx's rule covers aliases between
 * tagged projects; this one needs no tags and sees relative paths across folders too.
 */
const noCrossServiceImports = {
  meta: {
    type: 'problem',
    docs: { description: 'services never import each other' },
    messages: { crossService: 'services/{{from}} must not import services/{{to}}: services meet only on topics' },
    schema: [],
  },
  create(context) {
    const from = serviceOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const target = resolveImport(context.filename, source);
      const to = target && serviceOf(target);
      if (to && to !== from) context.report({ node, messageId: 'crossService', data: { from, to } });
    };
    const checkSource = (node) => node.source && check(node, node.source.value);
    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal' &&
        check(node, node.arguments[0].value),
    };
  },
};

const kafkajsOnlyInMessaging = {
  name: 'kafkajs',
  message: 'Only libs/messaging imports kafkajs; use @ecris/messaging (KafkaAdmin, KafkajsRecordSender, readTopic, ...).',
};

/** What pure domain code may not reach for (architecture §4): frameworks, clients, codecs, loggers. */
const forbiddenInDomain = [
  ['@nestjs/.+', 'Nest'],
  ['kafkajs', 'Kafka client'],
  ['avsc', 'Avro codec'],
  ['pino', 'logger'],
  ['pg', 'database client'],
  ['@ecris/messaging', 'messaging'],
  ['@ecris/messaging-nest', 'Nest glue'],
  ['@ecris/logging', 'logger'],
].map(([module, what]) => ({
  // The module itself and any path inside it.
  regex: `^${module}(/.*)?$`,
  message: `Domain code is pure: no ${what} here. Take what it needs as data, or through a port (ports.ts) an adapter implements.`,
}));

/** Test files, and the test-support folders beside the code they help test. */
const TEST_FILES = ['**/*.spec.ts', '**/src/**/testing/**/*.ts'];

/**
 * Which tagged project may import which (architecture §4). In tests every project may also import
 * libs/testing; that makes messaging and testing depend on each other (testing is built on messaging,
 * messaging's integration tests use testing), a cycle that exists only through test files.
 */
function moduleBoundaries({ inTests }) {
  const plus = (tags) => (inTests ? [...tags, 'type:testing'] : tags);
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    ignoredCircularDependencies: [['messaging', 'testing']],
    depConstraints: [
      // Untagged projects (the workspace root, bench, tools) are not constrained by tag.
      { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: plus(['type:contracts']) },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: plus(['type:domain', 'type:contracts']) },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: plus(['type:util']) },
      { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: plus(['type:messaging', 'type:contracts', 'type:util']) },
      {
        sourceTag: 'type:messaging-nest',
        onlyDependOnLibsWithTags: plus(['type:messaging', 'type:contracts', 'type:util']),
      },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:testing', 'type:messaging', 'type:contracts', 'type:util'],
      },
      {
        // The national register: schema, queries and matcher, shared by register-update (writer) and request-in.
        sourceTag: 'type:register',
        onlyDependOnLibsWithTags: plus(['type:register', 'type:messaging', 'type:contracts', 'type:domain', 'type:util']),
      },
      {
        // The service kit wires the messaging libs into a Nest service; it knows nothing of any domain.
        sourceTag: 'type:service-kit',
        onlyDependOnLibsWithTags: plus(['type:messaging', 'type:messaging-nest', 'type:contracts', 'type:util']),
      },
      {
        // Services import libs, never another service (also enforced by path: ecris/no-cross-service-imports).
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: plus([
          'type:domain',
          'type:contracts',
          'type:util',
          'type:messaging',
          'type:messaging-nest',
          'type:service-kit',
          'type:register',
        ]),
      },
    ],
  };
}

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.cache/**',
      '.nx/**',
      // Generated from schemas/ by their tool: fix the generator, not its output.
      '**/generated/**',
      '**/*.generated.ts',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),
  {
    files: TS_FILES,
    rules: {
      // `_name` marks a parameter or binding kept on purpose (an interface's signature, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  {
    // Plain Node scripts: the deploy helpers, jest's config and the test fixtures loaded before any transform.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },

  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    plugins: { '@nx': nx, ecris: { rules: { 'no-cross-service-imports': noCrossServiceImports } } },
    rules: {
      'ecris/no-cross-service-imports': 'error',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ inTests: false })],
    },
  },
  {
    // Tests and their support folders may use the fixtures of libs/testing, whatever their project.
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ inTests: true })] },
  },

  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    ignores: ['libs/messaging/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [kafkajsOnlyInMessaging] }],
      // no-restricted-imports sees only import statements; plain JS loads modules with require().
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require'][arguments.0.value='kafkajs']", message: kafkajsOnlyInMessaging.message },
      ],
    },
  },
  {
    // The broker readiness probe runs from the shell scripts, before (and without) any TypeScript,
    // so it cannot go through @ecris/messaging. It is tooling, not application code.
    files: ['deploy/kafka/wait-ready.js'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // The bench's raw baseline measures our runner against plain kafkajs, so it must use kafkajs directly:
    // the one permitted exception outside libs/messaging, and only in that file.
    files: ['bench/src/raw-passthrough.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenInDomain }] },
  },
];
