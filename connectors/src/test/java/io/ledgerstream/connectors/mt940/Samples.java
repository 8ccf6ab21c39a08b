package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bank sample files under test resources, and short ways to parse and check them. */
final class Samples {

    static final ImportOptions ALICE = ImportOptions.forUser("alice");

    private Samples() {
    }

    static Path path(String name) {
        try {
            return Path.of(Samples.class.getResource("/bank-samples/mt940/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ParseResult parse(String name) throws IOException {
        return new Mt940Parser().parse(path(name), ALICE);
    }

    static ParseResult parse(String name, ImportOptions options) throws IOException {
        return new Mt940Parser().parse(path(name), options);
    }

    static List<Boolean> balances(String name, ParseResult result) throws IOException {
        String raw = new String(Files.readAllBytes(path(name)), StandardCharsets.UTF_8);
        return StatementTotals.balances(raw, result.transactions());
    }

    static List<String> amounts(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getAmount).toList();
    }

    static List<String> dates(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getBookedAt).toList();
    }

    static List<String> descriptions(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getDescription).toList();
    }

    static List<String> ids(ParseResult result) {
        return result.transactions().stream().map(RawTransaction::getTransactionId).toList();
    }
}
