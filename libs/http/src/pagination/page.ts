import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Far beyond any real list; above it an offset stops being a number the database takes (a 500, not a 400). */
export const MAX_PAGE = 1_000_000;

/** `page` and `pageSize` query parameters of every collection; extend it with a list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, description: 'The page, from 1' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_PAGE, { message: `must be at most ${MAX_PAGE}` })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: 'Items per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` })
  pageSize: number = 20;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

/** The one shape of every collection answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function toPage<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** OpenAPI schema of `Page<T>` for a given item class: `@ApiOkResponse({ type: PageOf(CompanyDto) })`. */
export function PageOf<T>(item: new (...args: never[]) => T) {
  class PageDto {
    @ApiProperty({ type: item, isArray: true, description: 'This page of the collection' })
    items: T[];
    @ApiProperty({ type: 'integer', minimum: 0, example: 1234, description: 'Items in the whole collection with these filters' })
    total: number;
    @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
    page: number;
    @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 20 })
    pageSize: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `PageOf${item.name}` });
  return PageDto;
}
