import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthResponseSchema, type HealthResponse } from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { ZodResponse } from '../http/zod-response';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../config';

class HealthResponseDto extends createZodDto(HealthResponseSchema) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ZodResponse({ type: HealthResponseDto })
  async health(): Promise<HealthResponse> {
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      return { status: 'ok', database: { status: 'up', latencyMs }, version: this.config.version, demoWorkspace: this.config.seedDemo };
    } catch {
      return { status: 'degraded', database: { status: 'down', latencyMs: null }, version: this.config.version, demoWorkspace: this.config.seedDemo };
    }
  }
}
