package io.ledgerstream.launcher;

import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.Evaluation;
import io.ledgerstream.topology.categorize.model.ModelInput;
import io.ledgerstream.topology.categorize.model.TrainingData;
import java.io.PrintWriter;
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
 * confusions and the cost of one prediction (features and model, after a warm-up).
 */
@Command(name = "categorizer", mixinStandardHelpOptions = true,
        description = "Train the categorizer's model and score it on held-apart transactions.")
final class CategorizerBenchCommand implements Callable<Integer> {

    @Option(names = "--per-merchant", defaultValue = "20",
            description = "Training transactions made from each merchant (default: ${DEFAULT-VALUE}).")
    private int perMerchant;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (perMerchant < 1) {
            throw new ParameterException(spec.commandLine(), "--per-merchant must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingData.Sets sets = TrainingData.generate(seed, perMerchant);
        // new transactions of the same merchants: another seed, so none is a training transaction
        List<CategoryModel.Example> seen = TrainingData.generate(seed + 1, Math.max(1, perMerchant / 2)).training();
        long start = System.nanoTime();
        CategoryModel model = CategoryModel.train("bench", sets.training(), CategoryModel.OPTIONS);
        out.printf("trained on %,d transactions in %.1f s (%d categories)%n", sets.training().size(),
                (System.nanoTime() - start) / 1e9, model.categories().size());
        print(out, "merchants seen in training, new transactions", Evaluation.of(seen, in -> model.predict(in).category()));
        print(out, "merchants never seen in training", Evaluation.of(sets.evaluation(), in -> model.predict(in).category()));
        out.printf("prediction: %.1f µs per transaction (features and model)%n", microsPerPrediction(model, seen));
        return 0;
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
