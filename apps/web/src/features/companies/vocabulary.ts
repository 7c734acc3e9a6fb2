import { allOf } from '../../lib/vocabulary';
import type { Company, County, Municipality } from './api/companies';

export const MUNICIPALITIES = allOf<Municipality>()([
  'Bjurholm', 'Dorotea', 'Lycksele', 'Malå', 'Nordmaling', 'Norsjö', 'Robertsfors', 'Skellefteå', 'Sorsele', 'Storuman', 'Umeå',
  'Vilhelmina', 'Vindeln', 'Vännäs', 'Åsele', 'outside-county',
]);

export const COUNTIES = allOf<County>()([
  'Blekinge', 'Dalarna', 'Gotland', 'Gävleborg', 'Halland', 'Jämtland', 'Jönköping', 'Kalmar', 'Kronoberg', 'Norrbotten', 'Skåne',
  'Stockholm', 'Södermanland', 'Uppsala', 'Värmland', 'Västerbotten', 'Västernorrland', 'Västmanland', 'Västra Götaland', 'Örebro',
  'Östergötland',
]);

export const SIZE_CLASSES = allOf<NonNullable<Company['sizeClass']>>()(['micro', 'small', 'medium', 'large']);

export const SORTS = ['name', '-name', 'orgNumber', '-registeredAt', 'registeredAt'] as const;
