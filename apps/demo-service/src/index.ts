export { generateScenario, type DemoEvent, type ScenarioOptions } from './scenario.js';
export { createRandom, uuidV7, type Random } from './random.js';
export { sendEvents, sendScenario, type SendEventsOptions, type SendProgress, type SendReport, type SendScenarioOptions } from './send.js';
