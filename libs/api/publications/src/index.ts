export * from './lib/publications.module';
export { PublicationsService } from './lib/publications.service';
export { DEMO_PUBLICATION_TITLE, PublicationsDemo } from './lib/publications-demo';
