import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation abroad that county companies build relationships with (never a person). */
@Entity('partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2; never SE (a partner is abroad). */
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ name: 'region_or_city', type: 'varchar', length: 200, nullable: true })
  regionOrCity: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  sector: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** The programme's target region the partner is in, if any; in the partner's own country. */
  @Column({ name: 'target_region_code', type: 'varchar', length: 64, nullable: true })
  targetRegion: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
