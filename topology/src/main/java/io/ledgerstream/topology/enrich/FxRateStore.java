package io.ledgerstream.topology.enrich;

import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.topology.StoreNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads rates from the global {@value StoreNames#FX_RATES} store, keyed {@code CUR:YYYY-MM-DD}: the
 * rate of a day is the newest key from {@code CUR:0000-00-00} up to {@code CUR:<day>}, found with one
 * reverse range scan.
 */
public final class FxRateStore implements RateLookup {

    private static final String EARLIEST_DATE = "0000-00-00";

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<FxRate>> store;

    public FxRateStore(ReadOnlyKeyValueStore<String, ValueAndTimestamp<FxRate>> store) {
        this.store = store;
    }

    @Override
    public Optional<BigDecimal> rateOnOrBefore(String currency, LocalDate date) {
        String from = currency + ":" + EARLIEST_DATE;
        String to = StoreNames.fxRateKey(currency, date);
        try (KeyValueIterator<String, ValueAndTimestamp<FxRate>> newestFirst = store.reverseRange(from, to)) {
            while (newestFirst.hasNext()) {
                KeyValue<String, ValueAndTimestamp<FxRate>> entry = newestFirst.next();
                FxRate rate = ValueAndTimestamp.getValueOrNull(entry.value);
                if (rate != null && rate.getRate() != null) {
                    return Optional.of(rate.getRate());
                }
            }
        }
        return Optional.empty();
    }
}
