package io.ledgerstream.connectors.fx;

import io.ledgerstream.schemas.avro.FxRate;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB's euro foreign exchange reference rates XML: a {@code gesmes:Envelope} holding
 * {@code <Cube time="YYYY-MM-DD">} elements, each holding {@code <Cube currency="USD" rate="1.0823"/>}.
 * The daily file has one time Cube, the 90-day and historical files many; all read the same way.
 * Rates are taken from the attribute text as exact decimals (scale 10, as {@link FxRate} stores
 * them). A rate that cannot be read is reported with its element, never silently skipped.
 */
public final class EcbXmlParser {

    /** FxRate stores rates with this scale; a rate with more decimals is refused rather than rounded. */
    public static final int RATE_SCALE = 10;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

    private final XMLInputFactory factory;

    public EcbXmlParser() {
        factory = XMLInputFactory.newFactory();
        // reference rates need no DTDs or entities; refusing them rules out XXE
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * @param file   the document's name, for problems
     * @param source the {@code source} of every rate ("ECB", or "sample" for the built-in sample)
     * @throws EcbFormatException if the document is not well-formed XML or not an ECB envelope
     */
    public EcbParseResult parse(InputStream xml, String file, String source) {
        List<FxRate> rates = new ArrayList<>();
        List<FxProblem> problems = new ArrayList<>();
        Deque<Boolean> cubes = new ArrayDeque<>(); // per open Cube: does it set the date?
        LocalDate date = null;
        boolean badDate = false;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(xml);
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!"Envelope".equals(name)) {
                            throw new EcbFormatException(file + ": not an ECB reference-rate document (root element <"
                                    + reader.getName() + ">, expected <gesmes:Envelope>)", null);
                        }
                    }
                    if (!"Cube".equals(name)) {
                        continue;
                    }
                    String time = reader.getAttributeValue(null, "time");
                    String currency = reader.getAttributeValue(null, "currency");
                    String rate = reader.getAttributeValue(null, "rate");
                    int line = reader.getLocation().getLineNumber();
                    cubes.push(time != null);
                    if (time != null) {
                        date = date(time);
                        badDate = date == null;
                        if (badDate) {
                            problems.add(new FxProblem(file, line, element(reader),
                                    "time is not a date YYYY-MM-DD; the rates under it are not loaded"));
                        }
                    } else if (currency != null || rate != null) {
                        if (!badDate) {
                            rateOf(date, currency, rate, source, file, line, element(reader), rates, problems);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "Cube".equals(reader.getLocalName())) {
                    if (!cubes.isEmpty() && cubes.pop()) {
                        date = null;
                        badDate = false;
                    }
                }
            }
            if (!rootSeen) {
                throw new EcbFormatException(file + ": empty document", null);
            }
        } catch (XMLStreamException e) {
            throw new EcbFormatException(file + ": not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
        return new EcbParseResult(rates, problems);
    }

    private static void rateOf(LocalDate date, String currency, String rate, String source, String file, int line,
                               String element, List<FxRate> rates, List<FxProblem> problems) {
        String problem = null;
        BigDecimal value = null;
        if (date == null) {
            problem = "rate outside a <Cube time=\"...\"> element";
        } else if (currency == null || !CURRENCY.matcher(currency).matches()) {
            problem = "currency is not a three-letter ISO 4217 code";
        } else if (rate == null || !PLAIN_DECIMAL.matcher(rate.strip()).matches()) {
            problem = "rate is not a plain decimal number";
        } else {
            value = new BigDecimal(rate.strip());
            if (value.signum() == 0) {
                problem = "rate is zero";
            } else if (value.stripTrailingZeros().scale() > RATE_SCALE) {
                problem = "rate has more than " + RATE_SCALE + " decimals";
            }
        }
        if (problem != null) {
            problems.add(new FxProblem(file, line, element, problem));
            return;
        }
        rates.add(FxRate.newBuilder()
                .setCurrency(currency)
                .setDate(date)
                .setRate(value.setScale(RATE_SCALE))
                .setSource(source)
                .build());
    }

    private static LocalDate date(String time) {
        try {
            return LocalDate.parse(time.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The start tag as written, attributes in document order. */
    private static String element(XMLStreamReader reader) {
        StringBuilder tag = new StringBuilder("<").append(reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            tag.append(' ').append(reader.getAttributeLocalName(i)).append("=\"")
                    .append(reader.getAttributeValue(i)).append('"');
        }
        return tag.append('>').toString();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was kept open that matters: the caller owns the stream
            }
        }
    }
}
