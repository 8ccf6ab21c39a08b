package io.ledgerstream.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.kafka.FakePublishers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FeedCommandTest {

    private final FakePublishers publishers = new FakePublishers();
    private final StringWriter out = new StringWriter();

    @Test
    void shouldPublishCountRecordsOfTheSeededUsersAndSaySo() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        CommandLine command = new CommandLine(new FeedCommand(publishers, clock));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("--users", "3", "--rate", "100000", "--seed", "5", "--count", "300");

        assertThat(exit).isZero();
        assertThat(publishers.raw.values()).isEqualTo(new MockBankFeed(5, 3, clock).generate(300));
        assertThat(publishers.raw.closed()).isTrue();
        assertThat(out.toString()).contains("3 users from 2026-08-01").contains("sent 300 records, 300 acknowledged");
    }
}
