package io.ledgerstream.connectors.fx;

import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.FxRate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * Loading reference rates and publishing them to {@code fx.rates}, keyed {@code CUR:YYYY-MM-DD}
 * (for instance {@code USD:2026-03-04}), so the compacted topic keeps every day's rate.
 */
public final class FxRates {

    /** The built-in sample: hand-made rates in the ECB's format, not ECB data. */
    public static final String SAMPLE_RESOURCE = "/fx/ecb-sample.xml";
    /** {@code source} of the sample's rates. */
    public static final String SAMPLE_SOURCE = "sample";
    /** {@code source} of rates read from a file in the ECB's format. */
    public static final String ECB_SOURCE = "ECB";

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private FxRates() {
    }

    /** The built-in sample's rates, so the demo has rates without a file or a network. */
    public static EcbParseResult loadSample() {
        try (InputStream in = FxRates.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_RESOURCE + " is missing from the classpath");
            }
            return new EcbXmlParser().parse(in, "ecb-sample.xml", SAMPLE_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rates from an ECB-format file (daily, 90-day or historical).
     *
     * @throws IOException        if the file cannot be read
     * @throws EcbFormatException if it is not an ECB reference-rate document
     */
    public static EcbParseResult load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new EcbXmlParser().parse(in, file.getFileName().toString(), ECB_SOURCE);
        }
    }

    /**
     * Rates from an ECB-format document at a URL, as the ECB publishes them
     * (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml and eurofxref-hist-90d.xml).
     *
     * @throws IOException        if the URL cannot be fetched or answers other than 200
     * @throws EcbFormatException if it is not an ECB reference-rate document
     */
    public static EcbParseResult load(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT).GET().build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered HTTP " + response.statusCode());
                }
                return new EcbXmlParser().parse(in, url.toString(), ECB_SOURCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    /** The record key: {@code CUR:YYYY-MM-DD}. */
    public static String key(FxRate rate) {
        return rate.getCurrency() + ":" + rate.getDate();
    }

    /**
     * Publishes {@code rates} and waits for the broker.
     *
     * @return how many the broker acknowledged
     */
    public static long publish(Collection<FxRate> rates, RecordPublisher<String, FxRate> publisher) {
        for (FxRate rate : rates) {
            publisher.publish(key(rate), rate);
        }
        return publisher.flush();
    }
}
