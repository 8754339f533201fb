import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import { SearchQuerySchema, SearchResultsSchema, type SearchResults } from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { SearchService } from './search.service';

class SearchQueryDto extends createZodDto(SearchQuerySchema) {}
class SearchResultsDto extends createZodDto(SearchResultsSchema) {}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ZodResponse({ type: SearchResultsDto })
  search(@CurrentAuth() auth: AuthContext, @Query() query: SearchQueryDto): Promise<SearchResults> {
    return this.searchService.search(auth, query);
  }
}
