export { TrainingPage } from './lib/training.pages';
export { CoursePage } from './lib/course.page';
export { EditCoursePage, NewCoursePage } from './lib/course-editor.page';
export { CompletionPage } from './lib/completion.page';
export { VerifyCertificatePage } from './lib/verify.page';
export { CertificatePrintPage } from './lib/certificate-print.page';
