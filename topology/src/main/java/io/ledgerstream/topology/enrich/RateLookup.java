package io.ledgerstream.topology.enrich;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Where reference rates come from: "one EUR buys {@code rate} units of the currency". */
@FunctionalInterface
public interface RateLookup {

    /** The last rate published for {@code currency} on or before {@code date}, if any. */
    Optional<BigDecimal> rateOnOrBefore(String currency, LocalDate date);
}
