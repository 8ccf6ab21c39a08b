package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelCodec;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelReleases;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelTrainer;
import io.ledgerstream.topology.detect.anomaly.PaymentContext;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The isolation forest's training, as {@code ledgerstream train anomalies} runs it, offline: a
 * population of normal behaviour ({@link AlertPopulation} without anomalies) goes through the
 * topology in process, each payment is put in its user's context ({@link PaymentContext}, the code
 * the detector runs), the forest is grown on those features and its threshold set at the accepted
 * rate of false alerts. Then the forest, and the one in use if any, are scored on another population
 * with anomalies injected: the share of injected out-of-pattern payments found, and the false alerts
 * per 1,000 payments. A new forest is released to anomaly.models unless it finds fewer than the one in use.
 */
final class AnomalyTraining {

    /** A payment's features and whether it was injected out of pattern. */
    record Sample(double[] features, boolean outOfPattern) {
    }

    /** How a model scored on the evaluation population. */
    record Evaluation(int outOfPattern, int found, int normal, int falseAlerts) {

        double recall() {
            return outOfPattern == 0 ? 0 : (double) found / outOfPattern;
        }

        double falsePerThousand() {
            return normal == 0 ? 0 : falseAlerts * 1000.0 / normal;
        }

        double f1() {
            int raised = found + falseAlerts;
            double precision = raised == 0 ? 0 : (double) found / raised;
            return precision + recall() == 0 ? 0 : 2 * precision * recall() / (precision + recall());
        }
    }

    /** Normal payments per 1,000 a forest may flag, as its threshold is set unless told otherwise. */
    static final String DEFAULT_ALERTS_PER_MILLE = "0.5";
    static final long TRAINING_SEED = 1;
    static final long EVALUATION_SEED = 2;

    private AnomalyTraining() {
    }

    /** Grows a forest on a population of normal behaviour. */
    static AnomalyModel grow(String version, int users, long seed, double alertsPerMille, PrintWriter out) {
        long start = System.nanoTime();
        List<double[]> normal = samples(AlertPopulation.generate(seed, users, false)).stream().map(Sample::features).toList();
        AnomalyModel model = AnomalyModelTrainer.train(version, normal, alertsPerMille);
        out.printf("isolation forest %s: grown on %,d normal payments of %d users (seed %d) in %.1f s, threshold %.3f%n",
                version, normal.size(), users, seed, (System.nanoTime() - start) / 1e9, model.threshold());
        out.flush();
        return model;
    }

    /** The release of a forest, with its evaluation. */
    static AnomalyModelRelease release(AnomalyModel model, Evaluation evaluation, Instant trainedAt) {
        return AnomalyModelRelease.newBuilder()
                .setVersion(model.version())
                .setTrainedAt(trainedAt)
                .setModel(ByteBuffer.wrap(AnomalyModelCodec.write(model)))
                .setTrainingPayments(model.trainingPayments())
                .setThreshold(model.threshold())
                .setEvaluationRecall(evaluation.recall())
                .setEvaluationFalsePerThousand(evaluation.falsePerThousand())
                .build();
    }

    /** Every judged payment of a population, in the order the topology enriched them, with its ground truth. */
    static List<Sample> samples(AlertPopulation population) {
        Set<String> injected = population.expected.get(AlertType.ANOMALOUS_TRANSACTION);
        PaymentContext.Profiles inMemory = PaymentContext.Profiles.inMemory();
        List<Sample> samples = new ArrayList<>();
        for (EnrichedTransaction payment : PopulationRun.of(population, Optional.empty()).enriched()) {
            BigDecimal paid = payment.getBaseAmount().negate();
            if (payment.getRemoved() || paid.signum() <= 0) {
                continue;
            }
            PaymentContext.observe(payment, paid, inMemory).ifPresent(judged -> samples.add(new Sample(judged.features(),
                    injected.contains(AlertPopulation.key(AlertType.ANOMALOUS_TRANSACTION, payment.getUserId(),
                            payment.getTransactionId())))));
        }
        return samples;
    }

    static Evaluation evaluate(AnomalyModel model, List<Sample> samples) {
        int outOfPattern = 0;
        int found = 0;
        int falseAlerts = 0;
        for (Sample sample : samples) {
            boolean flagged = model.isAnomalous(sample.features());
            if (sample.outOfPattern()) {
                outOfPattern++;
                found += flagged ? 1 : 0;
            } else {
                falseAlerts += flagged ? 1 : 0;
            }
        }
        return new Evaluation(outOfPattern, found, samples.size() - outOfPattern, falseAlerts);
    }

    /**
     * One round of {@code train anomalies}: trains, scores with the forest in use, releases if not worse.
     *
     * @return the released version, if one was released
     */
    static Optional<String> round(LedgerstreamConfig config, TopicCatalog catalog, Clock clock, int users,
                                  double alertsPerMille, boolean dryRun, PrintWriter out) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        AnomalyModel model = grow("if-" + now, users, TRAINING_SEED, alertsPerMille, out);
        List<Sample> evaluation = samples(AlertPopulation.generate(EVALUATION_SEED, users));
        Evaluation candidate = evaluate(model, evaluation);
        print(out, "  evaluation (seed " + EVALUATION_SEED + ", anomalies injected)", candidate);
        Optional<AnomalyModel> current = Optional.ofNullable(
                        TopicSnapshot.latestByKey(config, catalog.anomalyModels()).get(TopicCatalog.ANOMALY_MODEL_KEY))
                .flatMap(release -> {
                    try {
                        return Optional.of(new AnomalyModelReleases().decode(release));
                    } catch (IllegalArgumentException e) {
                        out.printf("the forest in use, %s, cannot be read (%s): the new one is compared with none%n",
                                release.getVersion(), e.getMessage());
                        return Optional.empty();
                    }
                });
        Optional<Evaluation> currentEvaluation = current.map(inUse -> evaluate(inUse, evaluation));
        currentEvaluation.ifPresent(e -> print(out, "  forest in use " + current.get().version() + ", same evaluation", e));
        String version = model.version();
        if (currentEvaluation.isPresent() && candidate.f1() < currentEvaluation.get().f1()) {
            out.printf("not released: a lower F1 than the forest in use%n");
        } else if (dryRun) {
            out.printf("not released (--dry-run)%n");
        } else {
            ModelPublisher.publish(config, catalog.anomalyModels(), TopicCatalog.ANOMALY_MODEL_KEY,
                    release(model, candidate, now), version);
            out.printf("released %s to %s%n", version, catalog.anomalyModels().name());
            out.flush();
            return Optional.of(version);
        }
        out.flush();
        return Optional.empty();
    }

    private static void print(PrintWriter out, String label, Evaluation evaluation) {
        out.printf("%s: found %d of %d injected out-of-pattern payments (recall %.3f), %d false alerts in %,d normal "
                        + "payments (%.2f per 1,000), F1 %.3f%n", label, evaluation.found(), evaluation.outOfPattern(),
                evaluation.recall(), evaluation.falseAlerts(), evaluation.normal(), evaluation.falsePerThousand(),
                evaluation.f1());
    }
}
