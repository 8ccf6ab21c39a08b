package io.ledgerstream.topology.detect.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

/** The flat layout against Smile's own scoring of the same forest: equal scores, not close ones. */
class FlatForestTest {

    private static final int FEATURES = PaymentContext.FEATURES.size();

    private static IsolationForest forest;
    private static FlatForest flat;
    private static List<double[]> points;

    @BeforeAll
    static void growAForest() {
        Random random = new Random(11);
        List<double[]> normal = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            normal.add(point(random, 1));
        }
        forest = AnomalyModelTrainer.train("if-test", normal, 1).forest();
        flat = FlatForest.of(forest, FEATURES);
        points = new ArrayList<>(normal.subList(0, 1_000));
        for (int i = 0; i < 2_000; i++) {
            points.add(point(random, 1 + random.nextInt(8))); // from usual to far out
        }
        double[] zeros = new double[FEATURES];
        points.add(zeros);
    }

    private static double[] point(Random random, double spread) {
        double[] point = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            point[f] = spread * random.nextGaussian();
        }
        return point;
    }

    @Test
    void shouldScoreEveryPointExactlyAsSmileDoes() {
        for (double[] point : points) {
            assertThat(flat.score(point)).as("score of %s", java.util.Arrays.toString(point))
                    .isEqualTo(forest.score(point));
        }
    }

    @Test
    void shouldTellWhetherAThresholdIsReachedExactlyAsTheFullScoreDoes() {
        double[] thresholds = {0.3, 0.45, 0.5, 0.55, 0.6, 0.7, 0.9};
        int reached = 0;
        int missed = 0;
        for (double[] point : points) {
            double score = forest.score(point);
            for (double threshold : thresholds) {
                boolean expected = score >= threshold;
                assertThat(flat.reaches(point, threshold)).as("%s against %s", score, threshold).isEqualTo(expected);
                if (expected) {
                    reached++;
                } else {
                    missed++;
                }
            }
            // at the score itself, and just above it: the edges where stopping early could go wrong
            assertThat(flat.reaches(point, score)).isTrue();
            assertThat(flat.reaches(point, Math.nextUp(score))).isFalse();
        }
        assertThat(reached).as("the points reach some thresholds").isPositive();
        assertThat(missed).as("and miss others").isPositive();
    }

    @Test
    void shouldRefuseAPaymentWithAnotherNumberOfFeatures() {
        assertThatThrownBy(() -> flat.score(new double[FEATURES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes " + FEATURES + " features, got " + (FEATURES + 1));
    }

    @Test
    void shouldRefuseAForestGrownOnOtherFeatures() {
        assertThatThrownBy(() -> FlatForest.of(forest, FEATURES - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grown on " + FEATURES + " features");
    }
}
