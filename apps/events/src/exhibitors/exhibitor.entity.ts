import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A county company exhibiting at a trade fair, with the products it shows and its stand. */
@Entity('exhibitor')
export class Exhibitor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ type: 'text', array: true })
  products: string[];

  @Column({ type: 'text', nullable: true })
  stand: string | null;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;
}
