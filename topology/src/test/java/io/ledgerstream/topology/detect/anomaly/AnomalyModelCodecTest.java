package io.ledgerstream.topology.detect.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AnomalyModelCodecTest {

    private static final int FEATURES = PaymentContext.FEATURES.size();

    /** Normal points near the origin, one coordinate of them often exactly 0, as clipped amounts are. */
    private static List<double[]> normal(int count, long seed) {
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] point = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                point[f] = f == 0 ? Math.max(0, random.nextGaussian()) : random.nextGaussian();
            }
            points.add(point);
        }
        return points;
    }

    @Test
    void shouldScoreTheSameAfterWritingAndReading() {
        AnomalyModel model = AnomalyModelTrainer.train("if-test", normal(5_000, 1), 1);

        byte[] bytes = AnomalyModelCodec.write(model);
        AnomalyModel read = AnomalyModelCodec.read(bytes);

        assertThat(bytes.length).as("a release stays far below the topic's record limit").isLessThan(8 * 1024 * 1024);
        assertThat(read.version()).isEqualTo("if-test");
        assertThat(read.threshold()).isEqualTo(model.threshold());
        assertThat(read.trainingPayments()).isEqualTo(5_000);
        for (double[] point : normal(200, 2)) {
            assertThat(read.score(point)).isEqualTo(model.score(point));
        }
    }

    @Test
    void shouldSetTheThresholdAtTheAcceptedShareOfNormalPayments() {
        List<double[]> normal = normal(20_000, 3);
        AnomalyModel model = AnomalyModelTrainer.train("if-test", normal, 5);

        long flagged = normal.stream().filter(model::isAnomalous).count();
        double[] far = new double[FEATURES];
        java.util.Arrays.fill(far, 8);

        assertThat(flagged).as("5 per 1,000 of 20,000, give or take ties").isBetween(95L, 105L);
        assertThat(model.isAnomalous(far)).isTrue();
    }

    @Test
    void shouldRefuseBytesThatHoldAnythingButAForest() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(0x4c534946);
            out.writeInt(1);
            out.writeUTF("if-evil");
            out.writeDouble(0.6);
            out.writeInt(1000);
            out.writeInt(FEATURES);
            for (String feature : PaymentContext.FEATURES) {
                out.writeUTF(feature);
            }
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(new java.util.HashMap<>(java.util.Map.of("not", "a forest")));
            objects.flush();
        }

        assertThatThrownBy(() -> AnomalyModelCodec.read(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read an anomaly model");
    }

    @Test
    void shouldRefuseAModelOfOtherFeatures() {
        byte[] bytes = AnomalyModelCodec.write(AnomalyModelTrainer.train("if-test", normal(1_000, 4), 1));
        assertThatThrownBy(() -> AnomalyModelCodec.read(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AnomalyModelCodec.read(bytes).version()).isEqualTo("if-test");
    }
}
