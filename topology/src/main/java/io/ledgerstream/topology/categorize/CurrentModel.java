package io.ledgerstream.topology.categorize;

import io.ledgerstream.topology.categorize.model.CategoryModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model one Kafka Streams instance categorizes with, decoded once per release: the global
 * thread sets it ({@link ModelReleaseProcessor}), every stream thread reads it for every
 * transaction ({@link ModelCategorizer}). Reading is one volatile load, so a release takes over
 * from the next transaction on, with no restart and no lock.
 */
public final class CurrentModel implements Supplier<Optional<CategoryModel>> {

    private final AtomicReference<CategoryModel> model = new AtomicReference<>();

    @Override
    public Optional<CategoryModel> get() {
        return Optional.ofNullable(model.get());
    }

    /** Makes {@code next} the model of every later transaction. */
    public void set(CategoryModel next) {
        model.set(next);
    }
}
