/**
 * `npm run insights:purge`: the insights database's retention, on demand (the server also runs it
 * once a day). Options for the DPO: `--all --yes` erases every event and ticket; `--user ID`
 * deletes one person's tickets (the right to erasure); `--export-user ID` prints them as JSON
 * (the right of access). Reads the same settings as the server (DATABASE_URL, INSIGHTS_SQLITE_FILE,
 * INSIGHTS_RETENTION_DAYS, TICKET_RETENTION_DAYS).
 */
import { Command } from 'commander';
import { config } from '../config.js';
import { describeLocation } from '../insights/insightsDatabase.js';
import { InsightsStore } from '../insights/insightsStore.js';
import { openDatabase } from '../insights/openDatabase.js';

async function main(): Promise<number> {
  const options = new Command()
    .name('insights:purge')
    .description('Applique la durée de conservation des statistiques et des tickets, ou efface sur demande')
    .option('--all', 'efface tous les événements et tous les tickets (avec --yes)')
    .option('--yes', 'confirme --all')
    .option('--user <id>', "efface les tickets d'une personne (son identifiant Teams ou de la page web)")
    .option('--export-user <id>', "affiche en JSON les tickets d'une personne (droit d'accès)")
    .parse(process.argv)
    .opts<{ all?: boolean; yes?: boolean; user?: string; exportUser?: string }>();
  const database = await openDatabase(config.insightsDatabase);
  try {
    await database.migrate();
    const store = new InsightsStore(database.db);
    const where = describeLocation(config.insightsDatabase);
    if (options.exportUser) {
      process.stdout.write(`${JSON.stringify(await store.ticketsOfUser(options.exportUser), null, 2)}\n`);
      return 0;
    }
    if (options.user) {
      const deleted = await store.eraseUser(options.user);
      process.stdout.write(`${deleted} ticket(s) effacé(s) pour ${options.user} (${where}).\n`);
      return 0;
    }
    if (options.all) {
      if (!options.yes) {
        process.stderr.write('--all efface tout : relancez avec --all --yes pour confirmer.\n');
        return 2;
      }
      const erased = await store.eraseAll();
      process.stdout.write(`Effacé : ${erased.events} événement(s), ${erased.tickets} ticket(s) (${where}).\n`);
      return 0;
    }
    const purged = await store.purge(new Date(), config.insightsRetentionDays, config.ticketRetentionDays);
    process.stdout.write(
      `Conservation appliquée (${where}) : ${purged.events} événement(s) de plus de ${config.insightsRetentionDays} jours effacé(s), ` +
        `${purged.questions} question(s) effacée(s) de votes anciens, ${purged.tickets} ticket(s) effacé(s) ` +
        `(clos depuis plus de ${config.ticketRetentionDays} jours, ou sans activité depuis ${config.insightsRetentionDays} jours).\n`,
    );
    return 0;
  } finally {
    await database.db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`La base n'a pas pu être purgée : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
