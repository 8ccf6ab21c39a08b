package io.ledgerstream.topology.detect.anomaly;

import smile.anomaly.IsolationForest;

/**
 * A released isolation forest and the score from which a payment is alerted on.
 *
 * @param version          carried by every alert the model raises
 * @param forest           grown on the features ({@link PaymentContext#FEATURES}) of normal payments
 * @param threshold        anomaly score, 0 to 1, from which a payment is out of pattern
 * @param trainingPayments normal payments the forest was grown on
 */
public record AnomalyModel(String version, IsolationForest forest, double threshold, int trainingPayments) {

    /** Smile's anomaly score, 0 to 1: the higher, the sooner random cuts isolate the payment. */
    public double score(double[] features) {
        return forest.score(features);
    }

    public boolean isAnomalous(double[] features) {
        return score(features) >= threshold;
    }
}
