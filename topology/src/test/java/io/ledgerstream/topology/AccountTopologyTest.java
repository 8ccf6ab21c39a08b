package io.ledgerstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.UserAccount;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    @Test
    void shouldKeepTheFirstRegistrationOfAUserAndIgnoreASecondOne() {
        harness.accounts.pipeInput("alice", account("alice", "hash-1", "registration-1"));
        harness.accounts.pipeInput("alice", account("alice", "hash-2", "registration-2"));

        List<KeyValue<String, UserAccount>> stored = harness.storeEntries(StoreNames.USER_ACCOUNTS);
        assertThat(stored).singleElement().satisfies(entry -> {
            assertThat(entry.key).isEqualTo("alice");
            assertThat(entry.value.getPasswordHash()).isEqualTo("hash-1");
            assertThat(entry.value.getRegistrationId()).isEqualTo("registration-1");
        });
    }

    @Test
    void shouldReplaceAnAccountWithANewerRecordOfTheSameRegistration() {
        harness.accounts.pipeInput("alice", account("alice", "hash-1", "registration-1"));
        harness.accounts.pipeInput("alice", account("alice", "hash-changed", "registration-1"));

        List<KeyValue<String, UserAccount>> stored = harness.storeEntries(StoreNames.USER_ACCOUNTS);
        assertThat(stored).extracting(entry -> entry.value.getPasswordHash()).containsExactly("hash-changed");
    }

    @Test
    void shouldDeleteAnAccountOnATombstoneSoTheUserIdCanBeRegisteredAgain() {
        harness.accounts.pipeInput("alice", account("alice", "hash-1", "registration-1"));
        harness.accounts.pipeInput("alice", (UserAccount) null);
        harness.accounts.pipeInput("alice", account("alice", "hash-3", "registration-3"));

        List<KeyValue<String, UserAccount>> stored = harness.storeEntries(StoreNames.USER_ACCOUNTS);
        assertThat(stored).extracting(entry -> entry.value.getRegistrationId()).containsExactly("registration-3");
    }

    @Test
    void shouldKeepAccountsOfDifferentUsersApartAndIgnoreAUserIdWithTheKeySeparator() {
        harness.accounts.pipeInput("alice", account("alice", "hash-a", "registration-a"));
        harness.accounts.pipeInput("bob", account("bob", "hash-b", "registration-b"));
        harness.accounts.pipeInput("eve|x", account("eve|x", "hash-e", "registration-e"));

        List<KeyValue<String, UserAccount>> stored = harness.storeEntries(StoreNames.USER_ACCOUNTS);
        assertThat(stored).extracting(entry -> entry.key).containsExactlyInAnyOrder("alice", "bob");
    }

    private static UserAccount account(String userId, String hash, String registrationId) {
        return UserAccount.newBuilder().setUserId(userId).setPasswordHash(hash).setScopes(List.of())
                .setRegistrationId(registrationId).setCreatedAt(Instant.parse("2026-03-10T08:00:00Z")).build();
    }
}
