export * from './lib/resources.module';
export * from './lib/resources.service';
export { DEMO_RESOURCES, ResourcesDemo } from './lib/resources-demo';
