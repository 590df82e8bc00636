import { beforeAll } from 'vitest';
import { selectBackend } from '../../src/nn/backend.js';
import { FusedAdam } from '../../src/ppo/fused-adam.js';
import { describeAdam } from './adam-suite.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

describeAdam('FusedAdam (device-side, one flat vector)', (variables, options) => new FusedAdam(variables, options));
