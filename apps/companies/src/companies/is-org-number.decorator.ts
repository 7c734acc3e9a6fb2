import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { describeOrgNumberProblem, parseOrgNumber } from './org-number';

/**
 * A Swedish organisation number of a legal entity, in either written form; stored as `NNNNNN-NNNN`.
 * A refusal says why: the form, the kind of number (not a legal entity's), or the check digit.
 */
export function IsOrgNumber(options?: ValidationOptions): PropertyDecorator {
  const validate = (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isOrgNumber',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => parseOrgNumber(value).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const parsed = parseOrgNumber(args?.value);
          return parsed.ok ? 'is valid' : describeOrgNumberProblem(parsed.problem);
        },
      },
    });
  // The dashless form becomes the dashed one before validation; a number that cannot be read is left as
  // given, so that the refusal describes what the caller sent.
  const normalize = Transform(({ value }) => {
    const parsed = parseOrgNumber(value);
    return parsed.ok ? parsed.value : value;
  });
  return applyDecorators(normalize, validate);
}
