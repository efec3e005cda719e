export { generateScenario, type DemoEvent, type ScenarioOptions } from './scenario.js';
export { createRandom, uuidV7, type Random } from './random.js';
