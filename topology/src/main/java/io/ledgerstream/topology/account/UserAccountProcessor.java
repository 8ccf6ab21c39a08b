package io.ledgerstream.topology.account;

import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.topology.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@value StoreNames#USER_ACCOUNTS} from the user.accounts topic (key userId). The first
 * registration of a userId wins: a later record with another registration id is ignored, so two
 * registrations racing through two API instances end with one account, and the API tells the loser
 * by comparing registration ids. A record of the same registration replaces it (a password change
 * keeps its registration id); a tombstone deletes the account. Forwards nothing.
 */
public final class UserAccountProcessor implements Processor<String, UserAccount, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(UserAccountProcessor.class);

    private TimestampedKeyValueStore<String, UserAccount> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StoreNames.USER_ACCOUNTS);
    }

    @Override
    public void process(Record<String, UserAccount> record) {
        String userId = record.key();
        if (userId == null || userId.contains(StoreNames.SEPARATOR)) {
            return;
        }
        if (record.value() == null) {
            store.delete(userId);
            return;
        }
        ValueAndTimestamp<UserAccount> existing = store.get(userId);
        if (existing != null && !existing.value().getRegistrationId().equals(record.value().getRegistrationId())) {
            log.info("user {} is already registered; a second registration ({}) is ignored", userId,
                    record.value().getRegistrationId());
            return;
        }
        store.put(userId, ValueAndTimestamp.make(record.value(), record.timestamp()));
    }
}
