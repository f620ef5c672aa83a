#!/usr/bin/env node
// Runs the TypeScript entry as the other tools do (tools/tsconfig.json): ts-node without type-checking
// (npm run typecheck does that) and the workspace path aliases resolved by tsconfig-paths.
const path = require('node:path');

const project = path.join(__dirname, '..', '..', 'tsconfig.json');
process.env.TS_NODE_PROJECT = project;
require('ts-node').register({ project, transpileOnly: true });
require('tsconfig-paths/register');
require('../src/cli').main();
