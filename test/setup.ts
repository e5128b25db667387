// Property tests (fast-check) draw the same cases on every run, so that a red suite is a bug to fix and
// never a flake. FC_SEED=N draws other cases; FC_SEED=random a new seed each run (fast-check prints the
// seed and the counterexample of a failure, to replay it with FC_SEED).
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261202 });

// One time zone for the test process, its hosted runs and its spawned ones (test/helpers.ts).
process.env.TZ = 'UTC';
