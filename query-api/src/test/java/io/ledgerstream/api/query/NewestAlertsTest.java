package io.ledgerstream.api.query;

import static io.ledgerstream.api.testing.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.avro.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestAlertsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    // in store order, that is by alert id, not by time
    private final List<Alert> byAlertId = List.of(
            alert("alice", "a", T0.plusSeconds(30)),
            alert("alice", "b", T0.plusSeconds(10)),
            alert("alice", "c", T0.plusSeconds(50)),
            alert("alice", "d", T0.plusSeconds(30)),
            alert("alice", "e", T0.plusSeconds(20)));

    @Test
    void shouldOrderNewestFirstWithAlertIdBreakingTies() {
        assertThat(NewestAlerts.of(byAlertId.iterator(), 10)).extracting(Alert::getAlertId)
                .containsExactly("c", "a", "d", "e", "b");
    }

    @Test
    void shouldKeepOnlyTheNewestUpToTheLimit() {
        assertThat(NewestAlerts.of(byAlertId.iterator(), 2)).extracting(Alert::getAlertId)
                .containsExactly("c", "a");
    }

    @Test
    void shouldAnswerNothingForNoAlerts() {
        assertThat(NewestAlerts.of(List.<Alert>of().iterator(), 5)).isEmpty();
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> NewestAlerts.of(byAlertId.iterator(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
