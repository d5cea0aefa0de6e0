// The programmatic API of flowlab-mock (`import { startMockServer } from 'flowlab/mock'`).
export { MockConfigError, startMockServer, type MockServerOptions, type RunningMockServer } from './server';
export { parseMockConfig, parseMockConfigText, type ConfigResult, type MockConfig, type MockConfigInput } from './config';
