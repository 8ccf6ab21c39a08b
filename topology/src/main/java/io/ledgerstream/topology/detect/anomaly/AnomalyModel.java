package io.ledgerstream.topology.detect.anomaly;

import smile.anomaly.IsolationForest;

/**
 * A released isolation forest and the score from which a payment is alerted on. It scores with the
 * forest laid out flat ({@link FlatForest}), which gives Smile's scores exactly, faster.
 */
public final class AnomalyModel {

    private final String version;
    private final IsolationForest forest;
    private final double threshold;
    private final int trainingPayments;
    private final FlatForest flat;

    /**
     * @param version          carried by every alert the model raises
     * @param forest           grown on the features ({@link PaymentContext#FEATURES}) of normal payments
     * @param threshold        anomaly score, 0 to 1, from which a payment is out of pattern
     * @param trainingPayments normal payments the forest was grown on
     */
    public AnomalyModel(String version, IsolationForest forest, double threshold, int trainingPayments) {
        this.version = version;
        this.forest = forest;
        this.threshold = threshold;
        this.trainingPayments = trainingPayments;
        this.flat = FlatForest.of(forest, PaymentContext.FEATURES.size());
    }

    /** Smile's anomaly score, 0 to 1: the higher, the sooner random cuts isolate the payment. */
    public double score(double[] features) {
        return flat.score(features);
    }

    /** Whether {@link #score} reaches the threshold; stops walking trees as soon as it cannot. */
    public boolean isAnomalous(double[] features) {
        return flat.reaches(features, threshold);
    }

    public String version() {
        return version;
    }

    public IsolationForest forest() {
        return forest;
    }

    public double threshold() {
        return threshold;
    }

    public int trainingPayments() {
        return trainingPayments;
    }

    @Override
    public String toString() {
        return "AnomalyModel[version=" + version + ", threshold=" + threshold + ", trainingPayments="
                + trainingPayments + ", trees=" + forest.size() + "]";
    }
}
