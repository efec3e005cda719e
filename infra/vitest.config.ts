import { mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// aws-cdk-lib loads lazily and its first synth costs seconds: test files share one module cache and run one after
// another (the machine has two cores; parallel files would each pay that cost).
export default mergeConfig(shared, { test: { isolate: false, fileParallelism: false } });
