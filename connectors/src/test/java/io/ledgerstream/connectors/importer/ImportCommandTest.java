package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.kafka.FakePublishers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final FakePublishers publishers = new FakePublishers();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ImportCommand(publishers, Importer.withBuiltInFormats()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void shouldImportAFileAndPrintTheReport() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"),
                "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");

        int exit = run(file.toString(), "--user", "alice", "--account", "acc-1");

        assertThat(exit).isZero();
        assertThat(publishers.raw.values()).singleElement()
                .satisfies(t -> assertThat(t.getAccountId()).isEqualTo("acc-1"));
        assertThat(out.toString()).contains("transactions published: 1");
    }

    @Test
    void shouldNotEvenConnectOnADryRun() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"),
                "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}\n");

        int exit = run(file.toString(), "--user", "alice", "--dry-run");

        assertThat(exit).isZero();
        assertThat(publishers.rawOpened).isZero();
        assertThat(out.toString()).contains("none (dry run)");
    }

    @Test
    void shouldFailWhenTheFileCannotBeRead() {
        int exit = run(dir.resolve("missing.jsonl").toString(), "--user", "alice");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("cannot read").contains("missing.jsonl");
    }

    @Test
    void shouldFailWhenNothingCouldBeParsed() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), "{\"amount\":\"-1.00\"}\n");

        int exit = run(file.toString(), "--user", "alice");

        assertThat(exit).isNotZero();
        assertThat(publishers.rawOpened).isZero();
        assertThat(out.toString()).contains("s.jsonl:1: bookedAt: missing");
    }

    @Test
    void shouldAcceptAnEmptyStatement() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(run(file.toString(), "--user", "alice")).isZero();
    }

    @Test
    void shouldRequireAUser() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), "");

        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--user");
    }
}
