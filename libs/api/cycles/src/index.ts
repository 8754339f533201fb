export * from './lib/cycles.module';
export * from './lib/cycles.service';
export { CyclesDemo, DEMO_INITIATIVES } from './lib/demo-cycles';
export * from './lib/measures.service';
