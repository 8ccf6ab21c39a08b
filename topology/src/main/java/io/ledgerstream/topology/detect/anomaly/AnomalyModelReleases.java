package io.ledgerstream.topology.detect.anomaly;

import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.topology.release.ModelReleaseProcessor;
import java.util.Locale;

/** Reads an isolation-forest release from anomaly.models into the model it holds. */
public final class AnomalyModelReleases implements ModelReleaseProcessor.Decoder<AnomalyModelRelease, AnomalyModel> {

    @Override
    public AnomalyModel decode(AnomalyModelRelease release) {
        AnomalyModel model = AnomalyModelCodec.read(ModelReleaseProcessor.Decoder.bytes(release.getModel()));
        if (!model.version().equals(release.getVersion())) {
            throw new IllegalArgumentException("anomaly release " + release.getVersion() + " holds model " + model.version());
        }
        return model;
    }

    @Override
    public String describe(AnomalyModelRelease release) {
        return String.format(Locale.ROOT, "isolation forest %s (threshold %.3f; on its evaluation: recall %.3f, "
                        + "%.2f false alerts per 1,000 payments)", release.getVersion(), release.getThreshold(),
                release.getEvaluationRecall(), release.getEvaluationFalsePerThousand());
    }
}
