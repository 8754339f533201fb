export * from './lib/training.module';
export { TrainingService } from './lib/training.service';
export { DEMO_COURSE_TITLE, TrainingDemo } from './lib/training-demo';
