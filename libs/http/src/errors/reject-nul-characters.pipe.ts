import { type FieldProblem, ValidationFailedException } from './app.exception';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

const MAX_DEPTH = 8;

function findNul(value: unknown, path: string, depth: number, found: FieldProblem[]) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, rule: 'noNulCharacter', message: 'must not contain NUL characters' });
  } else if (value && typeof value === 'object' && depth < MAX_DEPTH) {
    for (const [key, child] of Object.entries(value)) findNul(child, path ? `${path}.${key}` : key, depth + 1, found);
  }
}

/**
 * Refuses text with a NUL character anywhere in a body, query or path (400, naming the field):
 * Postgres cannot store or compare it, and would answer with an error that became a 500.
 */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'custom') return value;
    const found: FieldProblem[] = [];
    findNul(value, metadata.type === 'param' && typeof value === 'string' ? (metadata.data ?? 'param') : '', 0, found);
    if (found.length) throw new ValidationFailedException(found);
    return value;
  }
}
