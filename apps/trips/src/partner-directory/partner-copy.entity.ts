import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A partner of the companies service, as its RelationshipStageChanged events name it (id, country,
 * target region): meetings naming a partner by id are checked against it. The companies service
 * publishes no event of its own for a new partner, so a partner with no relationship yet is unknown
 * here and is given by name instead.
 */
@Entity('partner_copy')
export class PartnerCopy {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'country_code', type: 'text' })
  countryCode: string;

  @Column({ name: 'target_region', type: 'text', nullable: true })
  targetRegion: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
