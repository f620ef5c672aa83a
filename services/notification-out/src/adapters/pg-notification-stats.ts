import type { SqlExecutor } from '@ecris/messaging';
import type { NotificationStats, OpenNotificationStats } from '../ports';

/** One indexed scan of the open NOTs (partial index notifications_open), at each metrics scrape. */
export class PgNotificationStats implements NotificationStats {
  constructor(private readonly db: SqlExecutor) {}

  async openNotifications(today: string): Promise<OpenNotificationStats> {
    const { rows } = await this.db.query<{ open: string; oldest: string | null; overdue: string }>(
      `SELECT count(*) AS open,
              to_char(min(clock_started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS oldest,
              count(*) FILTER (WHERE due_on < $1::date) AS overdue
         FROM notification_out.notifications
        WHERE status IN ('HELD', 'SENT', 'PROBLEM', 'REJECTED')`,
      [today],
    );
    const row = rows[0];
    return { open: Number(row?.open ?? 0), oldestClockStartedAt: row?.oldest ?? null, overdue: Number(row?.overdue ?? 0) };
  }
}
