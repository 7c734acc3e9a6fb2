import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A region abroad the programme has chosen to build relationships in (Poznań, Novara, Xi'an, regions
 * of India and France): reference data, seeded by migration, read-only through the API. Its code is
 * what integration events carry (RelationshipStageChanged.targetRegion).
 */
@Entity('target_regions')
export class TargetRegion {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ type: 'text' })
  description: string;
}
