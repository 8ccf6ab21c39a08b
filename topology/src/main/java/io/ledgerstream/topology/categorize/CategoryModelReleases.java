package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelCodec;
import io.ledgerstream.topology.release.ModelReleaseProcessor;
import java.util.Locale;

/** Reads a categorizer release from categorizer.models into the model it holds. */
public final class CategoryModelReleases implements ModelReleaseProcessor.Decoder<CategoryModelRelease, CategoryModel> {

    @Override
    public CategoryModel decode(CategoryModelRelease release) {
        CategoryModel model = ModelCodec.read(ModelReleaseProcessor.Decoder.bytes(release.getModel()));
        if (!model.version().equals(release.getVersion())) {
            throw new IllegalArgumentException("categorizer release " + release.getVersion() + " holds model " + model.version());
        }
        return model;
    }

    @Override
    public String describe(CategoryModelRelease release) {
        return String.format(Locale.ROOT, "categorizer model %s (evaluation accuracy %.3f, macro-F1 %.3f)",
                release.getVersion(), release.getEvaluationAccuracy(), release.getEvaluationMacroF1());
    }
}
