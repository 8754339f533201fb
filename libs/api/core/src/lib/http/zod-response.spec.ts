import 'reflect-metadata';
import { Get, HttpCode, HttpStatus, StreamableFile } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { createZodDto, ZodSerializationException } from 'nestjs-zod';
import { z } from 'zod';
import { IS_PUBLIC_ROUTE, Public } from '../auth/auth-context';
import { ZodResponse } from './zod-response';

class ItemDto extends createZodDto(z.object({ id: z.string(), name: z.string() })) {}

class ItemsController {
  answer: unknown = { id: 'a', name: 'A', secret: 'hash' };

  // Route decorators both above and below ZodResponse: their metadata must survive the wrap either way.
  @Public()
  @Get('one')
  @ZodResponse({ type: ItemDto })
  async one(): Promise<z.infer<typeof ItemDto.schema>> {
    return this.answer as z.infer<typeof ItemDto.schema>;
  }

  @ZodResponse({ type: [ItemDto] })
  @HttpCode(HttpStatus.ACCEPTED)
  @Get('many')
  many(): Array<z.infer<typeof ItemDto.schema>> {
    return [this.answer, this.answer] as Array<z.infer<typeof ItemDto.schema>>;
  }

  @Get('file')
  @ZodResponse({ type: ItemDto })
  file(): z.infer<typeof ItemDto.schema> {
    return new StreamableFile(Buffer.from('x')) as unknown as z.infer<typeof ItemDto.schema>;
  }
}

describe('ZodResponse', () => {
  const controller = new ItemsController();

  it('answers what the contract holds, unknown fields stripped, for one value and for a list', async () => {
    await expect(controller.one()).resolves.toEqual({ id: 'a', name: 'A' });
    await expect(controller.many()).resolves.toEqual([{ id: 'a', name: 'A' }, { id: 'a', name: 'A' }]);
  });

  it('refuses an answer that breaks the contract as a serialization error (a 500: the server is at fault)', async () => {
    controller.answer = { id: 'a' };
    await expect(controller.one()).rejects.toBeInstanceOf(ZodSerializationException);
    controller.answer = { id: 'a', name: 'A' };
  });

  it('lets a file through untouched', async () => {
    await expect(controller.file()).resolves.toBeInstanceOf(StreamableFile);
  });

  it('keeps the route, public flag, status code and OpenAPI description whichever order the decorators come in', () => {
    const one = ItemsController.prototype.one;
    const many = ItemsController.prototype.many;
    expect(Reflect.getMetadata(PATH_METADATA, one)).toBe('one');
    expect(Reflect.getMetadata(METHOD_METADATA, one)).toBeDefined();
    expect(Reflect.getMetadata(IS_PUBLIC_ROUTE, one)).toBe(true);
    expect(Reflect.getMetadata(DECORATORS.API_RESPONSE, one)).toBeDefined();
    expect(Reflect.getMetadata(PATH_METADATA, many)).toBe('many');
    expect(Reflect.getMetadata(HTTP_CODE_METADATA, many)).toBe(HttpStatus.ACCEPTED);
    expect(Reflect.getMetadata(DECORATORS.API_RESPONSE, many)).toBeDefined();
    expect(one.name).toBe('one');
  });
});
