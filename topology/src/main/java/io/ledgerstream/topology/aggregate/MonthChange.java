package io.ledgerstream.topology.aggregate;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import java.time.YearMonth;

/**
 * A live version of a transaction entered its month's summary: the summary before the whole change
 * (null if the month had none) and after it, for detectors that watch a month's totals.
 */
public record MonthChange(EnrichedTransaction transaction, YearMonth month, MonthlySummary before,
                          MonthlySummary after) {
}
