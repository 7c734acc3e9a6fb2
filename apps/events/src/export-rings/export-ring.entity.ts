import type { RingKind } from '@globac/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A standing group of companies meeting again and again: an export ring, or an export circle (a study circle). */
@Entity('export_ring')
export class ExportRing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: RingKind;

  @Column('text')
  name: string;

  @Column('text')
  city: string;

  /** Who leads the ring's meetings (a name, kept here only; never in integration events). */
  @Column('text')
  facilitator: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
