import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ZodValidationException, ZodValidationPipe } from 'nestjs-zod';

/** The part of a request a contract checked: its JSON body, its query string or its path. */
export type RequestPart = 'body' | 'query' | 'path';

/** A contract's refusal, with the part of the request it refused, so the error names it (a query parameter is not a field of the body). */
export class RequestValidationException extends ZodValidationException {
  constructor(
    error: unknown,
    readonly part: RequestPart,
  ) {
    super(error);
  }
}

/** nestjs-zod's pipe (every DTO checked against its zod contract), telling where the refused value came from. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  private readonly contracts = new ZodValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    try {
      return this.contracts.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ZodValidationException) || metadata.type === 'custom') throw error;
      throw new RequestValidationException(error.getZodError(), metadata.type === 'param' ? 'path' : metadata.type);
    }
  }
}
