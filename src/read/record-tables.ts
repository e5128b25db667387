// The tables of a program's records: their file names (English and French) and their columns.
// Column names are the contract; French aliases beside them; matching ignores case, accents, spaces, _ and -.
import type { ColumnSpec } from './table.js';

export const TABLE_FILES = {
  participants: ['participants'],
  jobs: ['jobs', 'emplois'],
  contacts: ['contacts'],
  staff: ['staff', 'personnel'],
} as const;
export type TableName = keyof typeof TABLE_FILES;

export const COLUMNS: Record<TableName, ColumnSpec[]> = {
  participants: [
    { key: 'id', aliases: ['identifiant', 'participant_id'], required: true },
    { key: 'entry_date', aliases: ['date_entree', 'entry'], required: true },
    { key: 'exit_date', aliases: ['date_sortie', 'exit'] },
    { key: 'exit_reason', aliases: ['motif_sortie'] },
    { key: 'specialist', aliases: ['conseiller', 'job_coach'] },
    { key: 'team', aliases: ['equipe'] },
    { key: 'first_employer_contact', aliases: ['premier_contact_employeur'] },
    { key: 'working_at_entry', aliases: ['en_emploi_a_l_entree'] },
    { key: 'referral_source', aliases: ['origine_orientation'] },
    { key: 'from_esat', aliases: ['esat_a_l_entree', 'origine_esat'] },
  ],
  jobs: [
    { key: 'participant', aliases: ['participant_id'], required: true },
    { key: 'employer', aliases: ['employeur'] },
    { key: 'job_type', aliases: ['type_emploi', 'type_poste'] },
    { key: 'start_date', aliases: ['date_debut'], required: true },
    { key: 'end_date', aliases: ['date_fin'] },
    { key: 'hours_per_week', aliases: ['heures_semaine'] },
    { key: 'hourly_wage', aliases: ['salaire_horaire'] },
    { key: 'contract', aliases: ['contrat'], required: true },
    { key: 'competitive', aliases: ['competitif'] },
  ],
  contacts: [
    { key: 'specialist', aliases: ['conseiller', 'job_coach'], required: true },
    { key: 'date', aliases: [], required: true },
    { key: 'employer', aliases: ['employeur'] },
    { key: 'face_to_face', aliases: ['en_personne'] },
    { key: 'kind', aliases: ['type'] },
  ],
  staff: [
    { key: 'specialist', aliases: ['conseiller', 'job_coach'], required: true },
    { key: 'fte', aliases: ['etp'], required: true },
    { key: 'employment_services_pct', aliases: ['part_emploi_pct'] },
    { key: 'community_pct', aliases: ['part_terrain_pct'] },
  ],
};
