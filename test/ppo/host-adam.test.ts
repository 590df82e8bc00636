import { beforeAll } from 'vitest';
import { selectBackend } from '../../src/nn/backend.js';
import { HostAdam } from '../../src/ppo/host-adam.js';
import { describeAdam } from './adam-suite.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

describeAdam('HostAdam (JS loop over read-back weights)', (variables, options) => new HostAdam(variables, options));
