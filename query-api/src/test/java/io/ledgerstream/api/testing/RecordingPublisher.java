package io.ledgerstream.api.testing;

import io.ledgerstream.api.publish.PublishFailedException;
import io.ledgerstream.api.publish.UserCommandPublisher;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;

/** Keeps what would have been published; can be made to fail like a broker that does not answer. */
public final class RecordingPublisher implements UserCommandPublisher {

    public final List<CategoryCorrection> corrections = new ArrayList<>();
    public final List<UserSettings> settings = new ArrayList<>();
    public final List<UserAccount> accounts = new ArrayList<>();
    private FakeUserStateReader appliesAccountsTo;
    private boolean brokerDown;

    public RecordingPublisher withBrokerDown() {
        brokerDown = true;
        return this;
    }

    @Override
    public void publish(CategoryCorrection correction) {
        failIfDown();
        corrections.add(correction);
    }

    @Override
    public void publish(UserSettings userSettings) {
        failIfDown();
        settings.add(userSettings);
    }

    /** Accounts published are also put into {@code reader}, as the topology would put them into its store. */
    public RecordingPublisher applyingAccountsTo(FakeUserStateReader reader) {
        appliesAccountsTo = reader;
        return this;
    }

    @Override
    public void publish(UserAccount account) {
        failIfDown();
        accounts.add(account);
        if (appliesAccountsTo != null) {
            appliesAccountsTo.withAccountIfAbsent(account);
        }
    }

    private void failIfDown() {
        if (brokerDown) {
            throw new PublishFailedException("the broker did not accept the record: timed out",
                    new TimeoutException("timed out"));
        }
    }
}
