package io.ledgerstream.connectors.fx;

import io.ledgerstream.schemas.avro.FxRate;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rates read from one ECB-format document, and the elements that could not be read. */
public record EcbParseResult(List<FxRate> rates, List<FxProblem> problems) {

    public EcbParseResult {
        rates = List.copyOf(rates);
        problems = List.copyOf(problems);
    }

    /** The distinct dates that have rates, oldest first. */
    public SortedSet<LocalDate> dates() {
        SortedSet<LocalDate> dates = new TreeSet<>();
        rates.forEach(rate -> dates.add(rate.getDate()));
        return dates;
    }

    /** The distinct currencies that have rates, sorted. */
    public SortedSet<String> currencies() {
        SortedSet<String> currencies = new TreeSet<>();
        rates.forEach(rate -> currencies.add(rate.getCurrency()));
        return currencies;
    }
}
