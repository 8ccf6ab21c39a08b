package io.ledgerstream.launcher;

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
import java.util.Arrays;
import java.util.List;
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (perMerchant < 1) {
            throw new ParameterException(spec.commandLine(), "--per-merchant must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingData.Sets sets = TrainingData.generate(seed, perMerchant);
        List<CategoryModel.Example> seen = sets.knownMerchants();
        long start = System.nanoTime();
        CategoryModel model = CategoryModel.train("bench", sets.training(), CategoryModel.OPTIONS);
        out.printf("trained on %,d transactions in %.1f s (%d categories)%n", sets.training().size(),
                (System.nanoTime() - start) / 1e9, model.categories().size());
        print(out, "merchants seen in training, new transactions", Evaluation.of(seen, in -> model.predict(in).category()));
        print(out, "merchants never seen in training", Evaluation.of(sets.newMerchants(), in -> model.predict(in).category()));
        out.printf("prediction: %.1f µs per transaction (features and model)%n", microsPerPrediction(model, seen));
        out.flush();
        baseline(out, sets.training(), seen, sets.newMerchants());
        return 0;
    }

    /**
     * The seed systems' TF-IDF + logistic regression (scikit-learn) on the same data, through
     * launcher/src/main/python/categorizer_baseline.py and Debian's Python.
     */
    private static void baseline(PrintWriter out, List<CategoryModel.Example> training,
                                 List<CategoryModel.Example> seen, List<CategoryModel.Example> unseen)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ledgerstream-bench-categorizer");
        Path trainingFile = writeJsonLines(directory.resolve("training.jsonl"), training);
        Path seenFile = writeJsonLines(directory.resolve("seen.jsonl"), seen);
        Path unseenFile = writeJsonLines(directory.resolve("unseen.jsonl"), unseen);
        Path script = ProjectHome.path().resolve("launcher/src/main/python/categorizer_baseline.py");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        out.println("baseline: TF-IDF (words and word pairs) + LogisticRegression, scikit-learn, same training data");
        out.flush();
        Process process = new ProcessBuilder(python, script.toString(), trainingFile.toString(), seenFile.toString(),
                unseenFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
        List<String> parts = List.of("merchants seen in training, new transactions", "merchants never seen in training");
        for (int i = 0; i < lines.size() && i < parts.size(); i++) {
            JsonNode result = JSON.readTree(lines.get(i));
            out.printf("%s (%,d): accuracy %.3f, macro-F1 %.3f%n", parts.get(i), result.get("count").asInt(),
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

    /** Median of five timed passes over the inputs, after two passes of warm-up. */
    private static double microsPerPrediction(CategoryModel model, List<CategoryModel.Example> examples) {
        List<ModelInput> inputs = examples.stream().map(CategoryModel.Example::input).toList();
        double[] passes = new double[7];
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
