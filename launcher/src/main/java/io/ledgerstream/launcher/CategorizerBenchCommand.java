package io.ledgerstream.launcher;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.categorize.Categorizer;
import io.ledgerstream.topology.categorize.CategorizerChain;
import io.ledgerstream.topology.categorize.CategoryDecision;
import io.ledgerstream.topology.categorize.Direction;
import io.ledgerstream.topology.categorize.ModelCategorizer;
import io.ledgerstream.topology.categorize.RuleCategorizers;
import io.ledgerstream.topology.categorize.TransactionFeatures;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.Evaluation;
import io.ledgerstream.topology.categorize.model.ModelInput;
import io.ledgerstream.topology.categorize.model.TrainingData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench categorizer}: trains the categorizer's model on the generated training
 * set (see docs/categorizer.md) and scores it on what was kept apart: new transactions of the
 * training merchants, and the merchants never seen. Prints accuracy, macro-F1, the most frequent
 * confusions and the cost of one prediction (features and model, after a warm-up); then the same
 * for the seed systems' baseline, TF-IDF and logistic regression in scikit-learn, trained on the
 * same data (launcher/src/main/python/categorizer_baseline.py, with Debian's python3-sklearn).
 */
@Command(name = "categorizer", mixinStandardHelpOptions = true,
        description = "Train the categorizer's model and score it on held-apart transactions.")
final class CategorizerBenchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--per-merchant", defaultValue = "20",
            description = "Training transactions made from each merchant (default: ${DEFAULT-VALUE}).")
    private int perMerchant;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Spec
    private CommandSpec spec;

    /** The evaluation's parts, in the order printed; the baseline prints its own in the same order. */
    private static final List<String> PARTS = List.of("merchants seen in training, new transactions",
            "merchants never seen in training", "whole evaluation set");
    private static final double[] THRESHOLDS = {0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (perMerchant < 1) {
            throw new ParameterException(spec.commandLine(), "--per-merchant must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingData.Sets sets = TrainingData.generate(seed, perMerchant);
        List<List<CategoryModel.Example>> parts = List.of(sets.knownMerchants(), sets.newMerchants(), sets.evaluation());
        long start = System.nanoTime();
        CategoryModel model = CategoryModel.train("bench", sets.training(), CategoryModel.OPTIONS);
        out.printf("trained on %,d transactions in %.1f s (%d categories)%n", sets.training().size(),
                (System.nanoTime() - start) / 1e9, model.categories().size());
        out.println("ours, the model alone:");
        for (int i = 0; i < parts.size(); i++) {
            print(out, PARTS.get(i), Evaluation.of(parts.get(i), in -> model.predict(in).category()));
        }
        out.printf("prediction: %.1f µs per transaction (features and model)%n",
                microsPerPrediction(model, sets.knownMerchants()));
        chain(out, model, parts);
        thresholds(out, model, sets.evaluation());
        out.flush();
        baseline(out, sets.training(), parts);
        return 0;
    }

    /**
     * What a user sees: the global rules first (MCC, keywords), then the model at the topology's
     * threshold, below which the transaction is UNCATEGORIZED and counted wrong.
     */
    private static void chain(PrintWriter out, CategoryModel model, List<List<CategoryModel.Example>> parts) {
        double threshold = TopologySettings.DEFAULT_MODEL_THRESHOLD;
        Categorizer tiers = CategorizerChain.of(RuleCategorizers.standard(),
                new ModelCategorizer(() -> Optional.of(model), threshold));
        out.printf("ours, the tiers as the topology runs them (rules, then the model at threshold %.2f;"
                + " UNCATEGORIZED counts as wrong):%n", threshold);
        for (int i = 0; i < parts.size(); i++) {
            print(out, PARTS.get(i), Evaluation.of(parts.get(i), in -> tiers.categorize(new TransactionFeatures(
                    "bench", "bench", in.merchant(), in.description(), in.mcc(), Direction.of(in.amount()), in.amount()))
                    .map(CategoryDecision::category).orElse(Category.UNCATEGORIZED)));
        }
    }

    /** The model alone on the whole evaluation set: how many it decides at each threshold, and how well. */
    private static void thresholds(PrintWriter out, CategoryModel model, List<CategoryModel.Example> evaluation) {
        List<CategoryModel.Prediction> predictions = evaluation.stream().map(e -> model.predict(e.input())).toList();
        out.println("the model's threshold, whole evaluation set: decided share, accuracy of those decided, accuracy overall");
        for (double threshold : THRESHOLDS) {
            int decided = 0;
            int right = 0;
            for (int i = 0; i < evaluation.size(); i++) {
                if (predictions.get(i).confidence() >= threshold) {
                    decided++;
                    right += predictions.get(i).category() == evaluation.get(i).category() ? 1 : 0;
                }
            }
            out.printf("    %.1f: %.3f, %.3f, %.3f%n", threshold, (double) decided / evaluation.size(),
                    decided == 0 ? 0 : (double) right / decided, (double) right / evaluation.size());
        }
    }

    /**
     * The seed systems' TF-IDF + logistic regression (scikit-learn) on the same data, through
     * launcher/src/main/python/categorizer_baseline.py and Debian's Python.
     */
    private static void baseline(PrintWriter out, List<CategoryModel.Example> training,
                                 List<List<CategoryModel.Example>> parts) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ledgerstream-bench-categorizer");
        List<String> command = new ArrayList<>();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        command.add(python);
        command.add(ProjectHome.path().resolve("launcher/src/main/python/categorizer_baseline.py").toString());
        command.add(writeJsonLines(directory.resolve("training.jsonl"), training).toString());
        for (int i = 0; i < parts.size(); i++) {
            command.add(writeJsonLines(directory.resolve("evaluation-" + i + ".jsonl"), parts.get(i)).toString());
        }
        out.println("baseline: TF-IDF (words and word pairs) + LogisticRegression, scikit-learn, same training data");
        out.flush();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println("baseline: not run (" + python + " exited " + exit + ", see above)");
            return;
        }
        for (int i = 0; i < lines.size() && i < PARTS.size(); i++) {
            JsonNode result = JSON.readTree(lines.get(i));
            out.printf("%s (%,d): accuracy %.3f, macro-F1 %.3f%n", PARTS.get(i), result.get("count").asInt(),
                    result.get("accuracy").asDouble(), result.get("macroF1").asDouble());
            result.get("confusions").forEach(confusion ->
                    out.println("    " + confusion.get(0).asText() + ": " + confusion.get(1).asInt()));
            if (i == 0) {
                out.printf("prediction: %.1f µs per transaction one at a time, %.1f µs in one call for all;"
                                + " trained in %.1f s%n", result.get("microsPerRecord").asDouble(),
                        result.get("microsPerRecordBatch").asDouble(), result.get("trainSeconds").asDouble());
            }
        }
        out.flush();
    }

    private static Path writeJsonLines(Path file, List<CategoryModel.Example> examples) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            for (CategoryModel.Example example : examples) {
                ObjectNode row = JSON.createObjectNode();
                row.put("description", example.input().description());
                row.put("merchant", example.input().merchant());
                row.put("amount", example.input().amount().toPlainString());
                row.put("mcc", example.input().mcc());
                row.put("category", example.category().name());
                writer.write(JSON.writeValueAsString(row));
                writer.write('\n');
            }
        }
        return file;
    }

    private static void print(PrintWriter out, String what, Evaluation evaluation) {
        out.printf("%s (%,d): accuracy %.3f, macro-F1 %.3f%n", what, evaluation.count(), evaluation.accuracy(),
                evaluation.macroF1());
        evaluation.topConfusions(5).forEach(confusion -> out.println("    " + confusion));
        out.flush();
    }

    /** Median of fifteen timed passes over the inputs, after two passes of warm-up (this machine's timings swing). */
    private static double microsPerPrediction(CategoryModel model, List<CategoryModel.Example> examples) {
        List<ModelInput> inputs = examples.stream().map(CategoryModel.Example::input).toList();
        double[] passes = new double[17];
        long sink = 0;
        for (int pass = 0; pass < passes.length; pass++) {
            long start = System.nanoTime();
            for (ModelInput input : inputs) {
                sink += model.predict(input).category().ordinal();
            }
            passes[pass] = (System.nanoTime() - start) / 1e3 / inputs.size();
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the predictions from being optimized away");
        }
        double[] timed = Arrays.copyOfRange(passes, 2, passes.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
