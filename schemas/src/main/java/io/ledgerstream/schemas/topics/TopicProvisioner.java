package io.ledgerstream.schemas.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics and waits until every partition of them can be written.
 *
 * <p>"Created" is not enough: an idempotent producer writing to a topic the broker has only just
 * created can lose records silently (KAFKA-15591, an OUT_OF_ORDER_SEQUENCE_NUMBER after a
 * NOT_LEADER retry). A partition that answers {@code Admin.listOffsets} has a serving leader.
 */
public final class TopicProvisioner {

    private static final Duration RETRY_BACKOFF = Duration.ofMillis(50);

    private TopicProvisioner() {
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are), then waits until
     * every partition of every one of them answers {@code listOffsets(latest)}.
     *
     * @param admin a client of the cluster
     * @param topics the topics wanted
     * @param timeout how long creating and waiting may take in all
     * @throws TimeoutException if some partition has not answered in time
     * @throws KafkaException if a topic cannot be created for another reason than that it exists
     */
    public static void ensureTopics(final Admin admin, final Collection<NewTopic> topics, final Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        try {
            create(admin, topics, deadline);
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static void create(final Admin admin, final Collection<NewTopic> topics, final long deadline)
            throws InterruptedException {
        final Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaException("cannot create topic " + result.getKey() + ": " + e.getCause(), e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new TimeoutException("topic " + result.getKey() + " was not created in time", e);
            }
        }
    }

    private static void awaitLeaders(final Admin admin, final List<String> names, final long deadline)
            throws InterruptedException {
        Exception lastFailure = null;
        while (remainingMillis(deadline) > 0) {
            try {
                final Map<TopicPartition, OffsetSpec> partitions = latestOfEveryPartition(admin, names, deadline);
                admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(remainingMillis(deadline)))
                        .all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new KafkaException("cannot read the offsets of " + names + ": " + e.getCause(), e.getCause());
                }
                lastFailure = e;
            } catch (java.util.concurrent.TimeoutException e) {
                lastFailure = e;
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(RETRY_BACKOFF.toMillis(), remainingMillis(deadline)));
        }
        throw new TimeoutException("not every partition of " + names + " has a leader yet", lastFailure);
    }

    private static Map<TopicPartition, OffsetSpec> latestOfEveryPartition(
            final Admin admin, final List<String> names, final long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        final Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.values().forEach(topic -> topic.partitions().forEach(
                partition -> partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        return partitions;
    }

    private static int remainingMillis(final long deadline) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
