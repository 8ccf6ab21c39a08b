package io.ledgerstream.topology.detect.anomaly;

import java.util.Arrays;
import java.util.List;
import smile.anomaly.IsolationForest;

/**
 * Grows an isolation forest on the features of normal payments and sets its threshold at the score
 * that only the given share of those payments reaches: the false alerts one accepts.
 *
 * <p>Each tree sees {@value #SAMPLE} payments and grows at most {@value #DEPTH} levels deep
 * (log2 of its sample), as in Liu, Ting and Zhou's paper: isolation works on small samples, and
 * paths longer than that tell nothing more. The depth is set rather than left to Smile, whose
 * default (log2 of all the training payments) lets trees chase runs of identical payments to 16
 * levels and made a forest of 49 MB. Smile 4.4 reads extension level 0 as full extension (cuts
 * along random hyperplanes through all features, Hariri et al.'s extended isolation forest),
 * which is what the figures in docs/benchmarks.md were measured with. Smile grows the trees in
 * parallel with its own random numbers, so two trainings on the same data give slightly different
 * forests.
 */
public final class AnomalyModelTrainer {

    static final int TREES = 100;
    static final int SAMPLE = 256;
    static final int DEPTH = 8;

    private AnomalyModelTrainer() {
    }

    /**
     * @param normal         features of payments of normal behaviour, at least {@value #SAMPLE}
     * @param alertsPerMille normal payments out of 1,000 that may score at or above the threshold
     */
    public static AnomalyModel train(String version, List<double[]> normal, double alertsPerMille) {
        if (normal.size() < SAMPLE) {
            throw new IllegalArgumentException("an isolation forest needs at least " + SAMPLE + " payments, got "
                    + normal.size());
        }
        if (!(alertsPerMille > 0 && alertsPerMille < 1000)) {
            throw new IllegalArgumentException("alerts per 1,000 payments must be between 0 and 1,000: " + alertsPerMille);
        }
        double[][] data = normal.toArray(double[][]::new);
        IsolationForest forest = IsolationForest.fit(data,
                new IsolationForest.Options(TREES, DEPTH, (double) SAMPLE / data.length, 0));
        double[] scores = forest.score(data);
        Arrays.sort(scores);
        int rank = (int) Math.ceil(scores.length * (1 - alertsPerMille / 1000));
        double threshold = rank >= scores.length ? Math.nextUp(scores[scores.length - 1]) : scores[rank];
        return new AnomalyModel(version, forest, threshold, data.length);
    }
}
