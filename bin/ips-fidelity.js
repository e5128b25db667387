#!/usr/bin/env node
// The built CLI: dist/bundle is made by `npm run build` (tsc, then scripts/bundle.mjs).
import '../dist/bundle/ips-fidelity.js';
