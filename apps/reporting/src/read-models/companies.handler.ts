import {
  CompaniesMerged,
  CompanyRegistered,
  CompanyUpdated,
  ExportFiguresReported,
  type IntegrationEventEnvelope,
  RelationshipStageChanged,
} from '@globac/contracts';
import { HandlesIntegrationEvent, HandlesIntegrationEventBatch } from '@globac/messaging';
import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { companiesProjection } from './companies.projection';
import { enterReadModels, recordProgress } from './projection-support';

/** The companies stream into the read models (the projections say how each event is applied). */
@Controller()
export class CompaniesHandler {
  @HandlesIntegrationEventBatch(CompanyRegistered)
  async onRegistered(events: IntegrationEventEnvelope<CompanyRegistered>[], manager: EntityManager) {
    await enterReadModels(manager);
    await companiesProjection.registered(events, manager);
    await recordProgress(manager, 'companies', events);
  }

  @HandlesIntegrationEvent(CompanyUpdated)
  async onUpdated(event: IntegrationEventEnvelope<CompanyUpdated>, manager: EntityManager) {
    await enterReadModels(manager);
    await companiesProjection.updated(event, manager);
    await recordProgress(manager, 'companies', [event]);
  }

  @HandlesIntegrationEvent(CompaniesMerged)
  async onMerged(event: IntegrationEventEnvelope<CompaniesMerged>, manager: EntityManager) {
    await enterReadModels(manager);
    await companiesProjection.merged(event, manager);
    await recordProgress(manager, 'companies', [event]);
  }

  @HandlesIntegrationEventBatch(ExportFiguresReported)
  async onExportFigures(events: IntegrationEventEnvelope<ExportFiguresReported>[], manager: EntityManager) {
    await enterReadModels(manager);
    await companiesProjection.exportFiguresReported(events, manager);
    await recordProgress(manager, 'companies', events);
  }

  @HandlesIntegrationEventBatch(RelationshipStageChanged)
  async onRelationshipStageChanged(events: IntegrationEventEnvelope<RelationshipStageChanged>[], manager: EntityManager) {
    await enterReadModels(manager);
    await companiesProjection.relationshipStageChanged(events, manager);
    await recordProgress(manager, 'companies', events);
  }
}
