package io.ledgerstream.api.publish;

import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;

/**
 * Publishes what users tell the API, keyed by userId, and returns once the broker has it.
 *
 * @see KafkaUserCommandPublisher
 */
public interface UserCommandPublisher extends AutoCloseable {

    /**
     * Publishes to {@code category.corrections}.
     *
     * @throws PublishFailedException if the broker did not take it
     */
    void publish(CategoryCorrection correction);

    /**
     * Publishes to {@code user.settings}.
     *
     * @throws PublishFailedException if the broker did not take it
     */
    void publish(UserSettings settings);

    /**
     * Publishes to {@code user.accounts}.
     *
     * @throws PublishFailedException if the broker did not take it
     */
    void publish(UserAccount account);

    @Override
    default void close() {
    }
}
