package io.ledgerstream.topology.release;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model of one kind (the categorizer's, the isolation forest's) that one Kafka Streams instance
 * works with, decoded once per release: the global thread sets it ({@link ModelReleaseProcessor}),
 * every stream thread reads it for every transaction. Reading is one volatile load, so a release
 * takes over from the next transaction on, with no restart and no lock.
 *
 * @param <M> the decoded model
 */
public final class CurrentModel<M> implements Supplier<Optional<M>> {

    private final AtomicReference<M> model = new AtomicReference<>();

    @Override
    public Optional<M> get() {
        return Optional.ofNullable(model.get());
    }

    /** Makes {@code next} the model of every later transaction. */
    public void set(M next) {
        model.set(next);
    }
}
