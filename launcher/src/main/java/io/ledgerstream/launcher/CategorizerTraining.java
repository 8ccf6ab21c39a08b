package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.CorrectionConsensus;
import io.ledgerstream.topology.categorize.model.Evaluation;
import io.ledgerstream.topology.categorize.model.ModelCodec;
import io.ledgerstream.topology.categorize.model.ModelTrainer;
import io.ledgerstream.topology.categorize.model.TrainingData;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One round of the categorizer's learning, as {@code ledgerstream train} runs it: the corrections as
 * votes per merchant, what several users agree on, a model trained on the project's data plus that,
 * scored with the model in use on the same evaluation set, and released to categorizer.models only
 * if it is not worse.
 */
final class CategorizerTraining {

    private final LedgerstreamConfig config;
    private final TopicCatalog catalog;
    private final Clock clock;

    CategorizerTraining(LedgerstreamConfig config, TopicCatalog catalog, Clock clock) {
        this.config = config;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Whether a model has been released on categorizer.models. */
    boolean hasRelease() {
        return TopicSnapshot.latestByKey(config, catalog.categorizerModels()).containsKey(TopicCatalog.CATEGORIZER_MODEL_KEY);
    }

    /**
     * Runs a round, printing what it read, agreed, trained and decided.
     *
     * @return the released version, if one was released
     */
    Optional<String> round(int perMerchant, long seed, int minUsers, boolean dryRun, PrintWriter out) {
        List<CorrectionConsensus.Vote> votes = votes(out);
        List<CorrectionConsensus.Agreement> agreements = CorrectionConsensus.of(votes, minUsers);
        out.printf("agreed by at least %d users: %d merchant(s)%n", minUsers, agreements.size());
        agreements.forEach(agreement -> out.printf("    %s -> %s (%d of the %d users who corrected it)%n",
                agreement.merchant(), agreement.category(), agreement.users(), agreement.voters()));

        Optional<CategoryModelRelease> inUse = Optional.ofNullable(
                TopicSnapshot.latestByKey(config, catalog.categorizerModels()).get(TopicCatalog.CATEGORIZER_MODEL_KEY));
        Optional<CategoryModel> current = inUse.flatMap(release -> decode(release, out));
        String version = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        long start = System.nanoTime();
        out.flush();
        ModelTrainer.Round round = ModelTrainer.train(version, seed, perMerchant, agreements.stream()
                .map(a -> new TrainingData.AgreedCategory(a.merchant(), a.category())).toList(), current);
        ModelTrainer.Candidate candidate = round.candidate();
        out.printf("model %s: trained on %,d transactions in %.1f s%n", version, candidate.trainingExamples(),
                (System.nanoTime() - start) / 1e9);
        print(out, "  evaluation", candidate.overall());
        print(out, "    known merchants, new transactions", candidate.knownMerchants());
        print(out, "    merchants never seen", candidate.newMerchants());
        round.current().ifPresent(evaluation -> print(out, "  model in use " + current.orElseThrow().version()
                + ", same evaluation", evaluation));
        Optional<String> released = Optional.empty();
        if (!round.release()) {
            out.printf("not released: less accurate than the model in use%n");
        } else if (dryRun) {
            out.printf("not released (--dry-run)%n");
        } else {
            ModelPublisher.publish(config, catalog.categorizerModels(), TopicCatalog.CATEGORIZER_MODEL_KEY,
                    release(candidate, agreements.size()), version);
            out.printf("released %s to %s%n", version, catalog.categorizerModels().name());
            released = Optional.of(version);
        }
        out.flush();
        return released;
    }

    /**
     * Each correction as a vote on its merchant, in the order made. A correction of one transaction
     * names no merchant; its merchant is looked up in transactions.enriched (the latest version).
     */
    private List<CorrectionConsensus.Vote> votes(PrintWriter out) {
        List<CategoryCorrection> corrections = new ArrayList<>();
        TopicSnapshot.forEach(config, catalog.corrections(), record -> {
            if (record.value() != null && record.key() != null) {
                corrections.add(record.value());
            }
        });
        corrections.sort(Comparator.comparing(CategoryCorrection::getCorrectedAt));
        Set<String> unresolved = new HashSet<>();
        corrections.stream().filter(c -> isBlank(c.getMerchant()) && !isBlank(c.getTransactionId()))
                .forEach(c -> unresolved.add(StoreNames.versionKey(c.getUserId(), c.getTransactionId())));
        Map<String, String> merchants = new HashMap<>();
        if (!unresolved.isEmpty()) {
            TopicSnapshot.forEach(config, catalog.enriched(), record -> {
                if (record.value() != null) {
                    String key = StoreNames.versionKey(record.value().getUserId(), record.value().getTransactionId());
                    if (unresolved.contains(key) && !isBlank(record.value().getMerchant())) {
                        merchants.put(key, record.value().getMerchant());
                    }
                }
            });
        }
        List<CorrectionConsensus.Vote> votes = new ArrayList<>();
        for (CategoryCorrection correction : corrections) {
            String merchant = !isBlank(correction.getMerchant()) ? correction.getMerchant()
                    : isBlank(correction.getTransactionId()) ? null
                    : merchants.get(StoreNames.versionKey(correction.getUserId(), correction.getTransactionId()));
            if (merchant != null) {
                votes.add(new CorrectionConsensus.Vote(correction.getUserId(), merchant, correction.getCategory()));
            }
        }
        out.printf("corrections: %,d read, %,d name a merchant (%,d through their transaction), %,d without one%n",
                corrections.size(), votes.size(), merchants.size(), corrections.size() - votes.size());
        return votes;
    }

    private static Optional<CategoryModel> decode(CategoryModelRelease release, PrintWriter out) {
        try {
            ByteBuffer bytes = release.getModel().duplicate();
            byte[] model = new byte[bytes.remaining()];
            bytes.get(model);
            return Optional.of(ModelCodec.read(model));
        } catch (IllegalArgumentException e) {
            out.printf("the model in use, %s, cannot be read (%s): the new one is compared with none%n",
                    release.getVersion(), e.getMessage());
            return Optional.empty();
        }
    }

    private CategoryModelRelease release(ModelTrainer.Candidate candidate, int agreedMerchants) {
        return CategoryModelRelease.newBuilder()
                .setVersion(candidate.model().version())
                .setTrainedAt(Instant.now(clock))
                .setModel(ByteBuffer.wrap(ModelCodec.write(candidate.model())))
                .setTrainingExamples(candidate.trainingExamples())
                .setAgreedMerchants(agreedMerchants)
                .setEvaluationExamples(candidate.overall().count())
                .setEvaluationAccuracy(candidate.overall().accuracy())
                .setEvaluationMacroF1(candidate.overall().macroF1())
                .build();
    }

    private static void print(PrintWriter out, String label, Evaluation evaluation) {
        out.printf("%s (%,d): accuracy %.3f, macro-F1 %.3f%n", label, evaluation.count(), evaluation.accuracy(),
                evaluation.macroF1());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
