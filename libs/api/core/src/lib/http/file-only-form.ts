import { FileOnlyFormSchema } from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';

/** `@Body()` of a multipart route that takes one file and no other field (see FileOnlyFormSchema). */
export class FileOnlyFormDto extends createZodDto(FileOnlyFormSchema) {}
